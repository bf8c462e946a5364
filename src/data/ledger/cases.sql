-- Clean ledger rows → cases: one row per (case, group, year of registration), in the person's latest area.
--
-- Shared SQL, like clean.sql (GROUP BY, MIN, MAX_BY, NULLIF, COALESCE, EXTRACT and a row constructor
-- (a, b): a struct in DuckDB and Spark, a ROW in Trino, compared field by field in all three), so the
-- browser, `npm run aggregate` and a cluster run the same file. Input: ledger_clean, the rows of
-- clean.sql whose problem is NULL. Output (the host makes it a table named ledger_cases):
--   area_code, case_group, case_year, registered_on, employed_on, exited_on, followed_up_on.
-- Person ids stop here: nothing after this step carries them.
--
-- A person registered twice in a year (a duplicate, or a move to another district) is one case:
-- the clock starts at the first registration, employment and exit are the earliest on record, and
-- the case belongs to the area (and has the follow-ups) of the latest registration, the larger
-- area code on the same day (then the larger follow-up list, so that every engine picks the same
-- row). MAX_BY over that order picks it in the same pass as the MINs; its key holds no NULL, so
-- no engine's NULL ordering matters. (It replaced one MAX over a 'date|area|follow-ups' string
-- that was built for every row and cut apart again for every case.)
SELECT
  MAX_BY(area_code, (registered_on, area_code)) AS area_code,
  case_group,
  EXTRACT(YEAR FROM registered_on) AS case_year,
  MIN(registered_on) AS registered_on,
  MIN(employed_on) AS employed_on,
  MIN(exited_on) AS exited_on,
  NULLIF(MAX_BY(COALESCE(followed_up_on, ''), (registered_on, area_code, COALESCE(followed_up_on, ''))), '') AS followed_up_on
FROM ledger_clean
GROUP BY case_id, case_group, EXTRACT(YEAR FROM registered_on)
