/**
 * An independent reference implementation of the contract's "Will it be met? Projection to the due
 * month", on top of the reference judge (reference-judge.ts), over the same rows parsed from CSV.
 * Imports nothing from src/: the browser tests compare the page's projection hooks with this.
 *
 * Rules implemented (E = min(A, due); m, M = months from January of the target year to E and to
 * the due month):
 * - no actual → no projection; a target already due (A ≥ due month) → P = the actual;
 * - last year's figure for month k: the same indicator and area read for the previous year from
 *   January to its month k, exactly as an actual (children's where the area has none), and only
 *   when the rows read reach month k;
 * - flow: linear actual × M ÷ m; seasonal actual × LY(M) ÷ LY(m) when both exist and LY(m) > 0;
 *   P = seasonal, else linear; band = [min, max] of the two;
 * - rate and level: actual + (LY(M) − LY(m)), or the actual without both;
 * - projected status: met when P satisfies the comparator, else missed (none without a target);
 * - needed per month (flows not yet due): max(0, (target − actual) ÷ (M − m)).
 */
import {
  inheritedTargets,
  judgeInheritedTarget,
  judgeTarget,
  monthIndex,
  readAt,
  satisfied,
  type RefFolder,
  type RefJudgement,
  type RefTarget,
} from './reference-judge';

export interface RefProjection {
  projected: number | null;
  projectedStatus: 'met' | 'missed' | null;
  needed: number | null;
  band: [number, number] | null;
  method: 'seasonal' | 'linear' | 'last_year_change' | 'unchanged' | 'final' | null;
}

export type RefProjected = RefJudgement & RefProjection;

const NONE: RefProjection = { projected: null, projectedStatus: null, needed: null, band: null, method: null };

/** Last year's figure for month k (1-based, counted from January of last year), or null. */
function lastYear(folder: RefFolder, t: RefTarget, areaCode: string, k: number): number | null {
  const month = (t.year - 1) * 12 + k - 1;
  const read = readAt(folder, t.indicator, areaCode, t.year - 1, month);
  return read.latest === month ? read.actual : null;
}

/** The projection of target `t` judged for `areaCode` (the area it is set for, or one inheriting it) as `j`. */
export function projectOne(folder: RefFolder, t: RefTarget, areaCode: string, j: RefJudgement, asOf: number): RefProjection {
  const kind = folder.indicators.get(t.indicator)!.kind;
  const actual = j.actual;
  if (actual == null) return NONE;
  const statusOf = (p: number) => (j.target == null ? null : satisfied(p, t.comparator, j.target) ? 'met' : 'missed');
  if (asOf >= t.due) return { projected: actual, projectedStatus: statusOf(actual), needed: null, band: null, method: 'final' };
  const E = Math.min(asOf, t.due);
  const m = E - t.year * 12 + 1;
  const M = t.due - t.year * 12 + 1;
  if (m < 1) return NONE;
  const lyM = lastYear(folder, t, areaCode, M);
  const lym = lastYear(folder, t, areaCode, m);
  if (kind === 'flow') {
    const linear = (actual / m) * M;
    const seasonal = lym != null && lyM != null && lym > 0 ? (actual / lym) * lyM : null;
    const projected = seasonal ?? linear;
    const needed = j.target == null ? null : Math.max(0, (j.target - actual) / (M - m));
    const band: [number, number] = seasonal == null ? [linear, linear] : [Math.min(linear, seasonal), Math.max(linear, seasonal)];
    return { projected, projectedStatus: statusOf(projected), needed, band, method: seasonal == null ? 'linear' : 'seasonal' };
  }
  const projected = lym != null && lyM != null ? actual + lyM - lym : actual;
  return { projected, projectedStatus: statusOf(projected), needed: null, band: null, method: lym != null && lyM != null ? 'last_year_change' : 'unchanged' };
}

/** Every target of the folder judged and projected as of `asOf` ('YYYY-MM'), keyed by target_id. */
export function projectAll(folder: RefFolder, asOf: string): Map<string, RefProjected> {
  const a = monthIndex(asOf);
  const out = new Map<string, RefProjected>();
  for (const t of folder.targets) {
    const j = judgeTarget(folder, t, a);
    out.set(t.id, { ...j, ...projectOne(folder, t, t.area, j, a) });
  }
  return out;
}

/** As reference-judge's rowsForAreas, with projections: an area filter's own targets and the rate targets they inherit. */
export function projectRowsForAreas(folder: RefFolder, year: number, areas: readonly string[], asOf: string): Map<string, RefProjected> {
  const a = monthIndex(asOf);
  const out = new Map<string, RefProjected>();
  for (const t of folder.targets)
    if (t.year === year && areas.includes(t.area)) {
      const j = judgeTarget(folder, t, a);
      out.set(t.id, { ...j, ...projectOne(folder, t, t.area, j, a) });
    }
  for (const area of areas)
    for (const t of inheritedTargets(folder, area, year)) {
      const j = judgeInheritedTarget(folder, t, area, a);
      out.set(`${t.id}@${area}`, { ...j, ...projectOne(folder, t, area, j, a) });
    }
  return out;
}
