/**
 * The rule table of ingest: what each table's rows are checked for, how they are typed, and the
 * committed tables' columns. Only SQL text and constants, no I/O: staging (stage.ts) and the
 * commit (commit.ts) run it. The order of each table's checks is its priority: a row is reported
 * with the first check it fails.
 */
import { ILLUSTRATIVE_PREFIXES } from '../../domain/sources';
import type { IssueCode } from './issues';
import type { TableName } from './tables';


/** The month index (year × 12 + month − 1) of a 'YYYY-MM' text: how every period is stored and compared. */
export const periodIdxSql = (period: string, cast: 'CAST' | 'TRY_CAST' = 'CAST') =>
  `${cast}(substr(${period}, 1, 4) AS INTEGER) * 12 + ${cast}(substr(${period}, 6, 2) AS INTEGER) - 1`;

/**
 * The period range: the months an actuals row may name. Not before 2000-01 (no figure this
 * dashboard judges is older, and 0000-01 or 1025-12 are typing slips), and not after the month
 * after the one the data is loaded in, by the browser's clock: a month's figures are published once
 * it has ended, so even the current month only allows a flash estimate; the month after it covers a
 * clock or time zone that lags the publisher's. A row outside it would move the as-of month of the
 * whole dashboard (a typo 2205-12 would judge every target as of 2205), so it is a rejected row.
 */
export const FIRST_PERIOD_YEAR = 2000;
export const PERIOD_LEAD_MONTHS = 1;

/** The period range (month indices, see periodIdxSql) for data loaded at `now`, in the local calendar. */
export function periodRange(now: Date): { first: number; last: number } {
  return { first: FIRST_PERIOD_YEAR * 12, last: now.getFullYear() * 12 + now.getMonth() + PERIOD_LEAD_MONTHS };
}

/**
 * Macros period_first(), period_last() (month indices) and period_range() for the period check,
 * made for each load from its clock: constants the planner folds into the check. The range reads
 * 'YYYY‑MM – YYYY‑MM' with no-break hyphens and spaces and a word joiner after the dash: a browser
 * would break a report's line after any of them, and a range cut in two reads as two values.
 */
export function periodRangeSql(now: Date): string {
  const { first, last } = periodRange(now);
  // Two integers computed here from the clock, never text from a file.
  const month = (idx: number) => `printf('%04d\u2011%02d', ${idx} // 12, ${idx} % 12 + 1)`;
  return `CREATE OR REPLACE TEMP MACRO period_first() AS ${Math.trunc(first)};
    CREATE OR REPLACE TEMP MACRO period_last() AS ${Math.trunc(last)};
    CREATE OR REPLACE TEMP MACRO period_range() AS ${month(Math.trunc(first))} || '\u00a0–\u2060\u00a0' || ${month(Math.trunc(last))};`;
}

/** A source text marks its row as illustrative (sample data) when it starts with one of domain/sources.ts's prefixes. */
export const illustrativeSql = (source: string) => `coalesce(${ILLUSTRATIVE_PREFIXES.map((p) => `${source} ILIKE '${p}%'`).join(' OR ')}, false)`;

/** A check: rows of chk_<t> matching `when` get `code` for `column`. Order = priority. */
export interface Check {
  code: IssueCode;
  column: string | null;
  when: string;
  /** SQL for the report's detail (e.g. the range a value is outside of), read only on lines that fail this check. */
  detail?: string;
}

/** A numeric column as a number: parsed once per row into num__<c> when chk_<t> is made. */
export const NUM = (c: string) => `num__${c}`;
export const NUMERIC_COLUMNS: Record<TableName, string[]> = { areas: [], indicators: [], targets: ['target_value'], actuals: ['value', 'numerator', 'denominator'] };
const isBadNum = (c: string) => `(${c} IS NOT NULL AND ${NUM(c)} IS NULL)`;
const notFinite = (c: string) => `(${NUM(c)} IS NOT NULL AND NOT isfinite(${NUM(c)}))`;
const COUNT_UNITS = `('persons','posts','count','households','yuan','people','cases')`;
/** A percent sign (90%) is read only where the indicator's unit is percent. */
const pctOutsidePercent = (c: string, unit: string) => `(has_pct(${c}) AND ${unit} IS DISTINCT FROM 'percent')`;

/** Table-driven checks, in SQL over the trimmed text columns of chk_<t>. */
export const CHECKS: Record<TableName, Check[]> = {
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
      code: 'percent_not_allowed',
      column: 'target_value',
      when: pctOutsidePercent('target_value', '(SELECT unit FROM ctx_indicators ci WHERE ci.indicator_id = chk_targets.indicator_id)'),
    },
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
    {
      code: 'period_out_of_range',
      column: 'period',
      when: `${periodIdxSql('period', 'TRY_CAST')} NOT BETWEEN period_first() AND period_last()`,
      detail: 'period_range()',
    },
    // basis only matters for flows; on a level or rate row it is ignored rather than held against the row.
    { code: 'bad_basis', column: 'basis', when: `kind = 'flow' AND basis IS NOT NULL AND basis NOT IN ('flow','ytd')` },
    { code: 'not_a_number', column: 'value', when: isBadNum('value') },
    { code: 'not_finite', column: 'value', when: notFinite('value') },
    { code: 'percent_not_allowed', column: 'value', when: pctOutsidePercent('value', 'unit') },
    { code: 'not_a_number', column: 'numerator', when: isBadNum('numerator') },
    { code: 'not_finite', column: 'numerator', when: notFinite('numerator') },
    // A rate's numerator and denominator are counts, never percentages.
    { code: 'percent_not_allowed', column: 'numerator', when: `has_pct(numerator)` },
    { code: 'not_a_number', column: 'denominator', when: isBadNum('denominator') },
    { code: 'not_finite', column: 'denominator', when: notFinite('denominator') },
    { code: 'percent_not_allowed', column: 'denominator', when: `has_pct(denominator)` },
    { code: 'value_needed', column: 'value', when: `kind <> 'rate' AND value IS NULL` },
    { code: 'negative', column: 'value', when: `kind <> 'rate' AND unit IN ${COUNT_UNITS} AND ${NUM('value')} < 0` },
    // A rate is a fraction (numerator and denominator), or the rate itself as a value (a release
    // that gives only 5.0%): used for its own area, never pooled (queries.ts, judge.ts).
    {
      code: 'rate_needs_fraction',
      column: 'numerator',
      when: `kind = 'rate' AND ((numerator IS NULL) <> (denominator IS NULL) OR (numerator IS NULL AND value IS NULL))`,
    },
    { code: 'negative', column: 'value', when: `kind = 'rate' AND numerator IS NULL AND ${NUM('value')} < 0` },
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
export const TYPED: Record<TableName, string> = {
  areas: `SELECT line, area_code, name_zh, name_en, level, parent_code FROM chk_areas`,
  indicators: `SELECT line, indicator_id, name_zh, name_en, unit, kind, coalesce(bool_of(higher_is_better), true) AS higher_is_better,
      group_zh, group_en, numerator_zh, numerator_en, denominator_zh, denominator_en, ledger_rule FROM chk_indicators`,
  targets: `SELECT line, target_id, indicator_id, area_code, CAST(year AS INTEGER) AS year, comparator,
      ${NUM('target_value')} AS target_value, baseline,
      coalesce(due_date, year || '-12-31') AS due_date, doc_id, clause, quote, owner FROM chk_targets`,
  actuals: `SELECT line, indicator_id, area_code, period,
      ${periodIdxSql('period')} AS period_idx,
      CASE WHEN kind <> 'rate' OR numerator IS NULL THEN ${NUM('value')} END AS value,
      CASE WHEN kind = 'rate' THEN ${NUM('numerator')} END AS numerator,
      CASE WHEN kind = 'rate' THEN ${NUM('denominator')} END AS denominator,
      CASE WHEN kind = 'flow' THEN coalesce(basis, 'flow') END AS basis, source,
      ${illustrativeSql('source')} AS illustrative
    FROM chk_actuals`,
};

/** Column definitions of the committed tables (also used to create empty ones). */
export const DDL: Record<TableName, string> = {
  areas: `area_code VARCHAR, name_zh VARCHAR, name_en VARCHAR, level VARCHAR, parent_code VARCHAR`,
  indicators: `indicator_id VARCHAR, name_zh VARCHAR, name_en VARCHAR, unit VARCHAR, kind VARCHAR, higher_is_better BOOLEAN,
    group_zh VARCHAR, group_en VARCHAR, numerator_zh VARCHAR, numerator_en VARCHAR, denominator_zh VARCHAR, denominator_en VARCHAR,
    ledger_rule VARCHAR`,
  targets: `target_id VARCHAR, indicator_id VARCHAR, area_code VARCHAR, year INTEGER, comparator VARCHAR, target_value DOUBLE,
    baseline VARCHAR, due_date VARCHAR, doc_id VARCHAR, clause VARCHAR, quote VARCHAR, owner VARCHAR`,
  actuals: `indicator_id VARCHAR, area_code VARCHAR, period VARCHAR, period_idx INTEGER, value DOUBLE, numerator DOUBLE,
    denominator DOUBLE, basis VARCHAR, source VARCHAR, illustrative BOOLEAN`,
};

/**
 * Macros used by the checks. Numbers are read the way spreadsheet users write them: stray
 * spaces, full-width digits, thousands separators and a trailing % are accepted (the % where the
 * unit is percent, see CHECKS). Nothing of DuckDB's own literal syntax is: `1_000` is not a number
 * (read as 1000 it would make a slip such as 12_5 into 125), nor is hex.
 */
export const MACROS = `
CREATE OR REPLACE MACRO num_half(x) AS trim(translate(trim(x), '０１２３４５６７８９．－＋，％' || chr(12288), '0123456789.-+,% '));
CREATE OR REPLACE MACRO num_text(x) AS replace(
  CASE WHEN regexp_full_match(num_half(x), '[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?%?') THEN replace(num_half(x), ',', '') ELSE num_half(x) END,
  '%', '');
CREATE OR REPLACE MACRO num_of(x) AS CASE
  WHEN regexp_full_match(trim(num_text(x)), '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?|[+-]?(?i:nan|inf|infinity)')
  THEN TRY_CAST(trim(num_text(x)) AS DOUBLE) END;
CREATE OR REPLACE MACRO has_pct(x) AS contains(x, '%') OR contains(x, '％');
CREATE OR REPLACE MACRO basis_of(x) AS CASE
  WHEN trim(x) IN ('累计', '本年累计', '年累计') THEN 'ytd' WHEN trim(x) IN ('当月', '本月') THEN 'flow' ELSE lower(x) END;
CREATE OR REPLACE MACRO bool_of(x) AS CASE
  WHEN lower(trim(x)) IN ('true','1','yes','y','t','是') THEN true
  WHEN lower(trim(x)) IN ('false','0','no','n','f','否') THEN false END;
`;

