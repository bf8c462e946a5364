/**
 * DuckDB's CSV reader as every file of ours is read with it (the tables and the ledger): nothing
 * auto-detected, RFC 4180 quoting, a header line, columns named by position (see
 * tables.positionalColumns) and typed here. Each caller adds what differs (rejects, dates).
 */
import { sqlName } from '../sql-name';

/** The dialect: comma-separated, `"` quotes and escapes, a header line; nothing guessed. */
const DIALECT = `auto_detect = false, header = true, delim = ',', quote = '"', escape = '"'`;

export type CsvColumnType = 'VARCHAR' | 'BIGINT' | 'DATE';

/**
 * `read_csv(...)` of a registered file: `columns` by position as [name, type]; `options` are
 * further reader options as SQL text (constants of the caller, never data).
 */
export function readCsvSql(file: string, columns: readonly (readonly [string, CsvColumnType])[], options: string): string {
  const cols = columns.map(([name, type]) => `'${sqlName(name)}': '${type}'`).join(', ');
  return `read_csv('${sqlName(file)}', ${DIALECT}, columns = {${cols}}, ${options})`;
}
