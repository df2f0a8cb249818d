-- The self-assessment that counts for a citizen in a year: the latest submission (Ngày gửi, then Ngày cập nhật).
CREATE TABLE IF NOT EXISTS core.yearly_assessments (
    year               INT,
    citizen_key        STRING,      -- NULL while the account has not arrived (orphan)
    account_id         STRING,
    assessment_id      STRING,
    submissions        BIGINT,      -- how many live submissions the citizen made that year
    criteria_set       STRING,
    citizen_group      STRING,
    score_1 DECIMAL(6, 2), score_2 DECIMAL(6, 2), score_3 DECIMAL(6, 2), score_4 DECIMAL(6, 2), score_5 DECIMAL(6, 2),
    score_6 DECIMAL(6, 2), score_7 DECIMAL(6, 2), score_8 DECIMAL(6, 2), score_9 DECIMAL(6, 2), score_10 DECIMAL(6, 2),
    total_score        DECIMAL(8, 2),
    achieved           BOOLEAN,
    rule_achieved      BOOLEAN,
    submitted_at       TIMESTAMP,
    is_orphan          BOOLEAN
) USING iceberg
PARTITIONED BY (year)
TBLPROPERTIES ('format-version' = '2')
