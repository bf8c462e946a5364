/** Cross-filtering: a click on a district selects it together with its towns and zones that have targets. */
import type { Catalog } from '../../data/model';
import { isWithin } from '../../data/model';

export function areaWithSubtree(catalog: Catalog, code: string): string[] {
  const withTargets = new Set(catalog.targets.map((t) => t.areaCode));
  const below = catalog.areas.filter((a) => a.areaCode !== code && withTargets.has(a.areaCode) && isWithin(catalog, a.areaCode, code)).map((a) => a.areaCode);
  return [code, ...below];
}
