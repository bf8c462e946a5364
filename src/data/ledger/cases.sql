-- Ledger → cases: one row per (case, group, year of registration), the person's latest area.
--
-- Written in the SQL that DuckDB, Spark SQL (3.2+) and Trino share (CTEs, GROUP BY, MIN/MAX,
-- MAX_BY, CASE, CAST(.. AS DATE), EXTRACT, no dialect functions), so the browser, `npm run aggregate`
-- and a cluster run the same file. Input: table ledger_raw with text columns
--   case_id, area_code, case_group, registered_on, employed_on, exited_on, followed_up_on.
-- Output (created by the host as a table or view named ledger_cases).
--
-- A person registered twice in a year (a duplicate, or a move to another district) is one case:
-- the clock starts at the first registration, the case belongs to the area of the latest one
-- (the larger area code on the same day), employment and exit are the earliest on record.
WITH typed AS (
  SELECT
    TRIM(case_id) AS case_id,
    TRIM(area_code) AS area_code,
    LOWER(TRIM(case_group)) AS case_group,
    CAST(TRIM(registered_on) AS DATE) AS registered_on,
    CAST(NULLIF(TRIM(employed_on), '') AS DATE) AS employed_on,
    CAST(NULLIF(TRIM(exited_on), '') AS DATE) AS exited_on,
    COALESCE(followed_up_on, '') AS followed_up_on
  FROM ledger_raw
  WHERE case_id IS NOT NULL AND TRIM(case_id) <> '' AND registered_on IS NOT NULL AND TRIM(registered_on) <> ''
)
SELECT
  case_id,
  MAX_BY(area_code, CONCAT(CAST(registered_on AS VARCHAR), '|', area_code)) AS area_code,
  case_group,
  EXTRACT(YEAR FROM registered_on) AS case_year,
  MIN(registered_on) AS registered_on,
  MIN(employed_on) AS employed_on,
  MIN(exited_on) AS exited_on,
  MAX_BY(followed_up_on, CONCAT(CAST(registered_on AS VARCHAR), '|', area_code)) AS followed_up_on
FROM typed
GROUP BY case_id, case_group, EXTRACT(YEAR FROM registered_on)
