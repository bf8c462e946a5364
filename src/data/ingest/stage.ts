/**
 * Staging one file of the four tables: say what it is (sniff.ts), decode and number a CSV's lines,
 * read it with DuckDB's reader into raw_<t> (structural errors go to DuckDB's rejects table), and
 * hand it to the checks (check.ts). Nothing is committed here.
 */
import type { SqlEngine } from '../engine';
import { freshName, sqlName } from '../sql-name';
import { checkStaged, type CheckContext } from './check';
import { readCsvSql } from './csv-reader';
import { decodeBytes, numberLines } from './csv-text';
import { fatalReport, VALUE_PREVIEW, type FileReport, type InputFile, type LoadIssue } from './issues';
import { isArrow, isParquet, looksBinary } from './sniff';
import { stageArrow } from './stage-arrow';
import { canonicalHeader, missingColumns, normaliseHeaderName, positionalColumns, recogniseTable, TABLES, type TableName } from './tables';

/** Files larger than this are refused before decoding, with a message, instead of a crashed tab. */
export const MAX_TABLE_BYTES = 64 * 1024 * 1024;
/**
 * The longest record DuckDB's reader takes (its default is 2 MB, which turned a 3 MB text field into
 * a structural error). Its buffers grow with this (16× of it is allocated on large files; 128 MB ran
 * DuckDB-WASM out of memory), so a record over 16 MB is still reported, as a line too long.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface StageOptions {
  /** Decode as this encoding instead of detecting it (after the user looked at a preview). */
  encoding?: 'utf-8' | 'gb18030';
}

/**
 * Reads one file into new_<table> (typed, valid rows only) and returns its report. `context` says
 * what its references are checked against; `expected`, which table a folder expects here.
 */
export async function stageFile(
  engine: SqlEngine,
  input: InputFile,
  context: CheckContext,
  expected?: TableName,
  options: StageOptions = {},
): Promise<FileReport> {
  const { name: file, bytes } = input;
  if (bytes.byteLength > MAX_TABLE_BYTES) return fatalReport(file, 'file_too_large', String(bytes.byteLength));
  if (bytes.byteLength === 0) return fatalReport(file, 'file_empty');
  // The Parquet reader (and Arrow's builders) load only when a Parquet file comes.
  if (isParquet(file, bytes)) return (await import('./stage-parquet')).stageParquet(engine, input, context, expected);
  if (isArrow(file, bytes)) return stageArrow(engine, input, context, expected);
  const binary = looksBinary(bytes);
  if (binary) return fatalReport(file, binary === 'zip' ? 'file_xlsx' : 'file_binary');

  const decoded = options.encoding
    ? { text: new TextDecoder(options.encoding).decode(bytes), encoding: options.encoding, unsure: false }
    : decodeBytes(bytes);
  const { text, encoding } = decoded;
  if (decoded.unsure) {
    return { ...fatalReport(file, 'encoding_unsure'), encoding, preview: text.split(/\r?\n/).slice(0, 6).join('\n').slice(0, 600) };
  }
  const numbered = numberLines(text);
  if (!numbered) return fatalReport(file, 'file_empty');
  const header = numbered.header.map(normaliseHeaderName);
  const table = recogniseTable(header);
  if (!table || (expected && table !== expected)) {
    const detail = expected ? missingColumns(expected, header).join(', ') : header.slice(0, 12).join(', ');
    return { ...fatalReport(file, 'not_recognised', detail), encoding };
  }
  if (numbered.records === 0) return { ...fatalReport(file, 'header_only'), table, encoding };

  const positional = positionalColumns(canonicalHeader(header, table), TABLES[table].columns);
  const fname = freshName('upload');
  await engine.registerText(fname, numbered.text);
  try {
    const t = sqlName(table);
    try {
      await engine.exec(
        `DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;
         CREATE OR REPLACE TEMP TABLE raw_${t} AS SELECT * FROM ${readCsvSql(
          fname,
          [['__line', 'BIGINT'], ...positional.map((c) => [c, 'VARCHAR'] as const)],
          `new_line = '\\n', store_rejects = true, null_padding = false, strict_mode = true, max_line_size = ${MAX_LINE_BYTES}`,
        )};`,
      );
    } catch (e) {
      // Whatever shape the reader still cannot place, the load ends with a report for this file.
      return { ...fatalReport(file, 'file_unreadable', (e as Error).message.slice(0, VALUE_PREVIEW)), table, encoding };
    }
    // One report per bad record, at the line it starts on: the `__line` its text begins with (DuckDB's
    // own `line` counts records, not the file's lines). A short record is listed once per missing
    // column: the first one is named.
    const structural = await engine.query<{ line: number; column_name: string | null; error_type: string; csv_line: string | null }>(
      `SELECT coalesce(TRY_CAST(regexp_extract(csv_line, '^([0-9]+),', 1) AS BIGINT), line) AS line,
              arg_min(column_name, coalesce(column_idx, 0)) AS column_name,
              CAST(arg_min(error_type, coalesce(column_idx, 0)) AS VARCHAR) AS error_type,
              any_value(csv_line) AS csv_line
       FROM reject_errors GROUP BY 1 ORDER BY 1`,
    );
    const rejected: LoadIssue[] = structural.map((r) => ({
      file,
      line: Number(r.line),
      column: r.column_name && !r.column_name.startsWith('extra_') && r.column_name !== '__line' ? r.column_name : null,
      code: 'csv_structure',
      value: r.csv_line ? r.csv_line.replace(/^\d+,/, '').slice(0, VALUE_PREVIEW) : null,
      detail: r.error_type,
    }));
    return await checkStaged(engine, { file, table, encoding, present: positional, context, rejected });
  } finally {
    await engine.dropFile(fname);
  }
}
