/**
 * The year's judgement in two separate steps (targets, then districts), for tests: what the page
 * does in one query (judgeYear in src/data/model.ts) must equal these, and tests that judge a
 * hand-picked set of targets use judgeTargets. Built from the data layer's own pieces: not an
 * independent reference (that is reference-judge.ts), but the same rules asked in another order.
 */
import {
  fetchComponents,
  inheritancesOf,
  inheritedRequest,
  judgedFrom,
  judgedInherited,
  lastYearRequests,
  summariseDistricts,
  targetRequests,
  usableTargets,
} from '../../src/data/model';
import type { SqlEngine } from '../../src/data/engine';
import type { Catalog, DistrictSummary, JudgedTarget, Target } from '../../src/domain/types';

/** Judges `targets` as of month `asOf` (a month index). */
export async function judgeTargets(engine: SqlEngine, catalog: Catalog, targets: readonly Target[], asOf: number): Promise<JudgedTarget[]> {
  const usable = usableTargets(catalog, targets);
  return judgedFrom(catalog, usable, await fetchComponents(engine, targetRequests(usable, asOf)), asOf);
}

/** The rate targets inherited below the year's judged targets, judged (and projected) for their areas. */
export async function judgeInheritedTargets(engine: SqlEngine, catalog: Catalog, judgedYear: readonly JudgedTarget[], asOf: number): Promise<JudgedTarget[]> {
  const inheriting = inheritancesOf(
    catalog,
    judgedYear.map((j) => j.target),
  );
  const comps = await fetchComponents(
    engine,
    inheriting.flatMap(({ area, targets }) =>
      targets.flatMap((t) => [inheritedRequest(t, area.areaCode, asOf), ...lastYearRequests(t, area.areaCode, asOf)]),
    ),
  );
  return judgedInherited(catalog, judgedYear, comps, asOf);
}

/** Each district against what binds it, given the year's judged targets. */
export async function judgeDistricts(engine: SqlEngine, catalog: Catalog, judgedYear: readonly JudgedTarget[], asOf: number): Promise<DistrictSummary[]> {
  return summariseDistricts(catalog, judgedYear, await judgeInheritedTargets(engine, catalog, judgedYear, asOf));
}
