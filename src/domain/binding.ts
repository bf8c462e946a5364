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
 * zones) and the targets it inherits, each judged on its own figures (no_data where it has none):
 * its worst status with how many items have it, the items per status, and its place among the
 * districts (the share met or on track, then the furthest-behind item's shortfall).
 */
import { isWithin, rootCodes } from './areas';
import { actualOf, dueMonth, judge, paceAdjustedAttainment } from './judge';
import { NO_LAST_YEAR, projectJudged, type LastYearComponents } from './projection';
import { worstStatus } from './status';
import { STATUSES, type ActualComponents, type Area, type Catalog, type DistrictItem, type DistrictSummary, type JudgedTarget, type Status, type StatusCounts, type Target } from './types';

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

/** One row of an area filter's list: a target, and the area it is read for (its own, or the one that inherits it). */
export interface ListedTarget {
  target: Target;
  area: Area;
  inherited: boolean;
}

/**
 * What an area filter lists in a year (the contract's analyst view): the targets set for those
 * areas, and the rate targets each of them inherits. `yearTargets` are the year's judgeable
 * targets; the same rule counts the rows of other years (the year list, the nearest year with
 * targets for an area) that the judged year lists for this one.
 */
export function listedTargets(areaCodes: readonly string[], yearTargets: readonly Target[], lookups: Lookups): ListedTarget[] {
  const out: ListedTarget[] = [];
  for (const code of areaCodes) {
    const area = lookups.areaByCode.get(code);
    if (!area) continue;
    for (const t of yearTargets) if (t.areaCode === code) out.push({ target: t, area, inherited: false });
    for (const t of inheritedTargets(area, yearTargets, lookups)) out.push({ target: t, area, inherited: true });
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

/** Items per status, every status present (0 where none). */
export function statusCounts(statuses: readonly Status[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const s of statuses) counts[s]++;
  return counts;
}

/**
 * How far the furthest-behind item is from where it should be: 100 − the lowest pace-adjusted
 * attainment (100 = on pace; judge.paceAdjustedAttainment), at least 0. Null when none is known.
 */
export function areaShortfall(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v != null && Number.isFinite(v));
  if (known.length === 0) return null;
  return Math.max(0, 100 - Math.min(...known));
}

/**
 * An area read against its items, as one story: its worst status and how many items have it (the
 * colour, mark, word and figure shown together), the items per status, the share met or on track,
 * and the shortfall of the furthest-behind item. A target without data counts in the total and
 * is neither met nor on track.
 */
export function summariseArea(area: Area, items: DistrictItem[]): DistrictSummary {
  const statuses = items.map((i) => i.judgement.status);
  const counts = statusCounts(statuses);
  const status = worstStatus(statuses);
  const onCourse = counts.met + counts.on_track;
  return {
    area,
    items,
    status,
    headline: status == null ? null : { status, count: counts[status] },
    counts,
    total: items.length,
    onCourse,
    share: items.length === 0 ? null : onCourse / items.length,
    shortfall: areaShortfall(items.map((i) => i.paceAttainment)),
    behind: counts.behind > 0,
    illustrative: items.some((i) => i.components?.illustrative),
  };
}

/**
 * The order areas are ranked in, as a leader can say it: the larger share of targets met or on
 * track first; of equal shares, the smaller shortfall (an area with none known after those with
 * one); then by code, so the order is stable.
 */
export function compareAreas(a: DistrictSummary, b: DistrictSummary): number {
  const share = (b.share ?? -1) - (a.share ?? -1);
  if (share !== 0) return share;
  const sa = a.shortfall ?? Infinity;
  const sb = b.shortfall ?? Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.area.areaCode < b.area.areaCode ? -1 : a.area.areaCode > b.area.areaCode ? 1 : 0;
}

/** An area with its place: 1 is the best; areas equal on share and shortfall share a place. */
export interface RankedArea {
  summary: DistrictSummary;
  rank: number;
}

/** The areas with anything to judge, best first (compareAreas), each with its place out of the areas ranked. */
export function rankAreas(summaries: readonly DistrictSummary[]): RankedArea[] {
  const sorted = summaries.filter((s) => s.total > 0).sort(compareAreas);
  const out: RankedArea[] = [];
  sorted.forEach((summary, i) => {
    const prev = out[i - 1];
    const tied = prev != null && prev.summary.share === summary.share && prev.summary.shortfall === summary.shortfall;
    out.push({ summary, rank: tied ? prev.rank : i + 1 });
  });
  return out;
}

/** What tells judged targets apart on one screen: the target, and for an inherited one the area it is judged for. */
export function judgedKey(j: Pick<JudgedTarget, 'target' | 'area' | 'inherited'>): string {
  return j.inherited ? `${j.target.targetId}@${j.area.areaCode}` : j.target.targetId;
}
