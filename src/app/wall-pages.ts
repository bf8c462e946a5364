/**
 * Which wall pages exist and in what order: 全市总览, one page per indicator group with targets
 * this year, 区际对比, 政策来源 — or, with ?cycle=, one district page per district (or per district
 * behind pace). `?pages=` chooses and orders them by id.
 */

export type WallPage =
  | { kind: 'overview'; id: 'overview' }
  | { kind: 'group'; id: string; groupZh: string; groupEn: string | null }
  | { kind: 'districts'; id: 'districts' }
  | { kind: 'sources'; id: 'sources' }
  | { kind: 'district'; id: string; areaCode: string };

/** URL-safe id of a group page from its English (or Chinese) name. */
export function groupPageId(groupZh: string, groupEn: string | null): string {
  const base = (groupEn ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `group-${base || encodeURIComponent(groupZh)}`;
}

export interface PageInputs {
  /** Groups of the indicators that have targets this year, in catalog order. */
  groups: { groupZh: string; groupEn: string | null }[];
  /** District codes, in display order. */
  districts: string[];
  /** Districts behind pace. */
  behind: string[];
  pagesParam: string[] | null;
  cycle: 'districts' | 'behind' | null;
}

export function wallPages(p: PageInputs): WallPage[] {
  if (p.cycle) {
    const codes = p.cycle === 'behind' ? p.districts.filter((d) => p.behind.includes(d)) : p.districts;
    return codes.map((areaCode) => ({ kind: 'district', id: `district-${areaCode}`, areaCode }));
  }
  const all: WallPage[] = [
    { kind: 'overview', id: 'overview' },
    ...p.groups.map((g) => ({ kind: 'group' as const, id: groupPageId(g.groupZh, g.groupEn), groupZh: g.groupZh, groupEn: g.groupEn })),
    { kind: 'districts', id: 'districts' },
    { kind: 'sources', id: 'sources' },
  ];
  if (!p.pagesParam || p.pagesParam.length === 0) return all;
  const byId = new Map(all.map((page) => [page.id, page]));
  const chosen = p.pagesParam.map((id) => byId.get(id)).filter((x): x is WallPage => x != null);
  return chosen.length > 0 ? chosen : all;
}
