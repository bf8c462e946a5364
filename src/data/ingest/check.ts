/**
 * The checks every staged file goes through, whatever its format: raw_<t> (text columns, each
 * record with its file line) → chk_<t> (trimmed, numbers parsed once, other spellings of areas
 * resolved) → flag_<t> (each line's first failing check, and its place among the lines of its key)
 * → new_<t> (typed, the lines that passed). It runs the rule table (rules.ts) against the context
 * a file is checked in, and returns the file's report.
 */
import type { SqlEngine } from '../engine';
import { sqlName } from '../sql-name';
import { areaAliasSql, indicatorAliasSql } from './aliases';
import type { DetectedEncoding } from './csv-text';
import { VALUE_PREVIEW, type AreaMapping, type FileReport, type LoadIssue } from './issues';
import { CHECKS, NUM, NUMERIC_COLUMNS, periodRangeSql, TYPED, type Check } from './rules';
import { TABLES, type TableName } from './tables';

/**
 * What a file's references are checked against: the committed tables (`committed`, one file on
 * its own), the new_<t> tables staged before it in the same folder load (`staged`), or both, the
 * staged rows replacing committed ones by key (`merged`: the sheets of one workbook, each table
 * staged in order as new_<t>; every new_<t> exists, empty where the workbook has no such table).
 */
export type CheckContext = 'committed' | 'staged' | 'merged';

export interface StagedInput {
  file: string;
  table: TableName;
  encoding: DetectedEncoding | null;
  /** Canonical columns present in raw_<table> (others are added as NULL). */
  present: readonly string[];
  context: CheckContext;
  rejected: LoadIssue[];
}

/**
 * Checks and types raw_<table>. All of it in one round trip: on a cold engine each statement costs
 * its own planning and worker message, and this runs for every table of every load.
 */
export async function checkStaged(engine: SqlEngine, input: StagedInput): Promise<FileReport> {
  const { file, table, encoding, present, context } = input;
  const rejected = [...input.rejected];
  const spec = TABLES[table];
  const t = sqlName(table);
  const cols = spec.columns
    .map((c) => (present.includes(c) ? `NULLIF(trim(CAST(${sqlName(c)} AS VARCHAR)), '') AS ${c}` : `NULL::VARCHAR AS ${sqlName(c)}`))
    .join(', ');
  const lowered = table === 'areas' ? ['level'] : table === 'indicators' ? ['kind'] : table === 'actuals' ? ['basis'] : [];
  const hasArea = table === 'targets' || table === 'actuals';
  // Basis may be written in Chinese (累计 / 当月); indicators by their name (indicator_alias).
  const replace = [
    ...lowered.map((c) => (c === 'basis' ? `basis_of(r.basis) AS basis` : `lower(r.${c}) AS ${c}`)),
    ...(hasArea ? [`coalesce(al.area_code, r.area_code) AS area_code`, `coalesce(il.indicator_id, r.indicator_id) AS indicator_id`] : []),
  ];
  const joins = [
    hasArea ? `LEFT JOIN area_alias al ON al.alias = r.area_code LEFT JOIN indicator_alias il ON il.alias = r.indicator_id` : '',
    table === 'actuals'
      ? `LEFT JOIN (SELECT indicator_id AS ind_id, kind, unit FROM ctx_indicators) ci ON ci.ind_id = coalesce(il.indicator_id, r.indicator_id)`
      : '',
  ].join(' ');
  const checks = CHECKS[table];
  const key = spec.key.join(', ');
  const shown = (c: (typeof checks)[number]) =>
    c.column ? `left(CAST(${c.column === 'area_code' && hasArea ? 'area_code_input' : c.column} AS VARCHAR), ${VALUE_PREVIEW})` : 'NULL';
  await engine.exec(
    `${contextSql(table, context)}
     CREATE OR REPLACE TEMP TABLE chk_${t} AS
     SELECT r.*${replace.length ? ` REPLACE (${replace.join(', ')})` : ''}
       ${hasArea ? ', r.area_code AS area_code_input, al.kind AS alias_kind' : ''}
       ${table === 'actuals' ? ', ci.kind, ci.unit' : ''}
       ${NUMERIC_COLUMNS[table].map((c) => `, num_of(r.${c}) AS ${NUM(c)}`).join('')}
     FROM (SELECT __line AS line, ${cols} FROM raw_${t}) r ${joins};
     -- Each line's first failing check, in the table's order (the order is the priority), and
     -- its rank among the lines with its key that pass every check: a duplicate is an acceptable
     -- line after the first acceptable one (a line is never the duplicate of a rejected line).
     CREATE OR REPLACE TEMP TABLE flag_${t} AS
     SELECT line, idx, val, key_val,
       row_number() OVER (PARTITION BY ${key}, idx IS NULL ORDER BY line) AS dup_n,
       first_value(line) OVER (PARTITION BY ${key}, idx IS NULL ORDER BY line) AS first_line
     FROM (SELECT line, ${key},
       CASE ${checks.map((c, i) => `WHEN coalesce(${c.when}, false) THEN ${i}`).join(' ')} END AS idx,
       CASE ${checks.map((c) => `WHEN coalesce(${c.when}, false) THEN ${shown(c)}`).join(' ')} END AS val,
       left(concat_ws(' / ', ${key}), ${VALUE_PREVIEW}) AS key_val
     FROM chk_${t});
     CREATE OR REPLACE TEMP TABLE new_${t} AS SELECT * FROM (${TYPED[table]}
       WHERE line NOT IN (SELECT line FROM flag_${t} WHERE idx IS NOT NULL OR dup_n > 1) ORDER BY line);`,
  );
  // A duplicate key is reported only for a line that passes every check.
  const flagged = await engine.query<{ line: number; idx: number | null; val: string | null; det: string | null; first_line: number; key_val: string | null }>(
    `SELECT line, idx, val, ${detailSql(checks)} AS det, first_line, key_val FROM flag_${t} WHERE idx IS NOT NULL OR dup_n > 1 ORDER BY line`,
  );
  for (const f of flagged) {
    const c = f.idx == null ? null : checks[Number(f.idx)]!;
    rejected.push(
      c
        ? { file, line: Number(f.line), column: c.column ?? null, code: c.code, value: f.val, detail: f.det }
        : { file, line: Number(f.line), column: spec.key[0]!, code: 'duplicate_key', value: f.key_val, detail: String(f.first_line) },
    );
  }
  rejected.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const mapped: AreaMapping[] = hasArea
    ? (
        await engine.query<{ from: string; to: string; kind: string; n: number }>(
          `SELECT area_code_input AS "from", area_code AS "to", any_value(alias_kind) AS kind, count(*) AS n
           FROM chk_${t} WHERE alias_kind IS NOT NULL AND line IN (SELECT line FROM new_${t})
           GROUP BY ALL ORDER BY 1`,
        )
      ).map((m) => ({ from: String(m.from), to: String(m.to), kind: m.kind === 'former' ? 'former' : 'name', rows: Number(m.n) }))
    : [];
  const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM new_${t}`);
  const accepted = Number(n);
  const report: FileReport = { file, table, encoding, accepted, rejected, fatal: null, mapped };
  if (accepted === 0) report.fatal = { file, line: null, column: null, code: 'no_valid_rows', value: null, detail: null };
  return report;
}

/** The detail of a flagged line, by the check it failed: only checks that have one, only for flagged lines. */
function detailSql(checks: readonly Check[]): string {
  const cases = checks.flatMap((c, i) => (c.detail ? [`WHEN ${i} THEN ${c.detail}`] : []));
  return cases.length ? `CASE idx ${cases.join(' ')} END` : 'NULL';
}

/**
 * ctx_<t> views, what a staged table's references are checked against, and area_alias, the
 * accepted other spellings of an area code (SQL to run before chk_<t> is made).
 */
function contextSql(table: TableName, context: CheckContext): string {
  // Staged (a folder): the tables before this one in TABLE_ORDER were staged as new_<t> already (a
  // folder stops at its first fatal table). Committed (one file): the tables in use.
  const key = (t: TableName) => TABLES[t].key[0]!;
  const src = (t: TableName) =>
    context === 'staged'
      ? `new_${t}`
      : context === 'merged'
        ? `(SELECT * FROM ${t} WHERE ${key(t)} NOT IN (SELECT ${key(t)} FROM new_${t}) UNION ALL BY NAME SELECT * EXCLUDE (line) FROM new_${t})`
        : t;
  const parts = [
    table !== 'areas'
      ? `CREATE OR REPLACE TEMP VIEW ctx_areas AS SELECT area_code, name_zh FROM ${src('areas')};`
      : // Areas may reference parents loaded before (upsert) or in the same file.
        `CREATE OR REPLACE TEMP VIEW ctx_areas AS SELECT area_code, name_zh FROM ${context !== 'staged' ? 'areas' : '(SELECT NULL::VARCHAR AS area_code, NULL::VARCHAR AS name_zh WHERE false)'};`,
  ];
  if (table === 'targets' || table === 'actuals')
    parts.push(
      `CREATE OR REPLACE TEMP VIEW ctx_indicators AS SELECT indicator_id, kind, unit, name_zh FROM ${src('indicators')};`,
      areaAliasSql(table),
      indicatorAliasSql(table),
    );
  // The months a period may name, from the clock at this load (rules.ts periodRange).
  if (table === 'actuals') parts.push(periodRangeSql(new Date()));
  return parts.join('\n');
}

