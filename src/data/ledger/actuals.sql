-- Cases → monthly figures per area, for every indicator a ledger rule feeds.
--
-- Shared SQL, like clean.sql and cases.sql (equality joins, one range join against the calendar,
-- date + n * INTERVAL '1' MONTH, which every engine clamps to the month's end, and a running SUM).
-- Inputs:
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
WITH months AS (
  SELECT c.period, c.period_year, c.month_start, c.month_end, r.indicator_id, r.rule, r.case_group, r.months
  FROM calendar c CROSS JOIN ledger_rules r
),
-- Each rule joins on equality (group, year) so engines can hash-join; a rule in a join's OR would
-- make them compare every case with every month.
employed_rates AS (
  SELECT
    m.indicator_id, k.area_code, m.period,
    CAST(NULL AS DOUBLE) AS value,
    CAST(SUM(CASE WHEN k.employed_on IS NOT NULL AND k.employed_on <= m.month_end THEN 1 ELSE 0 END) AS DOUBLE) AS numerator,
    CAST(COUNT(*) AS DOUBLE) AS denominator
  FROM months m
  JOIN ledger_cases k ON k.case_group = m.case_group AND k.case_year = m.period_year
  WHERE m.rule = 'employed_rate' AND k.registered_on <= m.month_end
  GROUP BY m.indicator_id, k.area_code, m.period
),
deadline_cases AS (
  -- Each case's deadline, once per rule (not once per month).
  SELECT r.indicator_id, r.case_group, k.area_code, k.case_year,
    k.registered_on + r.months * INTERVAL '1' MONTH AS deadline,
    CASE WHEN k.employed_on IS NOT NULL AND k.employed_on <= k.registered_on + r.months * INTERVAL '1' MONTH THEN 1 ELSE 0 END AS in_time
  FROM ledger_rules r
  JOIN ledger_cases k ON k.case_group = r.case_group
  WHERE r.rule = 'deadline_rate'
),
deadline_rates AS (
  SELECT
    m.indicator_id, d.area_code, m.period,
    CAST(NULL AS DOUBLE) AS value,
    CAST(SUM(d.in_time) AS DOUBLE) AS numerator,
    CAST(COUNT(*) AS DOUBLE) AS denominator
  FROM months m
  JOIN deadline_cases d ON d.indicator_id = m.indicator_id AND d.case_year = m.period_year
  WHERE m.rule = 'deadline_rate' AND d.deadline <= m.month_end
  GROUP BY m.indicator_id, d.area_code, m.period
),
flows AS (
  SELECT m.indicator_id, k.area_code, m.period,
    CAST(COUNT(*) AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator
  FROM months m
  JOIN ledger_cases k
    ON k.case_group = m.case_group
   AND k.employed_on >= m.month_start AND k.employed_on <= m.month_end
  WHERE m.rule = 'employed_flow'
  GROUP BY m.indicator_id, k.area_code, m.period
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
  -- not yet employed or exited before it began), followed when a follow-up date falls in it.
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
SELECT indicator_id, area_code, period, value, numerator, denominator FROM employed_rates
UNION ALL
SELECT indicator_id, area_code, period, value, numerator, denominator FROM deadline_rates
UNION ALL
SELECT indicator_id, area_code, period, value, numerator, denominator FROM flows
UNION ALL
SELECT indicator_id, area_code, period, value, numerator, denominator FROM followups
