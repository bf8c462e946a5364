/**
 * URL state: the view, filters and options live in the query string so a copied link reproduces
 * the view. Parsing is pure; a bad value falls back to the default and is reported as a notice,
 * never an error page. Values that come from the data (groups, documents, a target) are any text:
 * each is a parameter of its own (`doc=A&doc=B`), so a comma, a line break or `&` in one survives
 * its own link; codes and fixed words (area, status, pages) are comma lists, as the contract has them.
 */

import { STATUS_FILTERS, type StatusFilter } from '../domain/projection';

export type View = 'wall' | 'analyst' | 'briefing';
export type Lang = 'zh' | 'en';

export interface UrlState {
  view: View;
  /** Selected area codes (empty = no area filter). */
  areas: string[];
  year: number | null;
  /** As-of month override, 'YYYY-MM'. */
  asof: string | null;
  /** Data folder URL; null = the bundled data. */
  data: string | null;
  lang: Lang;
  /** Selected target in the analyst view. */
  target: string | null;
  rotate: number;
  refresh: number | null;
  /** Wall pages to show, by id, in order (null = all). */
  pages: string[] | null;
  /** Wall: rotate one page through the districts, or only those behind pace. */
  cycle: 'districts' | 'behind' | null;
  /** Analyst filters: indicator groups (group_zh), source documents (doc_id), statuses (and projected_missed). */
  groups: string[];
  docs: string[];
  statuses: StatusFilter[];
  /** Analyst filter: 责任单位, units named in a target's owner (domain/owners.ts). */
  owners: string[];
  /** Analyst table sort: column (one of SORT_KEYS), '-' before it for descending. */
  sort: string | null;
  /** Analyst search: targets by indicator, document or owner (domain/search.ts); '' = none. */
  q: string;
}

/** The columns the analyst table sorts by (`sort=<column>` / `sort=-<column>`). */
export const SORT_KEYS = [
  'indicator',
  'area',
  'target',
  'actual',
  'pace',
  'attainment',
  'gap',
  'pace_gap',
  'status',
  'doc',
  'projected',
  'projected_status',
  'needed',
] as const;

export interface UrlNotice {
  param: string;
  /** The rejected value, shown as text. */
  value: string;
  /** Well-formed, but nothing in the data matches it (app/url-matches.ts). */
  unmatched?: true;
}

export const DEFAULT_ROTATE_SECONDS = 20;

export const DEFAULT_STATE: UrlState = {
  view: 'analyst',
  areas: [],
  year: null,
  asof: null,
  data: null,
  lang: 'zh',
  target: null,
  rotate: DEFAULT_ROTATE_SECONDS,
  refresh: null,
  pages: null,
  cycle: null,
  groups: [],
  docs: [],
  statuses: [],
  owners: [],
  sort: null,
  q: '',
};

const AREA_CODE = /^[0-9A-Za-z_-]{1,64}$/;
/**
 * The longest data value a URL carries (a target id, a group, a document). Any text up to it is
 * taken as written, line breaks and all: such values are only compared with the data, never run.
 */
const MAX_DATA_VALUE = 2000;
const isDataValue = (s: string) => s.length > 0 && s.length <= MAX_DATA_VALUE;

/** Parses a query string into state plus notices for every value that was not usable. */
export function parseUrlState(search: string): { state: UrlState; notices: UrlNotice[] } {
  const p = new URLSearchParams(search);
  const state: UrlState = { ...DEFAULT_STATE, areas: [] };
  const notices: UrlNotice[] = [];
  const bad = (param: string, value: string) => notices.push({ param, value: value.slice(0, 200) });

  const view = p.get('view');
  if (view != null) {
    if (view === 'wall' || view === 'analyst' || view === 'briefing') state.view = view;
    else bad('view', view);
  }
  // A comma list, given once or repeated (area=a,b or area=a&area=b).
  const commaList = (name: string) => p.getAll(name).flatMap((v) => v.split(',')).map((x) => x.trim()).filter(Boolean);
  const codes = commaList('area');
  if (codes.length > 0) {
    const good = codes.filter((c) => AREA_CODE.test(c));
    if (good.length !== codes.length) bad('area', p.getAll('area').join(','));
    state.areas = [...new Set(good)];
  }
  const year = p.get('year');
  if (year != null && year !== '') {
    if (/^(19|20|21)\d{2}$/.test(year)) state.year = Number(year);
    else bad('year', year);
  }
  const asof = p.get('asof');
  if (asof != null && asof !== '') {
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(asof)) state.asof = asof;
    else bad('asof', asof);
  }
  const data = p.get('data');
  if (data != null && data !== '') {
    if (isFolderUrl(data)) state.data = data;
    else bad('data', data);
  }
  const lang = p.get('lang');
  if (lang != null) {
    if (lang === 'zh' || lang === 'en') state.lang = lang;
    else if (/^zh([-_].*)?$/i.test(lang)) state.lang = 'zh';
    else if (/^en([-_].*)?$/i.test(lang)) state.lang = 'en';
    else bad('lang', lang);
  }
  const target = p.get('target');
  if (target != null && target !== '') {
    if (isDataValue(target)) state.target = target;
    else bad('target', target);
  }
  const rotate = p.get('rotate');
  if (rotate != null && rotate !== '') {
    const n = Number(rotate);
    if (Number.isFinite(n) && n >= 3 && n <= 3600) state.rotate = n;
    else bad('rotate', rotate);
  }
  const refresh = p.get('refresh');
  if (refresh != null && refresh !== '') {
    const n = Number(refresh);
    if (Number.isFinite(n) && n >= 10 && n <= 86400) state.refresh = n;
    else bad('refresh', refresh);
  }
  const ids = commaList('pages');
  if (ids.length > 0) {
    const good = ids.filter((id) => /^[a-z0-9%-]{1,120}$/i.test(id));
    if (good.length !== ids.length) bad('pages', p.getAll('pages').join(','));
    if (good.length > 0) state.pages = good;
  }
  // Data values (group and document names): each parameter one value, exactly as written; compared
  // with the data in JS, never put in SQL.
  const values = (name: string) => {
    const all = p.getAll(name).filter((v) => v !== '');
    for (const v of all.filter((x) => !isDataValue(x))) bad(name, v);
    return [...new Set(all.filter(isDataValue))];
  };
  state.groups = values('group');
  state.docs = values('doc');
  state.owners = values('owner');
  const statuses = commaList('status');
  state.statuses = [...new Set(statuses.filter((x): x is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(x)))];
  if (statuses.some((x) => !(STATUS_FILTERS as readonly string[]).includes(x))) bad('status', p.getAll('status').join(','));
  const sort = p.get('sort');
  if (sort != null && sort !== '') {
    if ((SORT_KEYS as readonly string[]).includes(sort.replace(/^-/, ''))) state.sort = sort;
    else bad('sort', sort);
  }
  const q = p.get('q');
  if (q != null && q.trim() !== '') {
    if (q.length <= 100 && ![...q].some((ch) => ch.charCodeAt(0) < 32)) state.q = q;
    else bad('q', q);
  }
  const cycle = p.get('cycle');
  if (cycle != null && cycle !== '') {
    if (cycle === 'districts' || cycle === 'behind') state.cycle = cycle;
    else bad('cycle', cycle);
  }
  return { state, notices };
}

/** A folder URL must be http(s) or relative: no javascript:, data: or file: URLs. */
function isFolderUrl(text: string): boolean {
  if (text.length > 2000) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return /^https?:\/\//i.test(text);
  return !text.startsWith('//') || /^\/\/[^/]/.test(text);
}

/** Serialises state back to a query string, omitting defaults, in a stable order. */
export function serializeUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) p.set('view', state.view);
  if (state.data) p.set('data', state.data);
  if (state.areas.length) p.set('area', state.areas.join(','));
  if (state.year != null) p.set('year', String(state.year));
  if (state.asof) p.set('asof', state.asof);
  if (state.target) p.set('target', state.target);
  if (state.lang !== DEFAULT_STATE.lang) p.set('lang', state.lang);
  if (state.rotate !== DEFAULT_STATE.rotate) p.set('rotate', String(state.rotate));
  if (state.refresh != null) p.set('refresh', String(state.refresh));
  if (state.pages) p.set('pages', state.pages.join(','));
  if (state.cycle) p.set('cycle', state.cycle);
  for (const g of state.groups) p.append('group', g);
  for (const d of state.docs) p.append('doc', d);
  if (state.statuses.length) p.set('status', state.statuses.join(','));
  for (const o of state.owners) p.append('owner', o);
  if (state.sort) p.set('sort', state.sort);
  if (state.q) p.set('q', state.q);
  const s = p.toString();
  return s ? `?${s}` : '';
}
