/**
 * Reading a ledger given as Arrow IPC: DuckDB reads it; columns are taken by position, so their
 * names never reach SQL. A date column may be a date or text; a value that is there but is not a
 * date sets its row aside, as the CSV reader does.
 */
import type { SqlEngine } from '../engine';
import { arrowStream } from '../ingest/stage-arrow';
import type { SetAside } from './report';
import { DATE_COLUMNS, LEDGER_COLUMNS, mapHeader, positionalNames, ROW_NO, storeRows } from './typed';

/**
 * Arrow IPC: DuckDB reads it; columns are taken by position, so their names never reach SQL. A
 * date column may be a date or text; a value that is there but is not a date sets its row aside.
 */
export async function readArrowLedger(engine: SqlEngine, file: string, bytes: Uint8Array): Promise<SetAside> {
  await engine.exec(`DROP TABLE IF EXISTS ledger_arrow;`);
  await engine.insertArrow('ledger_arrow', arrowStream(bytes));
  try {
    const described = await engine.query<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ledger_arrow)`);
    const positional = positionalNames(mapHeader(described.map((d) => String(d.column_name))), file);
    const ref = (c: string) => `#${positional.indexOf(c) + 1}`;
    const has = (c: string) => positional.includes(c);
    const isDateType = (c: string) => /^(DATE|TIMESTAMP)/.test(String(described[positional.indexOf(c)]?.column_type));
    const text = (c: string) => (has(c) ? `CAST(${ref(c)} AS VARCHAR)` : `CAST(NULL AS VARCHAR)`);
    // Text dates as the CSV reader takes them: YYYY-MM-DD, nothing else.
    const date = (c: string) =>
      !has(c) ? `CAST(NULL AS DATE)` : isDateType(c) ? `CAST(${ref(c)} AS DATE)` : `CAST(TRY_STRPTIME(TRIM(${text(c)}), '%Y-%m-%d') AS DATE)`;
    const badDate = [...DATE_COLUMNS]
      .filter(has)
      .map((c) => `(${ref(c)} IS NOT NULL AND TRIM(CAST(${ref(c)} AS VARCHAR)) <> '' AND ${date(c)} IS NULL)`)
      .join(' OR ');
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ledger_arrow_typed AS
       SELECT ${LEDGER_COLUMNS.map((c) => `${DATE_COLUMNS.has(c) ? date(c) : text(c)} AS ${c}`).join(', ')},
              ${badDate || 'false'} AS bad_date
       FROM ledger_arrow;`,
    );
    const bad = await engine.query<{ line: number }>(`SELECT CAST(rowid + 2 AS INTEGER) AS line FROM ledger_arrow_typed WHERE bad_date ORDER BY rowid`);
    await storeRows(engine, `SELECT * EXCLUDE (bad_date), ${ROW_NO} AS row_no FROM ledger_arrow_typed WHERE NOT bad_date`);
    return { lines: bad.map((b) => Number(b.line)), reasons: new Map(bad.map((b) => [Number(b.line), 'bad_date'])) };
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ledger_arrow; DROP TABLE IF EXISTS ledger_arrow_typed;`);
  }
}

