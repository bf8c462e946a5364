/**
 * Staging a table given as Arrow IPC: DuckDB reads it, its columns are taken by position (so their
 * names never reach SQL) into raw_<t>, and the same checks as a CSV's run (check.ts).
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { SqlEngine } from '../engine';
import { freshName, sqlName } from '../sql-name';
import { checkStaged, type CheckContext } from './check';
import { fatalReport, type FileReport, type InputFile } from './issues';
import { ARROW_FILE_MAGIC } from './sniff';
import { canonicalHeader, normaliseHeaderName, positionalColumns, recogniseTable, TABLES, type TableName } from './tables';

/**
 * DuckDB-WASM's IPC insert reads the streaming format. A file-format IPC (magic "ARROW1", what
 * most tools write as .arrow/.feather) keeps its schema in the footer, so it is re-encoded as a
 * stream with the Arrow library DuckDB-WASM itself uses.
 */
export function arrowStream(bytes: Uint8Array): Uint8Array {
  if (!ARROW_FILE_MAGIC.every((b, i) => bytes[i] === b)) return bytes;
  return tableToIPC(tableFromIPC(bytes), 'stream');
}

/** Arrow IPC: DuckDB reads it; columns are picked by position, so their names never reach SQL. */
export async function stageArrow(engine: SqlEngine, input: InputFile, context: CheckContext, expected?: TableName): Promise<FileReport> {
  const { name: file, bytes } = input;
  const tmp = freshName('arrow_in');
  try {
    await engine.insertArrow(tmp, arrowStream(bytes));
  } catch (e) {
    return fatalReport(file, 'file_unreadable', (e as Error).message.slice(0, 200));
  }
  try {
    const described = await engine.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${tmp})`);
    const header = described.map((d) => normaliseHeaderName(String(d.column_name)));
    const table = recogniseTable(header);
    if (!table || (expected && table !== expected)) return fatalReport(file, 'not_recognised', header.slice(0, 12).join(', '));
    const positional = positionalColumns(canonicalHeader(header, table), TABLES[table].columns);
    const present = positional.filter((c) => !c.startsWith('extra_'));
    const select = positional
      .map((c, i) => (c.startsWith('extra_') ? null : `CAST(#${i + 1} AS VARCHAR) AS ${sqlName(c)}`))
      .filter(Boolean)
      .join(', ');
    // Rows are numbered as they would be in a CSV with a header line: record n is "line" n + 1.
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE raw_${sqlName(table)} AS SELECT row_number() OVER () + 1 AS __line, ${select} FROM ${tmp};`,
    );
    const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM raw_${sqlName(table)}`);
    if (Number(n) === 0) return { ...fatalReport(file, 'header_only'), table };
    return await checkStaged(engine, { file, table, encoding: null, present, context, rejected: [] });
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${tmp};`);
  }
}

