-- Every month from the first to the last month with activity up to the data's as-of (int_data_as_of); each belongs
-- to its programme year (its calendar year).
--   month_complete     the month had ended by the as-of date;
--   as_of_date         figures of the month are cumulative to the end of this day: its last day, or the as-of date;
--   is_latest_month    the last month of its year that has data (possibly unfinished);
--   is_reported_month  the last complete month of its year (or its latest month, if none is complete): the month a
--                      year's figure is reported at.
WITH days AS (
    SELECT to_date(coalesce(registered_at, updated_at)) AS d FROM core.accounts
    UNION ALL SELECT to_date(submitted_at) FROM core.self_assessments
    UNION ALL SELECT decided_on FROM core.recognitions
),
months AS (
    SELECT explode(sequence(trunc(min(d), 'MM'), trunc(max(d), 'MM'), INTERVAL 1 MONTH)) AS month_start
    FROM days CROSS JOIN int_data_as_of a
    WHERE d IS NOT NULL AND d <= a.as_of_date
),
spine AS (
    SELECT date_format(m.month_start, 'yyyy-MM') AS as_of_month,
           year(m.month_start) AS year,
           m.month_start,
           add_months(m.month_start, 1) AS next_month_start,
           add_months(m.month_start, 1) <= a.as_of_date AS month_complete,
           least(last_day(m.month_start), a.as_of_date) AS as_of_date
    FROM months m CROSS JOIN int_data_as_of a
)
SELECT as_of_month, year, month_start, next_month_start, month_complete, as_of_date,
       month_start = max(month_start) OVER (PARTITION BY year) AS is_latest_month,
       as_of_month = coalesce(max(CASE WHEN month_complete THEN as_of_month END) OVER (PARTITION BY year),
                              max(as_of_month) OVER (PARTITION BY year)) AS is_reported_month
FROM spine
