/**
 * How a target is judged (the README's "How a target is judged", after the project's data contract), in one place.
 *
 * Pure functions of plain values: SQL aggregates the rows into ActualComponents; everything that
 * decides what a number means (the actual, the pace, the status, the attainment) is here.
 */
import { decemberOf, dueMonthOf, formatPeriod, januaryOf } from './period';
import type { ActualComponents, Comparator, IndicatorKind, Judgement, Status, Target } from './types';

/** `~` (左右, "about") accepts a value within ±10% of the target. */
export const ABOUT_TOLERANCE = 0.1;

/** The month a target's due date falls in; a target without one is due on 31 December. */
export function dueMonth(target: Pick<Target, 'dueDate' | 'year'>): number {
  return dueMonthOf(target.dueDate) ?? decemberOf(target.year);
}

/**
 * The month a target is judged at: the as-of month, or its due month when that came first
 * ("a target due before A is judged at its due month").
 */
export function judgementMonth(target: Pick<Target, 'dueDate' | 'year'>, asOf: number): number {
  return Math.min(asOf, dueMonth(target));
}

/**
 * A judgement is final once the as-of month has reached the due month (its month-end figure is
 * in): the outcome will not change. The same test judge() applies before it calls a target missed.
 */
export function isFinal(target: Pick<Target, 'dueDate' | 'year'>, asOf: number): boolean {
  return asOf >= dueMonth(target);
}

/** Does `actual` satisfy `comparator target`? */
export function satisfies(actual: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '>=':
      return actual >= target;
    case '>':
      return actual > target;
    case '<=':
      return actual <= target;
    case '<':
      return actual < target;
    case '=':
      return Math.abs(actual - target) <= 1e-9 * Math.max(1, Math.abs(target));
    case '~':
      return Math.abs(actual - target) <= ABOUT_TOLERANCE * Math.abs(target) + 1e-9;
  }
}

/** Caps (`<=`, `<`) are met by staying low; everything else by reaching the number. */
export function isCap(comparator: Comparator): boolean {
  return comparator === '<=' || comparator === '<';
}

/**
 * The actual from SQL's components: rates are 100 × pooled numerator ÷ pooled denominator, or a
 * rate given as a value for the area's own rows (used as is). A parent one of whose sub-areas
 * gives only a value cannot pool: it has no actual (see noActualReason).
 */
export function actualOf(kind: IndicatorKind, components: ActualComponents | null): number | null {
  if (!components || components.contributors === 0) return null;
  if (kind === 'rate') {
    if (noActualReason(kind, components)) return null;
    const { numerator, denominator } = components;
    if (numerator != null && denominator != null && denominator > 0) return (100 * numerator) / denominator;
    return components.fromChildren ? null : components.value;
  }
  return components.value;
}

/**
 * Why there are rows but no actual: `unpooled` when a rate would be pooled from sub-areas and at
 * least one of them gives only the rate itself (no numerator and denominator to add up).
 */
export function noActualReason(kind: IndicatorKind, components: ActualComponents | null): 'unpooled' | null {
  return kind === 'rate' && components?.unpooled && components.unpooled.length > 0 ? 'unpooled' : null;
}

/**
 * 序时进度: the share of the target that should be done by month `at`, counting months from
 * January of the target year to the due month. Flows only; null for levels and rates.
 */
export function expectedPace(
  kind: IndicatorKind,
  target: number | null,
  year: number,
  at: number,
  due: number,
): number | null {
  if (kind !== 'flow' || target == null) return null;
  const monthsToDue = due - januaryOf(year) + 1;
  if (monthsToDue <= 0) return target;
  const elapsed = Math.min(Math.max(at - januaryOf(year) + 1, 0), monthsToDue);
  return (target * elapsed) / monthsToDue;
}

/**
 * The attainment rule, the one place it is defined: actual ÷ target × 100, or target ÷ actual × 100
 * for caps (lower is better). 0 ÷ 0 is exactly on target (100); x ÷ 0 is beyond any ratio
 * (±Infinity: a chart draws it at its end, a figure shows none). Null when a side is unknown.
 */
export function attainmentRatio(actual: number | null, comparator: Comparator, reference: number | null): number | null {
  if (actual == null || reference == null || !Number.isFinite(actual) || !Number.isFinite(reference)) return null;
  const [num, den] = isCap(comparator) ? [reference, actual] : [actual, reference];
  if (den === 0) return num === 0 ? 100 : num > 0 ? Infinity : -Infinity;
  return (num / den) * 100;
}

const finiteOrNull = (v: number | null) => (v != null && Number.isFinite(v) ? v : null);

/** Attainment as a figure: attainmentRatio, and null where that is not a finite number. */
export function attainment(actual: number | null, comparator: Comparator, target: number | null): number | null {
  return finiteOrNull(attainmentRatio(actual, comparator, target));
}

/**
 * Attainment against where the target should be by now: for a flow judged before its due month,
 * the same ratio against the pace (序时进度) instead of the target; otherwise the plain attainment.
 * 100 = on pace.
 */
export function paceAdjustedAttainment(j: Pick<Judgement, 'actual' | 'expected' | 'target' | 'attainment'>, comparator: Comparator): number | null {
  if (j.actual == null) return null;
  if (j.expected != null && j.target != null && j.expected < j.target) return finiteOrNull(attainmentRatio(j.actual, comparator, j.expected));
  return j.attainment;
}

export interface JudgeInput {
  kind: IndicatorKind;
  comparator: Comparator;
  year: number;
  /** Due month index (see dueMonth). */
  due: number;
  /** As-of month index A. */
  asOf: number;
  actual: number | null;
  /** Resolved target value; null when a baseline could not be resolved. */
  target: number | null;
}

/**
 * Status, pace and attainment of one target. Order matters and follows the contract:
 * no_data, met, missed (due month reached), on_track (flows at or ahead of pace), behind.
 *
 * "The due month has passed" is read as: the as-of month is at or after the due month, i.e. the
 * month-end figure of the due month is in. A year-end target judged on December data is final.
 */
export function judge(input: JudgeInput): Judgement {
  const { kind, comparator, year, due, asOf, actual, target } = input;
  const at = Math.min(asOf, due);
  const expected = expectedPace(kind, target, year, at, due);
  const base = { judgedAt: formatPeriod(at), actual, target, expected };
  let status: Status;
  if (actual == null || target == null) status = 'no_data';
  else if (satisfies(actual, comparator, target)) status = 'met';
  else if (asOf >= due) status = 'missed';
  else if (kind === 'flow' && expected != null && (isCap(comparator) ? actual <= expected : actual >= expected))
    status = 'on_track';
  else status = 'behind';
  return { ...base, status, attainment: attainment(actual, comparator, target) };
}
