/**
 * Many targets at once as a bullet chart: one row per target, every unit normalised to % of its
 * own target, so a count, an amount and a rate share one axis. The bar is the attainment, the
 * faint band runs to the target (100), a tick marks 序时进度 for flows. The wall has no hover:
 * every figure is a visible label in a column to the right of the bars.
 *
 * Labels are laid out here, not by ECharts: each is broken into lines only where
 * domain/label-breaks.ts allows (a status, a number or a short bracketed qualifier never splits),
 * and every row gets the same height, so rows line up across columns and never overlap.
 */
import { attainmentRatio } from '../domain/judge';
import type { Status } from '../domain/types';
import type { ChartOption } from './echarts-setup';
import { STATUS_COLOR } from '../domain/status';
import { chartFrame, type ChartTheme } from './theme';
import { estimateMeasure, widestLine, wrapText, type Measure } from './wrap-text';

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
  /** The status as mark and word joined by a no-break space ("✕\u00a0未达标"); empty to leave it out. */
  statusText?: string;
}

export interface BulletOptionOpts {
  /** Width of the chart in px, when the panel knows it: labels are laid out to fit it. */
  width?: number;
  /** Height of the chart in px, when known: rows get an even height and the rest stays empty below. */
  height?: number;
  /** Width of a text at the label size (`bulletFonts(theme).label`); an estimate when not given. */
  measure?: Measure;
  theme: ChartTheme;
  labels: { title: string; target: string; pace: string; description: string };
  /** Lines per row at least (columns of one set share the tallest row of the set). */
  minLines?: number;
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

/** The figures to the right of a row, as pieces that never split: the actual, the target, the status. */
export function bulletValuePieces(row: Pick<BulletRow, 'actual' | 'valueText' | 'targetText' | 'statusText'>): string[] {
  return [row.actual == null ? '—' : row.valueText, row.targetText, row.statusText ?? ''].filter((s) => s !== '');
}

/** The text to the right of a row on one line: the actual, the target and the status. */
export function bulletValueLabel(row: Pick<BulletRow, 'actual' | 'valueText' | 'targetText' | 'statusText'>): string {
  const [first, ...rest] = bulletValuePieces(row);
  return row.actual == null ? [first, ...rest].join(' ') : [first, rest.join('\u2002')].filter((s) => s).join('  ');
}

/** Type sizes of the chart, from the theme's base font. */
export function bulletFonts(theme: Pick<ChartTheme, 'font'>) {
  const f = theme.font;
  const label = f * 0.9;
  return { label, line: label * 1.22, title: f * 1.05, axis: f * 0.8, target: f * 0.85 };
}

/** Space above the rows (title, then the target and pace keys) and below them (the % axis). */
export function bulletFrame(theme: Pick<ChartTheme, 'font'>) {
  const fonts = bulletFonts(theme);
  return { top: fonts.title * 1.5 + fonts.target * 1.7, bottom: fonts.axis * 2.1 };
}

/** How planBullets lays out a chart's rows: their lines, the column widths and the row height. */
export interface BulletPlan {
  /** Lines of each row's label and of its figures. */
  labels: string[][];
  values: string[][];
  labelWidth: number;
  valueWidth: number;
  /** Lines per row (the most any row needs, at least 2) and the height of a row in px. */
  lines: number;
  pitch: number;
  /** How many rows fit in `height` at that pitch (Infinity when the height is not known). */
  capacity: number;
}

/** Gap between the label column, the bars and the figures, in px. */
const GUTTER = (f: number) => f * 0.6;

/**
 * How the rows are laid out in a chart of `width` × `height`: the figures' column as wide as its
 * widest line (figures on two lines: the actual, then target and status), the bars at least a
 * fifth of the width, the labels the rest, broken into lines where the rules allow; every row as
 * tall as the tallest needs.
 */
export function planBullets(
  rows: readonly BulletRow[],
  opts: { width: number; height?: number; theme: Pick<ChartTheme, 'font'>; measure?: Measure; minLines?: number },
): BulletPlan {
  const fonts = bulletFonts(opts.theme);
  const measure = opts.measure ?? estimateMeasure(fonts.label);
  const width = opts.width;
  const gutter = GUTTER(opts.theme.font);
  const spare = 1.04;
  // Figures: the actual on the first line, the target and the status on the second; either line
  // wraps further (between pieces only) if it alone is wider than 40 % of the chart.
  const valueCap = width * 0.4;
  const values = rows.map((r) => {
    const [first, ...rest] = bulletValuePieces(r);
    const lines = [first ?? '', rest.join('\u2002')].filter((s) => s !== '');
    return lines.flatMap((l) => (measure(l) * spare <= valueCap ? [l] : wrapText(l, valueCap, measure)));
  });
  const valueWidth = Math.min(valueCap, widestLine(values.flat(), measure) * spare);
  const barMin = width * 0.2;
  const labelRoom = Math.max(width * 0.2, width - valueWidth - barMin - 2 * gutter);
  const oneLine =
    widestLine(
      rows.map((r) => r.label),
      measure,
    ) * spare;
  const labelWidth = Math.min(labelRoom, oneLine);
  // The spare is already in the width: a label as wide as the widest stays on one line.
  const labels = rows.map((r) => wrapText(r.label, labelWidth, measure));
  const lines = Math.max(2, opts.minLines ?? 0, ...labels.map((l) => l.length), ...values.map((v) => v.length));
  const pitch = lines * fonts.line + fonts.line * 0.5;
  const frame = bulletFrame(opts.theme);
  const capacity = opts.height == null ? Infinity : Math.max(0, Math.floor((opts.height - frame.top - frame.bottom) / pitch));
  return {
    labels,
    values,
    labelWidth: Math.max(labelWidth, widestLine(labels.flat(), measure) * spare),
    valueWidth,
    lines,
    pitch,
    capacity,
  };
}

/**
 * Bullet chart of `rows`, in the given order from top to bottom, laid out by planBullets: labels
 * in a left column, figures in a right one, each in the lines the plan gives (never re-broken by
 * ECharts), rows of one height from the top; the rest of the height stays empty.
 */
export function buildBulletOption(rows: readonly BulletRow[], opts: BulletOptionOpts): ChartOption {
  const { theme, labels } = opts;
  const f = theme.font;
  const fonts = bulletFonts(theme);
  const width = opts.width ?? f * 60;
  const plan = planBullets(rows, { width, height: opts.height, theme, measure: opts.measure, minLines: opts.minLines });
  const frame = bulletFrame(theme);
  // The rows fill the height down to the axis, each at least a pitch tall; a few rows get some air
  // (up to 1.4 pitches) and leave the rest of the height as empty slots below them.
  const avail = opts.height == null ? null : opts.height - frame.top - frame.bottom;
  const slots = avail == null ? rows.length : Math.max(rows.length, Math.min(plan.capacity, Math.ceil(rows.length * 1.4)));
  const gridHeight = avail == null ? slots * plan.pitch : Math.max(avail, slots * plan.pitch);
  const barHeight = Math.min(f * 1.1, plan.pitch * 0.5);
  const paces = rows.map((r) => bulletPace(r));
  const hasPace = paces.some((p) => p != null);
  const gutter = GUTTER(f);
  const blank = (i: number) => `\u200b${' '.repeat(i)}`;
  // Empty slots below the rows keep every row the same height whatever the count.
  const categories = Array.from({ length: slots }, (_, i) => (i < rows.length ? rows[i]!.id : blank(i)));
  const text = (lines: string[][]) => (_: string, i: number) => (lines[i] ?? []).join('\n');
  const yBase = {
    type: 'category' as const,
    // Top to bottom in the order given: ECharts draws category axes bottom-up otherwise.
    inverse: true,
    axisLine: { show: false },
    axisTick: { show: false },
    data: categories,
  };
  const labelStyle = { fontSize: fonts.label, lineHeight: fonts.line, interval: 0, overflow: 'none' as const, margin: gutter };
  return {
    ...chartFrame(theme, labels),
    legend: hasPace
      ? {
          top: fonts.title * 1.5,
          right: 0,
          selectedMode: false,
          data: [labels.pace],
          icon: 'rect',
          itemWidth: Math.max(3, f * 0.25),
          itemHeight: fonts.target,
          textStyle: { color: theme.muted, fontSize: fonts.target },
        }
      : undefined,
    grid: {
      left: plan.labelWidth + gutter,
      right: plan.valueWidth + gutter,
      top: frame.top,
      height: gridHeight,
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: BULLET_MAX,
      interval: 50,
      axisLabel: { color: theme.muted, fontSize: fonts.axis, formatter: (v: number) => `${v}%` },
      splitLine: { lineStyle: { color: theme.grid, opacity: 0.5 } },
    },
    yAxis: [
      {
        ...yBase,
        position: 'left',
        axisLabel: { ...labelStyle, color: theme.text, align: 'right', formatter: text(plan.labels) },
      },
      {
        ...yBase,
        position: 'right',
        axisLabel: { ...labelStyle, color: theme.text, align: 'left', formatter: text(plan.values) },
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
          label: { color: theme.target, fontSize: fonts.target, position: 'start', formatter: () => labels.target },
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
