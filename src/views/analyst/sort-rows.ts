/** Sorting the target table by any column; pure. */
import { gapToPace, gapToTarget } from '../../domain/analysis';
import { judgedKey } from '../../domain/binding';
import { severityRank } from '../../domain/status';
import type { JudgedTarget } from '../../domain/types';
import { SORT_KEYS } from '../../app/url-state';

export type SortKey = (typeof SORT_KEYS)[number];

/** '-attainment' → { key: 'attainment', desc: true }; unknown keys fall back to status order. */
export function parseSort(sort: string | null): { key: SortKey; desc: boolean } {
  const desc = sort?.startsWith('-') ?? false;
  const key = (sort ?? '').replace(/^-/, '') as SortKey;
  return SORT_KEYS.includes(key) ? { key, desc } : { key: 'status', desc: false };
}

type Value = string | number | null;

function valueOf(j: JudgedTarget, key: SortKey, names: { indicator: (j: JudgedTarget) => string; area: (j: JudgedTarget) => string }): Value {
  switch (key) {
    case 'indicator':
      return names.indicator(j);
    case 'area':
      return names.area(j);
    case 'target':
      return j.judgement.target;
    case 'actual':
      return j.judgement.actual;
    case 'pace':
      return j.judgement.expected;
    case 'attainment':
      return j.judgement.attainment;
    case 'gap':
      return gapToTarget(j.judgement, j.target.comparator);
    case 'pace_gap':
      return gapToPace(j.judgement, j.target.comparator);
    case 'status':
      return severityRank(j.judgement.status);
    case 'doc':
      return `${j.target.docId}${j.target.clause ?? ''}`;
  }
}

/** Sorted copy; empty values always last, ties by target id for a stable order. */
export function sortRows(
  rows: readonly JudgedTarget[],
  sort: { key: SortKey; desc: boolean },
  names: { indicator: (j: JudgedTarget) => string; area: (j: JudgedTarget) => string },
): JudgedTarget[] {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...rows].sort((a, b) => {
    const va = valueOf(a, sort.key, names);
    const vb = valueOf(b, sort.key, names);
    if (va == null && vb == null) return judgedKey(a).localeCompare(judgedKey(b));
    if (va == null) return 1;
    if (vb == null) return -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return (sort.desc ? -c : c) || judgedKey(a).localeCompare(judgedKey(b));
  });
}
