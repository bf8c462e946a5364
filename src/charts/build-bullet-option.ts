/**
 * Many targets at once as a bullet chart: one row per target, every unit normalised to % of its
 * own target, so a count, an amount and a rate share one axis. The bar is the attainment, the
 * faint band runs to the target (100), a tick marks 序时进度 for flows. The wall has no hover:
 * every figure is a visible label in a column to the right of the bars.
 */
import { attainmentRatio } from '../domain/judge';
import type { Status } from '../domain/types';
import type { ChartOption } from './echarts-setup';
import { STATUS_COLOR } from '../domain/status';
import { chartFrame, type ChartTheme } from './theme';

export interface BulletRow {
  /** Target id. */
  id: string;
  /** Row label, e.g. "青浦区 · 失业人员实现再就业人数". */
  label: string;
  actual: number | null;
  target: number | null;
  /** 序时进度 (flows before their due date), else null. */
  expected: number | null;
  status: Status;
  /** Comparator <= or <: lower is better. */
  cap: boolean;
  /** Formatted actual, e.g. "5397人" or "89.1%（17102/19185）": rates carry their denominator. */
  valueText: string;
  /** Formatted target, e.g. "≥ 5000人". */
  targetText: string;
}

export interface BulletOptionOpts {
  /** Width of the chart in px, when the panel knows it: long labels wrap to fit. */
  width?: number;
  theme: ChartTheme;
  labels: { title: string; target: string; pace: string; description: string };
}

/** The x axis runs to 150 % of target; anything further is drawn at the end. */
export const BULLET_MAX = 150;

function clampPercent(v: number): number {
  const clamped = Math.min(BULLET_MAX, Math.max(0, v));
  // Two decimals: enough for a bar, and keeps 5397 / 5000 at 107.94 rather than 107.94000000000001.
  return Math.round(clamped * 100) / 100;
}

/**
 * Attainment in % of target (the domain's rule: judge.attainmentRatio), clamped to [0, 150]:
 * 0 of 0 is on target, anything under a cap of 0 or over a target of 0 runs to the end. Null when
 * either side is missing.
 */
export function bulletAttainment(row: Pick<BulletRow, 'actual' | 'target' | 'cap'>): number | null {
  const ratio = attainmentRatio(row.actual, row.cap ? '<=' : '>=', row.target);
  return ratio == null ? null : clampPercent(ratio);
}

/**
 * Where the 序时进度 tick goes, in % of target: expected ÷ target × 100. Null for caps (a pace
 * towards a ceiling has no meaning), when there is no pace, or when the target is not positive.
 */
export function bulletPace(row: Pick<BulletRow, 'expected' | 'target' | 'cap'>): number | null {
  const { expected, target, cap } = row;
  if (cap || expected == null || target == null || !Number.isFinite(expected) || !(target > 0)) return null;
  return clampPercent((expected * 100) / target);
}

/** The text to the right of a row: the actual and the target, or a dash when there is no actual. */
export function bulletValueLabel(row: Pick<BulletRow, 'actual' | 'valueText' | 'targetText'>): string {
  return row.actual == null ? `— ${row.targetText}` : `${row.valueText}  ${row.targetText}`;
}

/**
 * Bullet chart of `rows`, in the given order from top to bottom. Category labels wrap (never
 * cut off); the value column is a second category axis on the right, so the figures line up.
 */
export function buildBulletOption(rows: readonly BulletRow[], opts: BulletOptionOpts): ChartOption {
  const { theme, labels } = opts;
  const f = theme.font;
  const barHeight = f * 1.1;
  // Labels on each side take at most a third of the chart's width (when known), so the bars
  // keep a third and nothing is pushed out of the panel.
  const labelWidth = opts.width ? Math.min(f * 16, opts.width * 0.34) : f * 16;
  const valueWidth = opts.width ? Math.min(f * 16, opts.width * 0.3) : f * 16;
  const paces = rows.map((r) => bulletPace(r));
  const hasPace = paces.some((p) => p != null);
  const categories = rows.map((r) => r.label);
  const yBase = {
    type: 'category' as const,
    // Top to bottom in the order given: ECharts draws category axes bottom-up otherwise.
    inverse: true,
    axisLine: { show: false },
    axisTick: { show: false },
  };
  return {
    ...chartFrame(theme, labels),
    legend: hasPace
      ? {
          top: 0,
          right: 0,
          selectedMode: false,
          data: [labels.pace],
          icon: 'rect',
          itemWidth: Math.max(3, f * 0.25),
          itemHeight: f,
          textStyle: { color: theme.muted, fontSize: f * 0.9 },
        }
      : undefined,
    // Room at the top for the title and the target marker's label above the plot. Axis labels
    // stay inside: ECharts 6 spells `containLabel: true` this way (the old flag now needs
    // LegacyGridContainLabel and warns without it).
    grid: { left: 8, right: 8, top: f * 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      min: 0,
      max: BULLET_MAX,
      interval: 50,
      axisLabel: { color: theme.muted, fontSize: f * 0.8, formatter: (v: number) => `${v}%` },
      splitLine: { lineStyle: { color: theme.grid, opacity: 0.5 } },
    },
    yAxis: [
      {
        ...yBase,
        position: 'left',
        data: categories,
        axisLabel: {
          color: theme.text,
          fontSize: f * 0.9,
          // Every row shows its label: no automatic thinning, and long labels wrap instead of being cut.
          interval: 0,
          width: labelWidth,
          overflow: 'break',
          lineHeight: f * 1.1,
        },
      },
      {
        ...yBase,
        position: 'right',
        data: rows.map((r) => bulletValueLabel(r)),
        // Figures wrap too when the chart is narrow, so nothing runs past the panel.
        axisLabel: { color: theme.text, fontSize: f * 0.9, interval: 0, width: valueWidth, overflow: 'break', lineHeight: f * 1.1 },
      },
    ],
    series: [
      {
        // The band to the target, behind the bar.
        type: 'bar',
        name: labels.target,
        silent: true,
        yAxisIndex: 0,
        barWidth: barHeight,
        barGap: '-100%',
        itemStyle: { color: theme.grid, opacity: 0.55 },
        data: rows.map(() => 100),
        z: 1,
      },
      {
        type: 'bar',
        name: labels.title,
        yAxisIndex: 0,
        barWidth: barHeight,
        // Set on the last bar series too: ECharts reads barGap from there.
        barGap: '-100%',
        data: rows.map((r) => ({ value: bulletAttainment(r), itemStyle: { color: STATUS_COLOR[r.status] } })),
        z: 2,
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: theme.target, width: Math.max(2, f * 0.15), type: 'solid' },
          label: { color: theme.target, fontSize: f * 0.85, position: 'start', formatter: () => labels.target },
          data: [{ xAxis: 100 }],
        },
      },
      ...(hasPace
        ? [
            {
              type: 'scatter' as const,
              name: labels.pace,
              silent: true,
              yAxisIndex: 0,
              symbol: 'rect',
              symbolSize: [Math.max(3, f * 0.25), barHeight * 1.5],
              itemStyle: { color: theme.pace },
              // [x, row index]; rows without a pace get no tick.
              data: paces.flatMap((p, i) => (p == null ? [] : [[p, i]])),
              z: 3,
            },
          ]
        : []),
    ],
  };
}
