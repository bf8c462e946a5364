/**
 * Reading the districts against the targets that apply to them, for the wall's district pages,
 * ranking and map. Pure: the judgements come from judge.ts.
 */
import type { Comparator, Judgement, Status } from './types';

/** Worst first: what colours a district that has several targets. */
const SEVERITY: readonly Status[] = ['missed', 'behind', 'on_track', 'met'];

/**
 * Attainment against where the target should be by now: for a flow judged before its due month,
 * actual ÷ pace × 100 (pace ÷ actual for caps); otherwise the plain attainment. 100 = on pace.
 */
export function paceAdjustedAttainment(j: Pick<Judgement, 'actual' | 'expected' | 'target' | 'attainment'>, comparator: Comparator): number | null {
  if (j.actual == null) return null;
  if (j.expected != null && j.target != null && j.expected < j.target) {
    if (comparator === '<=' || comparator === '<') return j.actual === 0 ? null : (j.expected / j.actual) * 100;
    return j.expected === 0 ? null : (j.actual / j.expected) * 100;
  }
  return j.attainment;
}

/** The most severe status among judged items (no_data only counts when nothing else is known). */
export function worstStatus(statuses: readonly Status[]): Status | null {
  for (const s of SEVERITY) if (statuses.includes(s)) return s;
  return statuses.length > 0 ? 'no_data' : null;
}

/** Mean of pace-adjusted attainments, each capped at 150 so one outlier cannot hide a shortfall. */
export function districtScore(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v != null && Number.isFinite(v));
  if (known.length === 0) return null;
  return known.reduce((s, v) => s + Math.min(v, 150), 0) / known.length;
}
