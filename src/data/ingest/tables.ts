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

/** Chinese names of columns: per table, the names each column may have instead (the first is what templates write). */
type ColumnNames = Readonly<Partial<Record<string, readonly string[]>>>;

/**
 * Every column of every table may be named in Chinese (the contract's "Chinese column names"; the
 * README lists them all). A name is matched after removing spaces and a trailing unit in brackets
 * (`数值（人）` is `数值`).
 */
export const COLUMN_NAMES_ZH: Readonly<Record<TableName, ColumnNames>> = {
  areas: {
    area_code: ['区划代码', '地区代码', '行政区划代码', '代码'],
    name_zh: ['名称', '地区名称', '区域名称', '中文名称', '地区', '区域'],
    name_en: ['英文名称'],
    level: ['层级', '级别'],
    parent_code: ['上级代码', '上级区划代码'],
  },
  indicators: {
    indicator_id: ['指标代码', '指标编号'],
    name_zh: ['指标名称', '名称', '中文名称', '指标'],
    name_en: ['英文名称'],
    unit: ['单位', '计量单位'],
    kind: ['类型', '指标类型'],
    higher_is_better: ['越高越好'],
    group_zh: ['分组', '类别'],
    group_en: ['英文分组'],
    numerator_zh: ['分子名称'],
    numerator_en: ['分子英文名称'],
    denominator_zh: ['分母名称'],
    denominator_en: ['分母英文名称'],
    ledger_rule: ['台账规则'],
  },
  targets: {
    target_id: ['目标编号', '目标代码'],
    indicator_id: ['指标代码', '指标编号'],
    area_code: ['区划代码', '地区代码'],
    year: ['年度', '年份'],
    comparator: ['比较符', '要求'],
    target_value: ['目标值'],
    baseline: ['基准'],
    due_date: ['截止日期', '完成时限'],
    doc_id: ['文号', '文件'],
    clause: ['条款'],
    quote: ['原文'],
  },
  actuals: {
    indicator_id: ['指标代码', '指标编号'],
    area_code: ['区划代码', '地区代码'],
    period: ['期间', '月份', '统计月份'],
    value: ['数值', '实际值', '完成值'],
    numerator: ['分子'],
    denominator: ['分母'],
    basis: ['口径'],
    source: ['来源', '数据来源'],
  },
};

/**
 * Columns that may hold a name instead of a code (resolved to the code by the checks, as area
 * names always were). Where a file has both, the code column is read and the name column ignored.
 */
const AREA_NAMES = ['地区', '区域', '地区名称', '区域名称'];
const INDICATOR_NAMES = ['指标名称', '指标'];
export const NAME_COLUMNS_ZH: Readonly<Record<TableName, ColumnNames>> = {
  areas: {},
  indicators: {},
  targets: { indicator_id: INDICATOR_NAMES, area_code: AREA_NAMES },
  actuals: { indicator_id: INDICATOR_NAMES, area_code: AREA_NAMES },
};

/** A header as its Chinese name is matched: no spaces or underscores, no trailing unit in brackets. */
export const chineseKey = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .replace(/[\s_\u3000]+/g, '')
    .replace(/[（(][^（）()]*[）)]$/, '');

const lookup = (names: ColumnNames, key: string) => Object.keys(names).find((c) => names[c]!.includes(key)) ?? null;

/**
 * A header in the table's canonical column names: English names as they are, Chinese names as the
 * column they name. A column given by name yields to one given by code (the name one becomes an
 * extra column); anything unknown stays as it is (an extra column, see positionalColumns).
 */
export function canonicalHeader(header: readonly string[], table: TableName): string[] {
  const spec = TABLES[table];
  const out = header.map((h) => {
    const n = normaliseHeaderName(h);
    if (spec.columns.includes(n)) return { name: n, byName: false };
    const key = chineseKey(h);
    const code = lookup(COLUMN_NAMES_ZH[table], key);
    if (code) return { name: code, byName: false };
    const named = lookup(NAME_COLUMNS_ZH[table], key);
    return named ? { name: named, byName: true } : { name: n, byName: false };
  });
  const byCode = new Set(out.filter((c) => !c.byName).map((c) => c.name));
  return out.map((c, i) => (c.byName && byCode.has(c.name) ? `named_${i}` : c.name));
}

/**
 * Recognises a table by its required columns (not by the file name), in English or Chinese. The
 * most specific match wins: a header with target_id is targets even though it also has
 * indicator_id and area_code.
 */
export function recogniseTable(header: readonly string[]): TableName | null {
  const matches = TABLE_ORDER.filter((t) => missingColumns(t, header).length === 0);
  if (matches.length === 0) return null;
  return matches.sort((a, b) => TABLES[b].required.length - TABLES[a].required.length)[0] ?? null;
}

/** Required columns missing from a header, for the message when a file is not recognised. */
export function missingColumns(table: TableName, header: readonly string[]): string[] {
  const names = new Set(canonicalHeader(header, table));
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
