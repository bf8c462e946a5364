/** Cross-filtering: a click on a district selects it together with its towns and zones that have targets. */
import { isWithin } from '../../domain/areas';
import type { Catalog } from '../../domain/types';

export function areaWithSubtree(catalog: Catalog, code: string): string[] {
  const withTargets = new Set(catalog.targets.map((t) => t.areaCode));
  const below = catalog.areas
    .filter((a) => a.areaCode !== code && withTargets.has(a.areaCode) && isWithin(catalog.areaByCode, a.areaCode, code))
    .map((a) => a.areaCode);
  return [code, ...below];
}
