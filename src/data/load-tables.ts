/**
 * Ingest of the contract's tables: DuckDB's own CSV reader with every option explicit, bad rows
 * kept in a report with their line and reason, and nothing committed until a file has been read
 * and checked in full.
 *
 * Flow per file: decode → number the lines → read_csv into raw_<t> (structural errors go to
 * DuckDB's rejects table) → checks in SQL into chk_<t> (one reason per bad line) → typed rows in
 * new_<t>. A folder load swaps all four tables at once; a single file upserts by key.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { decodeBytes, looksBinary, numberLines, type DetectedEncoding } from './csv-text';
import type { SqlEngine } from './engine';
import { missingColumns, normaliseHeaderName, recogniseTable, TABLES, TABLE_ORDER, type TableName } from './schema';

/** Why a row or a file was not taken. Codes are translated in the UI (app/i18n.ts). */
export type IssueCode =
  | 'required'
  | 'not_a_number'
  | 'not_finite'
  | 'negative'
  | 'bad_id'
  | 'bad_level'
  | 'bad_kind'
  | 'bad_boolean'
  | 'bad_year'
  | 'bad_comparator'
  | 'bad_baseline'
  | 'bad_date'
  | 'bad_period'
  | 'bad_basis'
  | 'unknown_parent'
  | 'unknown_indicator'
  | 'unknown_area'
  | 'duplicate_key'
  | 'rate_needs_fraction'
  | 'denominator_zero'
  | 'numerator_exceeds_denominator'
  | 'value_needed'
  | 'csv_structure'
  // whole-file problems
  | 'file_unreadable'
  | 'file_empty'
  | 'file_binary'
  | 'file_xlsx'
  | 'file_parquet'
  | 'file_too_large'
  | 'header_only'
  | 'not_recognised'
  | 'no_valid_rows'
  | 'encoding_unsure'
  | 'table_missing';

export interface LoadIssue {
  file: string;
  /** 1-based line in the file; null for whole-file problems. */
  line: number | null;
  column: string | null;
  code: IssueCode;
  /** The offending value as text (shown escaped, never as HTML); truncated. */
  value: string | null;
  /** Extra detail: DuckDB's message for structural errors, the first line of a duplicate … */
  detail: string | null;
}

/** An area written as a former district or by name, loaded under its current code. */
export interface AreaMapping {
  from: string;
  to: string;
  kind: 'former' | 'name';
  rows: number;
}

export interface FileReport {
  file: string;
  table: TableName | null;
  encoding: DetectedEncoding | null;
  accepted: number;
  rejected: LoadIssue[];
  /** Set when nothing of the file could be used. */
  fatal: LoadIssue | null;
  /** Area codes read from former districts or names (shown as notices). */
  mapped?: AreaMapping[];
  /** When the encoding could not be told: the first lines, for the user to judge. */
  preview?: string;
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** Files larger than this are refused before decoding, with a message, instead of a crashed tab. */
export const MAX_TABLE_BYTES = 64 * 1024 * 1024;
const VALUE_PREVIEW = 200;

const fatal = (file: string, code: IssueCode, detail: string | null = null): FileReport => ({
  file,
  table: null,
  encoding: null,
  accepted: 0,
  rejected: [],
  fatal: { file, line: null, column: null, code, value: null, detail },
});

/** A check: rows of chk_<t> matching `when` get `code` for `column`. Order = priority. */
interface Check {
  code: IssueCode;
  column: string | null;
  when: string;
}

/** A numeric column as a number: parsed once per row into num__<c> when chk_<t> is made. */
const NUM = (c: string) => `num__${c}`;
const NUMERIC_COLUMNS: Record<TableName, string[]> = { areas: [], indicators: [], targets: ['target_value'], actuals: ['value', 'numerator', 'denominator'] };
const isBadNum = (c: string) => `(${c} IS NOT NULL AND ${NUM(c)} IS NULL)`;
const notFinite = (c: string) => `(${NUM(c)} IS NOT NULL AND NOT isfinite(${NUM(c)}))`;
const COUNT_UNITS = `('persons','posts','count','households','yuan','people','cases')`;

/** Table-driven checks, in SQL over the trimmed text columns of chk_<t>. */
const CHECKS: Record<TableName, Check[]> = {
  areas: [
    { code: 'required', column: 'area_code', when: 'area_code IS NULL' },
    { code: 'bad_id', column: 'area_code', when: `NOT regexp_full_match(area_code, '[0-9A-Za-z_-]{1,64}')` },
    { code: 'required', column: 'name_zh', when: 'name_zh IS NULL' },
    { code: 'required', column: 'level', when: 'level IS NULL' },
    { code: 'bad_level', column: 'level', when: `level NOT IN ('city','district','town','zone')` },
    { code: 'required', column: 'parent_code', when: `level <> 'city' AND parent_code IS NULL` },
    {
      code: 'unknown_parent',
      column: 'parent_code',
      // Only parents that are themselves acceptable count: a row rejected above is no parent.
      when: `parent_code IS NOT NULL AND parent_code NOT IN (
        SELECT area_code FROM chk_areas WHERE area_code IS NOT NULL AND regexp_full_match(area_code, '[0-9A-Za-z_-]{1,64}')
          AND name_zh IS NOT NULL AND level IN ('city','district','town','zone')
        UNION ALL SELECT area_code FROM ctx_areas)`,
    },
  ],
  indicators: [
    { code: 'required', column: 'indicator_id', when: 'indicator_id IS NULL' },
    { code: 'bad_id', column: 'indicator_id', when: `NOT regexp_full_match(indicator_id, '[a-z0-9_]{1,100}')` },
    { code: 'required', column: 'name_zh', when: 'name_zh IS NULL' },
    { code: 'required', column: 'unit', when: 'unit IS NULL' },
    { code: 'required', column: 'kind', when: 'kind IS NULL' },
    { code: 'bad_kind', column: 'kind', when: `kind NOT IN ('flow','level','rate')` },
    { code: 'bad_boolean', column: 'higher_is_better', when: `higher_is_better IS NOT NULL AND bool_of(higher_is_better) IS NULL` },
  ],
  targets: [
    { code: 'required', column: 'target_id', when: 'target_id IS NULL' },
    { code: 'required', column: 'indicator_id', when: 'indicator_id IS NULL' },
    { code: 'unknown_indicator', column: 'indicator_id', when: 'indicator_id NOT IN (SELECT indicator_id FROM ctx_indicators)' },
    { code: 'required', column: 'area_code', when: 'area_code IS NULL' },
    { code: 'unknown_area', column: 'area_code', when: 'area_code NOT IN (SELECT area_code FROM ctx_areas)' },
    { code: 'required', column: 'year', when: 'year IS NULL' },
    { code: 'bad_year', column: 'year', when: `NOT regexp_full_match(year, '(19|20|21)[0-9]{2}')` },
    { code: 'required', column: 'comparator', when: 'comparator IS NULL' },
    { code: 'bad_comparator', column: 'comparator', when: `comparator NOT IN ('>=','>','<=','<','=','~')` },
    { code: 'bad_baseline', column: 'baseline', when: `baseline IS NOT NULL AND baseline <> 'prior_year'` },
    { code: 'required', column: 'target_value', when: 'target_value IS NULL AND baseline IS NULL' },
    { code: 'not_a_number', column: 'target_value', when: isBadNum('target_value') },
    { code: 'not_finite', column: 'target_value', when: notFinite('target_value') },
    {
      code: 'bad_date',
      column: 'due_date',
      when: `due_date IS NOT NULL AND (NOT regexp_full_match(due_date, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(due_date AS DATE) IS NULL)`,
    },
    { code: 'required', column: 'doc_id', when: 'doc_id IS NULL' },
  ],
  actuals: [
    { code: 'required', column: 'indicator_id', when: 'indicator_id IS NULL' },
    { code: 'unknown_indicator', column: 'indicator_id', when: 'kind IS NULL' },
    { code: 'required', column: 'area_code', when: 'area_code IS NULL' },
    { code: 'unknown_area', column: 'area_code', when: 'area_code NOT IN (SELECT area_code FROM ctx_areas)' },
    { code: 'required', column: 'period', when: 'period IS NULL' },
    { code: 'bad_period', column: 'period', when: `NOT regexp_full_match(period, '[0-9]{4}-(0[1-9]|1[0-2])')` },
    // basis only matters for flows; on a level or rate row it is ignored rather than held against the row.
    { code: 'bad_basis', column: 'basis', when: `kind = 'flow' AND basis IS NOT NULL AND basis NOT IN ('flow','ytd')` },
    { code: 'not_a_number', column: 'value', when: isBadNum('value') },
    { code: 'not_finite', column: 'value', when: notFinite('value') },
    { code: 'not_a_number', column: 'numerator', when: isBadNum('numerator') },
    { code: 'not_finite', column: 'numerator', when: notFinite('numerator') },
    { code: 'not_a_number', column: 'denominator', when: isBadNum('denominator') },
    { code: 'not_finite', column: 'denominator', when: notFinite('denominator') },
    { code: 'value_needed', column: 'value', when: `kind <> 'rate' AND value IS NULL` },
    { code: 'negative', column: 'value', when: `kind <> 'rate' AND unit IN ${COUNT_UNITS} AND ${NUM('value')} < 0` },
    { code: 'rate_needs_fraction', column: 'numerator', when: `kind = 'rate' AND (numerator IS NULL OR denominator IS NULL)` },
    { code: 'negative', column: 'numerator', when: `kind = 'rate' AND ${NUM('numerator')} < 0` },
    { code: 'denominator_zero', column: 'denominator', when: `kind = 'rate' AND ${NUM('denominator')} <= 0` },
    {
      code: 'numerator_exceeds_denominator',
      column: 'numerator',
      when: `kind = 'rate' AND ${NUM('numerator')} > ${NUM('denominator')}`,
    },
  ],
};

/** Typed projection of chk_<t> rows that passed every check. */
const TYPED: Record<TableName, string> = {
  areas: `SELECT line, area_code, name_zh, name_en, level, parent_code FROM chk_areas`,
  indicators: `SELECT line, indicator_id, name_zh, name_en, unit, kind, coalesce(bool_of(higher_is_better), true) AS higher_is_better,
      group_zh, group_en, numerator_zh, numerator_en, denominator_zh, denominator_en, ledger_rule FROM chk_indicators`,
  targets: `SELECT line, target_id, indicator_id, area_code, CAST(year AS INTEGER) AS year, comparator,
      ${NUM('target_value')} AS target_value, baseline,
      coalesce(due_date, year || '-12-31') AS due_date, doc_id, clause, quote FROM chk_targets`,
  actuals: `SELECT line, indicator_id, area_code, period,
      CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 6, 2) AS INTEGER) - 1 AS period_idx,
      CASE WHEN kind = 'rate' THEN NULL ELSE ${NUM('value')} END AS value,
      CASE WHEN kind = 'rate' THEN ${NUM('numerator')} END AS numerator,
      CASE WHEN kind = 'rate' THEN ${NUM('denominator')} END AS denominator,
      CASE WHEN kind = 'flow' THEN coalesce(basis, 'flow') END AS basis, source,
      coalesce(source ILIKE 'illustrative%' OR source LIKE '示例%', false) AS illustrative
    FROM chk_actuals`,
};

/** Column definitions of the committed tables (also used to create empty ones). */
const DDL: Record<TableName, string> = {
  areas: `area_code VARCHAR, name_zh VARCHAR, name_en VARCHAR, level VARCHAR, parent_code VARCHAR`,
  indicators: `indicator_id VARCHAR, name_zh VARCHAR, name_en VARCHAR, unit VARCHAR, kind VARCHAR, higher_is_better BOOLEAN,
    group_zh VARCHAR, group_en VARCHAR, numerator_zh VARCHAR, numerator_en VARCHAR, denominator_zh VARCHAR, denominator_en VARCHAR,
    ledger_rule VARCHAR`,
  targets: `target_id VARCHAR, indicator_id VARCHAR, area_code VARCHAR, year INTEGER, comparator VARCHAR, target_value DOUBLE,
    baseline VARCHAR, due_date VARCHAR, doc_id VARCHAR, clause VARCHAR, quote VARCHAR`,
  actuals: `indicator_id VARCHAR, area_code VARCHAR, period VARCHAR, period_idx INTEGER, value DOUBLE, numerator DOUBLE,
    denominator DOUBLE, basis VARCHAR, source VARCHAR, illustrative BOOLEAN`,
};

/**
 * Macros used by the checks. Numbers are read the way spreadsheet users write them: stray
 * spaces, full-width digits, thousands separators and a trailing % are accepted.
 */
const MACROS = `
CREATE OR REPLACE MACRO num_half(x) AS trim(translate(trim(x), '０１２３４５６７８９．－＋，％' || chr(12288), '0123456789.-+,% '));
CREATE OR REPLACE MACRO num_text(x) AS replace(
  CASE WHEN regexp_full_match(num_half(x), '[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?%?') THEN replace(num_half(x), ',', '') ELSE num_half(x) END,
  '%', '');
CREATE OR REPLACE MACRO num_of(x) AS TRY_CAST(trim(num_text(x)) AS DOUBLE);
CREATE OR REPLACE MACRO bool_of(x) AS CASE
  WHEN lower(trim(x)) IN ('true','1','yes','y','t','是') THEN true
  WHEN lower(trim(x)) IN ('false','0','no','n','f','否') THEN false END;
`;

/** Creates the committed tables (empty) and the helper macros. Idempotent. */
export async function ensureSchema(engine: SqlEngine): Promise<void> {
  // One round trip: each statement costs a worker message and its own planning in DuckDB-WASM.
  // Figures derived from a person-level ledger (see ledger.ts) have the shape of actuals; where
  // both exist for the same indicator, area and month, the ledger's figure wins.
  await engine.exec(
    `${MACROS}
     ${TABLE_ORDER.map((t) => `CREATE TABLE IF NOT EXISTS ${t} (${DDL[t]});`).join('\n')}
     CREATE TABLE IF NOT EXISTS ledger_actuals (${DDL.actuals});
     CREATE TABLE IF NOT EXISTS facts (${DDL.actuals});`,
  );
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

let fileCounter = 0;

/**
 * Districts renamed or merged since the codes people still type were current: a file that uses
 * them is loaded with a notice. (GB/T 2260: 闸北 merged into 静安 2015, 南汇 into 浦东 2009,
 * 卢湾 into 黄浦 2011, 崇明县 became 崇明区 2016.)
 */
export const FORMER_AREAS: readonly (readonly [alias: string, current: string])[] = [
  ['闸北', '310106'],
  ['闸北区', '310106'],
  ['310108', '310106'],
  ['南汇', '310115'],
  ['南汇区', '310115'],
  ['310119', '310115'],
  ['卢湾', '310101'],
  ['卢湾区', '310101'],
  ['310103', '310101'],
  ['崇明县', '310151'],
  ['310230', '310151'],
];

export interface StageOptions {
  /** Decode as this encoding instead of detecting it (after the user looked at a preview). */
  encoding?: 'utf-8' | 'gb18030';
}

export const isArrow = (name: string, bytes: Uint8Array) =>
  /\.(arrow|feather|ipc|arrows)$/i.test(name) ||
  (bytes[0] === 0x41 && bytes[1] === 0x52 && bytes[2] === 0x52 && bytes[3] === 0x4f && bytes[4] === 0x57 && bytes[5] === 0x31) ||
  (bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff);

/**
 * Reads one file into new_<table> (typed, valid rows only) and returns its report.
 * `context` says what referenced tables to check against: the committed ones (`committed`)
 * or the new_<t> tables staged in the same folder load (`staged`).
 */
export async function stageFile(
  engine: SqlEngine,
  input: InputFile,
  context: 'committed' | 'staged',
  expected?: TableName,
  options: StageOptions = {},
): Promise<FileReport> {
  const { name: file, bytes } = input;
  if (bytes.byteLength > MAX_TABLE_BYTES) return fatal(file, 'file_too_large', String(bytes.byteLength));
  if (bytes.byteLength === 0) return fatal(file, 'file_empty');
  if (/\.parquet$/i.test(file) || (bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31))
    return fatal(file, 'file_parquet');
  if (isArrow(file, bytes)) return stageArrow(engine, input, context, expected);
  const binary = looksBinary(bytes);
  if (binary) return fatal(file, binary === 'zip' ? 'file_xlsx' : 'file_binary');

  const decoded = options.encoding
    ? { text: new TextDecoder(options.encoding).decode(bytes), encoding: options.encoding, unsure: false }
    : decodeBytes(bytes);
  const { text, encoding } = decoded;
  if (decoded.unsure) {
    return { ...fatal(file, 'encoding_unsure'), encoding, preview: text.split(/\r?\n/).slice(0, 6).join('\n').slice(0, 600) };
  }
  const numbered = numberLines(text);
  if (!numbered) return fatal(file, 'file_empty');
  const header = numbered.header.map(normaliseHeaderName);
  const table = recogniseTable(header);
  if (!table || (expected && table !== expected)) {
    const detail = expected ? missingColumns(expected, header).join(', ') : header.slice(0, 12).join(', ');
    return { ...fatal(file, 'not_recognised', detail), encoding };
  }
  if (numbered.records === 0) return { ...fatal(file, 'header_only'), table, encoding };

  const spec = TABLES[table];
  // Positional column names for read_csv: known columns by their canonical name, anything else
  // (and a repeated name) as extra_<n>. The file's own header text never reaches SQL.
  const seen = new Set<string>();
  const positional = header.map((h, i) => {
    if (spec.columns.includes(h) && !seen.has(h)) {
      seen.add(h);
      return h;
    }
    return `extra_${i}`;
  });
  const columnsSql = [`'__line': 'BIGINT'`, ...positional.map((c) => `'${c}': 'VARCHAR'`)].join(', ');
  const fname = `upload_${++fileCounter}.csv`;
  await engine.registerText(fname, numbered.text);
  try {
    await engine.exec(
      `DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;
       CREATE OR REPLACE TEMP TABLE raw_${table} AS SELECT * FROM read_csv('${fname}',
        auto_detect = false, header = true, delim = ',', quote = '"', escape = '"', new_line = '\\n',
        columns = {${columnsSql}}, store_rejects = true, null_padding = false, strict_mode = true);`,
    );
    // One report per bad line (DuckDB lists a short line once per missing column).
    const structural = await engine.query<{ line: number; column_name: string | null; error_type: string; csv_line: string | null }>(
      `SELECT line, arg_min(column_name, column_idx) AS column_name, CAST(arg_min(error_type, column_idx) AS VARCHAR) AS error_type,
              any_value(csv_line) AS csv_line
       FROM reject_errors GROUP BY line ORDER BY line`,
    );
    const rejected: LoadIssue[] = structural.map((r) => ({
      file,
      line: Number(r.line),
      column: r.column_name && !r.column_name.startsWith('extra_') && r.column_name !== '__line' ? r.column_name : null,
      code: 'csv_structure',
      value: r.csv_line ? r.csv_line.replace(/^\d+,/, '').slice(0, VALUE_PREVIEW) : null,
      detail: r.error_type,
    }));
    return await checkStaged(engine, { file, table, encoding, present: positional, context, rejected });
  } finally {
    await engine.dropFile(fname);
  }
}

/**
 * DuckDB-WASM's IPC insert reads the streaming format. A file-format IPC (magic "ARROW1", what
 * most tools write as .arrow/.feather) keeps its schema in the footer, so it is re-encoded as a
 * stream with the Arrow library DuckDB-WASM itself uses.
 */
export function arrowStream(bytes: Uint8Array): Uint8Array {
  const magic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
  if (!magic.every((b, i) => bytes[i] === b)) return bytes;
  return tableToIPC(tableFromIPC(bytes), 'stream');
}

/** Arrow IPC: DuckDB reads it; columns are picked by position, so their names never reach SQL. */
async function stageArrow(engine: SqlEngine, input: InputFile, context: 'committed' | 'staged', expected?: TableName): Promise<FileReport> {
  const { name: file, bytes } = input;
  const tmp = `arrow_in_${++fileCounter}`;
  try {
    await engine.insertArrow(tmp, arrowStream(bytes));
  } catch (e) {
    return fatal(file, 'file_unreadable', (e as Error).message.slice(0, 200));
  }
  try {
    const described = await engine.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${tmp})`);
    const header = described.map((d) => normaliseHeaderName(String(d.column_name)));
    const table = recogniseTable(header);
    if (!table || (expected && table !== expected)) return fatal(file, 'not_recognised', header.slice(0, 12).join(', '));
    const spec = TABLES[table];
    const seen = new Set<string>();
    const present: string[] = [];
    const select = header
      .map((h, i) => {
        if (!spec.columns.includes(h) || seen.has(h)) return null;
        seen.add(h);
        present.push(h);
        return `CAST(#${i + 1} AS VARCHAR) AS ${h}`;
      })
      .filter(Boolean)
      .join(', ');
    // Rows are numbered as they would be in a CSV with a header line: record n is "line" n + 1.
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE raw_${table} AS SELECT row_number() OVER () + 1 AS __line, ${select} FROM ${tmp};`,
    );
    const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM raw_${table}`);
    if (Number(n) === 0) return { ...fatal(file, 'header_only'), table };
    return await checkStaged(engine, { file, table, encoding: null, present, context, rejected: [] });
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${tmp};`);
  }
}

interface StagedInput {
  file: string;
  table: TableName;
  encoding: DetectedEncoding | null;
  /** Canonical columns present in raw_<table> (others are added as NULL). */
  present: readonly string[];
  context: 'committed' | 'staged';
  rejected: LoadIssue[];
}

/**
 * The checks and typing shared by every input format: raw_<t> → chk_<t> (trimmed, numbers parsed)
 * → flag_<t> (each line's first failing check, and its place among lines of the same key) →
 * new_<t> (typed, lines that passed). All of it in one round trip: on a cold engine each statement
 * costs its own planning and worker message, and this runs for every table of every load.
 */
async function checkStaged(engine: SqlEngine, input: StagedInput): Promise<FileReport> {
  const { file, table, encoding, present, context } = input;
  const rejected = [...input.rejected];
  const spec = TABLES[table];
  const cols = spec.columns
    .map((c) => (present.includes(c) ? `NULLIF(trim(CAST(${c} AS VARCHAR)), '') AS ${c}` : `NULL::VARCHAR AS ${c}`))
    .join(', ');
  const lowered = table === 'areas' ? ['level'] : table === 'indicators' ? ['kind'] : table === 'actuals' ? ['basis'] : [];
  const hasArea = table === 'targets' || table === 'actuals';
  const replace = [
    ...lowered.map((c) => `lower(r.${c}) AS ${c}`),
    ...(hasArea ? [`coalesce(al.area_code, r.area_code) AS area_code`] : []),
  ];
  const joins = [
    hasArea ? `LEFT JOIN area_alias al ON al.alias = r.area_code` : '',
    table === 'actuals' ? `LEFT JOIN (SELECT indicator_id AS ind_id, kind, unit FROM ctx_indicators) ci ON ci.ind_id = r.indicator_id` : '',
  ].join(' ');
  const checks = CHECKS[table];
  const key = spec.key.join(', ');
  const shown = (c: (typeof checks)[number]) =>
    c.column ? `left(CAST(${c.column === 'area_code' && hasArea ? 'area_code_input' : c.column} AS VARCHAR), ${VALUE_PREVIEW})` : 'NULL';
  await engine.exec(
    `${contextSql(table, context)}
     CREATE OR REPLACE TEMP TABLE chk_${table} AS
     SELECT r.*${replace.length ? ` REPLACE (${replace.join(', ')})` : ''}
       ${hasArea ? ', r.area_code AS area_code_input, al.kind AS alias_kind' : ''}
       ${table === 'actuals' ? ', ci.kind, ci.unit' : ''}
       ${NUMERIC_COLUMNS[table].map((c) => `, num_of(r.${c}) AS ${NUM(c)}`).join('')}
     FROM (SELECT __line AS line, ${cols} FROM raw_${table}) r ${joins};
     -- Each line's first failing check, in the table's order (the order is the priority), and
     -- its rank among the lines with its key (a duplicate is every one after the first).
     CREATE OR REPLACE TEMP TABLE flag_${table} AS
     SELECT line,
       CASE ${checks.map((c, i) => `WHEN coalesce(${c.when}, false) THEN ${i}`).join(' ')} END AS idx,
       CASE ${checks.map((c) => `WHEN coalesce(${c.when}, false) THEN ${shown(c)}`).join(' ')} END AS val,
       row_number() OVER (PARTITION BY ${key} ORDER BY line) AS dup_n,
       first_value(line) OVER (PARTITION BY ${key} ORDER BY line) AS first_line,
       left(concat_ws(' / ', ${key}), ${VALUE_PREVIEW}) AS key_val
     FROM chk_${table};
     CREATE OR REPLACE TEMP TABLE new_${table} AS SELECT * FROM (${TYPED[table]}
       WHERE line NOT IN (SELECT line FROM flag_${table} WHERE idx IS NOT NULL OR dup_n > 1) ORDER BY line);`,
  );
  // A duplicate key is reported only for a line that passes every check.
  const flagged = await engine.query<{ line: number; idx: number | null; val: string | null; first_line: number; key_val: string | null }>(
    `SELECT line, idx, val, first_line, key_val FROM flag_${table} WHERE idx IS NOT NULL OR dup_n > 1 ORDER BY line`,
  );
  for (const f of flagged) {
    const c = f.idx == null ? null : checks[Number(f.idx)]!;
    rejected.push(
      c
        ? { file, line: Number(f.line), column: c.column ?? null, code: c.code, value: f.val, detail: null }
        : { file, line: Number(f.line), column: spec.key[0]!, code: 'duplicate_key', value: f.key_val, detail: String(f.first_line) },
    );
  }
  rejected.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const mapped: AreaMapping[] = hasArea
    ? (
        await engine.query<{ from: string; to: string; kind: string; n: number }>(
          `SELECT area_code_input AS "from", area_code AS "to", any_value(alias_kind) AS kind, count(*) AS n
           FROM chk_${table} WHERE alias_kind IS NOT NULL AND line IN (SELECT line FROM new_${table})
           GROUP BY ALL ORDER BY 1`,
        )
      ).map((m) => ({ from: String(m.from), to: String(m.to), kind: m.kind === 'former' ? 'former' : 'name', rows: Number(m.n) }))
    : [];
  const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM new_${table}`);
  const accepted = Number(n);
  const report: FileReport = { file, table, encoding, accepted, rejected, fatal: null, mapped };
  if (accepted === 0) report.fatal = { file, line: null, column: null, code: 'no_valid_rows', value: null, detail: null };
  return report;
}

/** A fixed spelling from FORMER_AREAS as a SQL literal (letters and digits only, checked). */
const literal = (s: string) => {
  if (!/^[\p{L}\p{N}]+$/u.test(s)) throw new Error(`not a plain name or code: ${s}`);
  return `'${s}'`;
};

/**
 * ctx_<t> views, what a staged table's references are checked against, and area_alias, the
 * accepted other spellings of an area code (SQL to run before chk_<t> is made).
 */
function contextSql(table: TableName, context: 'committed' | 'staged'): string {
  // Staged (a folder): the tables before this one in TABLE_ORDER were staged as new_<t> already (a
  // folder stops at its first fatal table). Committed (one file): the tables in use.
  const src = (t: TableName) => (context === 'staged' ? `new_${t}` : t);
  const parts = [
    table !== 'areas'
      ? `CREATE OR REPLACE TEMP VIEW ctx_areas AS SELECT area_code, name_zh FROM ${src('areas')};`
      : // Areas may reference parents loaded before (upsert) or in the same file.
        `CREATE OR REPLACE TEMP VIEW ctx_areas AS SELECT area_code, name_zh FROM ${context === 'committed' ? 'areas' : '(SELECT NULL::VARCHAR AS area_code, NULL::VARCHAR AS name_zh WHERE false)'};`,
  ];
  if (table === 'targets' || table === 'actuals') {
    // Former district codes and names, and unambiguous current names, as accepted spellings of a code.
    parts.push(
      `CREATE OR REPLACE TEMP VIEW ctx_indicators AS SELECT indicator_id, kind, unit FROM ${src('indicators')};`,
      `CREATE OR REPLACE TEMP TABLE area_alias (alias VARCHAR, area_code VARCHAR, kind VARCHAR);`,
      `INSERT INTO area_alias SELECT alias, code, 'former' FROM (VALUES ${FORMER_AREAS.map(([a, c]) => `(${literal(a)}, ${literal(c)})`).join(', ')}) v(alias, code)
       WHERE code IN (SELECT area_code FROM ctx_areas) AND alias NOT IN (SELECT area_code FROM ctx_areas);`,
      `INSERT INTO area_alias SELECT name_zh, any_value(area_code), 'name' FROM ctx_areas
       WHERE name_zh IS NOT NULL AND name_zh NOT IN (SELECT area_code FROM ctx_areas) AND name_zh NOT IN (SELECT alias FROM area_alias)
       GROUP BY name_zh HAVING count(*) = 1;`,
    );
  }
  return parts.join('\n');
}

export interface FolderReport {
  files: FileReport[];
  /** Whole-folder failure: a required table missing or unusable; nothing was changed. */
  fatal: LoadIssue | null;
}

/**
 * Loads a complete folder (the four tables) and swaps it in at once; on any fatal problem the
 * tables loaded before stay as they were.
 */
export async function loadFolder(engine: SqlEngine, files: Record<TableName, InputFile | Error>): Promise<FolderReport> {
  await ensureSchema(engine);
  await engine.exec(TABLE_ORDER.map((t) => `DROP TABLE IF EXISTS new_${t};`).join(' '));
  const reports: FileReport[] = [];
  for (const t of TABLE_ORDER) {
    const f = files[t];
    if (f instanceof Error) {
      const r = fatal(`${t}.csv`, 'table_missing', f.message);
      reports.push({ ...r, table: t });
      return { files: reports, fatal: r.fatal };
    }
    const r = await stageFile(engine, f, 'staged', t);
    reports.push(r);
    if (r.fatal) return { files: reports, fatal: r.fatal };
  }
  await inTransaction(
    engine,
    `${TABLE_ORDER.map((t) => `DELETE FROM ${t}; INSERT INTO ${t} SELECT * EXCLUDE (line) FROM new_${t};`).join('\n')}
     ${REFRESH_FACTS}`,
  );
  return { files: reports, fatal: null };
}

/** Loads one file of any of the four tables and upserts its valid rows by key. */
export async function loadSingleFile(engine: SqlEngine, input: InputFile, options: StageOptions = {}): Promise<FileReport> {
  await ensureSchema(engine);
  await engine.exec(TABLE_ORDER.map((t) => `DROP TABLE IF EXISTS new_${t};`).join(' '));
  const report = await stageFile(engine, input, 'committed', undefined, options);
  if (report.fatal || !report.table) return report;
  const t = report.table;
  const key = TABLES[t].key;
  const match = key.map((k) => `${t}.${k} = n.${k}`).join(' AND ');
  await inTransaction(
    engine,
    `DELETE FROM ${t} WHERE EXISTS (SELECT 1 FROM new_${t} n WHERE ${match});
     INSERT INTO ${t} SELECT * EXCLUDE (line) FROM new_${t};
     ${t === 'actuals' ? REFRESH_FACTS : ''}`,
  );
  return report;
}
