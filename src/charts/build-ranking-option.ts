/**
 * Areas ranked as a leader says it (domain/binding.ts rankAreas): one bar per area, best at the
 * top, made of its targets by status (达标, 序时内, 落后序时, 未达标, 无数据: each the status colour,
 * each as long as its share of the area's targets, with its count inside where it fits), and the
 * targets met or on track of all, "9/14", to the right. No reference line to sit on: the whole bar
 * is the area's targets.
 */
import type { Status } from '../domain/types';
import { STATUS_COLOR, STATUS_MARK } from '../domain/status';
import type { ChartOption } from './echarts-setup';
import { chartFrame, type ChartTheme } from './theme';
import { textColorOn } from './build-tile-map-option';
import { estimateMeasure, type Measure } from './wrap-text';

/** One area of the ranking: its place, its targets per status, and how many of them are met or on track. */
export interface RankedBar {
  areaCode: string;
  name: string;
  rank: number;
  counts: Record<Status, number>;
  total: number;
  onCourse: number;
}

/** The wall theme, the words of the statuses, and the chart's width when known. */
export interface RankingOpts {
  theme: ChartTheme;
  labels: { title: string; description: string; status: Record<Status, string> };
  /** Chart width in px when known: counts go inside a segment only where they fit. */
  width?: number;
  measure?: Measure;
}

/** Left to right: what is done, then what is slipping, then what is unknown. */
export const RANKING_ORDER: readonly Status[] = ['met', 'on_track', 'behind', 'missed', 'no_data'];

/** Share of an area's targets in a status, in % (two decimals). */
export function segmentShare(count: number, total: number): number {
  return total > 0 ? Math.round((count * 10000) / total) / 100 : 0;
}

/** The bars in rank order (best first), as given. */
export function buildRankingOption(bars: readonly RankedBar[], opts: RankingOpts): ChartOption {
  const { theme, labels } = opts;
  const f = theme.font;
  const font = f * 0.9;
  const measure = opts.measure ?? estimateMeasure(font);
  const categories = bars.map((b) => `${b.rank}\u2002${b.name}`);
  const right = bars.map((b) => `${b.onCourse}/${b.total}`);
  const labelWidth = Math.max(0, ...categories.map(measure)) * 1.04;
  const valueWidth = Math.max(0, ...right.map(measure)) * 1.04;
  const gutter = f * 0.6;
  const plotWidth = opts.width == null ? null : opts.width - labelWidth - valueWidth - 4 * gutter;
  const present = RANKING_ORDER.filter((s) => bars.some((b) => b.counts[s] > 0));
  const yBase = {
    type: 'category' as const,
    inverse: true,
    data: categories,
    axisLine: { show: false },
    axisTick: { show: false },
  };
  return {
    ...chartFrame(theme, labels),
    legend: {
      top: f * 1.6,
      left: 0,
      selectedMode: false,
      icon: 'roundRect',
      itemWidth: f * 1.1,
      itemHeight: f * 0.9,
      itemGap: f,
      data: present.map((s) => `${STATUS_MARK[s]}\u00a0${labels.status[s]}`),
      textStyle: { color: theme.text, fontSize: font },
    },
    grid: { left: labelWidth + gutter, right: valueWidth + gutter * 2, top: f * 3.6, bottom: f * 2 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { color: theme.muted, fontSize: f * 0.8, formatter: (v: number) => `${v}%` },
      splitLine: { lineStyle: { color: theme.grid, opacity: 0.5 } },
    },
    yAxis: [
      { ...yBase, position: 'left', axisLabel: { color: theme.text, fontSize: font, interval: 0, margin: gutter } },
      {
        ...yBase,
        position: 'right',
        axisLabel: {
          color: theme.text,
          fontSize: font,
          interval: 0,
          margin: gutter,
          fontWeight: 600,
          formatter: (_: string, i: number) => right[i] ?? '',
        },
      },
    ],
    series: present.map((s) => ({
      type: 'bar' as const,
      name: `${STATUS_MARK[s]}\u00a0${labels.status[s]}`,
      stack: 'targets',
      yAxisIndex: 0,
      barWidth: '62%',
      itemStyle: {
        color: STATUS_COLOR[s],
        borderColor: theme.background === 'transparent' ? '#0c1b2b' : theme.background,
        borderWidth: 1,
      },
      label: {
        show: true,
        position: 'inside' as const,
        color: textColorOn(STATUS_COLOR[s]),
        fontSize: font,
        fontWeight: 700,
        formatter: (p: { data?: unknown }) => {
          const d = p.data as { count?: number; fits?: boolean } | undefined;
          return d?.fits && d.count ? String(d.count) : '';
        },
      },
      data: bars.map((b) => {
        const share = segmentShare(b.counts[s], b.total);
        const px = plotWidth == null ? Infinity : (share / 100) * plotWidth;
        return { value: share, areaCode: b.areaCode, count: b.counts[s], fits: px >= measure(String(b.counts[s])) + font * 0.6 };
      }),
    })),
  };
}
