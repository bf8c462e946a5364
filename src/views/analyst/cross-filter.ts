/**
 * Cross-filtering: what a click on a district of the map (or on a sub-area's bar) selects. The area
 * alone: the list then holds the targets set for it and the rate targets it inherits (the
 * contract's area filter), which is what colours it on the map, so the list explains its status.
 *
 * Its towns and zones are not selected with it. Each of them inherits the rate targets too, so
 * selecting them would add one row per town and inherited target, mostly 无数据 where figures are
 * kept by district, and bury the rows that explain the district. The targets set for the areas
 * below it (which count in its status on the map too) are named under the list with a button that
 * lists them (TargetList.tsx), and any town is one click away in the area picker or the sub-area chart.
 */
export function crossFilterAreas(code: string): string[] {
  return [code];
}
