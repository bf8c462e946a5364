/**
 * A projection as the reader meets it: the briefing's sentence, the status filter's extra value in
 * the URL and in the rows, sorting by the projection's columns, and the chart's dashed run and
 * band. Expectations worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/app/url-state';
import { buildMonthlyOption, projectionPath } from '../../src/charts/build-monthly-option';
import { ANALYST_THEME } from '../../src/charts/theme';
import { matchesStatusFilter, PROJECTED_MISSED } from '../../src/domain/projection';
import {
  horizonEndText,
  horizonText,
  monthText,
  neededRatio,
  projectionSentence,
  type ProjectionSentenceInput,
} from '../../src/domain/projection-text';
import type { JudgedTarget, Projection, SeriesPoint } from '../../src/domain/types';
import { parseSort, sortRows } from '../../src/views/analyst/sort-rows';

const proj = (extra: Partial<Projection>): Projection => ({
  value: 0,
  method: 'linear',
  band: null,
  status: null,
  neededMonthly: null,
  monthsElapsed: 9,
  monthsToDue: 12,
  lastYear: { elapsed: null, due: null },
  ...extra,
});

describe('projectionSentence', () => {
  const flow: ProjectionSentenceInput = {
    kind: 'flow',
    unit: 'persons',
    comparator: '>=',
    dueDate: '2024-12-31',
    year: 2024,
    actual: 8010,
    target: 12000,
    projection: proj({ value: 9900, method: 'seasonal', band: { low: 9900, high: 10680 }, status: 'missed', neededMonthly: 1330 }),
  };
  it('a seasonal flow: projected figure, gap, what each month needs against the monthly average so far', () => {
    // 8010 ÷ 9 = 890 a month; 1330 ÷ 890 = 1.49 → 1.5倍.
    expect(projectionSentence(flow, 'zh')).toBe('按去年同期进度预计全年完成9900人，低于目标2100人；后续每月需完成1330人，为前9个月月均的1.5倍。');
    expect(projectionSentence(flow, 'en')).toBe(
      "At last year's pace, projected 9,900 persons for the year, 2,100 persons below target; each remaining month needs 1,330 persons, 1.5× the monthly average of the first 9 months.",
    );
  });
  it('a linear flow asks for whole units: 63.33 a month is 64', () => {
    const s = { ...flow, unit: 'count', actual: 810, target: 1000, projection: proj({ value: 1080, status: 'met', neededMonthly: 190 / 3 }) };
    // 64 ÷ (810 ÷ 9 = 90) = 0.71 → 0.7倍.
    expect(projectionSentence(s, 'zh')).toBe('按当前进度预计全年完成1080个，高于目标80个；后续每月需完成64个，为前9个月月均的0.7倍。');
  });
  it('a cap: 累计, over the cap, and the most that may still come each month (rounded down)', () => {
    const s = { ...flow, comparator: '<=' as const, actual: 900, target: 1200, projection: proj({ value: 1500, method: 'seasonal', status: 'missed', neededMonthly: 100 }) };
    expect(projectionSentence(s, 'zh')).toBe('按去年同期进度预计全年累计1500人，超出上限300人；后续每月不超过100人，为前9个月月均的1.0倍。');
  });
  it('nothing more needed: no monthly clause', () => {
    const s = { ...flow, actual: 12500, projection: proj({ value: 16667, status: 'met', neededMonthly: 0 }) };
    expect(projectionSentence(s, 'zh')).toBe('按当前进度预计全年完成1.67万人，高于目标4667人。');
  });
  it('about (左右): says whether the projection lands inside ±10 %', () => {
    const s = { ...flow, comparator: '~' as const, actual: 1440, target: 2000, projection: proj({ value: 1920, status: 'met', neededMonthly: 560 / 3 }) };
    expect(projectionSentence(s, 'zh')).toBe('按当前进度预计全年完成1920人，低于目标80人，预计达标；后续每月需完成187人，为前9个月月均的1.2倍。');
  });
  it('rates and levels: last year\u2019s change, or held where they are', () => {
    const rate = { ...flow, kind: 'rate' as const, unit: 'percent', actual: 85, target: 90, projection: proj({ value: 90.5, method: 'last_year_change', status: 'met' }) };
    expect(projectionSentence(rate, 'zh')).toBe('按去年同期变化预计年末90.5%，高于目标0.5个百分点。');
    const level = { ...rate, kind: 'level' as const, unit: 'persons', actual: 19000, target: 20000, comparator: '<=' as const, projection: proj({ value: 19000, method: 'unchanged', status: 'met' }) };
    expect(projectionSentence(level, 'zh')).toBe('去年无同期数据，按当前水平预计年末1.9万人，低于上限1000人。');
    expect(projectionSentence(level, 'en')).toBe('No figures for last year: at its current level, projected 19,000 persons at year end, 1,000 persons under the cap.');
  });
  it('a target due before December reaches its due month; one already due has no sentence', () => {
    expect(horizonText('2024-06-30', 2024, 'zh')).toBe('至2024年6月');
    expect(horizonText('2024-06-30', 2024, 'en')).toBe('by 2024-06');
    expect(horizonText('2024-12-31', 2024, 'zh')).toBe('全年');
    expect(projectionSentence({ ...flow, projection: proj({ value: 48000, method: 'final', status: 'missed' }) }, 'zh')).toBeNull();
  });
});

describe('projectionSentence, every side and both languages', () => {
  const flow: ProjectionSentenceInput = {
    kind: 'flow',
    unit: 'persons',
    comparator: '>=',
    dueDate: '2024-12-31',
    year: 2024,
    actual: 9000,
    target: 12000,
    projection: proj({ value: 12000, status: 'met', neededMonthly: 1000 }),
  };
  it('a flow projected exactly at its target is level with it; the linear method says "the current pace"', () => {
    // 9000 ÷ 9 = 1000 a month; 1000 ÷ 1000 = 1.0倍. 12000 is 1.2万 in Chinese.
    expect(projectionSentence(flow, 'zh')).toBe(
      '按当前进度预计全年完成1.2万人，与目标持平；后续每月需完成1000人，为前9个月月均的1.0倍。',
    );
    expect(projectionSentence(flow, 'en')).toBe(
      'At the current pace, projected 12,000 persons for the year, level with the target; each remaining month needs 1,000 persons, 1.0× the monthly average of the first 9 months.',
    );
  });
  it('above target in English; a count has no unit word', () => {
    const s = {
      ...flow,
      unit: 'count',
      actual: 810,
      target: 1000,
      projection: proj({ value: 1080, status: 'met', neededMonthly: 190 / 3 }),
    };
    // 63.33 → 64 a month; 64 ÷ 90 = 0.71 → 0.7×.
    expect(projectionSentence(s, 'en')).toBe(
      'At the current pace, projected 1,080 for the year, 80 above target; each remaining month needs 64, 0.7× the monthly average of the first 9 months.',
    );
  });
  it('a cap in English: over the cap, at most so much a month', () => {
    const s = {
      ...flow,
      comparator: '<=' as const,
      actual: 900,
      target: 1200,
      projection: proj({ value: 1500, method: 'seasonal', status: 'missed', neededMonthly: 100 }),
    };
    // gap 1200 − 1500 = −300: over; 100 ÷ (900 ÷ 9) = 1.0×.
    expect(projectionSentence(s, 'en')).toBe(
      "At last year's pace, projected 1,500 persons for the year, 300 persons over the cap; at most 100 persons a month from now, 1.0× the monthly average of the first 9 months.",
    );
  });
  it('= due in June: reaches 2024年6月 and says the projection misses', () => {
    const s = {
      ...flow,
      comparator: '=' as const,
      dueDate: '2024-06-30',
      actual: 300,
      target: 600,
      projection: proj({ value: 500, status: 'missed', neededMonthly: 100, monthsElapsed: 3 }),
    };
    // 500 − 600 = −100: below by 100; 100 ÷ (300 ÷ 3) = 1.0.
    expect(projectionSentence(s, 'zh')).toBe(
      '按当前进度预计至2024年6月完成500人，低于目标100人，预计未达标；后续每月需完成100人，为前3个月月均的1.0倍。',
    );
    expect(projectionSentence(s, 'en')).toBe(
      'At the current pace, projected 500 persons by 2024-06, 100 persons below target, projected to miss it; each remaining month needs 100 persons, 1.0× the monthly average of the first 3 months.',
    );
  });
  it('左右 in English says it is projected to meet; without a projected status nothing is said of it', () => {
    const s = {
      ...flow,
      comparator: '~' as const,
      actual: 1440,
      target: 2000,
      projection: proj({ value: 1920, status: 'met', neededMonthly: 560 / 3 }),
    };
    // 186.67 → 187 a month; 187 ÷ (1440 ÷ 9 = 160) = 1.17 → 1.2×.
    expect(projectionSentence(s, 'en')).toBe(
      'At the current pace, projected 1,920 persons for the year, 80 persons below target, projected to meet it; each remaining month needs 187 persons, 1.2× the monthly average of the first 9 months.',
    );
    const unjudged = { ...s, projection: { ...s.projection, status: null } };
    expect(projectionSentence(unjudged, 'zh')).toBe(
      '按当前进度预计全年完成1920人，低于目标80人；后续每月需完成187人，为前9个月月均的1.2倍。',
    );
    const level = { ...s, projection: { ...s.projection, value: 2000, status: 'met' as const } };
    expect(projectionSentence(level, 'zh')).toBe(
      '按当前进度预计全年完成2000人，与目标持平，预计达标；后续每月需完成187人，为前9个月月均的1.2倍。',
    );
  });
  it('no target: the projection alone, no gap', () => {
    const s = { ...flow, target: null, projection: proj({ value: 1200 }) };
    expect(projectionSentence(s, 'zh')).toBe('按当前进度预计全年完成1200人。');
    expect(projectionSentence(s, 'en')).toBe('At the current pace, projected 1,200 persons for the year.');
  });
  it('nothing has come yet: what each month needs, but no multiple of a monthly average of nothing', () => {
    const s = { ...flow, actual: 0, projection: proj({ value: 0, status: 'missed', neededMonthly: 1000 }) };
    expect(projectionSentence(s, 'zh')).toBe('按当前进度预计全年完成0人，低于目标1.2万人；后续每月需完成1000人。');
    expect(projectionSentence(s, 'en')).toBe(
      'At the current pace, projected 0 persons for the year, 12,000 persons below target; each remaining month needs 1,000 persons.',
    );
  });
  it('rates and levels in English, due in June, over a cap and without a target', () => {
    const rate = {
      ...flow,
      kind: 'rate' as const,
      unit: 'percent',
      actual: 85,
      target: 90,
      projection: proj({ value: 90.5, method: 'last_year_change', status: 'met' }),
    };
    expect(projectionSentence(rate, 'en')).toBe(
      "With last year's change over the same months, projected 90.5% at year end, 0.5 pp above target.",
    );
    const june = { ...rate, dueDate: '2024-06-30', target: null };
    expect(projectionSentence(june, 'zh')).toBe('按去年同期变化预计2024年6月末90.5%。');
    expect(projectionSentence(june, 'en')).toBe(
      "With last year's change over the same months, projected 90.5% at the end of 2024-06.",
    );
    const level = {
      ...flow,
      kind: 'level' as const,
      comparator: '<=' as const,
      actual: 21000,
      target: 20000,
      projection: proj({ value: 21000, method: 'unchanged', status: 'missed' }),
    };
    expect(projectionSentence(level, 'zh')).toBe('去年无同期数据，按当前水平预计年末2.1万人，超出上限1000人。');
    expect(projectionSentence(level, 'en')).toBe(
      'No figures for last year: at its current level, projected 21,000 persons at year end, 1,000 persons over the cap.',
    );
  });
  it('a level exactly at its cap is level with the target (as the judged sentence says), not over the cap', () => {
    const level = {
      ...flow,
      kind: 'level' as const,
      comparator: '<=' as const,
      actual: 20000,
      target: 20000,
      projection: proj({ value: 20000, method: 'unchanged', status: 'met' }),
    };
    expect(projectionSentence(level, 'zh')).toBe('去年无同期数据，按当前水平预计年末2万人，与目标持平。');
    expect(projectionSentence(level, 'en')).toBe(
      'No figures for last year: at its current level, projected 20,000 persons at year end, level with the target.',
    );
  });
});

describe('horizons and the needed ratio', () => {
  it('a month as the reader writes it', () => {
    expect(monthText('2024-06', 'zh')).toBe('2024年6月');
    expect(monthText('2024-11', 'zh')).toBe('2024年11月');
    expect(monthText('2024-06', 'en')).toBe('2024-06');
  });
  it('the year only for a target due in December of its own year', () => {
    expect(horizonText('2024-12-31', 2024, 'en')).toBe('for the year');
    expect(horizonText('2025-12-31', 2024, 'zh')).toBe('至2025年12月');
    expect(horizonText('2024-11-30', 2024, 'zh')).toBe('至2024年11月');
    expect(horizonEndText('2024-12-31', 2024, 'zh')).toBe('年末');
    expect(horizonEndText('2024-12-31', 2024, 'en')).toBe('at year end');
    expect(horizonEndText('2024-06-30', 2024, 'zh')).toBe('2024年6月末');
    expect(horizonEndText('2024-06-30', 2024, 'en')).toBe('at the end of 2024-06');
    expect(horizonEndText('2025-12-31', 2024, 'en')).toBe('at the end of 2025-12');
  });
  it('needed ÷ the monthly average so far; nothing when nothing has come or no month has passed', () => {
    // 8010 ÷ 9 = 890; 1330 ÷ 890 = 1.4944.
    expect(neededRatio(1330, 8010, 9)).toBeCloseTo(1.4944, 4);
    // One month: the average is the actual itself.
    expect(neededRatio(100, 300, 1)).toBeCloseTo(1 / 3, 9);
    expect(neededRatio(100, 0, 9)).toBeNull();
    expect(neededRatio(100, -50, 9)).toBeNull();
    expect(neededRatio(100, Number.NaN, 9)).toBeNull();
    expect(neededRatio(100, 300, 0)).toBeNull();
  });
});

const judged = (id: string, status: 'met' | 'behind', projection: Projection | null) =>
  ({ target: { targetId: id, docId: 'd', clause: null }, judgement: { status }, projection }) as unknown as JudgedTarget;

describe('status filter and sorting', () => {
  const a = judged('a', 'met', proj({ value: 1500, status: 'missed', neededMonthly: 100 }));
  const b = judged('b', 'behind', proj({ value: 9900, status: 'missed', neededMonthly: 1330 }));
  const c = judged('c', 'behind', proj({ value: 90.5, status: 'met' }));
  const d = judged('d', 'met', null);
  it('projected_missed is a URL value of the status filter and keeps the targets projected to miss, or-ed with statuses', () => {
    const { state, notices } = parseUrlState('?status=projected_missed,met');
    expect(notices).toEqual([]);
    expect(state.statuses).toEqual([PROJECTED_MISSED, 'met']);
    expect(parseUrlState(serializeUrlState(state)).state.statuses).toEqual(state.statuses);
    expect([a, b, c, d].filter((j) => matchesStatusFilter(j, [PROJECTED_MISSED])).map((j) => j.target.targetId)).toEqual(['a', 'b']);
    expect([a, b, c, d].filter((j) => matchesStatusFilter(j, [PROJECTED_MISSED, 'met'])).map((j) => j.target.targetId)).toEqual(['a', 'b', 'd']);
    expect([a, b, c, d].filter((j) => matchesStatusFilter(j, [])).length).toBe(4);
    expect(parseUrlState('?status=projected_met').notices.map((n) => n.param)).toEqual(['status']);
  });
  it('sorts by needed, projection and outlook; targets without one last', () => {
    const names = { indicator: () => '', area: () => '' };
    const order = (sort: string) => sortRows([d, c, b, a], parseSort(sort), names).map((j) => j.target.targetId);
    expect(order('-needed')).toEqual(['b', 'a', 'c', 'd']);
    expect(order('needed')).toEqual(['a', 'b', 'c', 'd']);
    expect(order('projected')).toEqual(['c', 'a', 'b', 'd']);
    expect(order('projected_status')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the monthly chart\u2019s projection', () => {
  const points: SeriesPoint[] = [1, 2, 3].map((m) => ({ period: `2024-0${m}`, actual: m * 100, expected: null, illustrative: false }));
  it('runs straight from the last actual to the due month, the band from a point to its ends', () => {
    // 300 in March → 1200 in December over 9 steps: +100 a month; band 900–1500 at December.
    const path = projectionPath(points, { from: 300, value: 1200, low: 900, high: 1500, through: '2024-12' });
    expect(path.extra).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(path.line).toEqual([null, null, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    expect(path.low![2]).toBe(300);
    expect(path.low![11]).toBe(900);
    expect(path.width![2]).toBe(0);
    expect(path.width![11]).toBeCloseTo(600, 9);
  });
  it('has no band when its ends meet, and nothing to draw for a target at its due month', () => {
    expect(projectionPath(points, { from: 300, value: 1200, low: 1200, high: 1200, through: '2024-12' }).width).toBeNull();
    expect(projectionPath(points, { from: 300, value: 300, low: null, high: null, through: '2024-03' }).line).toBeNull();
  });
  it('extends every line to the due month and keeps the band\u2019s floor out of the legend', () => {
    const opt = buildMonthlyOption(points, {
      unit: 'persons',
      lang: 'zh',
      target: 1000,
      theme: ANALYST_THEME,
      labels: { actual: '实际值', target: '目标值', pace: '序时进度', title: 't', description: 'd', projection: '预计全年', band: '预计区间' },
      projection: { from: 300, value: 1200, low: 900, high: 1500, through: '2024-12' },
    });
    const series = opt.series as { name?: string; data: unknown[] }[];
    expect((opt.xAxis as { data: string[] }).data).toHaveLength(12);
    for (const s of series) expect(s.data).toHaveLength(12);
    expect(series.map((s) => s.name ?? '')).toEqual(['实际值', '预计全年', '', '预计区间', '目标值']);
  });
});
