/**
 * Which wall pages exist and in what order: 全市总览, one page per indicator group with targets
 * this year, 区际对比 (only when some district has something to judge), 政策来源 — or, with ?cycle=,
 * one district page per district (or per district behind pace). A page whose rows do not fit one
 * screen continues on a second sheet (id `<page>-2`, …) right after it. `?pages=` chooses and
 * orders them by id (a page's id brings all its sheets).
 */

/** What a page is, before its sheets. */
type PageHead =
  | { kind: 'overview'; id: string }
  | { kind: 'group'; id: string; groupZh: string; groupEn: string | null }
  | { kind: 'districts'; id: string }
  | { kind: 'sources'; id: string }
  | { kind: 'district'; id: string; areaCode: string };

export type WallPage = PageHead & {
  /** Sheet of a page that continues: 0-based index and how many there are (1 for most pages). */
  sheet: number;
  sheets: number;
  /** The id without the sheet suffix (what ?pages= names). */
  base: string;
};

/** URL-safe id of a group page from its English (or Chinese) name. */
export function groupPageId(groupZh: string, groupEn: string | null): string {
  const base = (groupEn ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `group-${base || encodeURIComponent(groupZh)}`;
}

export interface PageInputs {
  /** Groups of the indicators that have targets this year, in catalog order, with their sheets (default 1). */
  groups: { groupZh: string; groupEn: string | null; sheets?: number }[];
  /** District codes, in display order. */
  districts: string[];
  /** Districts behind pace. */
  behind: string[];
  pagesParam: string[] | null;
  cycle: 'districts' | 'behind' | null;
  /** False when no district has anything to judge this year: 区际对比 is left out. Default true. */
  districtsToCompare?: boolean;
  /** Sheets of the overview, of each district page and of the sources page (default 1). */
  overviewSheets?: number;
  districtSheets?: ReadonlyMap<string, number>;
  sourcesSheets?: number;
}

/** A page and its continuation sheets. */
function withSheets(page: PageHead, sheets = 1): WallPage[] {
  const n = Math.max(1, Math.floor(sheets));
  return Array.from({ length: n }, (_, i) => ({ ...page, id: i === 0 ? page.id : `${page.id}-${i + 1}`, base: page.id, sheet: i, sheets: n }) as WallPage);
}

export function wallPages(p: PageInputs): WallPage[] {
  if (p.cycle) {
    const codes = p.cycle === 'behind' ? p.districts.filter((d) => p.behind.includes(d)) : p.districts;
    return codes.flatMap((areaCode) => withSheets({ kind: 'district', id: `district-${areaCode}`, areaCode }, p.districtSheets?.get(areaCode)));
  }
  const all: WallPage[] = [
    ...withSheets({ kind: 'overview', id: 'overview' }, p.overviewSheets),
    ...p.groups.flatMap((g) => withSheets({ kind: 'group', id: groupPageId(g.groupZh, g.groupEn), groupZh: g.groupZh, groupEn: g.groupEn }, g.sheets)),
    ...(p.districtsToCompare === false ? [] : withSheets({ kind: 'districts', id: 'districts' })),
    ...withSheets({ kind: 'sources', id: 'sources' }, p.sourcesSheets),
  ];
  if (!p.pagesParam || p.pagesParam.length === 0) return all;
  const chosen = p.pagesParam.flatMap((id) => all.filter((page) => page.base === id || (page.id === id && page.sheet > 0)));
  return chosen.length > 0 ? chosen : all;
}
