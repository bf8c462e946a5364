/**
 * The selected target month by month: the actual (cumulative for flows), the 序时进度 line for
 * flows, and the target as its own line.
 */
import { formatValue } from '../domain/format';
import type { SeriesPoint } from '../domain/types';
import type { ChartOption } from './echarts-setup';
import { chartFrame, type ChartTheme } from './theme';
import { estimateMeasure, wrapText } from './wrap-text';

export interface MonthlyOptionOpts {
  unit: string;
  lang: 'zh' | 'en';
  target: number | null;
  theme: ChartTheme;
  labels: { actual: string; target: string; pace: string; title: string; description: string; priorYear?: string };
  /** The same months of the previous year, drawn faint for comparison. */
  prior?: readonly (number | null)[];
  /** Wall: legend under the chart, so a long title never runs into it; no hover needed. Otherwise the legend is a row of its own under the title. */
  legendBottom?: boolean;
  /** Width the title may take, in px: a longer title is broken into lines where labels may break. */
  titleWidth?: number;
}

export function buildMonthlyOption(points: readonly SeriesPoint[], opts: MonthlyOptionOpts): ChartOption {
  const { unit, lang, target, theme, labels } = opts;
  const fmt = (v: number) => formatValue(v, unit, lang);
  const months = points.map((p) => p.period);
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
      axisLabel: { color: theme.muted, fontSize: f * 0.85 },
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
        data: points.map((p) => p.actual),
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
              data: points.map((p) => p.expected),
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
              data: [...opts.prior],
              lineStyle: { width: line, type: 'dotted' as const, color: theme.priorYear },
              itemStyle: { color: theme.priorYear },
              symbol: 'none',
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
