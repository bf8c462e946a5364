/**
 * The analyst's filters as rules on targets, shared by the list (hooks.ts) and what counts it
 * (the year list, the empty result): the area filter (domain/binding.ts listedTargets), then
 * group, document, 责任单位 and search, which need no judgement. Status needs one and is applied to the
 * judged rows only.
 */
import type { UrlState } from '../../app/url-state';
import { usableTargets } from '../../data/model';
import { listedTargets, type ListedTarget } from '../../domain/binding';
import { ownedByAny } from '../../domain/owners';
import { matchesSearch, searchTerms } from '../../domain/search';
import type { Catalog, Indicator, Target } from '../../domain/types';

type Filters = Pick<UrlState, 'groups' | 'docs' | 'q'> & { owners?: readonly string[] };

/** Group, document, 责任单位 and search as one predicate. */
export function targetFilter(state: Filters): (t: Target, indicator: Indicator) => boolean {
  const terms = searchTerms(state.q);
  return (t, indicator) =>
    (state.groups.length === 0 || state.groups.includes(indicator.groupZh ?? '')) &&
    (state.docs.length === 0 || state.docs.includes(t.docId)) &&
    ownedByAny(t.owner, state.owners ?? []) &&
    matchesSearch(t, indicator, terms);
}

/** What the list holds in `year` before the status filter: every target, or the area filter's rows; then group, document, search. */
export function listedInYear(catalog: Catalog, year: number, areas: readonly string[], state: Filters): ListedTarget[] {
  const yearTargets = usableTargets(
    catalog,
    catalog.targets.filter((t) => t.year === year),
  );
  const listed =
    areas.length === 0
      ? yearTargets.map((t) => ({ target: t, area: catalog.areaByCode.get(t.areaCode)!, inherited: false }))
      : listedTargets(areas, yearTargets, catalog);
  const keep = targetFilter(state);
  return listed.filter((l) => keep(l.target, catalog.indicatorById.get(l.target.indicatorId)!));
}

/** Every year with targets, newest first, with how many rows the list would hold in it (listedInYear). */
export function yearCounts(catalog: Catalog, areas: readonly string[], state: Filters): { year: number; count: number }[] {
  const years = [...new Set(catalog.targets.map((t) => t.year))].sort((a, b) => b - a);
  return years.map((year) => ({ year, count: listedInYear(catalog, year, areas, state).length }));
}

/** The year nearest to `year` (the later one on a tie) whose list holds rows for the area filter alone; null when none. */
export function nearestYearWithTargets(catalog: Catalog, year: number, areas: readonly string[]): { year: number; count: number } | null {
  const none = { groups: [], docs: [], q: '', owners: [] };
  const years = yearCounts(catalog, areas, none).filter((y) => y.year !== year && y.count > 0);
  years.sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year);
  return years[0] ?? null;
}
