/** The area tree (city → districts → towns, zones beside the towns): who is above whom. */
import type { Area } from './types';

/** The top-level area(s): the city, or any area without a parent. */
export function rootCodes(areas: readonly Area[]): Set<string> {
  return new Set(areas.filter((a) => a.level === 'city' || a.parentCode == null).map((a) => a.areaCode));
}

/** True when `code` is `ancestor` or lies below it. */
export function isWithin(areaByCode: ReadonlyMap<string, Area>, code: string, ancestor: string): boolean {
  for (let c: string | null = code, i = 0; c != null && i < 10; i++) {
    if (c === ancestor) return true;
    c = areaByCode.get(c)?.parentCode ?? null;
  }
  return false;
}

/**
 * The areas whose figures add up to `code`'s: its children, zones excepted (a zone such as
 * 青浦新城 overlaps its district's towns, so it is never summed into the district).
 */
export function childAreas(areas: readonly Area[], code: string): Area[] {
  return areas.filter((a) => a.parentCode === code && a.level !== 'zone');
}
