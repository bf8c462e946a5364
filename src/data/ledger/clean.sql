-- Ledger rows → the rows that can be cases, each with the reason it cannot when it cannot.
--
-- Shared SQL (DuckDB, Spark SQL ≥ 3.2, Trino: TRY_CAST, CASE, TRIM). Inputs:
--   ledger_numbered  the ledger's text columns plus `line` (the file line of the row)
--   known_areas      (area_code) the areas of areas.csv
-- Output columns: line, case_id, area_code, case_group, registered_on, employed_on, exited_on,
-- followed_up_on, source, problem (NULL for a usable row).
SELECT
  l.line,
  l.case_id,
  TRIM(l.area_code) AS area_code,
  LOWER(TRIM(l.case_group)) AS case_group,
  l.registered_on,
  l.employed_on,
  l.exited_on,
  l.followed_up_on,
  l.source,
  CASE
    WHEN l.case_id IS NULL OR TRIM(l.case_id) = '' THEN 'missing_id'
    WHEN l.registered_on IS NULL OR TRY_CAST(TRIM(l.registered_on) AS DATE) IS NULL THEN 'bad_date'
    WHEN l.employed_on IS NOT NULL AND TRIM(l.employed_on) <> '' AND TRY_CAST(TRIM(l.employed_on) AS DATE) IS NULL THEN 'bad_date'
    WHEN l.exited_on IS NOT NULL AND TRIM(l.exited_on) <> '' AND TRY_CAST(TRIM(l.exited_on) AS DATE) IS NULL THEN 'bad_date'
    WHEN l.area_code IS NULL OR TRIM(l.area_code) NOT IN (SELECT area_code FROM known_areas) THEN 'unknown_area'
  END AS problem
FROM ledger_numbered l
