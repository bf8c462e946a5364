/**
 * Sub-areas compared on one indicator (districts of the city, towns of a district): a bar per
 * area, sorted, with the target as a line where it applies to each area (rates and levels).
 * Bars carry their value as a label, so nothing is only readable on hover.
 */
import { formatValue } from '../domain/format';
import type { Status } from '../domain/types';
import type { ChartOption } from './echarts-setup';
import { STATUS_COLOR } from '../domain/status';
import { chartFrame, type ChartTheme } from './theme';

export interface AreaBar {
  /** Carried on the data item, so a click handler can filter by the area. */
  areaCode?: string;
  name: string;
  value: number | null;
  status: Status | null;
  /** Shown instead of the value (e.g. "<5" for a suppressed small cell). */
  label?: string;
}

export interface AreaComparisonOpts {
  unit: string;
  lang: 'zh' | 'en';
  /** Drawn as a line when the target applies to each area (rates). */
  target: number | null;
  theme: ChartTheme;
  labels: { title: string; target: string; description: string };
  higherIsBetter: boolean;
  /** Axis maximum; default 100 for percentages (rates), none otherwise. null = fit the data. */
  fixedMax?: number | null;
}

export function buildAreaComparisonOption(bars: readonly AreaBar[], opts: AreaComparisonOpts): ChartOption {
  const { unit, lang, target, theme, labels, higherIsBetter } = opts;
  const max = opts.fixedMax === undefined ? (unit === 'percent' ? 100 : undefined) : (opts.fixedMax ?? undefined);
  const fmt = (v: number) => formatValue(v, unit, lang);
  const f = theme.font;
  // Best at the top: ECharts draws category axes bottom-up, so sort worst first.
  const sorted = [...bars].sort((a, b) => {
    const av = a.value ?? -Infinity;
    const bv = b.value ?? -Infinity;
    return higherIsBetter ? av - bv : bv - av;
  });
  return {
    ...chartFrame(theme, labels),
    grid: { left: 8, right: f * 5, top: f * 2.6, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      scale: false,
      max,
      axisLabel: { color: theme.muted, fontSize: f * 0.8, formatter: (v: number) => fmt(v) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'category',
      data: sorted.map((b) => b.name),
      axisLabel: { color: theme.text, fontSize: f * 0.9 },
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: labels.title,
        barMaxWidth: f * 1.6,
        data: sorted.map((b) => ({
          value: b.value,
          areaCode: b.areaCode,
          label: b.label ? { formatter: b.label } : undefined,
          itemStyle: { color: b.status ? STATUS_COLOR[b.status] : theme.actual },
        })),
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize: f * 0.85,
          formatter: (p) => (typeof p.value === 'number' ? fmt(p.value) : '—'),
        },
        markLine:
          target != null
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { color: theme.target, width: 2, type: 'solid' },
                label: { color: theme.target, fontSize: f * 0.85, formatter: `${labels.target} ${fmt(target)}`, position: 'end' },
                data: [{ xAxis: target }],
              }
            : undefined,
      },
    ],
  };
}
