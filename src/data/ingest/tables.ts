/**
 * The contract's four tables as constants: their columns, which are required, and their keys.
 * Column names here are the only names that ever reach SQL; a file's own header text never does.
 */

export type TableName = 'areas' | 'indicators' | 'targets' | 'actuals';

export interface TableSpec {
  name: TableName;
  /** Columns the loader reads, in canonical order. */
  columns: readonly string[];
  /** Columns a header must have for the file to be recognised as this table. */
  required: readonly string[];
  key: readonly string[];
}

export const TABLES: Record<TableName, TableSpec> = {
  areas: {
    name: 'areas',
    columns: ['area_code', 'name_zh', 'name_en', 'level', 'parent_code'],
    required: ['area_code', 'name_zh', 'level', 'parent_code'],
    key: ['area_code'],
  },
  indicators: {
    name: 'indicators',
    columns: [
      'indicator_id',
      'name_zh',
      'name_en',
      'unit',
      'kind',
      'higher_is_better',
      'group_zh',
      'group_en',
      'numerator_zh',
      'numerator_en',
      'denominator_zh',
      'denominator_en',
      'ledger_rule',
    ],
    required: ['indicator_id', 'name_zh', 'unit', 'kind'],
    key: ['indicator_id'],
  },
  targets: {
    name: 'targets',
    columns: [
      'target_id',
      'indicator_id',
      'area_code',
      'year',
      'comparator',
      'target_value',
      'baseline',
      'due_date',
      'doc_id',
      'clause',
      'quote',
      // Optional (contract): 责任单位, who answers for the target, as the document names it.
      'owner',
    ],
    required: ['target_id', 'indicator_id', 'area_code', 'year', 'comparator', 'doc_id'],
    key: ['target_id'],
  },
  actuals: {
    name: 'actuals',
    columns: ['indicator_id', 'area_code', 'period', 'value', 'numerator', 'denominator', 'basis', 'source'],
    required: ['indicator_id', 'area_code', 'period'],
    key: ['indicator_id', 'area_code', 'period'],
  },
};

/** Load order: a table is validated against the ones before it. */
export const TABLE_ORDER: readonly TableName[] = ['areas', 'indicators', 'targets', 'actuals'];

/** Header text → canonical column name: case, spaces and a stray BOM do not matter. */
export function normaliseHeaderName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, '_');
}

/**
 * Recognises a table by its required columns (not by the file name). The most specific match
 * wins: a header with target_id is targets even though it also has indicator_id and area_code.
 */
export function recogniseTable(header: readonly string[]): TableName | null {
  const names = new Set(header.map(normaliseHeaderName));
  const matches = TABLE_ORDER.filter((t) => TABLES[t].required.every((c) => names.has(c)));
  if (matches.length === 0) return null;
  return matches.sort((a, b) => TABLES[b].required.length - TABLES[a].required.length)[0] ?? null;
}

/** Required columns missing from a header, for the message when a file is not recognised. */
export function missingColumns(table: TableName, header: readonly string[]): string[] {
  const names = new Set(header.map(normaliseHeaderName));
  return TABLES[table].required.filter((c) => !names.has(c));
}

/**
 * The column whitelist: a name for each column of a file, by position. A known column keeps its
 * canonical name (the first time it appears); anything else, and a repeated name, is `extra_<n>`.
 * These names, never the file's own header text, are what reaches SQL.
 */
export function positionalColumns(header: readonly string[], known: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    if (known.includes(h) && !seen.has(h)) {
      seen.add(h);
      return h;
    }
    return `extra_${i}`;
  });
}
