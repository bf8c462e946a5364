/**
 * Projection to the due month (the contract's "Will it be met?"), table-driven, each expectation
 * worked out by hand in its comment. Month indices: 2024-09 = 2024 × 12 + 8; m and M count months
 * from January (September → m = 9, December → M = 12).
 */
import { describe, expect, it } from 'vitest';
import {
  lastYearChange,
  lastYearFigure,
  lastYearMonths,
  linearProjection,
  neededPerMonth,
  neededShown,
  project,
  projectedShown,
  projectedStatus,
  seasonalProjection,
  type ProjectionInput,
} from '../../src/domain/projection';
import type { ActualComponents } from '../../src/domain/types';

const m = (y: number, month: number) => y * 12 + month - 1;

describe('the pieces', () => {
  it.each([
    // 8010 in 9 months, kept up for 12: 8010 × 12 ÷ 9 = 10680.
    [8010, 9, 12, 10680],
    // 45000 in 3 months, due in June: 45000 × 6 ÷ 3 = 90000.
    [45000, 3, 6, 90000],
    // Nothing yet: still nothing.
    [0, 4, 12, 0],
  ])('linear: %d after %d of %d months → %d', (actual, mm, MM, want) => {
    expect(linearProjection(actual, mm, MM)).toBe(want);
  });

  it.each([
    // Last year 8900 by September, 11000 by December: 8010 × 11000 ÷ 8900 = 9900.
    [8010, 8900, 11000, 9900],
    // Last year's share by September 720 of 1200 (60 %): 900 ÷ 0.6 = 1500.
    [900, 720, 1200, 1500],
    // No figure for one of the months, or nothing last year by month m: no seasonal projection.
    [900, null, 1200, null],
    [900, 720, null, null],
    [900, 0, 1200, null],
  ] as const)('seasonal: %d with LY(m) %s, LY(M) %s → %s', (actual, lym, lyM, want) => {
    const got = seasonalProjection(actual, lym, lyM);
    if (want == null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 9);
  });

  it.each([
    // 85 % now; last year 75 % in September and 80.5 % in December: +5.5 points → 90.5 %.
    [85, 75, 80.5, 90.5],
    // A level: 980000 now, last year 950000 → 965000: +15000 → 995000.
    [980000, 950000, 965000, 995000],
    // Last year went down: 85 − (75 − 70) = 80.
    [85, 75, 70, 80],
    [85, null, 80, null],
  ] as const)('last year change: %d with LY(m) %s, LY(M) %s → %s', (actual, lym, lyM, want) => {
    const got = lastYearChange(actual, lym, lyM);
    if (want == null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 9);
  });

  it.each([
    // (12000 − 8010) ÷ 3 = 1330.
    [12000, 8010, 3, 1330],
    // A cap: 1200 − 900 = 300 left over 3 months → at most 100 a month.
    [1200, 900, 3, 100],
    // Already past a floor, or over a cap: nothing more is needed / nothing more may come.
    [1000, 1200, 3, 0],
    [1200, 1300, 3, 0],
    // (1000 − 810) ÷ 3 = 63.33…
    [1000, 810, 3, 190 / 3],
    [null, 810, 3, null],
    [1000, 810, 0, null],
  ] as const)('needed per month: (%s − %d) ÷ %d → %s', (target, actual, left, want) => {
    const got = neededPerMonth(target, actual, left);
    if (want == null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 9);
  });

  it.each([
    [9900, '>=', 12000, 'missed'],
    [12000, '>=', 12000, 'met'],
    [1500, '<=', 1200, 'missed'],
    [1200, '<=', 1200, 'met'],
    [1920, '~', 2000, 'met'], // within ±10 %
    [1700, '~', 2000, 'missed'],
    [90.5, '>=', 90, 'met'],
    [100, '>=', null, null],
  ] as const)('projected status: %d %s %s → %s', (p, cmp, target, want) => {
    expect(projectedStatus(p, cmp, target)).toBe(want);
  });

  it('reads last year at month m and M of the year before: E − 12 and the due month − 12', () => {
    expect(lastYearMonths({ dueDate: '2024-12-31', year: 2024 }, m(2024, 9))).toEqual({ elapsed: m(2023, 9), due: m(2023, 12) });
    expect(lastYearMonths({ dueDate: '2024-06-30', year: 2024 }, m(2024, 3))).toEqual({ elapsed: m(2023, 3), due: m(2023, 6) });
    // Already due (as of its due month or later), or judged before its year began: nothing to read.
    expect(lastYearMonths({ dueDate: '2024-06-30', year: 2024 }, m(2024, 6))).toBeNull();
    expect(lastYearMonths({ dueDate: '2024-06-30', year: 2024 }, m(2024, 9))).toBeNull();
    expect(lastYearMonths({ dueDate: '2025-12-31', year: 2025 }, m(2024, 9))).toBeNull();
  });

  const comps = (latest: string, extra: Partial<ActualComponents>): ActualComponents => ({
    contributors: 1,
    value: null,
    numerator: null,
    denominator: null,
    latestPeriod: latest,
    illustrative: false,
    sources: [],
    fromChildren: false,
    ...extra,
  });
  it('takes last year\u2019s figure for a month only when last year\u2019s rows reach that month', () => {
    expect(lastYearFigure('flow', comps('2023-09', { value: 8900 }), m(2023, 9))).toBe(8900);
    // A June 累计 read in September is June's total, not September's.
    expect(lastYearFigure('flow', comps('2023-06', { value: 600 }), m(2023, 9))).toBeNull();
    expect(lastYearFigure('flow', null, m(2023, 9))).toBeNull();
    // A rate from that year's own counts: 450 ÷ 600 = 75 %.
    expect(lastYearFigure('rate', comps('2023-09', { numerator: 450, denominator: 600 }), m(2023, 9))).toBe(75);
  });

  it('asks for whole units: at least the needed amount (rounded up), at most the allowance of a cap (rounded down)', () => {
    expect(neededShown(190 / 3, '>=')).toBe(64);
    expect(neededShown(1330, '>=')).toBe(1330);
    expect(neededShown(100, '<=')).toBe(100);
    expect(neededShown(100 / 3, '<=')).toBe(33);
    expect(projectedShown(1080.4, 'flow')).toBe(1080);
    expect(projectedShown(90.55, 'rate')).toBe(90.55);
  });
});

describe('project', () => {
  const base = { year: 2024, due: m(2024, 12), asOf: m(2024, 9), lastYear: { elapsed: null, due: null } } as const;
  const cases: [string, ProjectionInput, ReturnType<typeof project>][] = [
    [
      // Seasonal year: 8010 by September; last year 8900 by September, 11000 by December.
      // Seasonal 8010 × 11000 ÷ 8900 = 9900; linear 8010 × 12 ÷ 9 = 10680; band 9900–10680;
      // 9900 < 12000 → missed; needed (12000 − 8010) ÷ 3 = 1330.
      'a flow with last year: seasonal, band to the linear figure',
      { ...base, kind: 'flow', comparator: '>=', actual: 8010, target: 12000, lastYear: { elapsed: 8900, due: 11000 } },
      { value: 9900, method: 'seasonal', band: { low: 9900, high: 10680 }, status: 'missed', neededMonthly: 1330, monthsElapsed: 9, monthsToDue: 12, lastYear: { elapsed: 8900, due: 11000 } },
    ],
    [
      // No last year: linear 810 × 12 ÷ 9 = 1080 ≥ 1000 → met; band is the one figure;
      // needed (1000 − 810) ÷ 3 = 63.33….
      'a flow without last year: linear',
      { ...base, kind: 'flow', comparator: '>=', actual: 810, target: 1000 },
      { value: 1080, method: 'linear', band: { low: 1080, high: 1080 }, status: 'met', neededMonthly: 190 / 3, monthsElapsed: 9, monthsToDue: 12, lastYear: { elapsed: null, due: null } },
    ],
    [
      // A cap, on pace now (900 = 1200 × 9 ÷ 12) but last year came late (720 by September of
      // 1200): seasonal 900 × 1200 ÷ 720 = 1500 > 1200 → missed; linear 1200; at most 100 a month.
      'a <= flow: seasonal over the cap, needed is the most per month',
      { ...base, kind: 'flow', comparator: '<=', actual: 900, target: 1200, lastYear: { elapsed: 720, due: 1200 } },
      { value: 1500, method: 'seasonal', band: { low: 1200, high: 1500 }, status: 'missed', neededMonthly: 100, monthsElapsed: 9, monthsToDue: 12, lastYear: { elapsed: 720, due: 1200 } },
    ],
    [
      // Last year had nothing by month m (LY(m) = 0): the linear figure, 300 × 12 ÷ 3 = 1200.
      'a flow whose last year had nothing by month m: linear',
      { ...base, asOf: m(2024, 3), kind: 'flow', comparator: '<=', actual: 300, target: 1200, lastYear: { elapsed: 0, due: 1200 } },
      { value: 1200, method: 'linear', band: { low: 1200, high: 1200 }, status: 'met', neededMonthly: 100, monthsElapsed: 3, monthsToDue: 12, lastYear: { elapsed: 0, due: 1200 } },
    ],
    [
      // Due in June, as of March: m = 3, M = 6. 30000 by March; last year 20000 by March and
      // 50000 by June: seasonal 30000 × 50000 ÷ 20000 = 75000; linear 30000 × 6 ÷ 3 = 60000;
      // ≥ 50000 → met; needed max(0, (50000 − 30000) ÷ 3) = 6666.67.
      'due before December: M is the due month',
      { ...base, due: m(2024, 6), asOf: m(2024, 3), kind: 'flow', comparator: '>=', actual: 30000, target: 50000, lastYear: { elapsed: 20000, due: 50000 } },
      { value: 75000, method: 'seasonal', band: { low: 60000, high: 75000 }, status: 'met', neededMonthly: 20000 / 3, monthsElapsed: 3, monthsToDue: 6, lastYear: { elapsed: 20000, due: 50000 } },
    ],
    [
      // Already due (June, as of September): P is the actual, 48000 < 50000 → missed; nothing
      // is needed any more, no band.
      'a target already due: the actual',
      { ...base, due: m(2024, 6), kind: 'flow', comparator: '>=', actual: 48000, target: 50000, lastYear: { elapsed: 1, due: 2 } },
      { value: 48000, method: 'final', band: null, status: 'missed', neededMonthly: null, monthsElapsed: 6, monthsToDue: 6, lastYear: { elapsed: 1, due: 2 } },
    ],
    [
      // 85 % + (80.5 − 75) = 90.5 % ≥ 90 → met.
      'a rate with last year: last year\u2019s change',
      { ...base, kind: 'rate', comparator: '>=', actual: 85, target: 90, lastYear: { elapsed: 75, due: 80.5 } },
      { value: 90.5, method: 'last_year_change', band: null, status: 'met', neededMonthly: null, monthsElapsed: 9, monthsToDue: 12, lastYear: { elapsed: 75, due: 80.5 } },
    ],
    [
      // No last year: 90 % stays 90 % < 95 → missed.
      'a rate without last year: unchanged',
      { ...base, kind: 'rate', comparator: '>=', actual: 90, target: 95 },
      { value: 90, method: 'unchanged', band: null, status: 'missed', neededMonthly: null, monthsElapsed: 9, monthsToDue: 12, lastYear: { elapsed: null, due: null } },
    ],
    [
      // A level cap: 19000 ≤ 20000 stays met.
      'a level without last year',
      { ...base, kind: 'level', comparator: '<=', actual: 19000, target: 20000 },
      { value: 19000, method: 'unchanged', band: null, status: 'met', neededMonthly: null, monthsElapsed: 9, monthsToDue: 12, lastYear: { elapsed: null, due: null } },
    ],
    [
      // A baseline that could not be read: projected, but with no status and nothing needed.
      'a flow whose target is unknown',
      { ...base, kind: 'flow', comparator: '>=', actual: 900, target: null },
      { value: 1200, method: 'linear', band: { low: 1200, high: 1200 }, status: null, neededMonthly: null, monthsElapsed: 9, monthsToDue: 12, lastYear: { elapsed: null, due: null } },
    ],
  ];
  it.each(cases)('%s', (_, input, want) => {
    const got = project(input)!;
    expect(got).not.toBeNull();
    expect(got.method).toBe(want!.method);
    expect(got.status).toBe(want!.status);
    expect(got.value).toBeCloseTo(want!.value, 9);
    expect(got.monthsElapsed).toBe(want!.monthsElapsed);
    expect(got.monthsToDue).toBe(want!.monthsToDue);
    expect(got.lastYear).toEqual(want!.lastYear);
    if (want!.band == null) expect(got.band).toBeNull();
    else {
      expect(got.band!.low).toBeCloseTo(want!.band.low, 9);
      expect(got.band!.high).toBeCloseTo(want!.band.high, 9);
    }
    if (want!.neededMonthly == null) expect(got.neededMonthly).toBeNull();
    else expect(got.neededMonthly).toBeCloseTo(want!.neededMonthly, 9);
  });

  it('projects nothing without an actual, or before the target year began', () => {
    expect(project({ ...base, kind: 'flow', comparator: '>=', actual: null, target: 500 })).toBeNull();
    expect(project({ ...base, year: 2025, due: m(2025, 12), kind: 'flow', comparator: '>=', actual: 10, target: 500 })).toBeNull();
  });

  it('is the actual, with status met, for a target already met at its due month', () => {
    const p = project({ ...base, asOf: m(2024, 12), kind: 'level', comparator: '>=', actual: 1205000, target: 1200000 })!;
    expect(p).toMatchObject({ value: 1205000, method: 'final', status: 'met', neededMonthly: null });
  });
});
