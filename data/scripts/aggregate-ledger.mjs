#!/usr/bin/env node
/**
 * `npm run aggregate -- <ledger.csv> <out-folder> [--indicators data/indicators.csv] [--areas data/areas.csv]`
 *
 * Runs the ledger SQL the browser runs (src/data/ledger/clean.sql, cases.sql, actuals.sql,
 * unchanged) in native DuckDB (@duckdb/node-api) and writes <out-folder>/actuals.csv, ready for
 * the dashboard (copy it next to the other three tables, or merge it into an existing actuals.csv).
 * For registries beyond one machine, the same files run in Spark SQL or Trino: see the README.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { parseLedgerRule } from '../../src/data/ledger/rule.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SQL_DIR = resolve(here, '..', '..', 'src', 'data', 'ledger');
const sql = (name) => readFileSync(join(SQL_DIR, name), 'utf8');
const COLUMNS = ['case_id', 'area_code', 'case_group', 'registered_on', 'employed_on', 'exited_on', 'followed_up_on', 'source'];
const ALIASES = { group: 'case_group' };
const quote = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** Returns the derived figures as rows (indicator_id, area_code, period, value, numerator, denominator). */
export async function aggregateLedger({ ledger, indicators, areas }) {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const run = (q, params) => c.run(q, params);
  const rows = async (q, params) => (await c.runAndReadAll(q, params)).getRowObjectsJS();

  const header = readFileSync(ledger, 'utf8').split(/\r?\n/, 1)[0].replace(/^\uFEFF/, '');
  const names = Papa.parse(header).data[0].map((h) => {
    const n = String(h).trim().toLowerCase().replace(/\s+/g, '_');
    return ALIASES[n] ?? n;
  });
  const seen = new Set();
  const positional = names.map((h, i) => (COLUMNS.includes(h) && !seen.has(h) ? (seen.add(h), h) : `extra_${i}`));
  const DATES = ['registered_on', 'employed_on', 'exited_on'];
  const type = (n) => (DATES.includes(n) ? 'DATE' : 'VARCHAR');
  const cols = positional.map((p) => `'${p}': '${type(p)}'`).join(', ');
  const col = (n) => (positional.includes(n) ? n : `CAST(NULL AS ${type(n)}) AS ${n}`);
  // As the browser reads it (src/data/ledger/read-csv.ts): dates typed by the reader, rows whose dates do
  // not parse set aside; then the shared files.
  await run(`CREATE TEMP VIEW ledger_typed AS SELECT ${COLUMNS.map(col).join(', ')}, CAST(NULL AS BIGINT) AS row_no
    FROM read_csv(${quote(resolve(ledger))}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
      columns = {${cols}}, dateformat = '%Y-%m-%d', store_rejects = true, strict_mode = false, null_padding = true)`);
  await run(`CREATE TABLE known_areas AS SELECT area_code FROM read_csv(${quote(resolve(areas))}, header = true, all_varchar = true)`);

  const inds = Papa.parse(readFileSync(indicators, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const rules = inds.map((r) => parseLedgerRule(r.indicator_id, r.ledger_rule)).filter(Boolean);
  await run(`CREATE TABLE ledger_rules (indicator_id VARCHAR, rule VARCHAR, case_group VARCHAR, months INTEGER)`);
  for (const r of rules) await run(`INSERT INTO ledger_rules VALUES ($1, $2, $3, $4)`, [r.indicatorId, r.rule, r.caseGroup, r.months]);
  await run(`CREATE TABLE ledger_rows AS ${sql('clean.sql')}`);
  await run(`CREATE VIEW ledger_clean AS SELECT * FROM ledger_rows WHERE problem IS NULL`);
  await run(`CREATE TABLE ledger_cases AS ${sql('cases.sql')}`);
  const [span] = await rows(`SELECT min(case_year) AS y0, greatest(max(case_year), max(extract(year FROM employed_on)), max(extract(year FROM exited_on))) AS y1 FROM ledger_cases`);
  if (span.y0 == null) return [];
  await run(
    `CREATE TABLE calendar AS SELECT strftime(d, '%Y-%m') AS period, year(d) AS period_year, CAST(d AS DATE) AS month_start,
       CAST(d + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS month_end
     FROM range(make_date(${Number(span.y0)}, 1, 1), make_date(${Number(span.y1) + 1}, 1, 1), INTERVAL 1 MONTH) t(d)`,
  );
  const out = await rows(`SELECT * FROM (${sql('actuals.sql')}) WHERE coalesce(denominator, 1) > 0 ORDER BY indicator_id, area_code, period`);
  c.closeSync?.();
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : dflt;
  };
  const indicators = opt('--indicators', resolve(here, '..', 'indicators.csv'));
  const areas = opt('--areas', resolve(here, '..', 'areas.csv'));
  const [ledger, outDir] = args;
  if (!ledger || !outDir) {
    console.error('usage: npm run aggregate -- <ledger.csv> <out-folder> [--indicators path] [--areas path]');
    process.exit(2);
  }
  const t0 = Date.now();
  const figures = await aggregateLedger({ ledger, indicators, areas });
  mkdirSync(outDir, { recursive: true });
  const source = `ledger: ${basename(ledger)}`;
  const csv = Papa.unparse(
    {
      fields: ['indicator_id', 'area_code', 'period', 'value', 'numerator', 'denominator', 'basis', 'source'],
      data: figures.map((f) => [f.indicator_id, f.area_code, f.period, f.value ?? '', f.numerator ?? '', f.denominator ?? '', f.value != null ? 'flow' : '', source]),
    },
    { newline: '\n' },
  );
  writeFileSync(join(outDir, 'actuals.csv'), csv + '\n');
  console.log(`${figures.length} monthly figures from ${ledger} → ${join(outDir, 'actuals.csv')} in ${Date.now() - t0} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
