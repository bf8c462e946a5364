/**
 * URL values read against the loaded data: an as-of month, year, area, indicator group, document or
 * target that the URL names and that nothing in the data matches falls back to the default, as a
 * malformed value does, and gets a notice. Pure: the shell (App) runs it on every catalog.
 */
import { inheritedTargets } from '../domain/binding';
import { parsePeriod } from '../domain/period';
import { defaultYear, resolveAsOf } from '../domain/resolve';
import type { Catalog } from '../domain/types';
import type { UrlNotice, UrlState } from './url-state';

export interface MatchedUrlValues {
  /** The URL state with every value that matches nothing taken out (the target is kept: it selects nothing). */
  state: UrlState;
  /** The as-of month and the year shown, resolved (domain/resolve.ts) from what matched. */
  asOf: number;
  year: number;
  /** One notice per value that matches nothing. */
  notices: UrlNotice[];
}

/**
 * Reads the URL's values against `catalog`. An as-of month matches when the data reaches it (the
 * month picker's own limit: a later one would judge every unfinished target on figures that stop
 * earlier); a year when it has targets; groups against every indicator's group (what the group
 * filter offers); documents and targets against the targets of the year shown: a target by its id,
 * or as `id@area` (domain/binding judgedKey) when `area` inherits it that year.
 */
export function matchUrlValues(state: UrlState, catalog: Catalog): MatchedUrlValues {
  const notices: UrlNotice[] = [];
  const keep = <T>(param: string, values: readonly T[], matches: (v: T) => boolean): T[] =>
    values.filter((v) => matches(v) || (notices.push({ param, value: String(v).slice(0, 200), unmatched: true }), false));
  const one = <T>(param: string, value: T | null, matches: (v: T) => boolean): T | null =>
    value == null ? null : (keep(param, [value], matches)[0] ?? null);

  const asof = one('asof', state.asof, (a) => catalog.latestIdx == null || (parsePeriod(a) ?? Infinity) <= catalog.latestIdx);
  const asOf = resolveAsOf(asof, catalog.latestIdx, catalog.targets);
  const year = one('year', state.year, (y) => catalog.targets.some((t) => t.year === y));
  const shown = year ?? defaultYear(asOf, catalog.targets);

  const yearTargets = catalog.targets.filter((t) => t.year === shown);
  const ids = new Set(yearTargets.map((t) => t.targetId));
  const groups = new Set(catalog.indicators.map((i) => i.groupZh));
  const docs = new Set(yearTargets.map((t) => t.docId));
  const isTarget = (key: string) => {
    if (ids.has(key)) return true;
    const at = key.lastIndexOf('@');
    const area = at > 0 ? catalog.areaByCode.get(key.slice(at + 1)) : undefined;
    return area != null && inheritedTargets(area, yearTargets, catalog).some((t) => t.targetId === key.slice(0, at));
  };
  const matched: UrlState = {
    ...state,
    asof,
    year,
    areas: keep('area', state.areas, (a) => catalog.areaByCode.has(a)),
    groups: keep('group', state.groups, (g) => groups.has(g)),
    docs: keep('doc', state.docs, (d) => docs.has(d)),
  };
  one('target', state.target, isTarget);
  return { state: matched, asOf, year: shown, notices };
}
