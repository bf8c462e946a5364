/**
 * The contract's data-kpi attributes of one judged target (base units, 4 decimals, empty = none); an
 * inherited target carries the id of the target it comes from and the area it is judged for. The
 * projection's hooks read the judged target's projection (domain/projection.ts).
 */
import { noActualReason } from '../../domain/judge';
import type { JudgedTarget } from '../../domain/types';

const num = (v: number | null) => (v == null || !Number.isFinite(v) ? '' : String(Math.round(v * 1e4) / 1e4));

export function kpiAttrs(j: JudgedTarget): Record<string, string> {
  return {
    'data-kpi': '',
    'data-target-id': j.target.targetId,
    'data-indicator': j.target.indicatorId,
    'data-area': j.area.areaCode,
    'data-year': String(j.target.year),
    'data-actual': num(j.judgement.actual),
    'data-target': num(j.judgement.target),
    'data-expected': num(j.judgement.expected),
    'data-status': j.judgement.status,
    'data-projected': num(j.projection?.value ?? null),
    'data-projected-status': j.projection?.status ?? '',
    'data-needed-monthly': num(j.projection?.neededMonthly ?? null),
    ...(j.inherited ? { 'data-inherited': 'true' } : {}),
    ...(noActualReason(j.indicator.kind, j.components) ? { 'data-no-actual': noActualReason(j.indicator.kind, j.components)! } : {}),
  };
}
