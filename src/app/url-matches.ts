/**
 * URL values read against the loaded data: an area, year, indicator group, document or target that
 * the URL names and that nothing in the data matches falls back to the default, as a malformed value
 * does, and gets a notice. Pure: the shell (App) runs it on every catalog.
 */
import { inheritedTargets } from '../domain/binding';
import type { Catalog } from '../domain/types';
import type { UrlNotice, UrlState } from './url-state';

export interface MatchedUrlValues {
  /** The year asked for when the data has targets for it, else null (the default applies). */
  year: number | null;
  areas: string[];
  groups: string[];
  docs: string[];
  /** One notice per value that matches nothing (a target is kept: it selects nothing). */
  notices: UrlNotice[];
}

/**
 * Reads the URL's data values against `catalog`. Groups are matched against every indicator's
 * group (what the group filter offers), documents and targets against the targets of the year
 * shown (the year asked for, else `defaultYear`): a target by its id, or as `id@area` (domain/binding
 * judgedKey) when `area` inherits it that year.
 */
export function matchUrlValues(state: UrlState, catalog: Catalog, defaultYear: number): MatchedUrlValues {
  const notices: UrlNotice[] = [];
  const keep = <T>(param: string, values: readonly T[], matches: (v: T) => boolean): T[] =>
    values.filter((v) => matches(v) || (notices.push({ param, value: String(v).slice(0, 200), unmatched: true }), false));

  const [year = null] = keep('year', state.year == null ? [] : [state.year], (y) => catalog.targets.some((t) => t.year === y));
  const shown = year ?? defaultYear;
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
  const matched = {
    year,
    areas: keep('area', state.areas, (a) => catalog.areaByCode.has(a)),
    groups: keep('group', state.groups, (g) => groups.has(g)),
    docs: keep('doc', state.docs, (d) => docs.has(d)),
  };
  keep('target', state.target == null ? [] : [state.target], isTarget);
  return { ...matched, notices };
}
