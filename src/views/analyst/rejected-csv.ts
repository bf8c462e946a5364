/**
 * The rejected lines of one load as a CSV a person can fix and load again: line number, column,
 * value and reason (in the reader's language, as the report shows it), then the line's own cells
 * under the file's own header (the loader ignores the four extra columns). UTF-8 with a BOM; text
 * that a spreadsheet would run as a formula is neutralised, the file's own cells included.
 */
import Papa from 'papaparse';
import type { Translator } from '../../app/i18n/translator';
import type { FileReport } from '../../data/ingest/issues';
import type { RecordsAtLines } from '../../data/ingest/rejected-lines';
import { safeCell } from './export-csv';

export function writeRejectedCsv(report: FileReport, records: RecordsAtLines | null, i18n: Translator): string {
  const header = [i18n.t('rejectedLine'), i18n.t('rejectedColumn'), i18n.t('rejectedValue'), i18n.t('rejectedReason'), ...(records?.header ?? [])];
  const rows = [...report.rejected]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .map((x) => [
      x.line ?? '',
      safeCell(x.column ?? ''),
      safeCell(x.value ?? ''),
      safeCell(i18n.issue(x.code, x.detail)),
      ...((x.line != null ? records?.cells.get(x.line) : null) ?? []).map(safeCell),
    ]);
  return '\uFEFF' + Papa.unparse([header.map(safeCell), ...rows], { newline: '\r\n' });
}

/** The download's file name: the uploaded file's name without extension, and what it holds. */
export const rejectedFileName = (file: string, i18n: Translator) => `${file.replace(/\.[^.]*$/, '')}_${i18n.t('rejectedFile')}.csv`;
