/**
 * The workbench's charts say everything they show: every sub-area labelled, sorted, titled outside
 * when the list scrolls, tall enough for a row each; the monthly chart's legend on a row of its
 * own under the title, above the plot.
 */
import { describe, expect, it } from 'vitest';
import { areaComparisonHeight, buildAreaComparisonOption, type AreaBar } from '../../src/charts/build-area-comparison-option';
import { buildMonthlyOption } from '../../src/charts/build-monthly-option';
import { ANALYST_THEME } from '../../src/charts/theme';

type Obj = Record<string, unknown>;
const bars: AreaBar[] = Array.from({ length: 18 }, (_, i) => ({ areaCode: `t${i}`, name: `镇${i}`, value: (i * 37) % 101, status: null }));
const labels = { title: '各街镇对比', target: '目标值', description: 'd' };

describe('sub-area comparison', () => {
  const option = buildAreaComparisonOption(bars, { unit: 'percent', lang: 'zh', target: 90, theme: ANALYST_THEME, labels, higherIsBetter: true, showTitle: false });
  const y = option.yAxis as Obj;
  const data = (option.series as Obj[])[0]!.data as { value: number; areaCode: string }[];
  it('labels every sub-area (no label skipped), worst at the top', () => {
    expect((y.axisLabel as Obj).interval).toBe(0);
    expect(y.inverse).toBe(true);
    expect((y.data as string[]).length).toBe(18);
    const values = data.map((d) => d.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // Each name sits with its own bar.
    expect((y.data as string[]).map((n, i) => `${n}:${data[i]!.areaCode}`).every((s) => s.split(':')[0]!.slice(1) === s.split(':')[1]!.slice(1))).toBe(true);
  });
  it('higher is worse: the highest at the top', () => {
    const caps = buildAreaComparisonOption(bars, { unit: 'percent', lang: 'zh', target: 5, theme: ANALYST_THEME, labels, higherIsBetter: false });
    const v = ((caps.series as Obj[])[0]!.data as { value: number }[]).map((d) => d.value);
    expect(v).toEqual([...v].sort((a, b) => b - a));
  });
  it('the title can live outside the chart (it stays in view while the list scrolls)', () => {
    expect((option.title as Obj).show).toBe(false);
    const inside = buildAreaComparisonOption(bars, { unit: 'percent', lang: 'zh', target: null, theme: ANALYST_THEME, labels, higherIsBetter: true });
    expect((inside.title as Obj).text).toBe('各街镇对比');
  });
  it('is tall enough for a row per sub-area, and grows with them', () => {
    const f = ANALYST_THEME.font;
    expect(areaComparisonHeight(18, f, false)).toBeGreaterThanOrEqual(18 * f * 1.5);
    expect(areaComparisonHeight(36, f, false) - areaComparisonHeight(18, f, false)).toBeGreaterThanOrEqual(18 * f * 1.5);
  });
});

describe('monthly chart in the workbench', () => {
  const f = ANALYST_THEME.font;
  const option = buildMonthlyOption(
    [
      { period: '2023-01', actual: 1, expected: 1, illustrative: false },
      { period: '2023-02', actual: 2, expected: 2, illustrative: false },
    ],
    { unit: 'persons', lang: 'zh', target: 10, theme: ANALYST_THEME, labels: { actual: 'a', target: 't', pace: 'p', title: 'T', description: 'd', priorYear: 'y' }, prior: [1, 1] },
  );
  it('puts the legend on a row of its own under the title, and the plot under the legend', () => {
    const legend = option.legend as Obj;
    const grid = option.grid as Obj;
    const titleSize = ((option.title as Obj).textStyle as Obj).fontSize as number;
    expect(legend.left).toBe(0);
    expect(legend.top as number).toBeGreaterThanOrEqual(titleSize * 1.3);
    const legendSize = ((legend.textStyle as Obj).fontSize as number) ?? f;
    expect(grid.top as number).toBeGreaterThanOrEqual((legend.top as number) + legendSize * 1.5);
  });
});
