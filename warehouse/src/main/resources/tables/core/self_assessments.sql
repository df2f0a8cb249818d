-- Every self-assessment submission (phiếu), latest version per assessment_id. core.yearly_assessments keeps the one
-- that counts per citizen and year.
CREATE TABLE IF NOT EXISTS core.self_assessments (
    assessment_id      STRING,
    account_id         STRING,
    year               INT,
    criteria_set       STRING,
    citizen_group      STRING,
    score_1 DECIMAL(6, 2), score_2 DECIMAL(6, 2), score_3 DECIMAL(6, 2), score_4 DECIMAL(6, 2), score_5 DECIMAL(6, 2),
    score_6 DECIMAL(6, 2), score_7 DECIMAL(6, 2), score_8 DECIMAL(6, 2), score_9 DECIMAL(6, 2), score_10 DECIMAL(6, 2),
    total_score        DECIMAL(8, 2),
    achieved           BOOLEAN,     -- the source system's result (Đạt): authoritative
    rule_achieved      BOOLEAN,     -- the configured rule's verdict: a data-quality check
    criteria_met       INT,
    submitted_at       TIMESTAMP,
    updated_at         TIMESTAMP,
    status             STRING,      -- active | deleted
    flags              ARRAY<STRING>,
    batch_id           STRING,
    source_file        STRING,
    source_row         BIGINT
) USING iceberg
PARTITIONED BY (year)
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read')
