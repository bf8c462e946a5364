/**
 * Reading a workbook (.xlsx, .xls, and an HTML table saved as .xls) into sheets of cells as Excel
 * shows them: percentage cells as percent (0.9 shown as 90% is 90), dates as dates, numbers stored
 * as text as their text, empty cells empty. The reader is SheetJS Community Edition 0.20.3 as
 * published on npm by @e965/xlsx (README, "Excel workbooks": why this build), loaded only when a
 * workbook is dropped. Size is checked before anything is unpacked.
 */
import type { IssueCode } from './issues';
import type { SheetCell, SheetGrid } from './sheet-layout';

/** Rows read per sheet: a monthly report has tens to thousands; more is refused with a message. */
export const MAX_SHEET_ROWS = 100_000;
/** What an .xlsx may unpack to (its parts added up), checked from the ZIP directory before reading. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export type WorkbookRead = { sheets: SheetGrid[] } | { fatal: IssueCode; detail: string | null };

/**
 * The total unpacked size of a ZIP's entries from its central directory, or null when the bytes are
 * not a well-formed ZIP (no end record, a directory entry out of bounds, or one that points at no
 * local header). A ZIP64 size (0xFFFFFFFF) counts as over any limit. Checked before SheetJS sees
 * the bytes: its reader loops without end on a ZIP with no directory (tests/fixtures/excel/
 * actuals-saved-as.xlsx, a local header and nothing else).
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** Excel keeps 15 significant digits: 0.905 × 100 reads as 90.5, not 90.50000000000001. */
export const decimalText = (x: number) => String(Number(x.toPrecision(15)));

/** A number format that shows a percentage: a % outside quotes and escapes (`0.0"%"` is a literal). */
export const isPercentFormat = (format: string) => /%/.test(format.replace(/"[^"]*"|\\./g, ''));

interface Cell {
  t: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

interface Ssf {
  is_date(format: string | number): boolean;
  parse_date_code(v: number, opts?: { date1904?: boolean }): { y: number; m: number; d: number } | null;
}

/** One cell as shown: dates and percentages by their number format, everything else as its value. */
export function cellOf(c: Cell | undefined, ssf: Ssf, date1904: boolean): SheetCell | null {
  if (!c || c.v == null || c.t === 'z') return null;
  if (c.t === 'n' && typeof c.v === 'number') {
    const format = c.z == null ? 'General' : c.z;
    if (ssf.is_date(format)) {
      const d = ssf.parse_date_code(c.v, { date1904 });
      if (d) return { text: `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`, date: [d.y, d.m, d.d] };
    }
    if (typeof format === 'string' && isPercentFormat(format)) return { text: decimalText(c.v * 100) };
    return { text: decimalText(c.v) };
  }
  if (c.t === 'b') return { text: c.v ? 'true' : 'false' };
  if (c.t === 'e') return { text: c.w ?? '#VALUE!' };
  const text = String(c.v);
  return text.trim() === '' ? null : { text };
}

/** Reads every sheet of a workbook; a password, a damaged file or a sheet too large is a whole-file problem. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookRead> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const unpacked = zip ? zipUnpackedSize(bytes) : null;
  if (zip && unpacked == null) return { fatal: 'file_unreadable', detail: 'ZIP' };
  if (unpacked != null && unpacked > MAX_UNPACKED_BYTES) return { fatal: 'file_too_large', detail: String(unpacked) };
  const XLSX = await import('@e965/xlsx');
  let wb: ReturnType<typeof XLSX.read>;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellFormula: false, sheetRows: MAX_SHEET_ROWS + 1 });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return /password|encrypt/i.test(message) ? { fatal: 'file_password', detail: null } : { fatal: 'file_unreadable', detail: message.slice(0, 200) };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const ssf = XLSX.SSF as unknown as Ssf;
  const sheets: SheetGrid[] = [];
  for (const [i, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    const data = ((ws as { '!data'?: (Cell | undefined)[][] } | undefined)?.['!data'] ?? []) as (Cell | undefined)[][];
    // The reader stops after MAX_SHEET_ROWS + 1 rows; the sheet's own dimension says how many it has.
    const full = ws?.['!fullref'];
    const total = full ? XLSX.utils.decode_range(full).e.r + 1 : data.length;
    if (total > MAX_SHEET_ROWS) return { fatal: 'sheet_too_large', detail: `${name}: ${total}` };
    const rows: SheetGrid['rows'] = [];
    data.forEach((row, r) => {
      if (row) rows.push({ line: r + 1, cells: Array.from(row, (c) => cellOf(c, ssf, date1904)) });
    });
    sheets.push({ name, hidden: Boolean(wb.Workbook?.Sheets?.[i]?.Hidden), rows });
  }
  return { sheets };
}
