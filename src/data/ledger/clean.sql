-- Ledger rows → the rows that can be cases, each with the reason it cannot when it cannot.
--
-- Shared SQL (DuckDB, Spark SQL ≥ 3.2, Trino: CASE, TRIM, LOWER, LIKE, IN (subquery)). Inputs:
--   ledger_typed  the ledger as the host read it: case_id, area_code, case_group (text),
--                 registered_on, employed_on, exited_on (DATE: the host's reader types them and
--                 sets aside, as bad_date, the rows whose dates do not parse), followed_up_on (text),
--                 illustrative (BOOLEAN: the row's source says it is sample data)
--   known_areas   (area_code) the areas of areas.csv
--   ledger_rules  (indicator_id, rule, case_group, months): see actuals.sql
-- Output: the same columns, codes trimmed and groups lower-cased, plus problem: NULL for a usable
-- row, else missing_id, bad_date (no registration date), unknown_area or unknown_group.
-- Codes are trimmed only when they need it: ledgers are mostly machine exports, and a TRIM of
-- every code of a million rows is a large part of this step's time.
SELECT
  case_id, area_code, case_group, registered_on, employed_on, exited_on, followed_up_on, illustrative,
  CASE
    WHEN case_id IS NULL OR case_id = '' THEN 'missing_id'
    WHEN registered_on IS NULL THEN 'bad_date'
    WHEN area_code IS NULL OR area_code NOT IN (SELECT area_code FROM known_areas) THEN 'unknown_area'
    WHEN case_group IS NULL OR case_group NOT IN (SELECT case_group FROM ledger_rules) THEN 'unknown_group'
  END AS problem
FROM (
  SELECT
    CASE WHEN case_id LIKE ' %' OR case_id LIKE '% ' THEN TRIM(case_id) ELSE case_id END AS case_id,
    CASE WHEN area_code LIKE ' %' OR area_code LIKE '% ' THEN TRIM(area_code) ELSE area_code END AS area_code,
    CASE WHEN case_group IN (SELECT case_group FROM ledger_rules) THEN case_group ELSE LOWER(TRIM(case_group)) END AS case_group,
    registered_on, employed_on, exited_on, followed_up_on, illustrative
  FROM ledger_typed
) t
