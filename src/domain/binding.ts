/**
 * What binds an area, and how an area reads against it: the rule behind the wall's district pages,
 * its ranking and the map. Pure: the judgements come from judge.ts, the figures from the data layer.
 *
 * A district is judged on
 * - its own targets: those set for it or for any area below it (its towns and zones), and
 * - the targets it inherits: the city's rate and level targets (floors and caps that bind every
 *   district), judged on the district's own figures against the city's target value. City flow
 *   totals are not split across districts, so they bind no district.
 * An inherited target counts only where the city's target could be read and the district has a
 * figure for it: a floor with nothing to measure is nothing to judge a district on.
 */
import { isWithin, rootCodes } from './areas';
import { actualOf, dueMonth, judge, paceAdjustedAttainment } from './judge';
import { worstStatus } from './status';
import type { ActualComponents, Area, Catalog, DistrictItem, DistrictSummary, JudgedTarget, Target } from './types';

type Lookups = Pick<Catalog, 'areas' | 'areaByCode' | 'indicatorById'>;

/** The targets that bind `area` in a year, from that year's targets: its own, and those it inherits. */
export function bindingTargets(area: Area, yearTargets: readonly Target[], lookups: Lookups): { own: Target[]; inherited: Target[] } {
  const roots = rootCodes(lookups.areas);
  if (roots.has(area.areaCode)) return { own: yearTargets.filter((t) => t.areaCode === area.areaCode), inherited: [] };
  return {
    own: yearTargets.filter((t) => !roots.has(t.areaCode) && isWithin(lookups.areaByCode, t.areaCode, area.areaCode)),
    inherited: inheritableTargets(yearTargets, lookups),
  };
}

/** The city's targets that bind the areas below it: rates and levels (floors and caps), not flows. */
export function inheritableTargets(yearTargets: readonly Target[], lookups: Lookups): Target[] {
  const roots = rootCodes(lookups.areas);
  return yearTargets.filter((t) => roots.has(t.areaCode) && lookups.indicatorById.get(t.indicatorId)?.kind !== 'flow');
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
 * value, comparator and due date of the target as judged where it was set. Null when it does not
 * count: the target's value could not be read, or the area has no figure.
 */
export function inheritedItem(parent: JudgedTarget, area: Area, components: ActualComponents | null, asOf: number): DistrictItem | null {
  if (parent.judgement.target == null || components == null) return null;
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
  return {
    source: 'floor',
    target,
    indicator,
    area,
    judgement,
    components,
    paceAttainment: paceAdjustedAttainment(judgement, target.comparator),
  };
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
