-- RESTRICTED (raw content holds personal data). Every rejected row: where it came from, why, and what it said.
CREATE TABLE IF NOT EXISTS quarantine.rows (
    batch_id           STRING,
    entity             STRING,
    file_name          STRING,
    row_number         BIGINT,
    reasons            ARRAY<STRING>,
    raw_line           STRING,
    quarantined_at     TIMESTAMP
) USING iceberg
PARTITIONED BY (batch_id, entity)
-- each write is one batch and entity, one partition: no shuffle to cluster rows by it
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none')
