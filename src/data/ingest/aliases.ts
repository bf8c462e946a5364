/**
 * Other spellings of an area code that a file may use: the former districts people still type, and
 * unambiguous current names. A row written so is loaded under the current code, with a notice.
 * Indicators may likewise be written by their Chinese name.
 */
import type { SqlValue } from '../engine';
import type { TableName } from './tables';

/**
 * Districts renamed or merged since the codes people still type were current (GB/T 2260: 闸北
 * merged into 静安 2015, 南汇 into 浦东 2009, 卢湾 into 黄浦 2011, 崇明县 became 崇明区 2016).
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

/** The former_area table (alias, code), made once per database; the spellings travel as parameters. */
export const formerAreaTable = (): { sql: string; params: SqlValue[] } => ({
  sql: `CREATE OR REPLACE TABLE former_area AS SELECT * FROM (VALUES ${FORMER_AREAS.map((_, i) => (i === 0 ? '(?::VARCHAR, ?::VARCHAR)' : '(?, ?)')).join(', ')}) v(alias, code)`,
  params: FORMER_AREAS.flatMap(([alias, code]) => [alias, code]),
});

/**
 * SQL that makes area_alias (alias, area_code, kind) for a file of `table` checked against the
 * areas in ctx_areas: the former districts whose current code is known there, then every current
 * name that names exactly one area. Only targets and actuals refer to areas this way.
 */
export function areaAliasSql(table: TableName): string {
  if (table !== 'targets' && table !== 'actuals') return '';
  return `CREATE OR REPLACE TEMP TABLE area_alias (alias VARCHAR, area_code VARCHAR, kind VARCHAR);
    INSERT INTO area_alias SELECT alias, code, 'former' FROM former_area
      WHERE code IN (SELECT area_code FROM ctx_areas) AND alias NOT IN (SELECT area_code FROM ctx_areas);
    INSERT INTO area_alias SELECT name_zh, any_value(area_code), 'name' FROM ctx_areas
      WHERE name_zh IS NOT NULL AND name_zh NOT IN (SELECT area_code FROM ctx_areas) AND name_zh NOT IN (SELECT alias FROM area_alias)
      GROUP BY name_zh HAVING count(*) = 1;`;
}

/**
 * SQL that makes indicator_alias (alias, indicator_id): every current Chinese indicator name in
 * ctx_indicators that names exactly one indicator and is not itself an id. Only targets and
 * actuals refer to indicators.
 */
export function indicatorAliasSql(table: TableName): string {
  if (table !== 'targets' && table !== 'actuals') return '';
  return `CREATE OR REPLACE TEMP TABLE indicator_alias AS SELECT name_zh AS alias, any_value(indicator_id) AS indicator_id FROM ctx_indicators
      WHERE name_zh IS NOT NULL AND name_zh NOT IN (SELECT indicator_id FROM ctx_indicators) GROUP BY name_zh HAVING count(*) = 1;`;
}
