-- The batches in the order they were received (int/fix_received.sql), with the entities each delivered: age 1 is the
-- latest batch, 2 the one before it (for the fix-lists, int/fix_records.sql). The age is a self-join of a few rows,
-- not a window over one partition.
-- (No WITH here: a view with CTEs read inside another view's CTEs breaks Spark 4.1's CTE planning.)
SELECT r.batch_id, r.entity, b.ingested_at, b.age
FROM int_fix_received r
JOIN (
    SELECT b.batch_id, b.ingested_at, count(*) AS age
    FROM (SELECT batch_id, min(ingested_at) AS ingested_at FROM int_fix_received GROUP BY batch_id) b
    JOIN (SELECT batch_id, min(ingested_at) AS ingested_at FROM int_fix_received GROUP BY batch_id) o
      ON o.ingested_at > b.ingested_at OR (o.ingested_at = b.ingested_at AND o.batch_id >= b.batch_id)
    GROUP BY b.batch_id, b.ingested_at
) b ON b.batch_id = r.batch_id
