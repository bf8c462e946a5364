-- Clean ledger rows → cases: one row per (case, group, year of registration), in the person's latest area.
--
-- Shared SQL, like clean.sql (CTEs, GROUP BY, MIN/MAX, CONCAT, SUBSTR, POSITION(.. IN ..), EXTRACT and
-- CAST(date AS VARCHAR(10)), which is 'YYYY-MM-DD' everywhere: Spark rejects a VARCHAR without a
-- length), so the browser, `npm run aggregate` and a cluster run the same file. Input: ledger_clean,
-- the rows of clean.sql whose problem is NULL. Output (the host makes it a table named ledger_cases):
--   area_code, case_group, case_year, registered_on, employed_on, exited_on, followed_up_on.
-- Person ids stop here: nothing after this step carries them.
--
-- A person registered twice in a year (a duplicate, or a move to another district) is one case:
-- the clock starts at the first registration, employment and exit are the earliest on record, and
-- the case belongs to the area (and has the follow-ups) of the latest registration, the larger
-- area code on the same day. That "latest" is one MAX over 'date|area|follow-ups' (area codes hold
-- no '|'), which costs a third of the two MAX_BYs it replaces.
WITH per_case AS (
  SELECT
    case_group,
    EXTRACT(YEAR FROM registered_on) AS case_year,
    MIN(registered_on) AS registered_on,
    MIN(employed_on) AS employed_on,
    MIN(exited_on) AS exited_on,
    MAX(CONCAT(CAST(registered_on AS VARCHAR(10)), '|', area_code, '|', COALESCE(followed_up_on, ''))) AS latest
  FROM ledger_clean
  GROUP BY case_id, case_group, EXTRACT(YEAR FROM registered_on)
)
SELECT
  SUBSTR(latest, 12, POSITION('|' IN SUBSTR(latest, 12)) - 1) AS area_code,
  case_group,
  case_year,
  registered_on,
  employed_on,
  exited_on,
  NULLIF(SUBSTR(latest, 12 + POSITION('|' IN SUBSTR(latest, 12))), '') AS followed_up_on
FROM per_case
