-- Recognitions (công nhận) of the title by a unit, one per account and year.
CREATE TABLE IF NOT EXISTS core.recognitions (
    account_id         STRING,
    year               INT,
    decision_no        STRING,
    decided_on         DATE,
    unit_code          STRING,
    status             STRING,
    version_at         TIMESTAMP,   -- updated_at, or when the batch was received if the file has none
    flags              ARRAY<STRING>,
    batch_id           STRING,
    source_file        STRING,
    source_row         BIGINT
) USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read')
