/**
 * Format sniffing, shared by the tables and the ledger: what a file is, from its first bytes (and
 * its name where a format has no magic number), before anything tries to read it.
 */

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** "ARROW1": the Arrow IPC file format (.arrow, .feather). */
export const ARROW_FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31] as const;
const ARROW_STREAM_CONTINUATION = [0xff, 0xff, 0xff, 0xff] as const;
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31] as const; // "PAR1"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const; // XLSX and other Office files
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const; // XLS, and a password-protected XLSX

/**
 * An Excel workbook: a ZIP (.xlsx), a compound file (.xls, or an .xlsx with a password), or a
 * file named .xls that is an HTML table, as web systems export "Excel" files.
 */
export function isWorkbook(name: string, bytes: Uint8Array): boolean {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, CFB_MAGIC)) return true;
  if (!/\.xls$/i.test(name)) return false;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<');
}

/** A name that says Arrow IPC. */
export const isArrowName = (name: string) => /\.(arrow|feather|ipc|arrows)$/i.test(name);

/** Arrow IPC, by name or by its file or stream magic. */
export const isArrow = (name: string, bytes: Uint8Array) =>
  isArrowName(name) || startsWith(bytes, ARROW_FILE_MAGIC) || startsWith(bytes, ARROW_STREAM_CONTINUATION);

/** Parquet, by name or by its magic. */
export const isParquet = (name: string, bytes: Uint8Array) => /\.parquet$/i.test(name) || startsWith(bytes, PARQUET_MAGIC);

/** True when the bytes look like a binary file (NUL bytes in the first 4 KB) or a ZIP (XLSX). */
export function looksBinary(bytes: Uint8Array): 'zip' | 'binary' | null {
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip';
  const n = Math.min(bytes.length, 4096);
  // UTF-16 text has NUL bytes by design; only call it binary when there is no UTF-16 BOM.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return null;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary';
  return null;
}

