/**
 * The descriptive columns of a data folder (names, units, documents, clauses, quotes, owners),
 * read straight from its CSV files with papaparse, independently of src/: what the browser tests
 * compare labels, exports and provenance with.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export interface TargetMeta {
  id: string;
  indicator: string;
  area: string;
  year: number;
  comparator: string;
  baseline: string;
  docId: string;
  clause: string;
  quote: string;
  owner: string;
  due: string;
}
export interface IndicatorMeta {
  id: string;
  unit: string;
  kind: string;
  nameZh: string;
  nameEn: string;
}
export interface AreaMeta {
  code: string;
  nameZh: string;
  nameEn: string;
  level: string;
  parent: string | null;
}
export interface CatalogMeta {
  targets: Map<string, TargetMeta>;
  indicators: Map<string, IndicatorMeta>;
  areas: Map<string, AreaMeta>;
}

export function csvRows(file: string): Record<string, string>[] {
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
}

const v = (r: Record<string, string>, k: string) => (r[k] ?? '').trim();

export function readCatalogMeta(dir: string): CatalogMeta {
  const targets = new Map<string, TargetMeta>();
  for (const r of csvRows(path.join(dir, 'targets.csv')))
    targets.set(v(r, 'target_id'), {
      id: v(r, 'target_id'),
      indicator: v(r, 'indicator_id'),
      area: v(r, 'area_code'),
      year: Number(v(r, 'year')),
      comparator: v(r, 'comparator'),
      baseline: v(r, 'baseline'),
      docId: v(r, 'doc_id'),
      clause: v(r, 'clause'),
      quote: v(r, 'quote'),
      owner: v(r, 'owner'),
      due: v(r, 'due_date') || `${v(r, 'year')}-12-31`,
    });
  const indicators = new Map<string, IndicatorMeta>();
  for (const r of csvRows(path.join(dir, 'indicators.csv')))
    indicators.set(v(r, 'indicator_id'), { id: v(r, 'indicator_id'), unit: v(r, 'unit'), kind: v(r, 'kind'), nameZh: v(r, 'name_zh'), nameEn: v(r, 'name_en') });
  const areas = new Map<string, AreaMeta>();
  for (const r of csvRows(path.join(dir, 'areas.csv')))
    areas.set(v(r, 'area_code'), {
      code: v(r, 'area_code'),
      nameZh: v(r, 'name_zh'),
      nameEn: v(r, 'name_en'),
      level: v(r, 'level'),
      parent: v(r, 'parent_code') || null,
    });
  return { targets, indicators, areas };
}
