/**
 * Every SQL statement the views need, as functions returning { sql, params }. Values travel only
 * as `?` parameters; table and column names are constants of this file.
 */
import type { SqlValue } from './engine';

export interface Query {
  sql: string;
  params: SqlValue[];
}

export const selectAreas = (): Query => ({
  sql: `SELECT area_code, name_zh, name_en, level, parent_code FROM areas ORDER BY area_code`,
  params: [],
});

export const selectIndicators = (): Query => ({
  sql: `SELECT * FROM indicators ORDER BY indicator_id`,
  params: [],
});

export const selectTargets = (): Query => ({
  sql: `SELECT target_id, indicator_id, area_code, year, comparator, target_value, baseline, due_date, doc_id, clause, quote, owner
        FROM targets ORDER BY year, target_id`,
  params: [],
});

/** The data's release month: the latest period in actuals (null when there are none). */
export const selectLatestPeriod = (): Query => ({
  sql: `SELECT max(period_idx) AS latest FROM facts`,
  params: [],
});

/** True when any actual on record is illustrative: the sample-data badge. */
export const selectDataSummary = (): Query => ({
  sql: `SELECT count(*) AS actual_rows, count(*) FILTER (WHERE illustrative) AS illustrative_rows FROM facts`,
  params: [],
});

/** The areas with figures of their own in a year (the analyst's area picker offers the towns that have some). */
export const selectAreasWithActuals = (year: number): Query => ({
  sql: `SELECT DISTINCT area_code FROM facts WHERE period_idx BETWEEN ? AND ? ORDER BY area_code`,
  params: [year * 12, year * 12 + 11],
});

/** One request for an actual: an indicator at an area, for a year, judged at month `endIdx`. */
export interface ActualRequest {
  /** The request's name: its result comes back under it (any text or number, unique in one call). */
  id: string | number;
  indicatorId: string;
  areaCode: string;
  year: number;
  /** Month index (year × 12 + month − 1) the actual is read at. */
  endIdx: number;
}

/**
 * The actual's components for each request, per the contract:
 * - the rows used are those of the target year from January up to the request's month;
 * - an area with no rows of its own (in that window) takes its children's, recursively
 *   (zones never count as children: they overlap the towns);
 * - flow: the latest year-to-date row plus the monthly rows after it (all months when no ytd);
 *   level: value at each contributing area's latest period; rate: numerator and denominator at
 *   each contributing area's latest period, pooled (summed) across areas, never averaged. A rate
 *   row given only as a value is the area's own rate (`value`, when the area has rows of its own);
 *   sub-areas whose latest row is such a value cannot be pooled and are listed in `unpooled`.
 */
export function selectActualComponents(requests: readonly ActualRequest[]): Query {
  if (requests.length === 0) throw new Error('selectActualComponents needs at least one request');
  const values = requests
    .map((_, i) => (i === 0 ? '(?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::INTEGER, ?::INTEGER)' : '(?, ?, ?, ?, ?)'))
    .join(', ');
  const params = requests.flatMap((r) => [String(r.id), r.indicatorId, r.areaCode, r.year, r.endIdx]);
  const sql = `
WITH RECURSIVE
req(req_id, indicator_id, area_code, year, end_idx) AS (VALUES ${values}),
win AS (
  SELECT r.req_id, a.*
  FROM req r JOIN facts a
    ON a.indicator_id = r.indicator_id AND a.period_idx BETWEEN r.year * 12 AND r.end_idx
),
walk(req_id, area_code, depth) AS (
  SELECT req_id, area_code, 0 FROM req
  UNION ALL
  SELECT w.req_id, c.area_code, w.depth + 1
  FROM walk w JOIN areas c ON c.parent_code = w.area_code AND c.level <> 'zone'
  WHERE w.depth < 8
    AND NOT EXISTS (SELECT 1 FROM win WHERE win.req_id = w.req_id AND win.area_code = w.area_code)
),
used AS (
  SELECT DISTINCT w.req_id, w.area_code, w.depth FROM walk w
  WHERE EXISTS (SELECT 1 FROM win WHERE win.req_id = w.req_id AND win.area_code = w.area_code)
),
rows AS (
  SELECT win.*, u.depth FROM win JOIN used u USING (req_id, area_code)
),
marks AS (
  SELECT req_id, area_code, max(period_idx) AS last_idx,
         max(period_idx) FILTER (WHERE basis = 'ytd') AS last_ytd_idx
  FROM rows GROUP BY req_id, area_code
),
per_area AS (
  SELECT x.req_id, x.area_code, any_value(x.depth) AS depth, m.last_idx,
    sum(CASE
          WHEN x.basis = 'ytd' AND x.period_idx = m.last_ytd_idx THEN x.value
          WHEN x.basis = 'flow' AND (m.last_ytd_idx IS NULL OR x.period_idx > m.last_ytd_idx) THEN x.value
        END) AS flow_value,
    sum(x.value) FILTER (WHERE x.period_idx = m.last_idx) AS level_value,
    sum(x.numerator) FILTER (WHERE x.period_idx = m.last_idx) AS numerator,
    sum(x.denominator) FILTER (WHERE x.period_idx = m.last_idx) AS denominator,
    bool_or(x.numerator IS NULL AND x.value IS NOT NULL) FILTER (WHERE x.period_idx = m.last_idx) AS value_only,
    bool_or(x.illustrative) AS illustrative,
    list(DISTINCT x.source) FILTER (WHERE x.source IS NOT NULL) AS sources
  FROM rows x JOIN marks m USING (req_id, area_code)
  GROUP BY x.req_id, x.area_code, m.last_idx
)
SELECT p.req_id,
       count(*) AS contributors,
       min(p.depth) AS depth,
       CASE any_value(i.kind)
         WHEN 'flow' THEN sum(p.flow_value)
         WHEN 'rate' THEN CASE WHEN min(p.depth) = 0 THEN sum(p.level_value) END
         ELSE sum(p.level_value) END AS value,
       CASE WHEN any_value(i.kind) = 'rate' THEN list(p.area_code ORDER BY p.area_code) FILTER (WHERE p.value_only AND p.depth > 0) END AS unpooled,
       sum(p.numerator) AS numerator,
       sum(p.denominator) AS denominator,
       max(p.last_idx) AS latest_idx,
       bool_or(p.illustrative) AS illustrative,
       list_distinct(flatten(list(p.sources))) AS sources
FROM per_area p
JOIN req r USING (req_id)
JOIN indicators i ON i.indicator_id = r.indicator_id
GROUP BY p.req_id
ORDER BY p.req_id`;
  return { sql, params };
}

/** The figures a loaded ledger produced (no person-level data), for checking against other tools. */
export const selectLedgerFigures = (): Query => ({
  sql: `SELECT indicator_id, area_code, period, value, numerator, denominator FROM ledger_actuals ORDER BY indicator_id, area_code, period`,
  params: [],
});
