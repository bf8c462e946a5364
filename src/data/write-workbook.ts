/**
 * Writing an .xlsx from a plain model (sheets of rows of text and numbers), for the fill-in
 * templates and the analyst table's workbook export. Text cells are written as text (a cell that
 * starts with `=` is shown, never run, by Excel), codes stay text (310118 keeps its digits). The
 * writer, SheetJS (the same package that reads workbooks), loads only on the first download.
 */

/** One cell: text, a number, or empty. */
export type WorkbookCell = string | number | null;

export interface WorkbookSheet {
  /** At most 31 characters, none of `[]:*?/\` (Excel's rule for sheet names). */
  name: string;
  rows: WorkbookCell[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Merged ranges such as `A1:F1` (a title over the table). */
  merges?: string[];
}

export interface WorkbookModel {
  sheets: WorkbookSheet[];
}

/** Excel's rule for a sheet name: 31 characters at most, none of `[]:*?/\`. */
export const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';

/** The workbook as .xlsx bytes. */
export async function workbookBytes(model: WorkbookModel): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  for (const sheet of model.sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows.map((row) => row.map((v) => (v == null ? null : typeof v === 'number' ? { t: 'n', v } : { t: 's', v }))));
    if (sheet.widths) ws['!cols'] = sheet.widths.map((wch) => ({ wch }));
    if (sheet.merges) ws['!merges'] = sheet.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, sheetName(sheet.name));
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** The MIME type of an .xlsx download. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
