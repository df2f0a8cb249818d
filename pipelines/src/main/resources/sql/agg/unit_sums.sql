-- Per unit and year, what mart.unit_progress counts: active accounts registered that year with the unit's code (the
-- mart adds up the years up to each), citizens assessed and achieved (their submission that counts, at the unit of
-- its account), and recognitions (at the unit of the decision, else of the account). Nothing dated after the data's
-- as-of (int_data_as_of) is counted yet.
-- Stored, and maintained by delta (vn.cdht.pipelines.delta): every measure is a count, contributions counts the rows
-- summed, and a group whose count falls to 0 is removed.
-- keys: unit_code, year
WITH facts AS (
    SELECT year(coalesce(a.registered_at, a.updated_at)) AS year, a.unit_code,
           1 AS registered_in_year, 0 AS assessed, 0 AS achieved, 0 AS recognised
    FROM core.accounts a
    CROSS JOIN int_data_as_of d
    WHERE a.status = 'active' AND coalesce(a.registered_at, a.updated_at) <= d.as_of_ts
    UNION ALL
    SELECT y.year, a.unit_code, 0, 1, CASE WHEN y.achieved THEN 1 ELSE 0 END, 0
    FROM core.yearly_assessments y
    JOIN core.accounts a ON a.account_id = y.account_id
    CROSS JOIN int_data_as_of d
    WHERE y.submitted_at <= d.as_of_ts
    UNION ALL
    SELECT r.year, coalesce(r.unit_code, a.unit_code), 0, 0, 0, 1
    FROM core.recognitions r
    LEFT JOIN core.accounts a ON a.account_id = r.account_id
    CROSS JOIN int_data_as_of d
    WHERE r.status = 'active' AND coalesce(r.decided_on, make_date(r.year, 11, 30)) <= d.as_of_date
)
SELECT year, unit_code,
       sum(registered_in_year) AS registered_in_year,
       sum(assessed)           AS assessed,
       sum(achieved)           AS achieved,
       sum(recognised)         AS recognised,
       count(*)                AS contributions
FROM facts
GROUP BY year, unit_code
