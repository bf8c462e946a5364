/**
 * The ledger as read: its columns, how a file's header maps onto them (by position: a file's own
 * header text never reaches SQL), and ledger_rows, what clean.sql makes of the rows a reader typed.
 * Shared by the CSV and the Arrow readers.
 */
import cleanSql from './clean.sql?raw';
import type { SqlEngine } from '../engine';
import { normaliseHeaderName, positionalColumns } from '../ingest/tables';
import { LedgerError } from './report';

export const LEDGER_COLUMNS = ['case_id', 'area_code', 'case_group', 'registered_on', 'employed_on', 'exited_on', 'followed_up_on', 'source'] as const;
const HEADER_ALIASES: Record<string, (typeof LEDGER_COLUMNS)[number]> = { group: 'case_group' };
const REQUIRED = ['case_id', 'area_code', 'case_group', 'registered_on'];

/** The columns the reader types as dates (a value that does not parse sets its row aside). */
export const DATE_COLUMNS = new Set(['registered_on', 'employed_on', 'exited_on']);

/** A header's names as ledger columns (case and spaces do not matter; `group` is case_group). */
export const mapHeader = (names: string[]) =>
  names.map((h) => {
    const n = normaliseHeaderName(h);
    return HEADER_ALIASES[n] ?? n;
  });

/** The whitelisted name of each column by position; throws when a required column is missing. */
export function positionalNames(header: string[], file: string): string[] {
  if (header.length === 0 || header[0] === '') throw new LedgerError('no_header', `${file}: no header line`);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) throw new LedgerError('missing_columns', `${file}: missing column(s) ${missing.join(', ')}`);
  return positionalColumns(header, LEDGER_COLUMNS);
}

/** The kept rows numbered in the order read (0-based), before clean.sql's joins reorder them: the report's lines. */
export const ROW_NO = 'ROW_NUMBER() OVER () - 1';

/** ledger_typed (the view clean.sql reads) over the reader's columns, then ledger_rows from clean.sql. */
export async function storeRows(engine: SqlEngine, typedSelect: string, append = false): Promise<void> {
  await engine.exec(
    `CREATE OR REPLACE TEMP VIEW ledger_typed AS ${typedSelect};
     ${append ? 'INSERT INTO ledger_rows' : 'CREATE OR REPLACE TEMP TABLE ledger_rows AS'} ${cleanSql};
     DROP VIEW ledger_typed;`,
  );
}
