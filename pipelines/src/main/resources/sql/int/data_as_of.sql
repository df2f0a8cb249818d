-- The moment the data is as of: when the latest batch was received (an export's extraction, a database read). A row
-- dated after it is not counted yet (validation flags it FUTURE_DATED against its own batch); a month that had not
-- ended by then is not a complete month, and reports label it "tính đến ngày ...".
-- (No WITH here: a view with CTEs read inside another view's CTEs breaks Spark 4.1's CTE planning.)
SELECT max(at) AS as_of_ts, to_date(max(at)) AS as_of_date
FROM (
    SELECT max(ingested_at) AS at FROM raw.accounts
    UNION ALL SELECT max(ingested_at) FROM raw.units
    UNION ALL SELECT max(ingested_at) FROM raw.self_assessments
    UNION ALL SELECT max(ingested_at) FROM raw.recognitions
    UNION ALL SELECT max(ingested_at) FROM raw.population
) received
