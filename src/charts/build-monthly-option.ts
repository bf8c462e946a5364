/**
 * The selected target month by month: the actual (cumulative for flows), the 序时进度 line for
 * flows, the target as its own line, last year's months, and the projection to the due month as a
 * dashed line from the latest actual to the projected figure, its band shaded.
 */
import { formatValue } from '../domain/format';
import { formatPeriod, parsePeriod } from '../domain/period';
import type { SeriesPoint } from '../domain/types';
import type { ChartOption } from './echarts-setup';
import { chartFrame, type ChartTheme } from './theme';
import { estimateMeasure, wrapText } from './wrap-text';

export interface MonthlyOptionOpts {
  unit: string;
  lang: 'zh' | 'en';
  target: number | null;
  theme: ChartTheme;
  labels: {
    actual: string;
    target: string;
    pace: string;
    title: string;
    description: string;
    priorYear?: string;
    projection?: string;
    band?: string;
  };
  /** The previous year month by month from January (to the due month where there is a projection), drawn faint for comparison. */
  prior?: readonly (number | null)[];
  /**
   * Where the target is heading: from the latest actual (`from`, at the last point) to `value` at the
   * due month `through` ('YYYY-MM'), with the band `low`–`high` (flows) shaded.
   */
  projection?: { from: number; value: number; low: number | null; high: number | null; through: string } | null;
  /** Wall: legend under the chart, so a long title never runs into it; no hover needed. Otherwise the legend is a row of its own under the title. */
  legendBottom?: boolean;
  /** Width the title may take, in px: a longer title is broken into lines where labels may break. */
  titleWidth?: number;
}

export function buildMonthlyOption(points: readonly SeriesPoint[], opts: MonthlyOptionOpts): ChartOption {
  const { unit, lang, target, theme, labels } = opts;
  const fmt = (v: number) => formatValue(v, unit, lang);
  const path = projectionPath(points, opts.projection ?? null);
  const months = [...points.map((p) => p.period), ...path.extra];
  const pad = <T>(list: readonly T[]): (T | null)[] =>
    [...list, ...Array<null>(Math.max(0, months.length - list.length)).fill(null)].slice(0, months.length);
  const f = theme.font;
  const hasPace = points.some((p) => p.expected != null);
  // Lines scale with the type, so they read from across the room on a 4K wall too.
  const line = Math.max(2, f * 0.16);
  const frame = chartFrame(theme, labels);
  const titleLines = opts.titleWidth == null ? [labels.title] : wrapText(labels.title, opts.titleWidth, estimateMeasure(f * 1.05 * 1.06));
  return {
    ...frame,
    title: { ...frame.title, text: titleLines.join('\n'), textStyle: { ...frame.title.textStyle, lineHeight: f * 1.35 } },
    legend: opts.legendBottom
      ? { bottom: 0, left: 'center', textStyle: { color: theme.muted, fontSize: f * 0.9 } }
      : { top: f * (1.35 * titleLines.length + 0.55), left: 0, itemGap: f * 0.8, itemWidth: f * 1.6, textStyle: { color: theme.muted, fontSize: f * 0.9 } },
    grid: {
      left: 8,
      right: 16,
      top: f * 1.35 * titleLines.length + f * (opts.legendBottom ? 1.7 : 3.25),
      bottom: opts.legendBottom ? f * 2.4 : 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: opts.legendBottom ? { show: false } : { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : '—') },
    xAxis: {
      type: 'category',
      data: months,
      // The first month's label starts at its month and the last ends at it, so neither runs under
      // the value axis's labels nor past the chart's edge in a narrow panel.
      axisLabel: { color: theme.muted, fontSize: f * 0.85, alignMinLabel: 'left', alignMaxLabel: 'right' },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'value',
      scale: unit === 'percent',
      axisLabel: { color: theme.muted, fontSize: f * 0.85, formatter: (v: number) => fmt(v) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      {
        name: labels.actual,
        type: 'line',
        data: pad(points.map((p) => p.actual)),
        lineStyle: { width: line * 1.4, color: theme.actual },
        itemStyle: { color: theme.actual },
        symbolSize: line * 2.6,
        connectNulls: false,
      },
      ...(hasPace
        ? [
            {
              name: labels.pace,
              type: 'line' as const,
              data: pad(points.map((p) => p.expected)),
              lineStyle: { width: line, type: 'dashed' as const, color: theme.pace },
              itemStyle: { color: theme.pace },
              symbol: 'none',
            },
          ]
        : []),
      ...(opts.prior && opts.prior.some((v) => v != null)
        ? [
            {
              name: labels.priorYear ?? '',
              type: 'line' as const,
              data: pad(opts.prior),
              lineStyle: { width: line, type: 'dotted' as const, color: theme.priorYear },
              itemStyle: { color: theme.priorYear },
              symbol: 'none',
            },
          ]
        : []),
      ...(path.line
        ? [
            {
              name: labels.projection ?? '',
              type: 'line' as const,
              data: path.line,
              lineStyle: { width: line * 1.2, type: 'dashed' as const, color: theme.actual },
              itemStyle: { color: theme.actual },
              symbol: 'none',
            },
          ]
        : []),
      ...(path.low && path.width
        ? [
            // The band: a floor at the low run (no name, so not in the legend), and the width above it stacked and shaded.
            {
              type: 'line' as const,
              data: path.low,
              stack: 'projection-band',
              lineStyle: { opacity: 0 },
              symbol: 'none',
              silent: true,
              tooltip: { show: false },
            },
            {
              name: labels.band ?? '',
              type: 'line' as const,
              data: path.width,
              stack: 'projection-band',
              lineStyle: { opacity: 0 },
              itemStyle: { color: theme.actual },
              areaStyle: { color: theme.actual, opacity: 0.18 },
              symbol: 'none',
              silent: true,
              tooltip: { show: false },
            },
          ]
        : []),
      ...(target != null
        ? [
            {
              name: labels.target,
              type: 'line' as const,
              data: months.map(() => target),
              lineStyle: { width: line, color: theme.target },
              itemStyle: { color: theme.target },
              symbol: 'none',
            },
          ]
        : []),
    ],
  };
}

/**
 * The projection drawn month by month: the months after the last point up to the due month, and
 * for every month the dashed line (null before the last actual) and the band's floor and width,
 * each a straight run from the last actual to the projected figures at the due month.
 */
export function projectionPath(points: readonly SeriesPoint[], p: MonthlyOptionOpts['projection'] | null) {
  const none = { extra: [] as string[], line: null, low: null, width: null };
  const last = points.length ? parsePeriod(points[points.length - 1]!.period) : null;
  const end = p ? parsePeriod(p.through) : null;
  if (!p || last == null || end == null || end <= last) return none;
  const steps = end - last;
  const extra = Array.from({ length: steps }, (_, i) => formatPeriod(last + 1 + i));
  const run = (to: number) => [
    ...Array<null>(points.length - 1).fill(null),
    ...Array.from({ length: steps + 1 }, (_, i) => p.from + ((to - p.from) * i) / steps),
  ];
  const banded = p.low != null && p.high != null && p.high > p.low;
  const low = banded ? run(p.low!) : null;
  const high = banded ? run(p.high!) : null;
  return {
    extra,
    line: run(p.value),
    low,
    width: low && high ? high.map((h, i) => (h == null ? null : h - low[i]!)) : null,
  };
}
