/**
 * How a sheet (of a workbook, or a Parquet file read as one sheet) is laid out, and its records:
 * where the header sits below title rows, which table it is (long, as the contract's columns) or
 * whether it is a wide monthly report (one column per month), which rows are totals (合计) or notes
 * to skip, and each cell as text the checks read. Pure: no reader, no DuckDB.
 */
import { canonicalHeader, recogniseTable, TABLES, type TableName } from './tables';

/** One cell as the sheet shows it: its text, and its calendar date when it is a date. */
export interface SheetCell {
  text: string;
  date?: readonly [year: number, month: number, day: number];
}

/** A sheet's rows as shown, each with its row number (1-based, as the spreadsheet numbers it). */
export interface SheetGrid {
  /** The sheet's name; null for a file that is a single table (Parquet). */
  name: string | null;
  hidden: boolean;
  rows: { line: number; cells: readonly (SheetCell | null)[] }[];
}

/** A sheet holding one of the four tables, as its columns (canonical names; null = not read). */
export interface LongLayout {
  kind: 'long';
  table: TableName;
  headerLine: number;
  columns: (string | null)[];
}

/** A wide monthly report of actuals: key columns, and a column per month. */
export interface WideLayout {
  kind: 'wide';
  table: 'actuals';
  headerLine: number;
  /** indicator_id, area_code, basis, source where present (canonical names; null = not read). */
  columns: (string | null)[];
  /** The month columns: position in the row, the period (YYYY-MM), and the header as written. */
  months: { index: number; period: string; label: string }[];
  /** No indicator column: the sheet's name is the indicator (its id or its name). */
  indicatorFromSheet: boolean;
}

export type SheetLayout = LongLayout | WideLayout;

/** How far down a header may sit below title rows. */
export const HEADER_SEARCH_ROWS = 20;

const pad2 = (n: number) => String(n).padStart(2, '0');
const validMonth = (y: number, m: number) => y >= 1900 && y <= 2199 && m >= 1 && m <= 12;

/**
 * A month as a header or a period cell may show it: `2024-07`, `2024-7`, `2024/07`, `2024.07`,
 * `2024年7月`, or a date cell (any day of the month). Null when it is not a month.
 */
export function monthOf(cell: SheetCell | null): string | null {
  if (!cell) return null;
  if (cell.date) {
    const [y, m] = cell.date;
    return validMonth(y, m) ? `${y}-${pad2(m)}` : null;
  }
  const t = cell.text.replace(/\s+/g, '');
  const match = /^(\d{4})(?:年(\d{1,2})月(?:份)?|[-/.](\d{1,2}))$/.exec(t);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2] ?? match[3]);
  return validMonth(y, m) ? `${y}-${pad2(m)}` : null;
}

/** A cell's text for a column: dates as `YYYY-MM-DD`, and as `YYYY-MM` (any month spelling) in `period`. */
export function cellText(cell: SheetCell | null, column: string): string | null {
  if (!cell) return null;
  if (column === 'period') return monthOf(cell) ?? cell.text;
  if (cell.date) return `${cell.date[0]}-${pad2(cell.date[1])}-${pad2(cell.date[2])}`;
  return cell.text;
}

const texts = (cells: readonly (SheetCell | null)[]) => cells.map((c) => (c ? c.text.trim() : ''));

/**
 * Finds the header and the layout of a sheet: the first of its first HEADER_SEARCH_ROWS rows
 * that names one of the four tables (in English or Chinese), or that has an area column and at
 * least one month column (a wide report of actuals; its indicator is a column, or the sheet's
 * name). Null when no row does.
 */
export function layoutSheet(grid: SheetGrid): SheetLayout | null {
  for (const row of grid.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const header = texts(row.cells);
    if (header.filter(Boolean).length < 2) continue; // a title row, a unit row, an empty row
    const table = recogniseTable(header);
    if (table) {
      const names = canonicalHeader(header, table);
      const known = TABLES[table].columns;
      const seen = new Set<string>();
      const columns = names.map((n) => (known.includes(n) && !seen.has(n) ? (seen.add(n), n) : null));
      return { kind: 'long', table, headerLine: row.line, columns };
    }
    const months = row.cells
      .map((c, index) => ({ index, period: monthOf(c), label: c?.text.trim() ?? '' }))
      .filter((m): m is { index: number; period: string; label: string } => m.period != null);
    if (months.length === 0) continue;
    const names = canonicalHeader(header, 'actuals');
    const seen = new Set<string>();
    const columns = names.map((n, i) =>
      months.some((m) => m.index === i) || !['indicator_id', 'area_code', 'basis', 'source'].includes(n) || seen.has(n) ? null : (seen.add(n), n),
    );
    if (!seen.has('area_code')) continue;
    const indicatorFromSheet = !seen.has('indicator_id');
    if (indicatorFromSheet && !grid.name) continue;
    // One column per month: a month written twice is read from its first column only.
    const periods = new Set<string>();
    const unique = months.filter((m) => !periods.has(m.period) && periods.add(m.period));
    return { kind: 'wide', table: 'actuals', headerLine: row.line, columns, months: unique, indicatorFromSheet };
  }
  return null;
}

/** Rows that are not records: totals (合计/总计/小计) and notes under a table (注：…, 填报人：…). */
export type SkippedRow = 'total_row' | 'note_row';

const TOTAL = /^(合计|总计|小计|总合计)$/;
const NOTE = /^(注|说明|备注|填报|制表|审核|负责人|单位负责人|联系人|联系电话|数据来源)/;

/**
 * Whether a data row is a total or a note, and so skipped (with a notice): a total when its area
 * cell, or any cell before it (merged over 序号 and 地区), says 合计/总计/小计; a note when its only
 * non-empty cell starts like 注：or 填报人：.
 */
export function skippedRow(cells: readonly (SheetCell | null)[], layout: SheetLayout): { why: SkippedRow; text: string } | null {
  const t = texts(cells);
  const areaAt = layout.columns.indexOf(layout.table === 'areas' ? 'name_zh' : 'area_code');
  const upTo = areaAt < 0 ? layout.columns.indexOf('area_code') : areaAt;
  for (let i = 0; i <= Math.max(upTo, 0) && i < t.length; i++) {
    const word = t[i]!.replace(/[\s\u3000]+/g, '');
    if (TOTAL.test(word)) return { why: 'total_row', text: word };
  }
  const filled = t.filter(Boolean);
  if (filled.length === 1 && NOTE.test(filled[0]!)) return { why: 'note_row', text: filled[0]!.slice(0, 40) };
  return null;
}

/** A blank row (every cell empty). */
export const isBlankRow = (cells: readonly (SheetCell | null)[]) => cells.every((c) => !c || c.text.trim() === '');

/**
 * A row of a long sheet as a record: the text of each column the layout reads. A fill-in row of
 * actuals with its keys but no figure (no value, numerator or denominator) is `unfilled`.
 */
export function longRecord(cells: readonly (SheetCell | null)[], layout: LongLayout): { values: Record<string, string | null>; unfilled: boolean } {
  const values: Record<string, string | null> = {};
  layout.columns.forEach((c, i) => {
    if (c) values[c] = cellText(cells[i] ?? null, c);
  });
  const empty = (c: string) => values[c] == null || values[c]!.trim() === '';
  const unfilled = layout.table === 'actuals' && empty('value') && empty('numerator') && empty('denominator');
  return { values, unfilled };
}

/** The spreadsheet's column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
