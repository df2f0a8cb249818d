-- Every month from the first to the last month with activity; each belongs to its programme year (its calendar
-- year). is_latest_month marks the last month of each year that has data: the year's current (or final) figure.
WITH days AS (
    SELECT to_date(coalesce(registered_at, updated_at)) AS d FROM core.accounts
    UNION ALL SELECT to_date(submitted_at) FROM core.self_assessments
    UNION ALL SELECT decided_on FROM core.recognitions
),
months AS (
    SELECT explode(sequence(trunc(min(d), 'MM'), trunc(max(d), 'MM'), INTERVAL 1 MONTH)) AS month_start
    FROM days
    WHERE d IS NOT NULL
)
SELECT date_format(month_start, 'yyyy-MM') AS as_of_month,
       year(month_start) AS year,
       month_start,
       add_months(month_start, 1) AS next_month_start,
       month_start = max(month_start) OVER (PARTITION BY year(month_start)) AS is_latest_month
FROM months
