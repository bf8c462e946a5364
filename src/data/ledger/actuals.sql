-- Cases → monthly figures per area, for every indicator a ledger rule feeds.
--
-- Shared SQL, like clean.sql and cases.sql (equality joins, one range join against the calendar,
-- date + n * INTERVAL '1' MONTH, which every engine clamps to the month's end, month numbers by
-- EXTRACT, and running SUMs). Inputs:
--   ledger_cases  (from cases.sql)
--   ledger_rules  (indicator_id, rule, case_group, months): which indicator each rule feeds,
--                 taken from indicators.csv's optional `ledger_rule` column
--   calendar      (period 'YYYY-MM', period_year, month_start DATE, month_end DATE): the months to compute,
--                 from January of the first case year to December of the last year with a registration,
--                 an employment or an exit (the host makes it: calendars differ by dialect)
-- Output columns: indicator_id, area_code, period, value, numerator, denominator — the shape of
-- actuals.csv (rates as year-to-date numerator and denominator; flows as the month's amount).
--
-- Rules:
--   employed_rate    cases registered this year by month end ÷ those with employment by month end
--   deadline_rate    cases whose deadline (registered_on + N months) has come by month end ÷ those
--                    employed by their deadline (on the deadline day counts as in time)
--   employed_flow    cases employed during the month
--   followup_rate    person-months on the register (Jan..month) ÷ those with a follow-up that month
--
-- Months are numbered (year × 12 + month − 1), so "by the month's end" is a comparison of numbers
-- and each case is counted once, in the month it starts to count, instead of once per month.
WITH months AS (
  SELECT period, period_year, month_start, month_end,
    EXTRACT(YEAR FROM month_start) * 12 + EXTRACT(MONTH FROM month_start) - 1 AS month_no
  FROM calendar
),
-- The two rates count cases of the month's year, from the month each case starts to count to
-- December: each case is one event (d: into the denominator, n: into the numerator) in that month.
rate_events AS (
  -- employed_rate: a case counts from the month it was registered, as employed from the month of
  -- its employment (its registration month if it was employed before it).
  SELECT r.indicator_id, k.area_code, k.case_year,
    EXTRACT(YEAR FROM k.registered_on) * 12 + EXTRACT(MONTH FROM k.registered_on) - 1 AS month_no, 1 AS d, 0 AS n
  FROM ledger_rules r
  JOIN ledger_cases k ON k.case_group = r.case_group
  WHERE r.rule = 'employed_rate'
  UNION ALL
  SELECT r.indicator_id, k.area_code, k.case_year,
    GREATEST(EXTRACT(YEAR FROM k.registered_on) * 12 + EXTRACT(MONTH FROM k.registered_on) - 1,
             EXTRACT(YEAR FROM k.employed_on) * 12 + EXTRACT(MONTH FROM k.employed_on) - 1) AS month_no, 0 AS d, 1 AS n
  FROM ledger_rules r
  JOIN ledger_cases k ON k.case_group = r.case_group
  WHERE r.rule = 'employed_rate' AND k.employed_on IS NOT NULL
  UNION ALL
  -- deadline_rate: a case counts from the month of its deadline, in time if employed by that day.
  SELECT indicator_id, area_code, case_year,
    EXTRACT(YEAR FROM deadline) * 12 + EXTRACT(MONTH FROM deadline) - 1 AS month_no, 1 AS d,
    CASE WHEN employed_on IS NOT NULL AND employed_on <= deadline THEN 1 ELSE 0 END AS n
  FROM (
    SELECT r.indicator_id, k.area_code, k.case_year, k.employed_on, k.registered_on + r.months * INTERVAL '1' MONTH AS deadline
    FROM ledger_rules r
    JOIN ledger_cases k ON k.case_group = r.case_group
    WHERE r.rule = 'deadline_rate'
  ) deadlines
),
rate_counts AS (
  -- Events after December of the case's year belong to no figure of that year.
  SELECT indicator_id, area_code, case_year, month_no, SUM(d) AS d, SUM(n) AS n
  FROM rate_events
  WHERE month_no <= case_year * 12 + 11
  GROUP BY indicator_id, area_code, case_year, month_no
),
rate_months AS (
  -- Every month of the year from the first in which a case counts.
  SELECT c.indicator_id, c.area_code, c.case_year, m.period, m.month_no
  FROM (
    SELECT indicator_id, area_code, case_year, MIN(month_no) AS first_no
    FROM rate_counts
    GROUP BY indicator_id, area_code, case_year
  ) c
  JOIN months m ON m.period_year = c.case_year AND m.month_no >= c.first_no
),
rates AS (
  SELECT g.indicator_id, g.area_code, g.period,
    CAST(NULL AS DOUBLE) AS value,
    CAST(SUM(COALESCE(c.n, 0)) OVER (PARTITION BY g.indicator_id, g.area_code, g.case_year ORDER BY g.month_no
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) AS numerator,
    CAST(SUM(COALESCE(c.d, 0)) OVER (PARTITION BY g.indicator_id, g.area_code, g.case_year ORDER BY g.month_no
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) AS denominator
  FROM rate_months g
  LEFT JOIN rate_counts c
    ON c.indicator_id = g.indicator_id AND c.area_code = g.area_code AND c.case_year = g.case_year AND c.month_no = g.month_no
),
flows AS (
  -- employed_flow: cases employed in the month (any case year).
  SELECT f.indicator_id, f.area_code, m.period,
    CAST(f.n AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator
  FROM (
    SELECT r.indicator_id, k.area_code,
      EXTRACT(YEAR FROM k.employed_on) * 12 + EXTRACT(MONTH FROM k.employed_on) - 1 AS month_no, COUNT(*) AS n
    FROM ledger_rules r
    JOIN ledger_cases k ON k.case_group = r.case_group
    WHERE r.rule = 'employed_flow' AND k.employed_on IS NOT NULL
    GROUP BY r.indicator_id, k.area_code, EXTRACT(YEAR FROM k.employed_on) * 12 + EXTRACT(MONTH FROM k.employed_on) - 1
  ) f
  JOIN months m ON m.month_no = f.month_no
),
followup_cases AS (
  -- On the register from registration to the month of employment or exit (inclusive).
  SELECT r.indicator_id, k.area_code, k.registered_on, k.followed_up_on,
    LEAST(COALESCE(k.employed_on, DATE '9999-12-31'), COALESCE(k.exited_on, DATE '9999-12-31')) AS last_day
  FROM ledger_rules r
  JOIN ledger_cases k ON k.case_group = r.case_group
  WHERE r.rule = 'followup_rate'
),
followup_months AS (
  -- One row per person and month on the register (a range join: registered by the month's end,
  -- not yet employed or exited before it began), followed when a follow-up date falls in it. Each
  -- month is checked on its own (the month's text anywhere in the list), so this one expands.
  SELECT f.indicator_id, f.area_code, c.period, c.period_year, c.month_start,
    CASE WHEN POSITION(c.period IN f.followed_up_on) > 0 THEN 1 ELSE 0 END AS followed
  FROM calendar c
  JOIN followup_cases f ON f.registered_on <= c.month_end AND f.last_day >= c.month_start
),
followup_monthly AS (
  SELECT indicator_id, area_code, period, period_year, month_start, SUM(followed) AS followed, COUNT(*) AS active
  FROM followup_months
  GROUP BY indicator_id, area_code, period, period_year, month_start
),
followups AS (
  -- Year-to-date person-months: the running sum within the year.
  SELECT indicator_id, area_code, period,
    CAST(NULL AS DOUBLE) AS value,
    CAST(SUM(followed) OVER (PARTITION BY indicator_id, area_code, period_year ORDER BY month_start
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) AS numerator,
    CAST(SUM(active) OVER (PARTITION BY indicator_id, area_code, period_year ORDER BY month_start
                           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) AS denominator
  FROM followup_monthly
)
SELECT indicator_id, area_code, period, value, numerator, denominator FROM rates
UNION ALL
SELECT indicator_id, area_code, period, value, numerator, denominator FROM flows
UNION ALL
SELECT indicator_id, area_code, period, value, numerator, denominator FROM followups
