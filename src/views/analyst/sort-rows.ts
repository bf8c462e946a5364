/** Sorting the target table by any column; pure. */
import { gapToPace, gapToTarget } from '../../domain/analysis';
import { judgedKey } from '../../domain/binding';
import { severityRank } from '../../domain/status';
import type { JudgedTarget } from '../../domain/types';
import { SORT_KEYS, type Lang } from '../../app/url-state';
import type { MessageKey } from '../../app/i18n/translator';
import { areaName, indicatorName } from '../panels/labels';

export type SortKey = (typeof SORT_KEYS)[number];

/** The column header (message key) each sort key is shown under: how a take-away names its order. */
export const SORT_LABELS: Record<SortKey, MessageKey> = {
  indicator: 'indicator',
  area: 'area',
  target: 'comparator',
  actual: 'actual',
  pace: 'pace',
  attainment: 'attainment',
  gap: 'gapTarget',
  pace_gap: 'gapPace',
  status: 'status',
  doc: 'document',
  projected: 'projected',
  projected_status: 'projectedStatus',
  needed: 'neededMonthly',
};

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
    case 'projected':
      return j.projection?.value ?? null;
    // Projected to miss first, like the status column.
    case 'projected_status':
      return j.projection?.status == null ? null : j.projection.status === 'missed' ? 0 : 1;
    case 'needed':
      return j.projection?.neededMonthly ?? null;
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

/** The table's order for a `sort` parameter in a language: what the table shows and what its export writes. */
export function screenOrder(rows: readonly JudgedTarget[], sort: string | null, lang: Lang): JudgedTarget[] {
  return sortRows(rows, parseSort(sort), { indicator: (j) => indicatorName(j.indicator, lang), area: (j) => areaName(j.area, lang) });
}
