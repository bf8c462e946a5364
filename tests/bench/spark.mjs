/**
 * The bench's Spark run: data/scripts/aggregate-ledger-spark.py submitted in local[2] (the newest pinned
 * PySpark, installed by tests/spark/venv.mjs if missing) on a ledger, beside native DuckDB and
 * DuckDB-WASM on the same file, as context. Returns the wall-clock time of spark-submit (JVM start
 * included), the job's own time (its session already up), and its figures for the same-numbers check.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { ensureSpark, javaVersion, LOCAL_CONF, SPARK_VERSIONS } from '../spark/venv.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** @returns {Promise<{ version: string, wallMs: number, jobMs: number, figures: object[] }>} */
export async function sparkOnLedger({ ledger, out, log }) {
  javaVersion();
  const spark = ensureSpark(SPARK_VERSIONS.at(-1), log);
  const conf = LOCAL_CONF.filter(([k]) => k !== 'spark.master').flatMap(([k, v]) => ['--conf', `${k}=${v}`]);
  const args = [
    '--master',
    'local[2]',
    ...conf,
    path.join(REPO, 'data', 'scripts', 'aggregate-ledger-spark.py'),
    '--ledger',
    ledger,
    '--areas',
    path.join(REPO, 'data', 'areas.csv'),
    '--indicators',
    path.join(REPO, 'data', 'indicators.csv'),
    '--out',
    out,
    '--report',
    path.join(out, 'report.json'),
  ];
  const t = performance.now();
  await new Promise((resolve, reject) => {
    const child = spawn(spark.sparkSubmit, args, { env: spark.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err = (err + d).slice(-20000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`spark-submit exited ${code}: ${err.split('\n').slice(-20).join('\n')}`)),
    );
  });
  const wallMs = performance.now() - t;
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  const cell = (v) => (v === '' || v == null ? null : Number(v));
  const figures = Papa.parse(readFileSync(path.join(out, 'actuals.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data.map((f) => ({
    ...f,
    value: cell(f.value),
    numerator: cell(f.numerator),
    denominator: cell(f.denominator),
  }));
  return { version: report.spark, wallMs, jobMs: report.seconds * 1000, figures };
}
