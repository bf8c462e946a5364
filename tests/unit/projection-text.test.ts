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
import { horizonText, projectionSentence, type ProjectionSentenceInput } from '../../src/domain/projection-text';
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
