-- Ledger rows → the rows that can be cases, each with the reason it cannot when it cannot.
--
-- Shared SQL: run unchanged by DuckDB-WASM (the page), native DuckDB (`npm run aggregate`) and Spark SQL
-- 3.5 / 4.x (data/scripts/aggregate-ledger-spark.py); kept to what Trino's grammar also has (see the
-- README). So: LEFT JOINs, not IN (subquery) in a select list (Spark before 3.4 refuses those), and
-- only CASE, TRIM, LOWER, SUBSTR, LIKE, EXTRACT and ROW_NUMBER.
-- Inputs:
--   ledger_typed  the ledger as the host read it: case_id, area_code, case_group, followed_up_on,
--                 source (text); registered_on, employed_on, exited_on (DATE: the host's reader types
--                 them and sets aside, as bad_date, the rows where one is there but is not a date);
--                 row_no (BIGINT), passed through untouched: the page numbers the rows it read, to
--                 report the file line of each rejected row (joins do not keep rows in order)
--   known_areas   (area_code) the areas of areas.csv
--   ledger_rules  (indicator_id, rule, case_group, months): see actuals.sql
-- Output: row_no, case_id, area_code, case_group, registered_on, employed_on, exited_on, followed_up_on,
-- illustrative (the row's source starts with "illustrative", any letter case, or 示例),
-- registration_order (a number that orders rows by registration date, then area code: the date as
-- year × 512 + month × 32 + day, times 10^7, plus the area's rank among known_areas by code, so for
-- fewer than 10^7 areas; NULL without a date or a known area; cases.sql picks a case's latest row by
-- it), and problem:
-- NULL for a usable row, else missing_id, bad_date (no registration date, or one in year 0, which
-- DuckDB writes as '0001-… (BC)' and Spark as '0000-…'), unknown_area or unknown_group.
-- Cheap first: codes are trimmed only when they need it, a group is lower-cased only when it is not
-- already a rule's, and the source is lower-cased only when it starts with an I (ledgers are mostly
-- machine exports; a case-insensitive match on every row's non-ASCII text costs more than the rest
-- of this step).
SELECT
  t.row_no, t.case_id, t.area_code, t.case_group, t.registered_on, t.employed_on, t.exited_on, t.followed_up_on, t.illustrative,
  CAST(EXTRACT(YEAR FROM t.registered_on) * 512 + EXTRACT(MONTH FROM t.registered_on) * 32 + EXTRACT(DAY FROM t.registered_on) AS BIGINT) * 10000000
    + a.area_rank AS registration_order,
  CASE
    WHEN t.case_id IS NULL OR t.case_id = '' THEN 'missing_id'
    WHEN t.registered_on IS NULL OR t.registered_on < DATE '0001-01-01' THEN 'bad_date'
    WHEN a.area_code IS NULL THEN 'unknown_area'
    WHEN g.case_group IS NULL THEN 'unknown_group'
  END AS problem
FROM (
  SELECT
    r.row_no,
    CASE WHEN r.case_id LIKE ' %' OR r.case_id LIKE '% ' THEN TRIM(r.case_id) ELSE r.case_id END AS case_id,
    CASE WHEN r.area_code LIKE ' %' OR r.area_code LIKE '% ' THEN TRIM(r.area_code) ELSE r.area_code END AS area_code,
    CASE WHEN rg.case_group IS NOT NULL THEN r.case_group ELSE LOWER(TRIM(r.case_group)) END AS case_group,
    r.registered_on, r.employed_on, r.exited_on, r.followed_up_on,
    CASE
      WHEN r.source LIKE 'illustrative%' OR r.source LIKE '示例%' THEN TRUE
      WHEN r.source LIKE 'I%' OR r.source LIKE 'i%' THEN LOWER(SUBSTR(r.source, 1, 12)) = 'illustrative'
      ELSE FALSE
    END AS illustrative
  FROM ledger_typed r
  LEFT JOIN (SELECT DISTINCT case_group FROM ledger_rules) rg ON rg.case_group = r.case_group
) t
LEFT JOIN (SELECT area_code, ROW_NUMBER() OVER (ORDER BY area_code) AS area_rank FROM (SELECT DISTINCT area_code FROM known_areas) d) a
  ON a.area_code = t.area_code
LEFT JOIN (SELECT DISTINCT case_group FROM ledger_rules) g ON g.case_group = t.case_group
