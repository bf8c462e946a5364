/**
 * The fill-in templates (下载填报模板), as workbook models that load back through the same ingest:
 * one sheet per table with Chinese headers (the first Chinese name of each column, tables.ts), the
 * current areas, indicators and the selection's targets filled in, and the month's actuals of the
 * selected indicators and areas to fill (or correct); and the month's wide report (one row per
 * indicator and area, a column per month). Unfilled, either loads back without changing anything.
 */
import { dataChanges } from '../changes';
import type { Row, SqlEngine, SqlValue } from '../engine';
import { sqlName } from '../sql-name';
import type { WorkbookCell, WorkbookModel } from '../write-workbook';
import { columnLetter } from './sheet-layout';
import { COLUMN_NAMES_ZH, NAME_COLUMNS_ZH, TABLES, type TableName } from './tables';

/** What a template is for: the indicators and areas on screen, the year, and the month to report. */
export interface TemplateSelection {
  indicatorIds: readonly string[];
  areaCodes: readonly string[];
  year: number;
  /** YYYY-MM */
  month: string;
  /** The language of the instructions sheet (headers are always the Chinese column names). */
  lang: 'zh' | 'en';
}

/**
 * The instructions sheet, in the reader's language. Kept here, not in app/i18n, because it is the
 * content of a downloaded file and only loads with the template (not with the page).
 */
export const TEMPLATE_NOTES: Record<TemplateSelection['lang'], readonly string[]> = {
  zh: [
    '填写说明：每个工作表按表头识别（中文列名即可），列的顺序不限；空行和未填数值的行会被跳过；填好后拖放到看板的“导入数据文件”处即可导入。',
    '“实际值”表：每行一个指标、一个区域、一个月份。人数、岗位等填“数值”；比率指标填“分子”和“分母”，也可只填比率本身（如 95.3 或 95.3%），但只作本区域的数字，上级区域无法据此汇总。“口径”可填“累计”（本年累计数）。',
    '“地区”“指标”“目标”表是看板当前的数据，修改后导入即按代码更新；请勿修改代码列。',
    '月报表：每行一个指标和区域，每个月一列，填写当月数值（比率填百分数，只作本区域的数字）。',
  ],
  en: [
    'How to fill in: each sheet is recognised by its header (Chinese column names), in any column order; blank rows and rows without a figure are skipped; drop the filled workbook on “Load data files” to load it.',
    '“实际值” (actuals): one row per indicator, area and month. Counts go in 数值 (value); rates in 分子 and 分母 (numerator, denominator), or the rate itself (95.3 or 95.3%), which counts for its own area only: parent areas cannot pool it. 口径 may be 累计 (year to date).',
    'The 地区, 指标 and 目标 sheets (areas, indicators, targets) are the dashboard’s current data: edits are loaded by code; do not change the code columns.',
    'Monthly report: one row per indicator and area, one column per month; fill in each month’s figure (rates in percent, for the area itself only).',
  ],
};

/** A column's header in a template: its first Chinese name. */
export const templateHeader = (table: TableName, column: string) => COLUMN_NAMES_ZH[table][column]?.[0] ?? column;
/** The header of a column that repeats a code's name for the reader (ignored on the way back: the code column wins). */
const NAME_OF = (table: TableName, column: 'indicator_id' | 'area_code') => NAME_COLUMNS_ZH[table][column]![0]!;

const NUMERIC = new Set(['year', 'target_value', 'value', 'numerator', 'denominator']);
const cellOf = (column: string, v: unknown): WorkbookCell =>
  v == null ? null : typeof v === 'boolean' ? String(v) : NUMERIC.has(column) && typeof v === 'number' ? v : String(v);
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const widths = (header: readonly string[]) => header.map((h) => Math.max(10, h.length * 2 + 4));

/** A table's rows as the template writes them (columns in canonical order). */
async function tableRows(engine: SqlEngine, table: TableName, where = 'true', params: SqlValue[] = []): Promise<Row[]> {
  const cols = TABLES[table].columns.map(sqlName).join(', ');
  const key = TABLES[table].key.map(sqlName).join(', ');
  return engine.query(`SELECT ${cols} FROM ${sqlName(table)} WHERE ${where} ORDER BY ${key}`, params);
}

const notesSheet = (lang: TemplateSelection['lang']) => ({ name: '填报说明', rows: TEMPLATE_NOTES[lang].map((n) => [n]), widths: [100] });

/** The one-sheet-per-table template: areas, indicators, the selection's targets, and the month's actuals to fill. */
export async function fillInTemplate(engine: SqlEngine, sel: TemplateSelection): Promise<WorkbookModel> {
  const { value } = await dataChanges(engine).read(async () => {
    const inds = marks(sel.indicatorIds.length);
    const areas = marks(sel.areaCodes.length);
    const scope = [...sel.indicatorIds, ...sel.areaCodes];
    return {
      areas: await tableRows(engine, 'areas'),
      indicators: await tableRows(engine, 'indicators'),
      targets: await tableRows(engine, 'targets', `year = ? AND indicator_id IN (${inds}) AND area_code IN (${areas})`, [sel.year, ...scope]),
      actuals: await tableRows(engine, 'actuals', `period = ? AND indicator_id IN (${inds}) AND area_code IN (${areas})`, [sel.month, ...scope]),
    };
  });
  const sheet = (name: string, table: TableName, rows: Row[]) => {
    const header = TABLES[table].columns.map((c) => templateHeader(table, c));
    return { name, rows: [header, ...rows.map((r) => TABLES[table].columns.map((c) => cellOf(c, r[c])))], widths: widths(header) };
  };
  const names = {
    indicators: new Map(value.indicators.map((r) => [String(r.indicator_id), String(r.name_zh)])),
    areas: new Map(value.areas.map((r) => [String(r.area_code), String(r.name_zh)])),
  };
  // The month's actuals: one row per selected indicator and area, with the figures already on record.
  const actualCols = TABLES.actuals.columns;
  const header = [
    templateHeader('actuals', 'indicator_id'),
    NAME_OF('actuals', 'indicator_id'),
    templateHeader('actuals', 'area_code'),
    NAME_OF('actuals', 'area_code'),
    ...actualCols.slice(2).map((c) => templateHeader('actuals', c)),
  ];
  const existing = new Map(value.actuals.map((r) => [`${r.indicator_id}\u0000${r.area_code}`, r]));
  const fill = sel.indicatorIds.flatMap((ind) =>
    sel.areaCodes.map((area) => {
      const r = existing.get(`${ind}\u0000${area}`);
      return [ind, names.indicators.get(ind) ?? '', area, names.areas.get(area) ?? '', sel.month, ...actualCols.slice(3).map((c) => cellOf(c, r?.[c]))];
    }),
  );
  return {
    sheets: [
      notesSheet(sel.lang),
      sheet('地区', 'areas', value.areas),
      sheet('指标', 'indicators', value.indicators),
      sheet('目标', 'targets', value.targets),
      { name: '实际值', rows: [header, ...fill], widths: widths(header) },
    ],
  };
}

/**
 * The month's wide report: a title, then a row per selected indicator and area and a column for each
 * month from January, to fill in. `names` gives the Chinese name of each indicator and area.
 */
export function monthlyTemplate(sel: TemplateSelection, names: { indicators: ReadonlyMap<string, string>; areas: ReadonlyMap<string, string> }): WorkbookModel {
  const [year, month] = sel.month.split('-').map(Number) as [number, number];
  const months = Array.from({ length: month }, (_, i) => `${year}年${i + 1}月`);
  const header = [templateHeader('actuals', 'indicator_id'), NAME_OF('actuals', 'indicator_id'), templateHeader('actuals', 'area_code'), NAME_OF('actuals', 'area_code'), ...months];
  const rows: WorkbookCell[][] = sel.indicatorIds.flatMap((ind) =>
    sel.areaCodes.map((area) => [ind, names.indicators.get(ind) ?? '', area, names.areas.get(area) ?? '', ...months.map(() => null)]),
  );
  const title = `${year}年${month}月就业指标完成情况表`;
  return {
    sheets: [notesSheet(sel.lang), { name: '月报', rows: [[title], header, ...rows], widths: widths(header), merges: [`A1:${columnLetter(header.length - 1)}1`] }],
  };
}
