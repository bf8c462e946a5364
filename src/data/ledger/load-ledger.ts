/**
 * The optional fifth table: a person-level ledger (实名制台账), one row per case. DuckDB reads it
 * (read-csv.ts, read-arrow.ts); the SQL in clean.sql, cases.sql and actuals.sql (shared with
 * `npm run aggregate` and with Spark/Trino) turns it into monthly figures per area for every
 * indicator whose `ledger_rule` says how; those figures go into ledger_actuals and win over
 * actuals.csv for the same indicator, area and month. This file runs a load from start to end,
 * alone (changes.ts): a previous ledger's figures are replaced only once the new ones are complete.
 *
 * Columns (order free, header names case-insensitive):
 *   case_id         pseudonymous person or household id (required; never displayed or exported)
 *   area_code       district or town code (required)
 *   group           graduate_unemployed | hardship | zero_employment_household | registered_unemployed | …
 *   registered_on   date registered / confirmed / certified, YYYY-MM-DD (required)
 *   employed_on     date employment was recorded (optional)
 *   exited_on       date the case left the register otherwise (optional)
 *   followed_up_on  follow-up dates, separated by ';' (optional)
 *   source          optional; a value starting with "illustrative" marks the ledger as sample data
 */
import casesSql from './cases.sql?raw';
import actualsSql from './actuals.sql?raw';
import { dataChanges } from '../changes';
import type { SqlEngine } from '../engine';
import { ensureSchema, inTransaction, REFRESH_FACTS } from '../ingest/commit';
import { periodIdxSql } from '../ingest/rules';
import { isArrow, isArrowName } from '../ingest/sniff';
import { readArrowLedger } from './read-arrow';
import { readCsvLedger, readCsvLedgerInParts } from './read-csv';
import { LedgerError, mergeRejected, REPORT_LINES, type RejectedRows, type SetAside } from './report';
import { parseLedgerRule, type LedgerRule } from './rule.mjs';

/** A ledger larger than this is refused with a message before anything is touched. */
export const MAX_LEDGER_BYTES = 1.5 * 1024 ** 3;

export interface LedgerReport {
  file: string;
  rows: number;
  cases: number;
  /** Rows left out, by reason (first lines kept for the report). */
  rejected: RejectedRows[];
  /** Monthly figures written to ledger_actuals. */
  figures: number;
  indicators: string[];
  illustrative: boolean;
  ms: { read: number; parse: number; derive: number };
}

export interface LedgerProgress {
  phase: 'read' | 'parse' | 'derive' | 'done';
  bytes: number;
  totalBytes: number;
  rows: number | null;
}

export interface LedgerInput {
  name: string;
  size: number;
  /** Reads the whole file, reporting bytes as it goes. */
  read: (onBytes: (n: number) => void, signal?: AbortSignal) => Promise<Uint8Array>;
  /** The file itself, for an engine that reads it in parts without a copy (large UTF-8 CSV). */
  blob?: Blob;
}

/** A browser File as a LedgerInput, read in chunks so progress can be shown. */
export function fileInput(file: File): LedgerInput {
  return {
    name: file.name,
    size: file.size,
    blob: file,
    read: async (onBytes, signal) => {
      // Slices of 32 MB: far fewer round trips to the browser's file reader than file.stream()'s
      // 64 KB chunks (a quarter of the time at 1M rows), and still a progress step per slice.
      const out = new Uint8Array(file.size);
      for (let at = 0; at < file.size; ) {
        if (signal?.aborted) throw new LedgerError('cancelled', 'cancelled');
        const chunk = new Uint8Array(await file.slice(at, at + READ_SLICE_BYTES).arrayBuffer());
        if (chunk.byteLength === 0) break;
        out.set(chunk, at);
        at += chunk.byteLength;
        onBytes(at);
      }
      return out;
    },
  };
}

const READ_SLICE_BYTES = 32 * 1024 * 1024;

/** Parts of this size let DuckDB read a large ledger straight from the file, with progress between them. */
export const LEDGER_PART_BYTES = 32 * 1024 * 1024;

export interface LedgerOptions {
  onProgress?: (p: LedgerProgress) => void;
  /** Stops the load (it ends as cancelled, changing nothing); a reset aborts it too. */
  cancel?: AbortController;
  partBytes?: number;
  /** Derive the figures but keep none (the warm-up, see warmLedger). */
  dryRun?: boolean;
}

/**
 * Loads a ledger and derives its figures, alone (no other change to the data runs meanwhile). The
 * previous ledger's figures are replaced only once the new ones are complete; on any error or
 * cancel nothing changes.
 */
export function loadLedger(engine: SqlEngine, input: LedgerInput, opts: LedgerOptions = {}): Promise<LedgerReport> {
  if (input.size > MAX_LEDGER_BYTES)
    return Promise.reject(
      new LedgerError('too_large', `${input.name}: ${(input.size / 1024 ** 3).toFixed(2)} GB is more than this browser tab can hold (${MAX_LEDGER_BYTES / 1024 ** 3} GB)`),
    );
  // Once a load has begun no warm-up starts (nor is needed).
  warming ??= Promise.resolve();
  const cancel = opts.cancel ?? new AbortController();
  return dataChanges(engine).change(() => deriveLedger(engine, input, opts, cancel.signal), { cancel, ledger: (r) => `${r.file}` });
}

async function deriveLedger(engine: SqlEngine, input: LedgerInput, opts: LedgerOptions, signal: AbortSignal): Promise<LedgerReport> {
  const { onProgress } = opts;
  await ensureSchema(engine);
  const rules = await readRules(engine);
  if (rules.length === 0) throw new LedgerError('no_rules', 'no indicator in indicators.csv has a ledger_rule');

  const t0 = performance.now();
  const check = () => {
    if (signal.aborted) throw new LedgerError('cancelled', 'cancelled');
  };
  check();
  // The rules first: clean.sql reads them (a group without a rule is reported, not derived).
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ledger_rules (indicator_id VARCHAR, rule VARCHAR, case_group VARCHAR, months INTEGER);
     CREATE OR REPLACE TEMP VIEW known_areas AS SELECT area_code FROM areas;`,
  );
  await engine.query(
    `INSERT INTO ledger_rules VALUES ${rules.map(() => '(?, ?, ?, ?)').join(', ')}`,
    rules.flatMap((r) => [r.indicatorId, r.rule, r.caseGroup, r.months]),
  );
  // One pass over the file: typed as it is read, cleaned, and stored once (ledger_rows). A large
  // UTF-8 CSV is read by DuckDB from the file itself, in parts; anything else is read here first.
  const partBytes = opts.partBytes ?? LEDGER_PART_BYTES;
  const { blob } = input;
  let setAside: SetAside | null = null;
  let t1 = t0;
  if (blob && engine.registerBlob && input.size > partBytes && !isArrowName(input.name)) {
    onProgress?.({ phase: 'parse', bytes: 0, totalBytes: input.size, rows: 0 });
    setAside = await readCsvLedgerInParts(
      engine,
      engine.registerBlob.bind(engine),
      { ...input, blob },
      partBytes,
      (bytes, rows) => onProgress?.({ phase: 'parse', bytes, totalBytes: input.size, rows }),
      check,
    );
  }
  if (!setAside) {
    const bytes = await input.read((n) => onProgress?.({ phase: 'read', bytes: n, totalBytes: input.size, rows: null }), signal);
    t1 = performance.now();
    check();
    onProgress?.({ phase: 'parse', bytes: input.size, totalBytes: input.size, rows: null });
    setAside = isArrow(input.name, bytes) ? await readArrowLedger(engine, input.name, bytes) : await readCsvLedger(engine, input.name, bytes);
  }
  check();
  const t2 = performance.now();
  const problems = await engine.query<{ reason: string; n: number; idx: number[] }>(
    `SELECT problem AS reason, count(*) AS n, list(CAST(row_no AS INTEGER) ORDER BY row_no)[1:${REPORT_LINES}] AS idx
     FROM ledger_rows WHERE problem IS NOT NULL GROUP BY problem`,
  );
  const [{ kept = 0, illustrative = false } = {}] = await engine.query<{ kept: number; illustrative: boolean }>(
    `SELECT count(*) AS kept, coalesce(bool_or(illustrative), false) AS illustrative FROM ledger_rows`,
  );
  const totalRows = Number(kept) + setAside.lines.length;
  onProgress?.({ phase: 'derive', bytes: input.size, totalBytes: input.size, rows: totalRows });
  check();

  await engine.exec(
    `CREATE OR REPLACE TEMP VIEW ledger_clean AS
       SELECT case_id, area_code, case_group, registered_on, employed_on, exited_on, followed_up_on, registration_order FROM ledger_rows WHERE problem IS NULL;
     CREATE OR REPLACE TEMP TABLE ledger_cases AS ${casesSql};
     DROP VIEW ledger_clean; DROP TABLE ledger_rows;`,
  );
  const [{ cases = 0, y0 = null, y1 = null } = {}] = await engine.query<{ cases: number; y0: number | null; y1: number | null }>(
    `SELECT count(*) AS cases, min(case_year) AS y0,
            greatest(max(case_year), max(extract(year FROM employed_on)), max(extract(year FROM exited_on))) AS y1 FROM ledger_cases`,
  );
  if (Number(cases) === 0) throw new LedgerError('no_rows', `${input.name}: no usable case`);
  await createCalendar(engine, Number(y0), Number(y1));
  check();
  // Derive into a staging table, then swap the figures in with one statement list (one
  // transaction that no other query of this connection can land in the middle of).
  try {
    await engine.query(
      `CREATE OR REPLACE TEMP TABLE ledger_new AS
         SELECT indicator_id, area_code, period,
                ${periodIdxSql('period')} AS period_idx,
                value, numerator, denominator, CASE WHEN value IS NOT NULL THEN 'flow' END AS basis, ? AS source, ? AS illustrative
         FROM (${actualsSql}) WHERE coalesce(denominator, 1) > 0`,
      [`ledger: ${input.name}`, illustrative],
    );
    check();
    if (!opts.dryRun) await inTransaction(engine, `DELETE FROM ledger_actuals; INSERT INTO ledger_actuals SELECT * FROM ledger_new; ${REFRESH_FACTS}`);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ledger_cases; DROP TABLE IF EXISTS ledger_new;`);
  }
  const [{ n: figures = 0, inds = [] } = {}] = await engine.query<{ n: number; inds: string[] }>(
    `SELECT count(*) AS n, list(DISTINCT indicator_id ORDER BY indicator_id) AS inds FROM ledger_actuals`,
  );
  const t3 = performance.now();
  onProgress?.({ phase: 'done', bytes: input.size, totalBytes: input.size, rows: Number(totalRows) });
  return {
    file: input.name,
    rows: totalRows,
    cases: Number(cases),
    rejected: mergeRejected(setAside, problems),
    figures: Number(figures),
    indicators: (inds ?? []).map(String),
    illustrative: Boolean(illustrative),
    ms: { read: t1 - t0, parse: t2 - t1, derive: t3 - t2 },
  };
}

/** The months the shared SQL computes, made with this host's own SQL (calendars differ by dialect). */
async function createCalendar(engine: SqlEngine, fromYear: number, toYear: number): Promise<void> {
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE calendar AS
     SELECT strftime(d, '%Y-%m') AS period, year(d) AS period_year, CAST(d AS DATE) AS month_start,
            CAST(d + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS month_end
     FROM range(make_date(?::INTEGER, 1, 1), make_date(?::INTEGER + 1, 1, 1), INTERVAL 1 MONTH) t(d)`,
    [fromYear, toYear],
  );
}

/** The rules of indicators.csv's ledger_rule column, as loaded. */
async function readRules(engine: SqlEngine): Promise<LedgerRule[]> {
  return (await engine.query<{ indicator_id: string; ledger_rule: string | null }>(`SELECT indicator_id, ledger_rule FROM indicators WHERE ledger_rule IS NOT NULL`))
    .map((r) => parseLedgerRule(String(r.indicator_id), r.ledger_rule))
    .filter((r): r is LedgerRule => r != null);
}

/** The warm-up, at most once per page and never after a load has begun. */
let warming: Promise<void> | null = null;

/**
 * Runs the whole ledger path once on one made-up case per ruled group, keeping nothing, so that the
 * first real ledger does not also pay for DuckDB's first run of each of its steps (its wasm code is
 * compiled on first use). Called when the user reaches for the file input; it is a change of its
 * own (no other change or read interleaves with its statements) that commits nothing and claims no
 * ledger. Failures are ignored (a real load reports its own).
 */
export function warmLedger(engine: SqlEngine): Promise<void> {
  warming ??= dataChanges(engine)
    .change(
      async () => {
        await ensureSchema(engine);
        const groups = [...new Set((await readRules(engine)).map((r) => r.caseGroup))];
        const [area] = await engine.query<{ area_code: string }>(`SELECT area_code FROM areas ORDER BY area_code LIMIT 1`);
        if (!area || groups.length === 0) return;
        const rows = groups.map((g, i) => `w${i},${area.area_code},${g},2000-01-15,2000-03-01,,2000-01-20;2000-02-20,warm-up`);
        const bytes = new TextEncoder().encode(['case_id,area_code,group,registered_on,employed_on,exited_on,followed_up_on,source', ...rows].join('\n') + '\n');
        const input = { name: 'warm-up.csv', size: bytes.byteLength, read: async () => bytes };
        await deriveLedger(engine, input, { dryRun: true }, new AbortController().signal);
      },
      { committed: () => false },
    )
    .catch(() => undefined);
  return warming;
}
