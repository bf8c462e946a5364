/**
 * Small-cell suppression for figures derived from person-level records: a breakdown never shows a
 * cell of fewer than 5 cases, and never lets one be recovered by subtracting the shown cells from
 * the parent's total (when exactly one cell is suppressed, the next smallest is suppressed too).
 */

export const MIN_CELL = 5;

export interface CountedCell {
  key: string;
  /** Cases behind the cell (a rate's denominator, a flow's count); null when unknown. */
  cases: number | null;
}

/** Keys of the cells to show as "<5". */
export function suppressedCells(cells: readonly CountedCell[], min = MIN_CELL): Set<string> {
  const out = new Set(cells.filter((c) => c.cases != null && c.cases > 0 && c.cases < min).map((c) => c.key));
  if (out.size === 1) {
    // One hidden cell = parent total − the others: hide the smallest other non-empty cell as well.
    const next = cells
      .filter((c) => !out.has(c.key) && c.cases != null && c.cases > 0)
      .sort((a, b) => a.cases! - b.cases! || a.key.localeCompare(b.key))[0];
    if (next) out.add(next.key);
  }
  return out;
}
