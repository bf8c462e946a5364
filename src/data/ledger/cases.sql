-- Clean ledger rows → cases: one row per (case, group, year of registration), in the person's latest area.
--
-- Shared SQL, like clean.sql (GROUP BY, MIN, MAX, MAX_BY, NULLIF, COALESCE, SUBSTR, EXTRACT, ||), so
-- the browser, `npm run aggregate` and a cluster run the same file. Input: ledger_clean, the rows of
-- clean.sql whose problem is NULL, with their registration_order. Output (the host makes it a table
-- named ledger_cases):
--   area_code, case_group, case_year, registered_on, employed_on, exited_on, followed_up_on.
-- Person ids stop here: nothing after this step carries them.
--
-- A person registered twice in a year (a duplicate, or a move to another district) is one case:
-- the clock starts at the first registration, employment and exit are the earliest on record, and
-- the case belongs to the area (and has the follow-ups) of the latest registration, the larger
-- area code on the same day (then the larger follow-up list, so that every engine picks the same
-- row). registration_order (clean.sql) is that order as one number, so the area is a MAX_BY on a
-- BIGINT; the follow-ups are the MAX of that number written in 15 digits followed by the list, cut
-- after the 15th character (equal widths, so the text orders as the number does, then by the list).
-- Measured in DuckDB-WASM at 1M rows, this takes less time and memory than a MAX_BY over a
-- (date, area, follow-ups) row (which DuckDB compares as a generic struct) and than one MAX over a
-- 'date|area|follow-ups' string cut apart at its separators (an area code holding '|' broke that).
SELECT
  MAX_BY(area_code, registration_order) AS area_code,
  case_group,
  EXTRACT(YEAR FROM registered_on) AS case_year,
  MIN(registered_on) AS registered_on,
  MIN(employed_on) AS employed_on,
  MIN(exited_on) AS exited_on,
  NULLIF(SUBSTR(MAX(CAST(registration_order + 100000000000000 AS VARCHAR(15)) || COALESCE(followed_up_on, '')), 16), '') AS followed_up_on
FROM ledger_clean
GROUP BY case_id, case_group, EXTRACT(YEAR FROM registered_on)
