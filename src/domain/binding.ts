/**
 * What binds an area, and how an area reads against it: the rule behind the analyst's area filter,
 * the wall's district pages, its ranking and the map. Pure: the judgements come from judge.ts, the
 * figures from the data layer.
 *
 * Targets that bind the areas below (the data contract): a rate target (a share, a coverage) binds
 * every area below the one it is set for, on that area's own figures; counts (flows and levels) bind
 * no sub-area. An area inherits, for each indicator, the rate targets of its nearest ancestor that
 * has one that year, unless it has a target of its own for that indicator and year.
 *
 * A district is summarised on its own targets (those set for it or any area below it: its towns and
 * zones) and the targets it inherits, each judged on its own figures (no_data where it has none).
 */
import { isWithin, rootCodes } from './areas';
import { actualOf, dueMonth, judge, paceAdjustedAttainment } from './judge';
import { NO_LAST_YEAR, projectJudged, type LastYearComponents } from './projection';
import { worstStatus } from './status';
import type { ActualComponents, Area, Catalog, DistrictItem, DistrictSummary, JudgedTarget, Target } from './types';

type Lookups = Pick<Catalog, 'areas' | 'areaByCode' | 'indicatorById'>;

/**
 * The rate targets `area` inherits in a year, from that year's targets: for each rate indicator,
 * those of its nearest ancestor that has any, unless the area has a target of its own for it.
 */
export function inheritedTargets(area: Area, yearTargets: readonly Target[], lookups: Lookups): Target[] {
  const own = new Set(yearTargets.filter((t) => t.areaCode === area.areaCode).map((t) => t.indicatorId));
  const out: Target[] = [];
  const taken = new Set<string>();
  for (let code = area.parentCode, i = 0; code != null && i < 10; code = lookups.areaByCode.get(code)?.parentCode ?? null, i++) {
    const here = yearTargets.filter(
      (t) => t.areaCode === code && lookups.indicatorById.get(t.indicatorId)?.kind === 'rate' && !own.has(t.indicatorId) && !taken.has(t.indicatorId),
    );
    out.push(...here);
    for (const t of here) taken.add(t.indicatorId);
  }
  return out;
}

/** The targets that bind district `area` in a year: its own (set for it or any area below it), and those it inherits. */
export function bindingTargets(area: Area, yearTargets: readonly Target[], lookups: Lookups): { own: Target[]; inherited: Target[] } {
  const roots = rootCodes(lookups.areas);
  if (roots.has(area.areaCode)) return { own: yearTargets.filter((t) => t.areaCode === area.areaCode), inherited: [] };
  return {
    own: yearTargets.filter((t) => !roots.has(t.areaCode) && isWithin(lookups.areaByCode, t.areaCode, area.areaCode)),
    inherited: inheritedTargets(area, yearTargets, lookups),
  };
}

/** A target of the area's own, as an item of its summary. */
export function ownItem(j: JudgedTarget): DistrictItem {
  return {
    source: 'own',
    target: j.target,
    indicator: j.indicator,
    area: j.area,
    judgement: j.judgement,
    components: j.components,
    paceAttainment: paceAdjustedAttainment(j.judgement, j.target.comparator),
  };
}

/**
 * An inherited target judged for `area` on the area's own figures (`components`), against the
 * value, comparator and due date of the target as judged where it was set (its value may come from
 * a baseline). no_data where the area has no figure or the value could not be read. Its projection
 * reads the area's own last year (`lastYear`).
 */
export function judgeInherited(
  parent: JudgedTarget,
  area: Area,
  components: ActualComponents | null,
  asOf: number,
  lastYear: LastYearComponents = NO_LAST_YEAR,
): JudgedTarget {
  const { target, indicator } = parent;
  const judgement = judge({
    kind: indicator.kind,
    comparator: target.comparator,
    year: target.year,
    due: dueMonth(target),
    asOf,
    actual: actualOf(indicator.kind, components),
    target: parent.judgement.target,
  });
  const projection = projectJudged({ target, indicator, judgement }, asOf, lastYear);
  return { target, indicator, area, judgement, components, baseline: null, inherited: true, projection };
}

/** An inherited target, judged for its area, as an item of the area's summary. */
export function inheritedItem(j: JudgedTarget): DistrictItem {
  return { ...ownItem(j), source: 'floor' };
}

/** No one item may lift an area's score above this: one outlier cannot hide a shortfall. */
export const SCORE_CAP = 150;

/** Mean of pace-adjusted attainments, each capped at SCORE_CAP; null when none is known. */
export function areaScore(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v != null && Number.isFinite(v));
  if (known.length === 0) return null;
  return known.reduce((s, v) => s + Math.min(v, SCORE_CAP), 0) / known.length;
}

/** An area read against its items: its worst status, its score, whether anything is behind pace. */
export function summariseArea(area: Area, items: DistrictItem[]): DistrictSummary {
  const statuses = items.map((i) => i.judgement.status);
  return {
    area,
    items,
    status: worstStatus(statuses),
    score: areaScore(items.map((i) => i.paceAttainment)),
    behind: statuses.includes('behind'),
    illustrative: items.some((i) => i.components?.illustrative),
  };
}

/** What tells judged targets apart on one screen: the target, and for an inherited one the area it is judged for. */
export function judgedKey(j: Pick<JudgedTarget, 'target' | 'area' | 'inherited'>): string {
  return j.inherited ? `${j.target.targetId}@${j.area.areaCode}` : j.target.targetId;
}
