/**
 * Records (a workbook's rows, a Parquet file's values) as CSV text, the one way they reach DuckDB:
 * the page writes RFC 4180 text and DuckDB's reader reads it by position (csv-reader.ts), so values
 * never pass through SQL text and no Arrow builder is loaded for it.
 */
import type { SqlEngine } from '../engine';
import { freshName, sqlName } from '../sql-name';
import { readCsvSql } from './csv-reader';

/** One CSV record: a field with a quote, a comma, a line break or edge spaces is quoted; null is empty. */
export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return fields
    .map((f) => {
      const t = f == null ? '' : String(f);
      return /[",\r\n]|^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    })
    .join(',');
}

/**
 * Creates table `name` from rows: a BIGINT `__id` per row and text columns (names of ours, never a
 * file's), through a registered CSV file that is dropped again.
 */
export async function tableFromRecords(
  engine: SqlEngine,
  name: string,
  ids: readonly number[],
  columns: Readonly<Record<string, readonly (string | null)[]>>,
): Promise<void> {
  const names = Object.keys(columns);
  const lines = [csvRecord(['__id', ...names]), ...ids.map((id, i) => csvRecord([id, ...names.map((c) => columns[c]![i] ?? null)]))];
  const file = freshName('records');
  await engine.registerText(file, lines.join('\n') + '\n');
  try {
    const cols = [['__id', 'BIGINT'] as const, ...names.map((c) => [sqlName(c), 'VARCHAR'] as const)];
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${sqlName(name)} AS SELECT * FROM ${readCsvSql(file, cols, `new_line = '\\n', strict_mode = true`)};`);
  } finally {
    await engine.dropFile(file);
  }
}
