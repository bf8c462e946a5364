/**
 * Staging a table given as Parquet, without a DuckDB extension: hyparquet (with its common codecs:
 * snappy, gzip, zstd, brotli, lz4) reads it in the page, loaded only when a Parquet file is
 * dropped; each value becomes text as it reads (whole numbers without `.0`, a date as YYYY-MM-DD,
 * in the period column as YYYY-MM), written as a UTF-8 CSV with the file's column names, and the
 * CSV path takes it from there: the same checks and report, rows numbered as lines after a header.
 */
import type { SqlEngine } from '../engine';
import type { CheckContext } from './check';
import { csvRecord } from './records-csv';
import { fatalReport, type FileReport, type InputFile } from './issues';
import { stageFile } from './stage';
import { canonicalHeader, recogniseTable, type TableName } from './tables';

/** Rows read from one Parquet file: each becomes text in the page before DuckDB checks it. */
export const MAX_PARQUET_ROWS = 500_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** One Parquet value as text; null stays null. */
export function parquetText(v: unknown, column: string | undefined): string | null {
  if (v == null) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const month = `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}`;
    return column === 'period' ? month : `${month}-${pad2(v.getUTCDate())}`;
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || typeof v === 'string') return String(v);
  return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}

/** Reads a Parquet file into CSV text (every value as text, columns named as in the file). */
export async function parquetToCsv(bytes: Uint8Array): Promise<{ csv: string } | { fatal: 'file_unreadable' | 'sheet_too_large'; detail: string }> {
  const [{ parquetMetadata, parquetReadObjects, parquetSchema }, { compressors }] = await Promise.all([
    import('hyparquet'),
    import('hyparquet-compressors'),
  ]);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const metadata = parquetMetadata(file);
    const rows = Number(metadata.num_rows);
    if (rows > MAX_PARQUET_ROWS) return { fatal: 'sheet_too_large', detail: `Parquet: ${rows}` };
    const names = parquetSchema(metadata).children.map((c) => c.element.name);
    const table = recogniseTable(names);
    const canonical = table ? canonicalHeader(names, table) : names;
    const records = await parquetReadObjects({ file, metadata, compressors });
    const lines = [csvRecord(names), ...records.map((r) => csvRecord(names.map((name, i) => parquetText(r[name], canonical[i]))))];
    return { csv: lines.join('\n') + '\n' };
  } catch (e) {
    return { fatal: 'file_unreadable', detail: (e instanceof Error ? e.message : String(e)).slice(0, 200) };
  }
}

/** Parquet: read in the page, then staged as a CSV of its values (same checks, same report). */
export async function stageParquet(engine: SqlEngine, input: InputFile, context: CheckContext, expected?: TableName): Promise<FileReport> {
  const read = await parquetToCsv(input.bytes);
  if ('fatal' in read) return fatalReport(input.name, read.fatal, read.detail);
  // Named .csv so the CSV path reads it; the report names the Parquet file.
  const report = await stageFile(engine, { name: `${input.name}.csv`, bytes: new TextEncoder().encode(read.csv) }, context, expected, { encoding: 'utf-8' });
  return { ...report, file: input.name, encoding: null, rejected: report.rejected.map((r) => ({ ...r, file: input.name })), fatal: report.fatal && { ...report.fatal, file: input.name } };
}
