/** Resolving the filters the URL gave against the data: as-of month and default year. */
import { decemberOf, parsePeriod, yearOf } from './period';
import type { Target } from './types';

/**
 * As-of month A: `?asof` when valid, else the latest period in actuals; with no actuals at all,
 * December of the latest target year (everything then reads "no data").
 */
export function resolveAsOf(asofParam: string | null, latestIdx: number | null, targets: readonly Target[]): number {
  const fromParam = asofParam ? parsePeriod(asofParam) : null;
  if (fromParam != null) return fromParam;
  if (latestIdx != null) return latestIdx;
  const maxYear = targets.reduce((m, t) => Math.max(m, t.year), 0);
  return (maxYear || new Date().getFullYear()) * 12 + 11;
}

/**
 * The year shown when none is chosen: the as-of year when it has targets, else the latest year
 * with targets before it, else the latest year with targets at all.
 */
export function defaultYear(asOf: number, targets: readonly Target[]): number {
  const years = [...new Set(targets.map((t) => t.year))].sort((a, b) => a - b);
  const asOfYear = yearOf(asOf);
  if (years.length === 0 || years.includes(asOfYear)) return asOfYear;
  const before = years.filter((y) => y <= asOfYear);
  return before.length ? before[before.length - 1]! : years[years.length - 1]!;
}

/** Years with targets, newest first, with counts (for the year selector). */
export function yearsWithTargets(targets: readonly Target[]): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const t of targets) counts.set(t.year, (counts.get(t.year) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count }));
}

/**
 * The month a take-away (briefing, export, PNG) states as 数据截至: the latest month any of its
 * targets is judged at. A past year's targets are judged at their due month, so a 2022 briefing
 * says 2022-12, not the month of the newest data; with no targets, the as-of month, at most the
 * year's December.
 */
export function statedMonth(judgedAts: readonly string[], asOf: number, year: number): number {
  const months = judgedAts.map(parsePeriod).filter((m): m is number => m != null);
  return months.length ? Math.max(...months) : Math.min(asOf, decemberOf(year));
}
