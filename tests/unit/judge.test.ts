/**
 * The contract's judgement rules, table-driven, with expectations worked out by hand in the
 * comments (month indices: 2023-06 = 2023 × 12 + 5).
 */
import { describe, expect, it } from 'vitest';
import {
  ABOUT_TOLERANCE,
  actualOf,
  attainment,
  attainmentRatio,
  dueMonth,
  expectedPace,
  isCap,
  judge,
  judgementMonth,
  paceAdjustedAttainment,
  satisfies,
} from '../../src/domain/judge';
import type { ActualComponents } from '../../src/domain/types';

const m = (y: number, month: number) => y * 12 + month - 1;

describe('satisfies', () => {
  it.each([
    ['>=', 90, 90, true],
    ['>=', 89.99, 90, false],
    ['>', 80, 80, false], // 大于 does not include the number
    ['>', 80.01, 80, true],
    ['<=', 5, 5, true], // 以内 / 控制在 include it
    ['<=', 5.01, 5, false],
    ['<', 5, 5, false],
    ['=', 100, 100, true],
    ['=', 99.9, 100, false],
    ['~', 13.5, 15, true], // 左右: 15 ± 1.5
    ['~', 16.5, 15, true],
    ['~', 13.4, 15, false],
    ['~', 16.6, 15, false],
  ] as const)('%s: %d vs %d → %s', (cmp, actual, target, expected) => {
    expect(satisfies(actual, cmp, target)).toBe(expected);
  });
  it('about tolerance is 10%', () => expect(ABOUT_TOLERANCE).toBe(0.1));
});

describe('due and judgement month', () => {
  it('defaults to December of the target year', () => {
    expect(dueMonth({ dueDate: '2023-12-31', year: 2023 })).toBe(m(2023, 12));
    expect(dueMonth({ dueDate: 'nonsense', year: 2023 })).toBe(m(2023, 12));
  });
  it('judges at the due month when it came before the as-of month', () => {
    expect(judgementMonth({ dueDate: '2023-06-30', year: 2023 }, m(2024, 3))).toBe(m(2023, 6));
    expect(judgementMonth({ dueDate: '2023-12-31', year: 2023 }, m(2023, 5))).toBe(m(2023, 5));
  });
});

describe('expected pace (序时进度)', () => {
  it('is target × months elapsed ÷ months to due, for flows', () => {
    // 5000 by December; June: 5000 × 6 / 12 = 2500.
    expect(expectedPace('flow', 5000, 2022, m(2022, 6), m(2022, 12))).toBe(2500);
    // Due in September: March → 900 × 3 / 9 = 300.
    expect(expectedPace('flow', 900, 2023, m(2023, 3), m(2023, 9))).toBe(300);
    // At the due month the pace is the whole target.
    expect(expectedPace('flow', 910, 2022, m(2022, 12), m(2022, 12))).toBe(910);
  });
  it('does not apply to levels and rates', () => {
    expect(expectedPace('level', 400000, 2022, m(2022, 6), m(2022, 12))).toBeNull();
    expect(expectedPace('rate', 90, 2023, m(2023, 6), m(2023, 12))).toBeNull();
  });
  it('is zero before the target year starts', () => {
    expect(expectedPace('flow', 1200, 2024, m(2023, 11), m(2024, 12))).toBe(0);
  });
});

describe('attainment', () => {
  it('is actual ÷ target for floors and target ÷ actual for caps', () => {
    expect(attainment(45, '>=', 50)).toBe(90);
    expect(attainment(4, '<=', 5)).toBe(125);
    expect(attainment(null, '>=', 50)).toBeNull();
    expect(attainment(10, '>=', 0)).toBeNull();
    expect(attainment(0, '<=', 5)).toBeNull();
  });
});

const comps = (c: Partial<ActualComponents>): ActualComponents => ({
  contributors: 1,
  value: null,
  numerator: null,
  denominator: null,
  latestPeriod: null,
  illustrative: false,
  sources: [],
  fromChildren: false,
  ...c,
});

describe('actual of components', () => {
  it('reads rates as 100 × pooled numerator ÷ pooled denominator', () => {
    // Pooled from two districts: (90 + 10) / (100 + 100) = 50%, whatever the districts' own rates.
    expect(actualOf('rate', comps({ numerator: 100, denominator: 200 }))).toBe(50);
    expect(actualOf('rate', comps({ numerator: 1, denominator: 0 }))).toBeNull();
  });
  it('reads flows and levels as the value', () => {
    expect(actualOf('flow', comps({ value: 5397 }))).toBe(5397);
    expect(actualOf('level', comps({ value: 390932 }))).toBe(390932);
  });
  it('is null without rows', () => {
    expect(actualOf('flow', null)).toBeNull();
    expect(actualOf('flow', comps({ contributors: 0, value: 3 }))).toBeNull();
  });
});

describe('judge: each status', () => {
  const base = { year: 2022, due: m(2022, 12) };
  it.each([
    // name, input, status, expected pace
    [
      'met: flow reached its target early',
      { kind: 'flow', comparator: '>=', asOf: m(2022, 9), actual: 5100, target: 5000 },
      'met',
      3750,
    ],
    [
      'on_track: flow at pace (2500 of 5000 in June)',
      { kind: 'flow', comparator: '>=', asOf: m(2022, 6), actual: 2500, target: 5000 },
      'on_track',
      2500,
    ],
    ['behind: flow below pace', { kind: 'flow', comparator: '>=', asOf: m(2022, 6), actual: 2499, target: 5000 }, 'behind', 2500],
    [
      'missed: flow short at the due month',
      { kind: 'flow', comparator: '>=', asOf: m(2022, 12), actual: 903, target: 910 },
      'missed',
      910,
    ],
    [
      'missed: judged after the due month',
      { kind: 'flow', comparator: '>=', asOf: m(2023, 4), actual: 903, target: 910 },
      'missed',
      910,
    ],
    [
      'behind: a rate below its floor mid-year is never on track',
      { kind: 'rate', comparator: '>=', asOf: m(2022, 6), actual: 95, target: 100 },
      'behind',
      null,
    ],
    ['missed: a rate at year end', { kind: 'rate', comparator: '>', asOf: m(2022, 12), actual: 80, target: 80 }, 'missed', null],
    [
      'met: a level at its floor',
      { kind: 'level', comparator: '>=', asOf: m(2022, 12), actual: 400000, target: 400000 },
      'met',
      null,
    ],
    ['met: a cap kept', { kind: 'level', comparator: '<=', asOf: m(2022, 6), actual: 4.5, target: 5 }, 'met', null],
    [
      'behind: a cap exceeded before due',
      { kind: 'level', comparator: '<=', asOf: m(2022, 6), actual: 5.2, target: 5 },
      'behind',
      null,
    ],
    [
      'met: about 15 (16 is within ±10%)',
      { kind: 'flow', comparator: '~', asOf: m(2022, 12), actual: 16, target: 15 },
      'met',
      15,
    ],
    ['missed: about 15 (17 is not)', { kind: 'flow', comparator: '~', asOf: m(2022, 12), actual: 17, target: 15 }, 'missed', 15],
    [
      'on_track: about 15 in June with 8 (pace 7.5)',
      { kind: 'flow', comparator: '~', asOf: m(2022, 6), actual: 8, target: 15 },
      'on_track',
      7.5,
    ],
    ['no_data: no actual', { kind: 'flow', comparator: '>=', asOf: m(2022, 6), actual: null, target: 5000 }, 'no_data', 2500],
    [
      'no_data: baseline year without data',
      { kind: 'flow', comparator: '>=', asOf: m(2022, 6), actual: 700, target: null },
      'no_data',
      null,
    ],
  ] as const)('%s', (_name, input, status, pace) => {
    const j = judge({ ...base, ...input });
    expect(j.status).toBe(status);
    expect(j.expected).toBe(pace);
  });

  it('a <= flow over its cap before due is behind, not on track', () => {
    // Cap 1200 for the year; 700 in June is within the cap → met (the comparator holds).
    expect(
      judge({ kind: 'flow', comparator: '<=', year: 2024, due: m(2024, 12), asOf: m(2024, 6), actual: 700, target: 1200 }).status,
    ).toBe('met');
    // 1300 by June breaks the cap: not met, not due, above pace (600) → behind.
    const j = judge({
      kind: 'flow',
      comparator: '<=',
      year: 2024,
      due: m(2024, 12),
      asOf: m(2024, 6),
      actual: 1300,
      target: 1200,
    });
    expect(j.status).toBe('behind');
    expect(j.expected).toBe(600);
  });

  it('reports the month it judged at', () => {
    expect(
      judge({ kind: 'rate', comparator: '>=', year: 2023, due: m(2023, 12), asOf: m(2025, 12), actual: 91, target: 90 }).judgedAt,
    ).toBe('2023-12');
    expect(
      judge({ kind: 'rate', comparator: '>=', year: 2023, due: m(2023, 12), asOf: m(2023, 7), actual: 91, target: 90 }).judgedAt,
    ).toBe('2023-07');
  });

  it('attainment follows the comparator', () => {
    expect(
      judge({ kind: 'level', comparator: '<=', year: 2023, due: m(2023, 12), asOf: m(2023, 12), actual: 4, target: 5 })
        .attainment,
    ).toBe(125);
  });
});

describe('strict caps and exact targets (`<`, `=`)', () => {
  it('`<` is met strictly below the number: 4.99 against < 5 is met, 5 is not', () => {
    expect(satisfies(4.99, '<', 5)).toBe(true);
    expect(satisfies(5, '<', 5)).toBe(false);
    expect(
      judge({ kind: 'level', comparator: '<', year: 2024, due: m(2024, 12), asOf: m(2024, 12), actual: 4.99, target: 5 }).status,
    ).toBe('met');
    expect(
      judge({ kind: 'level', comparator: '<', year: 2024, due: m(2024, 12), asOf: m(2024, 12), actual: 5, target: 5 }).status,
    ).toBe('missed');
  });
  it('`<` is a cap like `<=`: attainment of 4 against < 5 is 5 ÷ 4 = 125', () => {
    expect(isCap('<')).toBe(true);
    expect(isCap('<=')).toBe(true);
    expect((['>=', '>', '=', '~'] as const).map(isCap)).toEqual([false, false, false, false]);
    expect(attainment(4, '<', 5)).toBe(125);
    expect(
      judge({ kind: 'level', comparator: '<', year: 2024, due: m(2024, 12), asOf: m(2024, 6), actual: 4, target: 5 }).attainment,
    ).toBe(125);
  });
  it('`=` is met only at the number, to within 1e-9 of it', () => {
    expect(satisfies(100.00000005, '=', 100)).toBe(true); // 5e-8 ≤ 1e-9 × 100
    expect(satisfies(100.001, '=', 100)).toBe(false);
    expect(satisfies(99.999, '=', 100)).toBe(false);
    expect(satisfies(0, '=', 0)).toBe(true);
    expect(satisfies(0.5e-9, '=', 0)).toBe(true); // tolerance at least 1e-9 near zero
    expect(satisfies(2e-9, '=', 0)).toBe(false);
    expect(
      judge({ kind: 'flow', comparator: '=', year: 2024, due: m(2024, 12), asOf: m(2024, 12), actual: 12, target: 12 }).status,
    ).toBe('met');
    expect(
      judge({ kind: 'flow', comparator: '=', year: 2024, due: m(2024, 12), asOf: m(2024, 12), actual: 13, target: 12 }).status,
    ).toBe('missed');
  });
  it('`~` tolerance scales with the target and holds for negative targets', () => {
    expect(satisfies(-13.5, '~', -15)).toBe(true);
    expect(satisfies(-13.4, '~', -15)).toBe(false);
    expect(satisfies(1e-10, '~', 0)).toBe(true);
    expect(satisfies(1e-8, '~', 0)).toBe(false);
  });
  it('`>` and `>=` differ only at the number', () => {
    expect(satisfies(80, '>=', 80)).toBe(true);
    expect(satisfies(80, '>', 80)).toBe(false);
    expect(satisfies(79.99, '>=', 80)).toBe(false);
    expect(satisfies(5, '<=', 5)).toBe(true);
    expect(satisfies(4.99, '<=', 5)).toBe(true);
  });
});

describe('attainment ratio', () => {
  it('0 ÷ 0 is on target; x ÷ 0 is beyond any ratio, with its sign', () => {
    expect(attainmentRatio(0, '>=', 0)).toBe(100);
    expect(attainmentRatio(10, '>=', 0)).toBe(Infinity);
    expect(attainmentRatio(-10, '>=', 0)).toBe(-Infinity);
    expect(attainmentRatio(0, '<=', 5)).toBe(Infinity); // a cap of 5 with nothing against it
    expect(attainmentRatio(0, '<=', 0)).toBe(100);
  });
  it('is null when a side is unknown or not finite', () => {
    expect(attainmentRatio(null, '>=', 5)).toBeNull();
    expect(attainmentRatio(5, '>=', null)).toBeNull();
    expect(attainmentRatio(Infinity, '>=', 5)).toBeNull();
    expect(attainmentRatio(5, '>=', NaN)).toBeNull();
    expect(attainment(10, '>=', 0)).toBeNull();
  });
  it('is actual ÷ target for floors, target ÷ actual for caps', () => {
    expect(attainmentRatio(45, '>=', 50)).toBe(90);
    expect(attainmentRatio(45, '>', 50)).toBe(90);
    expect(attainmentRatio(4, '<=', 5)).toBe(125);
    expect(attainmentRatio(-5, '>=', 10)).toBe(-50);
  });
});

describe('pace-adjusted attainment', () => {
  it('a flow before its due month is measured against the pace: 2600 against a pace of 2500 is 104', () => {
    expect(paceAdjustedAttainment({ actual: 2600, expected: 2500, target: 5000, attainment: 52 }, '>=')).toBe(104);
  });
  it('a cap’s pace attainment is pace ÷ actual: 500 against a pace of 600 (cap 1200) is 120, not 83.3', () => {
    expect(paceAdjustedAttainment({ actual: 500, expected: 600, target: 1200, attainment: 240 }, '<=')).toBe(120);
    expect(paceAdjustedAttainment({ actual: 500, expected: 600, target: 1200, attainment: 240 }, '<')).toBe(120);
    // The same through judge: a `<=` flow cap of 1200 for the year, 500 by June (pace 600).
    const j = judge({
      kind: 'flow',
      comparator: '<=',
      year: 2024,
      due: m(2024, 12),
      asOf: m(2024, 6),
      actual: 500,
      target: 1200,
    });
    expect([j.expected, j.attainment, paceAdjustedAttainment(j, '<=')]).toEqual([600, 240, 120]);
  });
  it('at the due month, or without a pace, it is the plain attainment; without an actual, null', () => {
    expect(paceAdjustedAttainment({ actual: 900, expected: 1000, target: 1000, attainment: 90 }, '>=')).toBe(90);
    expect(paceAdjustedAttainment({ actual: 95, expected: null, target: 100, attainment: 95 }, '>=')).toBe(95);
    expect(paceAdjustedAttainment({ actual: 95, expected: 50, target: null, attainment: null }, '>=')).toBeNull();
    expect(paceAdjustedAttainment({ actual: null, expected: 500, target: 1000, attainment: null }, '>=')).toBeNull();
    // A flow with nothing done against a pace of 0 (due in a later year) has no finite ratio.
    expect(paceAdjustedAttainment({ actual: 10, expected: 0, target: 100, attainment: 10 }, '>=')).toBeNull();
  });
});

describe('pace and judgement at the edges of the year', () => {
  it('after the due month the pace is the whole target; a due month before the year means the whole target', () => {
    expect(expectedPace('flow', 900, 2023, m(2023, 12), m(2023, 9))).toBe(900);
    expect(expectedPace('flow', 100, 2024, m(2024, 6), m(2023, 12))).toBe(100);
    expect(expectedPace('flow', null, 2024, m(2024, 6), m(2024, 12))).toBeNull();
    // January of the year: one month of twelve.
    expect(expectedPace('flow', 1200, 2024, m(2024, 1), m(2024, 12))).toBe(100);
  });
  it('a flow cap under its pace before the due month is met: the cap still holds', () => {
    const j = judge({ kind: 'flow', comparator: '<', year: 2024, due: m(2024, 12), asOf: m(2024, 6), actual: 600, target: 1200 });
    expect(j.status).toBe('met');
  });
  it('a flow exactly at the pace is on track, one below is behind; a level is never on track', () => {
    const base = { kind: 'flow', comparator: '>=', year: 2024, due: m(2024, 12), asOf: m(2024, 3), target: 1200 } as const;
    expect(judge({ ...base, actual: 300 }).status).toBe('on_track');
    expect(judge({ ...base, actual: 299 }).status).toBe('behind');
    expect(judge({ ...base, kind: 'level', actual: 300 }).status).toBe('behind');
  });
  it('the month before the due month is not yet missed', () => {
    const j = judge({ kind: 'rate', comparator: '>=', year: 2024, due: m(2024, 6), asOf: m(2024, 5), actual: 80, target: 90 });
    expect(j.status).toBe('behind');
    expect(
      judge({ kind: 'rate', comparator: '>=', year: 2024, due: m(2024, 6), asOf: m(2024, 6), actual: 80, target: 90 }).status,
    ).toBe('missed');
  });
  it('a rate’s actual needs both counts and a positive denominator', () => {
    expect(actualOf('rate', comps({ numerator: null, denominator: 10 }))).toBeNull();
    expect(actualOf('rate', comps({ numerator: 1, denominator: null }))).toBeNull();
    expect(actualOf('rate', comps({ numerator: 1, denominator: -2 }))).toBeNull();
    expect(actualOf('rate', comps({ numerator: 0, denominator: 4 }))).toBe(0);
    expect(actualOf('rate', comps({ numerator: 3, denominator: 4, value: 99 }))).toBe(75);
  });
});

describe('tolerances at their edge', () => {
  it('`=` and `~` accept a difference of exactly the tolerance', () => {
    expect(satisfies(1e-9, '=', 0)).toBe(true);
    expect(satisfies(1e-9, '~', 0)).toBe(true);
    expect(satisfies(-1e-9, '~', 0)).toBe(true);
  });
  it('no actual, no pace attainment, whatever else is known', () => {
    expect(paceAdjustedAttainment({ actual: null, expected: null, target: 100, attainment: 50 }, '>=')).toBeNull();
  });
});
