/**
 * Will it be met? A target projected to its due month (the data contract's "Projection to the due
 * month"), in one place: the linear and seasonal projection of flows and their band, last year's
 * change over the rest of the year for rates and levels, the projected status, and what each
 * remaining month must bring. Pure: last year's figures come from the data layer, read the same
 * way as the actual.
 *
 * With E the judged month, m = months from January to E and M = months from January to the due
 * month (m < M while the target is not yet due):
 * - flow: linear P = actual × M ÷ m; seasonal P = actual × LY(M) ÷ LY(m) where last year has
 *   figures for months m and M and LY(m) > 0; P is the seasonal figure where it exists, else the
 *   linear one; the band is the lowest and highest of the two;
 * - rate, level: P = actual + (LY at M − LY at m), or the actual without those figures;
 * - a target already due: P = the actual;
 * - projected status: met when P satisfies the comparator, else missed;
 * - needed per remaining month (flows): (target − actual) ÷ (M − m), at least 0; for caps the most
 *   that may still come each month.
 */
import { actualOf, dueMonth, isCap, judgementMonth, satisfies, type JudgeInput } from './judge';
import { formatPeriod, januaryOf } from './period';
import { STATUSES, type ActualComponents, type Comparator, type IndicatorKind, type JudgedTarget, type Projection, type Status } from './types';

/** The two months of last year a projection reads: the judged month and the due month, a year earlier. */
export interface LastYearMonths {
  /** Month index of month m of last year (E − 12). */
  elapsed: number;
  /** Month index of month M of last year (due month − 12). */
  due: number;
}

/**
 * Which of last year's months a target's projection needs, as of `asOf`: null for a target already
 * due (it is projected by its actual) or judged before its year began.
 */
export function lastYearMonths(target: { dueDate: string; year: number }, asOf: number): LastYearMonths | null {
  const due = dueMonth(target);
  const at = judgementMonth(target, asOf);
  if (asOf >= due || at < januaryOf(target.year)) return null;
  return { elapsed: at - 12, due: due - 12 };
}

/**
 * Last year's figure for one month, from components read the same way as the actual (January of
 * last year to that month): only when last year's rows reach that month. A year whose figures stop
 * earlier (a June 累计 and a December one, read in September) has no figure for it: its June total
 * is not September's.
 */
export function lastYearFigure(kind: IndicatorKind, components: ActualComponents | null, month: number): number | null {
  if (!components || components.latestPeriod !== formatPeriod(month)) return null;
  return actualOf(kind, components);
}

/** Linear projection of a flow: the pace so far kept up, actual × M ÷ m. */
export function linearProjection(actual: number, monthsElapsed: number, monthsToDue: number): number {
  return (actual * monthsToDue) / monthsElapsed;
}

/** Seasonal projection of a flow: actual × LY(M) ÷ LY(m); null without both figures or when LY(m) ≤ 0. */
export function seasonalProjection(actual: number, lastYearElapsed: number | null, lastYearDue: number | null): number | null {
  if (lastYearElapsed == null || lastYearDue == null || !(lastYearElapsed > 0)) return null;
  return (actual * lastYearDue) / lastYearElapsed;
}

/** A rate or level moved by last year's change over the rest of the year; null without both figures. */
export function lastYearChange(actual: number, lastYearElapsed: number | null, lastYearDue: number | null): number | null {
  if (lastYearElapsed == null || lastYearDue == null) return null;
  return actual + (lastYearDue - lastYearElapsed);
}

/**
 * What each remaining month must bring for a flow to reach its target: (target − actual) ÷ the
 * months left, at least 0. For a cap it is the most that may still come each month. Null when
 * nothing is left to count (no month left, or the target is unknown).
 */
export function neededPerMonth(target: number | null, actual: number, monthsLeft: number): number | null {
  if (target == null || monthsLeft <= 0) return null;
  return Math.max(0, (target - actual) / monthsLeft);
}

/** met when the projected figure satisfies the comparator, else missed; null when the target is unknown. */
export function projectedStatus(projected: number, comparator: Comparator, target: number | null): 'met' | 'missed' | null {
  if (target == null) return null;
  return satisfies(projected, comparator, target) ? 'met' : 'missed';
}

/** What a projection is made from: what the target is judged from (judge.ts), and last year's figures. */
export interface ProjectionInput extends JudgeInput {
  /** Last year's figures for months m and M (lastYearFigure); null where last year has none. */
  lastYear: { elapsed: number | null; due: number | null };
}

/** A target projected to its due month; null without an actual (nothing to project from). */
export function project(input: ProjectionInput): Projection | null {
  const { kind, comparator, year, due, asOf, actual, target, lastYear } = input;
  if (actual == null || !Number.isFinite(actual)) return null;
  const at = Math.min(asOf, due);
  const monthsElapsed = at - januaryOf(year) + 1;
  const monthsToDue = due - januaryOf(year) + 1;
  const base = { monthsElapsed, monthsToDue, lastYear };
  if (asOf >= due)
    return { ...base, value: actual, method: 'final', band: null, status: projectedStatus(actual, comparator, target), neededMonthly: null };
  if (monthsElapsed < 1) return null;
  if (kind === 'flow') {
    const linear = linearProjection(actual, monthsElapsed, monthsToDue);
    const seasonal = seasonalProjection(actual, lastYear.elapsed, lastYear.due);
    const value = seasonal ?? linear;
    return {
      ...base,
      value,
      method: seasonal != null ? 'seasonal' : 'linear',
      band: { low: Math.min(linear, seasonal ?? linear), high: Math.max(linear, seasonal ?? linear) },
      status: projectedStatus(value, comparator, target),
      neededMonthly: neededPerMonth(target, actual, monthsToDue - monthsElapsed),
    };
  }
  const moved = lastYearChange(actual, lastYear.elapsed, lastYear.due);
  const value = moved ?? actual;
  return {
    ...base,
    value,
    method: moved != null ? 'last_year_change' : 'unchanged',
    band: null,
    status: projectedStatus(value, comparator, target),
    neededMonthly: null,
  };
}

/** What SQL read of last year for one judged target: its components at months m and M. */
export interface LastYearComponents {
  elapsed: ActualComponents | null;
  due: ActualComponents | null;
}

export const NO_LAST_YEAR: LastYearComponents = { elapsed: null, due: null };

/** A judged target's projection, from last year's components at months m and M (lastYearMonths). */
export function projectJudged(j: Pick<JudgedTarget, 'target' | 'indicator' | 'judgement'>, asOf: number, last: LastYearComponents): Projection | null {
  const months = lastYearMonths(j.target, asOf);
  const kind = j.indicator.kind;
  return project({
    kind,
    comparator: j.target.comparator,
    year: j.target.year,
    due: dueMonth(j.target),
    asOf,
    actual: j.judgement.actual,
    target: j.judgement.target,
    lastYear: {
      elapsed: months ? lastYearFigure(kind, last.elapsed, months.elapsed) : null,
      due: months ? lastYearFigure(kind, last.due, months.due) : null,
    },
  });
}

/**
 * A needed amount as a reader acts on it, in whole units: rounded up where it is what must come at
 * least, down for a cap (what may come at most), so "half a person" is never asked for.
 */
export function neededShown(needed: number, comparator: Comparator): number {
  return isCap(comparator) ? Math.floor(needed + 1e-9) : Math.ceil(needed - 1e-9);
}

/** A projected flow in whole units (a projection of people is never a fraction of one). */
export function projectedShown(value: number, kind: IndicatorKind): number {
  return kind === 'flow' ? Math.round(value) : value;
}

/** The status filter's extra value: targets projected to miss (预计未达标), `status=projected_missed` in the URL. */
export const PROJECTED_MISSED = 'projected_missed';

/** A value of the status filter: a status, or projected to miss. */
export type StatusFilter = Status | typeof PROJECTED_MISSED;

/** Every value the status filter takes, in the order it offers them. */
export const STATUS_FILTERS: readonly StatusFilter[] = [...STATUSES, PROJECTED_MISSED];

/** Does a judged target pass the status filter (any of the chosen values; none chosen passes all)? */
export function matchesStatusFilter(j: Pick<JudgedTarget, 'judgement' | 'projection'>, filters: readonly StatusFilter[]): boolean {
  if (filters.length === 0) return true;
  return filters.some((f) => (f === PROJECTED_MISSED ? j.projection?.status === 'missed' : f === j.judgement.status));
}
