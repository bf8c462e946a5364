/**
 * The ledger SQL on real Spark (issue 18). data/scripts/aggregate-ledger-spark.py runs
 * src/data/ledger/{clean,cases,actuals}.sql unchanged in local[2] on pinned PySpark releases (a 3.5
 * and a 4.x, installed into .venv-spark/ by venv.mjs); its figures must be, row for row, those of
 *   - the page's own loadLedger in DuckDB-WASM (the build and code the browser runs), and
 *   - `npm run aggregate` (native DuckDB): the same actuals.csv, byte for byte,
 * with the same rows, cases and rows left out by reason, on: the hand-checked fixture (through
 * spark-submit, as a platform runs it), the fixture of awkward values (tests/fixtures/ledger/README.md),
 * a generated 100k-row ledger, and the last two again as Parquet (text columns, then DATE columns), the
 * fixtures also with ANSI mode the other way round. Any difference fails. Trino cannot run here: its
 * own parser (trino-parser, from Maven Central) must accept the three files.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerFigure } from '../../data/scripts/aggregate-ledger.mjs';
import { writeLedger } from '../../data/scripts/gen-ledger.mjs';
import { loadLedger, type LedgerReport } from '../../src/data/ledger/load-ledger';
import { parseLedgerRule } from '../../src/data/ledger/rule.mjs';
import { loadFolder } from '../../src/data/ingest/commit';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles } from '../helpers/fixtures';
import { ensureTrinoParser, parseWithTrino, TRINO_PARSER_VERSION } from './trino.mjs';
import { ensureSpark, javaVersion, LOCAL_CONF, SPARK_VERSIONS } from './venv.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const JOB = path.join(REPO, 'data', 'scripts', 'aggregate-ledger-spark.py');
const HARNESS = path.join(REPO, 'tests', 'spark', 'harness.py');
const AREAS = path.join(REPO, 'data', 'areas.csv');
const INDICATORS = path.join(REPO, 'data', 'indicators.csv');

type Fig = LedgerFigure;
/** What the job and the page both report about a ledger. */
type Summary = { rows: number; cases: number; rejected: { reason: string; count: number }[]; illustrative: boolean };
interface Input {
  label: string;
  ledger: string;
  format: 'csv' | 'parquet';
  /** The file named as the source (a Parquet copy is named as its CSV, so the bytes compare). */
  name: string;
  /** `npm run aggregate`'s actuals.csv, for CSV ledgers and their typed Parquet copies. */
  native?: string;
  wasm: { figures: Fig[]; summary: Summary };
}

let tmp = '';
const inputs: Record<string, Input> = {};
const seconds: string[] = [];
const started = Date.now();

const key = (f: Fig) => `${f.indicator_id}|${f.area_code}|${f.period}`;
const num = (v: unknown) => (v == null || v === '' ? null : Number(v));
const sortFigs = (rows: Fig[]) =>
  rows
    .map((r) => ({
      indicator_id: String(r.indicator_id),
      area_code: String(r.area_code),
      period: String(r.period),
      value: num(r.value),
      numerator: num(r.numerator),
      denominator: num(r.denominator),
    }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const readFigs = (file: string) =>
  sortFigs(Papa.parse<Fig>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data);
const summaryOf = (r: {
  rows: number;
  cases: number;
  rejected: { reason: string; count: number }[];
  illustrative: boolean;
}): Summary => ({
  rows: r.rows,
  cases: r.cases,
  rejected: r.rejected.map(({ reason, count }) => ({ reason, count })).sort((a, b) => a.reason.localeCompare(b.reason)),
  illustrative: r.illustrative,
});

/** Runs a command, keeping its output for the failure message; resolves to stdout. */
function runCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(
              `${path.basename(cmd)} ${args.slice(0, 3).join(' ')} … exited ${code}\n${err
                .split('\n')
                .filter((l) => !/ (INFO|WARN) /.test(l))
                .slice(-40)
                .join('\n')}`,
            ),
          ),
    );
  });
}

/** The page's code path: the bundled folder loaded, then the ledger through loadLedger, in DuckDB-WASM. */
async function wasmFigures(engine: Awaited<ReturnType<typeof createNodeEngine>>, name: string, bytes: Uint8Array) {
  const report: LedgerReport = await loadLedger(engine, { name, size: bytes.byteLength, read: async () => bytes });
  const figures = await engine.query<Fig>(
    `SELECT indicator_id, area_code, period, value, numerator, denominator FROM ledger_actuals`,
  );
  return { figures: sortFigs(figures), summary: summaryOf(report) };
}

function nativeCsv(ledger: string, out: string): string {
  execFileSync(process.execPath, [path.join(REPO, 'data', 'scripts', 'aggregate-ledger.mjs'), ledger, out], {
    cwd: REPO,
    stdio: 'pipe',
  });
  return path.join(out, 'actuals.csv');
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'ledger-spark-'));
  javaVersion();
  // Copied under a name with a comma and a space: the source column then needs quoting, as PapaParse quotes it.
  const fixture = path.join(tmp, 'ledger small, 2022.csv');
  copyFileSync(path.join(REPO, 'tests', 'fixtures', 'ledger', 'ledger-small.csv'), fixture);
  const typing = path.join(REPO, 'tests', 'fixtures', 'ledger', 'ledger-typing.csv');
  const big = path.join(tmp, 'ledger-100k.csv');
  await writeLedger({ rows: 100_000, seed: 18, year: 2023, out: big });

  // Parquet copies, made by native DuckDB: the awkward fixture as text columns (dates included), the
  // 100k ledger with DATE columns. The page reads no Parquet ledger: its Arrow reader takes the same
  // text table (the Arrow IPC below), and the typed copy must give the CSV's figures.
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const q = (s: string) => JSON.stringify(s.replace(/\\/g, '/')).slice(1, -1).replace(/'/g, "''");
  await duck.run(`CREATE TABLE typing AS SELECT * FROM read_csv('${q(typing)}', header = true, all_varchar = true, auto_detect = false,
    columns = {'case_id': 'VARCHAR', 'area_code': 'VARCHAR', 'group': 'VARCHAR', 'registered_on': 'VARCHAR', 'employed_on': 'VARCHAR',
               'exited_on': 'VARCHAR', 'followed_up_on': 'VARCHAR', 'source': 'VARCHAR'}, null_padding = true, strict_mode = false)`);
  await duck.run(`COPY typing TO '${q(path.join(tmp, 'ledger-typing.parquet'))}' (FORMAT parquet)`);
  const typingRows = (await duck.runAndReadAll(`SELECT * FROM typing`)).getRowObjectsJS() as Record<string, string | null>[];
  const typingArrow = tableToIPC(
    tableFromArrays(Object.fromEntries(Object.keys(typingRows[0]!).map((c) => [c, typingRows.map((r) => r[c] ?? null)]))),
    'file',
  );
  await duck.run(`COPY (SELECT * FROM read_csv('${q(big)}', header = true, auto_detect = false, dateformat = '%Y-%m-%d',
    columns = {'case_id': 'VARCHAR', 'area_code': 'VARCHAR', 'group': 'VARCHAR', 'registered_on': 'DATE', 'employed_on': 'DATE',
               'exited_on': 'DATE', 'followed_up_on': 'VARCHAR', 'source': 'VARCHAR'}))
    TO '${q(path.join(tmp, 'ledger-100k.parquet'))}' (FORMAT parquet)`);
  duck.closeSync();

  const engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles(path.join(REPO, 'data')))).fatal).toBeNull();
  const csv = async (label: string, ledger: string): Promise<Input> => ({
    label,
    ledger,
    format: 'csv',
    name: path.basename(ledger),
    native: nativeCsv(ledger, path.join(tmp, `native-${label}`)),
    wasm: await wasmFigures(engine, path.basename(ledger), new Uint8Array(readFileSync(ledger))),
  });
  inputs.fixture = await csv('fixture', fixture);
  inputs.typing = await csv('typing', typing);
  inputs.big = await csv('100k', big);
  inputs.typingParquet = {
    label: 'typing-parquet',
    ledger: path.join(tmp, 'ledger-typing.parquet'),
    format: 'parquet',
    name: 'ledger-typing.parquet',
    wasm: await wasmFigures(engine, 'ledger-typing.arrow', typingArrow),
  };
  inputs.bigParquet = { ...inputs.big, label: '100k-parquet', ledger: path.join(tmp, 'ledger-100k.parquet'), format: 'parquet' };
  engine.close();
  seconds.push(`references (DuckDB-WASM, native DuckDB, Parquet copies): ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.log(`test:spark: ${[...seconds, `total ${((Date.now() - started) / 1000).toFixed(1)} s`].join('; ')}`);
});

describe('the references agree before Spark is compared with them', () => {
  it('native DuckDB and DuckDB-WASM give the same figures on every CSV ledger', () => {
    for (const i of [inputs.fixture!, inputs.typing!, inputs.big!]) {
      expect(i.wasm.figures.length, i.label).toBeGreaterThan(0);
      expect(readFigs(i.native!), i.label).toEqual(i.wasm.figures);
    }
    expect(inputs.big!.wasm.figures.length).toBeGreaterThan(1000);
    // The fixture's copy is named so that its source must be quoted in actuals.csv.
    expect(readFileSync(inputs.fixture!.native!, 'utf8')).toContain(',"ledger: ledger small, 2022.csv"\n');
  });

  it('the Arrow copy of the awkward fixture is read as text: blank dates are no dates there', () => {
    // The CSV reader sets aside t07's "   " employed_on; the Arrow reader trims it to nothing.
    const bad = (s: Summary) => s.rejected.find((r) => r.reason === 'bad_date')?.count;
    expect(bad(inputs.typing!.wasm.summary)).toBe(7);
    expect(bad(inputs.typingParquet!.wasm.summary)).toBe(6);
  });
});

describe('the job reads ledger_rule as the page does', () => {
  it('parses the same rules from the same texts as src/data/ledger/rule.mjs', () => {
    const texts = [
      'deadline_rate:hardship:3',
      ' deadline_rate : hardship : 3 ',
      'deadline_rate:hardship:03',
      'deadline_rate:hardship:3.0',
      'deadline_rate:hardship:0x3',
      'deadline_rate:hardship:1e1',
      'deadline_rate:hardship:120',
      'deadline_rate:hardship:121',
      'deadline_rate:hardship:0',
      'deadline_rate:hardship:-1',
      'deadline_rate:hardship:2.5',
      'deadline_rate:hardship:',
      'deadline_rate:hardship',
      'deadline_rate:hardship:3:extra',
      'employed_rate:graduate_unemployed',
      'employed_flow:hardship',
      'followup_rate:registered_unemployed',
      'employed_rate:Graduate',
      'employed_rate:a-b',
      'employed_rate:',
      'employed_rate',
      'nonsense:hardship',
      '',
      'drop table;',
      'followup_rate:registered_unemployed:9',
      'deadline_rate:hardship:Infinity',
      'deadline_rate:hardship: 4',
    ];
    const file = path.join(tmp, 'rules.json');
    writeFileSync(file, JSON.stringify(texts.map((t, i) => [`i${i}`, t])));
    const python = JSON.parse(execFileSync(process.env.PYTHON ?? 'python3', [HARNESS, '--rules', file], { encoding: 'utf8' }));
    expect(python).toEqual(texts.map((t, i) => parseLedgerRule(`i${i}`, t)));
  });
});

describe(`Trino: the files in its grammar (trino-parser ${TRINO_PARSER_VERSION}; nothing is run)`, () => {
  it('parses clean.sql, cases.sql and actuals.sql, and refuses what is not Trino SQL', async () => {
    const classPath = await ensureTrinoParser();
    const files = ['clean.sql', 'cases.sql', 'actuals.sql'].map((f) => path.join(REPO, 'src', 'data', 'ledger', f));
    const parsed = parseWithTrino(classPath, files);
    expect(parsed.ok, parsed.output).toBe(true);
    // The check can fail: Spark's and DuckDB's backquoted names, for one, are not Trino's.
    const notTrino = path.join(tmp, 'not-trino.sql');
    writeFileSync(notTrino, 'SELECT `group` FROM ledger_typed');
    expect(parseWithTrino(classPath, [notTrino]).ok).toBe(false);
  });
});

for (const version of SPARK_VERSIONS) {
  describe(`Spark ${version}, local[2]`, () => {
    const results: Record<string, { csv: string; summary: Summary }> = {};
    let defaultAnsi = '';

    beforeAll(async () => {
      const spark = ensureSpark(version);
      const out = path.join(tmp, `spark-${version}`);
      const jobArgs = (i: Input, label: string) => [
        '--ledger',
        i.ledger,
        '--format',
        i.format,
        '--name',
        i.name,
        '--areas',
        AREAS,
        '--indicators',
        INDICATORS,
        '--out',
        path.join(out, label),
        '--report',
        path.join(out, label, 'report.json'),
      ];
      // The command a data platform runs, on the hand-checked fixture.
      let t = Date.now();
      const conf = LOCAL_CONF.filter(([k]) => k !== 'spark.master').flatMap(([k, v]) => ['--conf', `${k}=${v}`]);
      await runCommand(
        spark.sparkSubmit,
        ['--master', 'local[2]', ...conf, JOB, ...jobArgs(inputs.fixture!, 'fixture')],
        spark.env,
      );
      seconds.push(`Spark ${version} spark-submit fixture: ${((Date.now() - t) / 1000).toFixed(1)} s`);
      // Everything else in one session: the awkward fixture and 100k rows as CSV and Parquet, then
      // both fixtures with ANSI mode the other way round from this release's default.
      t = Date.now();
      const plan = path.join(tmp, `plan-${version}.json`);
      const flipped = version.startsWith('3.') ? 'true' : 'false';
      const runs = [
        { label: 'typing', ansi: null, args: jobArgs(inputs.typing!, 'typing') },
        { label: 'typing-parquet', ansi: null, args: jobArgs(inputs.typingParquet!, 'typing-parquet') },
        { label: '100k', ansi: null, args: jobArgs(inputs.big!, '100k') },
        { label: '100k-parquet', ansi: null, args: jobArgs(inputs.bigParquet!, '100k-parquet') },
        { label: 'fixture-ansi', ansi: flipped, args: jobArgs(inputs.fixture!, 'fixture-ansi') },
        { label: 'typing-ansi', ansi: flipped, args: jobArgs(inputs.typing!, 'typing-ansi') },
      ];
      writeFileSync(plan, JSON.stringify({ conf: LOCAL_CONF, runs }));
      const lines = (await runCommand(spark.python, [HARNESS, plan], spark.env)).split('\n').filter((l) => l.startsWith('{'));
      const timed = lines.map((l) => JSON.parse(l) as { label: string; seconds: number });
      seconds.push(
        `Spark ${version} session: ${((Date.now() - t) / 1000).toFixed(1)} s (${timed.map((x) => `${x.label} ${x.seconds} s`).join(', ')})`,
      );
      for (const label of ['fixture', ...runs.map((r) => r.label)]) {
        const report = JSON.parse(readFileSync(path.join(out, label, 'report.json'), 'utf8'));
        if (label === 'fixture') defaultAnsi = report.ansi;
        results[label] = { csv: path.join(out, label, 'actuals.csv'), summary: summaryOf(report) };
      }
    });

    it('runs with its default ANSI mode (off in 3.5, on in 4.x)', () => {
      expect(defaultAnsi).toBe(version.startsWith('3.') ? 'false' : 'true');
    });

    const cases: [string, string][] = [
      ['fixture', 'fixture'],
      ['fixture-ansi', 'fixture'],
      ['typing', 'typing'],
      ['typing-ansi', 'typing'],
      ['100k', 'big'],
      ['100k-parquet', 'bigParquet'],
      ['typing-parquet', 'typingParquet'],
    ];
    it.each(cases)('%s: the same figures, row for row, as DuckDB-WASM, and the same rows, cases and rejects', (label, input) => {
      const i = inputs[input]!;
      const r = results[label]!;
      const figures = readFigs(r.csv);
      expect(figures.length).toBe(i.wasm.figures.length);
      expect(figures).toEqual(i.wasm.figures);
      expect(r.summary).toEqual(i.wasm.summary);
    });

    it.each(cases.filter(([, input]) => input !== 'typingParquet'))(
      '%s: the same actuals.csv as npm run aggregate, byte for byte (basis and source included)',
      (label, input) => {
        const i = inputs[input]!;
        expect(readFileSync(results[label]!.csv, 'utf8')).toBe(readFileSync(i.native!, 'utf8'));
      },
    );
  });
}
