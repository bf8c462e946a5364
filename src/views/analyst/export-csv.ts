/**
 * The table export (table-export.ts) written as CSV for Excel: UTF-8 with a BOM (so Excel shows
 * Chinese), the header block first, a blank line, then the columns and rows; any text cell that a
 * spreadsheet would read as a formula prefixed with an apostrophe.
 */
import Papa from 'papaparse';
import type { TableExport } from './table-export';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises spreadsheet formula injection in one text cell. */
export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Numbers stay numbers; text is neutralised; empty cells stay empty. */
const cell = (v: string | number | null) => (v == null ? '' : typeof v === 'number' ? v : safeCell(v));

/** The CSV text of a table export. */
export function writeTableCsv(model: TableExport): string {
  const lines: (string | number)[][] = [
    // Two cells, like the lines after it, so that readers that guess the delimiter find the comma.
    [cell(model.title), ''],
    ...model.about.map((a) => [cell(a.label), cell(a.value)]),
    [],
    model.columns.map((c) => cell(c.label)),
    ...model.rows.map((r) => r.map(cell)),
  ];
  return '\uFEFF' + Papa.unparse(lines, { newline: '\r\n' });
}

/** Starts a download of `content` without any network request. */
export function download(filename: string, content: string | Blob, type = 'text/csv;charset=utf-8'): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
