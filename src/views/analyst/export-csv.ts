/**
 * The table export (table-export.ts) as its lines (the header block first, a blank line, then the
 * columns and rows), written as CSV for Excel: UTF-8 with a BOM (so Excel shows Chinese), any text
 * cell that a spreadsheet would read as a formula prefixed with an apostrophe. The same lines go
 * into the workbook export, where text cells are text and need no prefix.
 */
import Papa from 'papaparse';
import type { ExportCell, TableExport } from './table-export';

/** What a spreadsheet or its CSV import skips before it looks for a formula sign. */
const LEADING_SKIPPED = /^[\s\p{Cc}\p{Cf}]+/u;

/**
 * Neutralises spreadsheet formula injection in one text cell: the defusing rule of every export.
 * A cell is prefixed with `'` when it starts with a tab or CR, or when its first visible character,
 * after any spaces, line breaks and control or invisible characters (NUL, zero-width, BOM), is a
 * formula sign `=`, `+`, `-` or `@` in any width (NFKC folds the full-width ＝ ＋ － ＠ and the small
 * ﹦ ﹢ ﹣ into them; importers and IMEs do the same).
 */
export function safeCell(text: string): string {
  const [first = ''] = text.replace(LEADING_SKIPPED, '');
  return /^[\t\r]/.test(text) || /^[=+\-@]/.test(first.normalize('NFKC')) ? `'${text}` : text;
}

/** Numbers stay numbers; text is neutralised; empty cells stay empty. */
const cell = (v: string | number | null) => (v == null ? '' : typeof v === 'number' ? v : safeCell(v));

/** The lines of a table export: title, the header block, a blank line, the columns, the rows. */
export function tableLines(model: TableExport): ExportCell[][] {
  return [
    // Two cells, like the lines after it, so that readers that guess the delimiter find the comma.
    [model.title, ''],
    ...model.about.map((a) => [a.label, a.value]),
    [],
    model.columns.map((c) => c.label),
    ...model.rows,
  ];
}

/** The CSV text of a table export. */
export function writeTableCsv(model: TableExport): string {
  return '\uFEFF' + Papa.unparse(tableLines(model).map((r) => r.map(cell)), { newline: '\r\n' });
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
