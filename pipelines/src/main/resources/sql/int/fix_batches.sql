-- The batches in the order they were received, with the entities each delivered: age 1 is the latest batch, 2 the
-- one before it (for the fix-lists, int/fix_records.sql). Read from the raw tables' file metadata (the lowest
-- ingested_at of each batch's files), not from their rows; a compaction keeps those bounds.
-- (No WITH here: a view with CTEs read inside another view's CTEs breaks Spark 4.1's CTE planning.)
SELECT r.batch_id, r.entity, b.ingested_at, b.age
FROM (
    SELECT partition.batch_id AS batch_id, 'accounts' AS entity FROM raw.accounts.files
    UNION SELECT partition.batch_id, 'units' FROM raw.units.files
    UNION SELECT partition.batch_id, 'self_assessments' FROM raw.self_assessments.files
    UNION SELECT partition.batch_id, 'recognitions' FROM raw.recognitions.files
    UNION SELECT partition.batch_id, 'population' FROM raw.population.files
) r
JOIN (
    -- a self-join of a few rows, not a window over one partition
    SELECT b.batch_id, b.ingested_at, count(*) AS age
    FROM (
        SELECT batch_id, min(at) AS ingested_at
        FROM (
            SELECT partition.batch_id AS batch_id, readable_metrics.ingested_at.lower_bound AS at FROM raw.accounts.files
            UNION ALL SELECT partition.batch_id, readable_metrics.ingested_at.lower_bound FROM raw.units.files
            UNION ALL SELECT partition.batch_id, readable_metrics.ingested_at.lower_bound FROM raw.self_assessments.files
            UNION ALL SELECT partition.batch_id, readable_metrics.ingested_at.lower_bound FROM raw.recognitions.files
            UNION ALL SELECT partition.batch_id, readable_metrics.ingested_at.lower_bound FROM raw.population.files
        ) f
        GROUP BY batch_id
    ) b
    JOIN (
        SELECT batch_id, min(at) AS ingested_at
        FROM (
            SELECT partition.batch_id AS batch_id, readable_metrics.ingested_at.lower_bound AS at FROM raw.accounts.files
            UNION ALL SELECT partition.batch_id, readable_metrics.ingested_at.lower_bound FROM raw.units.files
            UNION ALL SELECT partition.batch_id, readable_metrics.ingested_at.lower_bound FROM raw.self_assessments.files
            UNION ALL SELECT partition.batch_id, readable_metrics.ingested_at.lower_bound FROM raw.recognitions.files
            UNION ALL SELECT partition.batch_id, readable_metrics.ingested_at.lower_bound FROM raw.population.files
        ) f
        GROUP BY batch_id
    ) o ON o.ingested_at > b.ingested_at OR (o.ingested_at = b.ingested_at AND o.batch_id >= b.batch_id)
    GROUP BY b.batch_id, b.ingested_at
) b ON b.batch_id = r.batch_id
