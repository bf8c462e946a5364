/**
 * The commit of ingest: the committed tables and their schema, the transaction every change runs
 * in, the refresh of `facts`, and the two ways tables change: a whole folder swapped in at once,
 * or one file upserted by key. Each runs alone (changes.ts); nothing is committed until every
 * file it takes has been read and checked in full.
 */
import { dataChanges } from '../changes';
import type { SqlEngine } from '../engine';
import { sqlName } from '../sql-name';
import { formerAreaTable } from './aliases';
import { fatalReport, type FileReport, type FolderReport, type InputFile } from './issues';
import { DDL, MACROS } from './rules';
import { isWorkbook } from './sniff';
import { stageFile, type StageOptions } from './stage';
import { TABLE_ORDER, TABLES, type TableName } from './tables';

const schemaReady = new WeakSet<SqlEngine>();

/** Creates the committed tables (empty), the helper macros and the former-district spellings, once per database. */
export async function ensureSchema(engine: SqlEngine): Promise<void> {
  if (schemaReady.has(engine)) return;
  // One round trip for the DDL: each statement costs a worker message and its own planning in
  // DuckDB-WASM. Figures derived from a person-level ledger (see ledger/) have the shape of
  // actuals; where both exist for the same indicator, area and month, the ledger's figure wins.
  await engine.exec(
    `${MACROS}
     ${TABLE_ORDER.map((t) => `CREATE TABLE IF NOT EXISTS ${sqlName(t)} (${DDL[t]});`).join('\n')}
     CREATE TABLE IF NOT EXISTS ledger_actuals (${DDL.actuals});
     CREATE TABLE IF NOT EXISTS facts (${DDL.actuals});`,
  );
  const former = formerAreaTable();
  await engine.query(former.sql, former.params);
  schemaReady.add(engine);
}

/**
 * Runs statements as one transaction, in one round trip (so no other query of the connection lands
 * in the middle); on failure it is rolled back and the error is passed on.
 */
export async function inTransaction(engine: SqlEngine, statements: string): Promise<void> {
  try {
    await engine.exec(`BEGIN TRANSACTION;\n${statements}\nCOMMIT;`);
  } catch (e) {
    await engine.exec('ROLLBACK;').catch(() => undefined);
    throw e;
  }
}

/**
 * Rebuilds `facts`, what every judgement reads: actuals.csv's rows, with a ledger's figure in place
 * of the row for the same indicator, area and month. A table, not a view: the judgement query reads
 * it three times, and a view would redo the merge each time. Every statement that changes actuals
 * or ledger_actuals runs this in its own transaction, so no query sees one without the other.
 */
export const REFRESH_FACTS = `DELETE FROM facts;
  INSERT INTO facts
    SELECT * FROM ledger_actuals
    UNION ALL
    SELECT a.* FROM actuals a
    WHERE NOT EXISTS (SELECT 1 FROM ledger_actuals l
                      WHERE l.indicator_id = a.indicator_id AND l.area_code = a.area_code AND l.period_idx = a.period_idx);`;

/** Drops the staged tables of a previous change. */
export const dropStaged = () => TABLE_ORDER.map((t) => `DROP TABLE IF EXISTS new_${sqlName(t)};`).join(' ');

/**
 * Upserts the staged new_<t> of `tables` by key, in one transaction (in table order, so areas are
 * in before the targets that name them); facts is rebuilt when actuals change.
 */
export function upsertStaged(engine: SqlEngine, tables: readonly TableName[]): Promise<void> {
  const statements = TABLE_ORDER.filter((t) => tables.includes(t)).map((table) => {
    const t = sqlName(table);
    const match = TABLES[table].key.map((k) => `${t}.${sqlName(k)} = n.${sqlName(k)}`).join(' AND ');
    return `DELETE FROM ${t} WHERE EXISTS (SELECT 1 FROM new_${t} n WHERE ${match});
         INSERT INTO ${t} SELECT * EXCLUDE (line) FROM new_${t};`;
  });
  return inTransaction(engine, `${statements.join('\n')}\n${tables.includes('actuals') ? REFRESH_FACTS : ''}`);
}

/**
 * Loads a complete folder (the four tables) and swaps it in at once; on any fatal problem the
 * tables loaded before stay as they were.
 */
export function loadFolder(engine: SqlEngine, files: Record<TableName, InputFile | Error>): Promise<FolderReport> {
  return dataChanges(engine).change(
    async () => {
      await ensureSchema(engine);
      await engine.exec(dropStaged());
      const reports: FileReport[] = [];
      for (const t of TABLE_ORDER) {
        const f = files[t];
        if (f instanceof Error) {
          const r = fatalReport(`${t}.csv`, 'table_missing', f.message);
          reports.push({ ...r, table: t });
          return { files: reports, fatal: r.fatal };
        }
        const r = await stageFile(engine, f, 'staged', t);
        reports.push(r);
        if (r.fatal) return { files: reports, fatal: r.fatal };
      }
      await inTransaction(
        engine,
        `${TABLE_ORDER.map((t) => `DELETE FROM ${sqlName(t)}; INSERT INTO ${sqlName(t)} SELECT * EXCLUDE (line) FROM new_${sqlName(t)};`).join('\n')}
         ${REFRESH_FACTS}`,
      );
      return { files: reports, fatal: null };
    },
    { committed: (r) => r.fatal == null },
  );
}

/** Loads one file of any of the four tables and upserts its valid rows by key. */
export function loadSingleFile(engine: SqlEngine, input: InputFile, options: StageOptions = {}): Promise<FileReport> {
  return dataChanges(engine).change(
    async () => {
      await ensureSchema(engine);
      await engine.exec(dropStaged());
      const report = await stageFile(engine, input, 'committed', undefined, options);
      if (report.fatal || !report.table) return report;
      await upsertStaged(engine, [report.table]);
      return report;
    },
    { committed: (r) => r.fatal == null && r.accepted > 0 },
  );
}

/**
 * Loads one uploaded file: a CSV, Arrow or Parquet file is one table (loadSingleFile); a workbook
 * reports sheet by sheet (stage-sheets.ts, loaded with its reader only when a workbook is dropped).
 */
export async function loadUpload(engine: SqlEngine, input: InputFile, options: StageOptions = {}): Promise<FileReport[]> {
  if (isWorkbook(input.name, input.bytes)) {
    const { loadWorkbook } = await import('./stage-sheets');
    return loadWorkbook(engine, input);
  }
  return [await loadSingleFile(engine, input, options)];
}
