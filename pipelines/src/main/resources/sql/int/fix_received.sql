-- When each batch delivered each entity, for the order of batches (int/fix_batches.sql): the lowest ingested_at of the
-- batch's files in raw.<entity>, read from the tables' file metadata rather than their rows (a compaction keeps it).
SELECT partition.batch_id AS batch_id, 'accounts' AS entity, min(readable_metrics.ingested_at.lower_bound) AS ingested_at
FROM raw.accounts.files GROUP BY partition.batch_id
UNION ALL
SELECT partition.batch_id, 'units', min(readable_metrics.ingested_at.lower_bound) FROM raw.units.files GROUP BY partition.batch_id
UNION ALL
SELECT partition.batch_id, 'self_assessments', min(readable_metrics.ingested_at.lower_bound)
FROM raw.self_assessments.files GROUP BY partition.batch_id
UNION ALL
SELECT partition.batch_id, 'recognitions', min(readable_metrics.ingested_at.lower_bound)
FROM raw.recognitions.files GROUP BY partition.batch_id
UNION ALL
SELECT partition.batch_id, 'population', min(readable_metrics.ingested_at.lower_bound)
FROM raw.population.files GROUP BY partition.batch_id
