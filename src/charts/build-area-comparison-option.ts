/**
 * Sub-areas compared on one indicator (districts of the city, towns of a district): a bar per
 * area, sorted by value, the one furthest from the target first, with the target as a line where it
 * applies to each area (rates and levels). Every area is labelled (the chart is made
 * AREA_ROW_FONTS font sizes tall per area and scrolls in its panel) and bars carry their value as a label, so
 * nothing is only readable on hover.
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
  /** False: the title is shown outside the chart (it stays in view while a long list scrolls). Default true. */
  showTitle?: boolean;
}

/** Height per sub-area, in units of the theme's font: every name fits its row at this spacing. */
export const AREA_ROW_FONTS = 1.9;

/** The chart's height for `n` bars: one row each, plus the axis and the target's label. */
export function areaComparisonHeight(n: number, font: number, showTitle = true): number {
  return Math.ceil(n * font * AREA_ROW_FONTS + font * (showTitle ? 4.4 : 2.8));
}

export function buildAreaComparisonOption(bars: readonly AreaBar[], opts: AreaComparisonOpts): ChartOption {
  const { unit, lang, target, theme, labels, higherIsBetter } = opts;
  const max = opts.fixedMax === undefined ? (unit === 'percent' ? 100 : undefined) : (opts.fixedMax ?? undefined);
  const fmt = (v: number) => formatValue(v, unit, lang);
  const f = theme.font;
  const showTitle = opts.showTitle ?? true;
  // Worst first, at the top (the axis is inverted): where a target slips is what the reader looks for.
  const sorted = [...bars].sort((a, b) => {
    const av = a.value ?? -Infinity;
    const bv = b.value ?? -Infinity;
    return higherIsBetter ? av - bv : bv - av;
  });
  const frame = chartFrame(theme, labels);
  return {
    ...frame,
    title: showTitle ? frame.title : { show: false },
    // Room at the top for the title, and for the target line's label where there is one.
    grid: { left: 8, right: f * 5, top: f * ((showTitle ? 1.6 : 0) + (target != null ? 1.4 : 0.4)), bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      scale: false,
      max,
      axisLabel: { color: theme.muted, fontSize: f * 0.8, formatter: (v: number) => fmt(v) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((b) => b.name),
      // Every name, never every other one (the height gives each its row).
      axisLabel: { color: theme.text, fontSize: f * 0.9, interval: 0 },
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
