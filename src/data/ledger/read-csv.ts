/**
 * Reading a ledger CSV with DuckDB's reader (the settings every CSV of ours is read with), dates
 * typed as they are read: whole for small files and other encodings, straight from the file in
 * parts for a large UTF-8 one. Rows land in ledger_rows through clean.sql (typed.ts).
 */
import type { SqlEngine } from '../engine';
import { readCsvSql } from '../ingest/csv-reader';
import { decodeBytes, splitHeader } from '../ingest/csv-text';
import { freshName } from '../sql-name';
import type { RejectReason, SetAside } from './report';
import { DATE_COLUMNS, LEDGER_COLUMNS, mapHeader, positionalNames, ROW_NO, storeRows } from './typed';

const firstLine = (bytes: Uint8Array): string => {
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  const { text } = decodeBytes(head);
  return text.split(/\r?\n/)[0] ?? '';
};


/** The bytes up to the last line break: a probe that never ends inside a character. */
function wholeLines(bytes: Uint8Array): Uint8Array {
  const end = bytes.lastIndexOf(0x0a);
  return end > 0 ? bytes.subarray(0, end + 1) : bytes;
}

const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * CSV: DuckDB's reader, explicit options, dates typed as they are read (a date that does not
 * parse sets its row aside, with its line, in DuckDB's rejects table); non-UTF-8 files are decoded
 * once, whole.
 */
export async function readCsvLedger(engine: SqlEngine, file: string, bytes: Uint8Array): Promise<SetAside> {
  let data = bytes;
  if (!hasBom(bytes)) {
    const probe = decodeBytes(wholeLines(bytes.subarray(0, Math.min(bytes.length, 1 << 20))));
    // The probe decided: a GB18030 file is decoded once, not tried as UTF-8 and scanned again.
    if (probe.encoding === 'gb18030') data = new TextEncoder().encode(new TextDecoder('gb18030').decode(bytes));
    else if (probe.encoding !== 'utf-8') data = new TextEncoder().encode(decodeBytes(bytes).text);
  }
  const positional = positionalNames(mapHeader(splitHeader(firstLine(data).replace(/^\uFEFF/, ''))), file);
  const fname = freshName('ledger_upload');
  await engine.registerBuffer(fname, data);
  try {
    const lines = await storeCsvPart(engine, fname, positional, false, 0);
    return { lines: lines.map((l) => l.line), reasons: new Map(lines.map((l) => [l.line, l.reason])) };
  } finally {
    await engine.dropFile(fname);
  }
}

/**
 * One CSV file (a whole ledger, or a part of one with the header line put in front) through
 * read_csv and clean.sql into ledger_rows, its rows numbered from `firstRowNo` (the rows kept before
 * it). Returns the lines the reader set aside, as lines of that file.
 */
async function storeCsvPart(
  engine: SqlEngine,
  fname: string,
  positional: string[],
  append: boolean,
  firstRowNo: number,
): Promise<{ line: number; reason: RejectReason }[]> {
  const col = (c: string) => (positional.includes(c) ? c : `CAST(NULL AS ${DATE_COLUMNS.has(c) ? 'DATE' : 'VARCHAR'}) AS ${c}`);
  await engine.exec(`DROP TABLE IF EXISTS ledger_reject_errors; DROP TABLE IF EXISTS ledger_reject_scans;`);
  await storeRows(
    engine,
    `SELECT ${LEDGER_COLUMNS.map(col).join(', ')}, ${ROW_NO} + ${firstRowNo} AS row_no
     FROM ${readCsvSql(
       fname,
       positional.map((c) => [c, DATE_COLUMNS.has(c) ? 'DATE' : 'VARCHAR'] as const),
       `dateformat = '%Y-%m-%d', store_rejects = true, rejects_table = 'ledger_reject_errors', rejects_scan = 'ledger_reject_scans',
        strict_mode = false, null_padding = true`,
     )}`,
    append,
  );
  const rejects = await engine.query<{ line: number; cast: boolean }>(
    `SELECT CAST(line AS INTEGER) AS line, bool_or(error_type = 'CAST') AS cast FROM ledger_reject_errors GROUP BY line ORDER BY line`,
  );
  await engine.exec(`DROP TABLE IF EXISTS ledger_reject_errors; DROP TABLE IF EXISTS ledger_reject_scans;`);
  return rejects.map((r) => ({ line: Number(r.line), reason: r.cast ? 'bad_date' : 'malformed' }));
}

/** Parts of this size let DuckDB read a large ledger straight from the file, with progress between them. */
export const LEDGER_PART_BYTES = 32 * 1024 * 1024;

/**
 * A large UTF-8 CSV, read by DuckDB straight from the file in parts cut at line breaks (each part
 * after the first gets the header line in front): nothing is copied into the page or into DuckDB's
 * memory first, and bytes and rows are reported after each part. Null when the file is not for
 * this path (another encoding, no header line, lines longer than the probe): it is then read whole.
 * A quoted field spanning lines across a cut would be split; ledgers are machine exports, one line
 * per row, as the line numbers of the report already assume.
 */
export async function readCsvLedgerInParts(
  engine: SqlEngine,
  registerBlob: (name: string, blob: Blob) => Promise<void>,
  input: { name: string; size: number; blob: Blob },
  partBytes: number,
  progress: (bytes: number, rows: number) => void,
  check: () => void,
): Promise<SetAside | null> {
  const { blob, name: file, size } = input;
  const probe = new Uint8Array(await blob.slice(0, Math.min(size, 1 << 20)).arrayBuffer());
  const bom = hasBom(probe);
  if (!bom && decodeBytes(wholeLines(probe)).encoding !== 'utf-8') return null;
  const headerEnd = probe.indexOf(0x0a) + 1;
  if (headerEnd <= 0) return null;
  const positional = positionalNames(mapHeader(splitHeader(firstLine(probe).replace(/^\uFEFF/, ''))), file);
  const header = probe.slice(bom ? 3 : 0, headerEnd);
  // Cut points: the first line break at or after every partBytes.
  const cuts = [0];
  for (let at = partBytes; at < size; at += partBytes) {
    const window = new Uint8Array(await blob.slice(at, Math.min(size, at + (1 << 20))).arrayBuffer());
    const nl = window.indexOf(0x0a);
    if (nl < 0) return null;
    if (at + nl + 1 < size) cuts.push(at + nl + 1);
  }
  cuts.push(size);
  const setAside: SetAside = { lines: [], reasons: new Map() };
  let partStart = 2; // the file line of the part's first row
  let kept = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const part = i === 0 ? blob.slice(0, cuts[1]) : new Blob([header, blob.slice(cuts[i], cuts[i + 1])]);
    const fname = freshName('ledger_part');
    await registerBlob(fname, part);
    try {
      const lines = await storeCsvPart(engine, fname, positional, i > 0, kept);
      const [{ n = 0 } = {}] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ledger_rows`);
      const keptHere = Number(n) - kept;
      kept = Number(n);
      for (const l of lines) {
        const line = l.line - 2 + partStart;
        setAside.lines.push(line);
        setAside.reasons.set(line, l.reason);
      }
      partStart += keptHere + lines.length;
    } finally {
      await engine.dropFile(fname);
    }
    progress(cuts[i + 1]!, kept + setAside.lines.length);
    check();
  }
  return setAside;
}

