/**
 * The optional fifth table: a person-level ledger (实名制台账), one row per case. DuckDB reads it;
 * the SQL in ledger/*.sql (shared with `npm run aggregate` and with Spark/Trino) turns it into
 * monthly figures per area for every indicator whose `ledger_rule` says how; those figures go
 * into ledger_actuals and win over actuals.csv for the same indicator, area and month.
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
import cleanSql from './ledger/clean.sql?raw';
import casesSql from './ledger/cases.sql?raw';
import actualsSql from './ledger/actuals.sql?raw';
import { decodeBytes, splitHeader } from './csv-text';
import type { SqlEngine } from './engine';
import { arrowStream, ensureSchema, inTransaction, isArrow, REFRESH_FACTS } from './load-tables';
import { normaliseHeaderName } from './schema';
import { parseLedgerRule, type LedgerRule } from './ledger/rule.mjs';

export const LEDGER_COLUMNS = ['case_id', 'area_code', 'case_group', 'registered_on', 'employed_on', 'exited_on', 'followed_up_on', 'source'] as const;
const HEADER_ALIASES: Record<string, (typeof LEDGER_COLUMNS)[number]> = { group: 'case_group' };

/** A ledger larger than this is refused with a message before anything is touched. */
export const MAX_LEDGER_BYTES = 1.5 * 1024 ** 3;

export { parseLedgerRule, type LedgerRule } from './ledger/rule.mjs';

export type RejectReason = 'bad_date' | 'unknown_area' | 'unknown_group' | 'missing_id' | 'malformed';

export interface LedgerReport {
  file: string;
  rows: number;
  cases: number;
  /** Rows left out, by reason (first lines kept for the report). */
  rejected: { reason: RejectReason; count: number; lines: number[] }[];
  /** Monthly figures written to ledger_actuals. */
  figures: number;
  indicators: string[];
  illustrative: boolean;
  ms: { read: number; parse: number; derive: number };
}

export class LedgerError extends Error {
  constructor(
    readonly code: 'too_large' | 'no_header' | 'missing_columns' | 'cancelled' | 'no_rules' | 'no_rows',
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
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

const firstLine = (bytes: Uint8Array): string => {
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  const { text } = decodeBytes(head);
  return text.split(/\r?\n/)[0] ?? '';
};

/**
 * Loads a ledger and derives its figures. The previous ledger's figures are replaced only once
 * the new ones are complete; on any error or cancel nothing changes.
 */
export async function loadLedger(
  engine: SqlEngine,
  input: LedgerInput,
  /** dryRun: derive the figures but keep none (the warm-up, see warmLedger). */
  opts: { onProgress?: (p: LedgerProgress) => void; signal?: AbortSignal; partBytes?: number; dryRun?: boolean } = {},
): Promise<LedgerReport> {
  const { onProgress, signal } = opts;
  if (input.size > MAX_LEDGER_BYTES)
    throw new LedgerError('too_large', `${input.name}: ${(input.size / 1024 ** 3).toFixed(2)} GB is more than this browser tab can hold (${MAX_LEDGER_BYTES / 1024 ** 3} GB)`);
  // A load waits for a warm-up in flight, and once one has begun no warm-up starts (nor is needed).
  if (!opts.dryRun) await (warming ??= Promise.resolve());
  await ensureSchema(engine);
  const rules = await readRules(engine);
  if (rules.length === 0) throw new LedgerError('no_rules', 'no indicator in indicators.csv has a ledger_rule');

  const t0 = performance.now();
  const check = () => {
    if (signal?.aborted) throw new LedgerError('cancelled', 'cancelled');
  };
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
  if (blob && engine.registerBlob && input.size > partBytes && !/\.(arrow|arrows|feather|ipc)$/i.test(input.name)) {
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
       SELECT case_id, area_code, case_group, registered_on, employed_on, exited_on, followed_up_on FROM ledger_rows WHERE problem IS NULL;
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
                CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 6, 2) AS INTEGER) - 1 AS period_idx,
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

/** Rows the reader set aside before SQL saw them: their file lines (ascending) and reasons. */
interface SetAside {
  lines: number[];
  reasons: Map<number, RejectReason>;
}

const REPORT_LINES = 20;

/**
 * The file line of the i-th row the reader kept (0-based), given the lines it set aside: the
 * header is line 1, and each set-aside line at or before a kept row's line pushes it down by one.
 * (Ledgers are machine exports: a quoted field spanning lines would shift this, as it would any
 * row count.)
 */
export function lineOfKeptRow(index: number, setAsideAscending: readonly number[]): number {
  let line = index + 2;
  for (const s of setAsideAscending) {
    if (s <= line) line += 1;
    else break;
  }
  return line;
}

function mergeRejected(setAside: SetAside, problems: { reason: string; n: number; idx: number[] }[]): LedgerReport['rejected'] {
  const byReason = new Map<RejectReason, { count: number; lines: number[] }>();
  const add = (reason: RejectReason, count: number, lines: number[]) => {
    const r = byReason.get(reason) ?? { count: 0, lines: [] };
    r.count += count;
    r.lines.push(...lines);
    byReason.set(reason, r);
  };
  for (const line of setAside.lines) add(setAside.reasons.get(line) ?? 'malformed', 1, [line]);
  for (const p of problems) add(p.reason as RejectReason, Number(p.n), (p.idx ?? []).map((i) => lineOfKeptRow(Number(i), setAside.lines)));
  return [...byReason.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, r]) => ({ reason, count: r.count, lines: r.lines.sort((a, b) => a - b).slice(0, REPORT_LINES) }));
}

const mapHeader = (names: string[]) =>
  names.map((h) => {
    const n = normaliseHeaderName(h);
    return HEADER_ALIASES[n] ?? n;
  });

function positionalNames(header: string[], file: string): string[] {
  if (header.length === 0 || header[0] === '') throw new LedgerError('no_header', `${file}: no header line`);
  const missing = ['case_id', 'area_code', 'case_group', 'registered_on'].filter((c) => !header.includes(c));
  if (missing.length) throw new LedgerError('missing_columns', `${file}: missing column(s) ${missing.join(', ')}`);
  const seen = new Set<string>();
  return header.map((h, i) => {
    if ((LEDGER_COLUMNS as readonly string[]).includes(h) && !seen.has(h)) {
      seen.add(h);
      return h;
    }
    return `extra_${i}`;
  });
}

const DATE_COLUMNS = new Set(['registered_on', 'employed_on', 'exited_on']);
/** The kept rows numbered in the order read (0-based), before clean.sql's joins reorder them: the report's lines. */
const ROW_NO = 'ROW_NUMBER() OVER () - 1';

/** ledger_typed (the view clean.sql reads) over the reader's columns, then ledger_rows from clean.sql. */
async function storeRows(engine: SqlEngine, typedSelect: string, append = false): Promise<void> {
  await engine.exec(
    `CREATE OR REPLACE TEMP VIEW ledger_typed AS ${typedSelect};
     ${append ? 'INSERT INTO ledger_rows' : 'CREATE OR REPLACE TEMP TABLE ledger_rows AS'} ${cleanSql};
     DROP VIEW ledger_typed;`,
  );
}

/** The bytes up to the last line break: a probe that never ends inside a character. */
function wholeLines(bytes: Uint8Array): Uint8Array {
  const end = bytes.lastIndexOf(0x0a);
  return end > 0 ? bytes.subarray(0, end + 1) : bytes;
}

const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * CSV: DuckDB's reader, explicit options, dates typed as they are read (a date that does not
 * parse sets its row aside, with its line, in DuckDB's rejects table); non-UTF-8 files are decoded
 * once, whole.
 */
async function readCsvLedger(engine: SqlEngine, file: string, bytes: Uint8Array): Promise<SetAside> {
  let data = bytes;
  if (!hasBom(bytes)) {
    const probe = decodeBytes(wholeLines(bytes.subarray(0, Math.min(bytes.length, 1 << 20))));
    // The probe decided: a GB18030 file is decoded once, not tried as UTF-8 and scanned again.
    if (probe.encoding === 'gb18030') data = new TextEncoder().encode(new TextDecoder('gb18030').decode(bytes));
    else if (probe.encoding !== 'utf-8') data = new TextEncoder().encode(decodeBytes(bytes).text);
  }
  const positional = positionalNames(mapHeader(splitHeader(firstLine(data).replace(/^\uFEFF/, ''))), file);
  const fname = 'ledger_upload.csv';
  await engine.registerBuffer(fname, data);
  try {
    const lines = await storeCsvPart(engine, fname, positional, false, 0);
    return { lines: lines.map((l) => l.line), reasons: new Map(lines.map((l) => [l.line, l.reason])) };
  } finally {
    await engine.dropFile(fname);
  }
}

/**
 * One CSV file (a whole ledger, or a part of one with the header line put in front) through
 * read_csv and clean.sql into ledger_rows, its rows numbered from `firstRowNo` (the rows kept before
 * it). Returns the lines the reader set aside, as lines of that file.
 */
async function storeCsvPart(
  engine: SqlEngine,
  fname: string,
  positional: string[],
  append: boolean,
  firstRowNo: number,
): Promise<{ line: number; reason: RejectReason }[]> {
  const cols = positional.map((c) => `'${c}': '${DATE_COLUMNS.has(c) ? 'DATE' : 'VARCHAR'}'`).join(', ');
  const col = (c: string) => (positional.includes(c) ? c : `CAST(NULL AS ${DATE_COLUMNS.has(c) ? 'DATE' : 'VARCHAR'}) AS ${c}`);
  await engine.exec(`DROP TABLE IF EXISTS ledger_reject_errors; DROP TABLE IF EXISTS ledger_reject_scans;`);
  await storeRows(
    engine,
    `SELECT ${LEDGER_COLUMNS.map(col).join(', ')}, ${ROW_NO} + ${firstRowNo} AS row_no
     FROM read_csv('${fname}', auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
       columns = {${cols}}, dateformat = '%Y-%m-%d', store_rejects = true,
       rejects_table = 'ledger_reject_errors', rejects_scan = 'ledger_reject_scans',
       strict_mode = false, null_padding = true)`,
    append,
  );
  const rejects = await engine.query<{ line: number; cast: boolean }>(
    `SELECT CAST(line AS INTEGER) AS line, bool_or(error_type = 'CAST') AS cast FROM ledger_reject_errors GROUP BY line ORDER BY line`,
  );
  await engine.exec(`DROP TABLE IF EXISTS ledger_reject_errors; DROP TABLE IF EXISTS ledger_reject_scans;`);
  return rejects.map((r) => ({ line: Number(r.line), reason: r.cast ? 'bad_date' : 'malformed' }));
}

/** Parts of this size let DuckDB read a large ledger straight from the file, with progress between them. */
export const LEDGER_PART_BYTES = 32 * 1024 * 1024;

/**
 * A large UTF-8 CSV, read by DuckDB straight from the file in parts cut at line breaks (each part
 * after the first gets the header line in front): nothing is copied into the page or into DuckDB's
 * memory first, and bytes and rows are reported after each part. Null when the file is not for
 * this path (another encoding, no header line, lines longer than the probe): it is then read whole.
 * A quoted field spanning lines across a cut would be split; ledgers are machine exports, one line
 * per row, as the line numbers of the report already assume.
 */
async function readCsvLedgerInParts(
  engine: SqlEngine,
  registerBlob: (name: string, blob: Blob) => Promise<void>,
  input: LedgerInput & { blob: Blob },
  partBytes: number,
  progress: (bytes: number, rows: number) => void,
  check: () => void,
): Promise<SetAside | null> {
  const { blob, name: file, size } = input;
  const probe = new Uint8Array(await blob.slice(0, Math.min(size, 1 << 20)).arrayBuffer());
  const bom = hasBom(probe);
  if (!bom && decodeBytes(wholeLines(probe)).encoding !== 'utf-8') return null;
  const headerEnd = probe.indexOf(0x0a) + 1;
  if (headerEnd <= 0) return null;
  const positional = positionalNames(mapHeader(splitHeader(firstLine(probe).replace(/^\uFEFF/, ''))), file);
  const header = probe.slice(bom ? 3 : 0, headerEnd);
  // Cut points: the first line break at or after every partBytes.
  const cuts = [0];
  for (let at = partBytes; at < size; at += partBytes) {
    const window = new Uint8Array(await blob.slice(at, Math.min(size, at + (1 << 20))).arrayBuffer());
    const nl = window.indexOf(0x0a);
    if (nl < 0) return null;
    if (at + nl + 1 < size) cuts.push(at + nl + 1);
  }
  cuts.push(size);
  const setAside: SetAside = { lines: [], reasons: new Map() };
  let partStart = 2; // the file line of the part's first row
  let kept = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const part = i === 0 ? blob.slice(0, cuts[1]) : new Blob([header, blob.slice(cuts[i], cuts[i + 1])]);
    const fname = `ledger_part_${i}.csv`;
    await registerBlob(fname, part);
    try {
      const lines = await storeCsvPart(engine, fname, positional, i > 0, kept);
      const [{ n = 0 } = {}] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ledger_rows`);
      const keptHere = Number(n) - kept;
      kept = Number(n);
      for (const l of lines) {
        const line = l.line - 2 + partStart;
        setAside.lines.push(line);
        setAside.reasons.set(line, l.reason);
      }
      partStart += keptHere + lines.length;
    } finally {
      await engine.dropFile(fname);
    }
    progress(cuts[i + 1]!, kept + setAside.lines.length);
    check();
  }
  return setAside;
}

/**
 * Arrow IPC: DuckDB reads it; columns are taken by position, so their names never reach SQL. A
 * date column may be a date or text; a value that is there but is not a date sets its row aside.
 */
async function readArrowLedger(engine: SqlEngine, file: string, bytes: Uint8Array): Promise<SetAside> {
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

/** Drops the ledger's figures: back to actuals.csv alone. */
export async function clearLedger(engine: SqlEngine): Promise<void> {
  await ensureSchema(engine);
  await inTransaction(engine, `DELETE FROM ledger_actuals; ${REFRESH_FACTS}`);
}

/** The rules of indicators.csv's ledger_rule column, as loaded. */
async function readRules(engine: SqlEngine): Promise<LedgerRule[]> {
  return (await engine.query<{ indicator_id: string; ledger_rule: string | null }>(`SELECT indicator_id, ledger_rule FROM indicators WHERE ledger_rule IS NOT NULL`))
    .map((r) => parseLedgerRule(String(r.indicator_id), r.ledger_rule))
    .filter((r): r is LedgerRule => r != null);
}

/** The warm-up, at most once per page and never after a load has begun, so that their statements never interleave. */
let warming: Promise<void> | null = null;

/**
 * Runs the whole ledger path once on one made-up case per ruled group, keeping nothing, so that the
 * first real ledger does not also pay for DuckDB's first run of each of its steps (its wasm code is
 * compiled on first use). Called when the user reaches for the file input; failures are ignored
 * (a real load reports its own).
 */
export function warmLedger(engine: SqlEngine): Promise<void> {
  warming ??= (async () => {
    await ensureSchema(engine);
    const groups = [...new Set((await readRules(engine)).map((r) => r.caseGroup))];
    const [area] = await engine.query<{ area_code: string }>(`SELECT area_code FROM areas ORDER BY area_code LIMIT 1`);
    if (!area || groups.length === 0) return;
    const rows = groups.map((g, i) => `w${i},${area.area_code},${g},2000-01-15,2000-03-01,,2000-01-20;2000-02-20,warm-up`);
    const bytes = new TextEncoder().encode(['case_id,area_code,group,registered_on,employed_on,exited_on,followed_up_on,source', ...rows].join('\n') + '\n');
    await loadLedger(engine, { name: 'warm-up.csv', size: bytes.byteLength, read: async () => bytes }, { dryRun: true });
  })().catch(() => undefined);
  return warming;
}
