-- Ledger → cases: one row per (case, group, year of registration), the person's latest area.
--
-- Written in the SQL that DuckDB, Spark SQL and Trino share (CTEs, window functions, CASE,
-- CAST(.. AS DATE), EXTRACT, no dialect functions), so the browser, `npm run aggregate` and a
-- cluster run the same file. Input: table ledger_raw with text columns
--   case_id, area_code, case_group, registered_on, employed_on, exited_on, followed_up_on.
-- Output (created by the host as a table or view named ledger_cases).
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
),
ranked AS (
  SELECT
    t.*,
    EXTRACT(YEAR FROM registered_on) AS case_year,
    -- A person registered twice in a year (a duplicate, or a move to another district) is one
    -- case: the clock starts at the first registration, the case belongs to the latest area.
    ROW_NUMBER() OVER (PARTITION BY case_id, case_group, EXTRACT(YEAR FROM registered_on)
                       ORDER BY registered_on DESC, area_code DESC) AS latest_first,
    MIN(registered_on) OVER (PARTITION BY case_id, case_group, EXTRACT(YEAR FROM registered_on)) AS first_registered_on,
    MIN(employed_on) OVER (PARTITION BY case_id, case_group, EXTRACT(YEAR FROM registered_on)) AS first_employed_on,
    MIN(exited_on) OVER (PARTITION BY case_id, case_group, EXTRACT(YEAR FROM registered_on)) AS first_exited_on
  FROM typed t
)
SELECT
  case_id,
  area_code,
  case_group,
  case_year,
  first_registered_on AS registered_on,
  first_employed_on AS employed_on,
  first_exited_on AS exited_on,
  followed_up_on
FROM ranked
WHERE latest_first = 1
