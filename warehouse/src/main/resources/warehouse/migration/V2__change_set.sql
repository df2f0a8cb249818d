-- V2: the change set of every batch (issue 17). Each MERGE into core records here, for every key it touches, the
-- account of the old version and of the new one (and for an account its citizen_key before and after), so that
-- core.yearly_assessments and the agg.* tables are maintained for the citizens a batch touched instead of rebuilt.
-- Appended only (INSERT INTO): the indicators read what was appended since their last run as an Iceberg incremental
-- append scan. A batch run again appends its rows again; the readers take the distinct accounts.

CREATE TABLE IF NOT EXISTS core.changes (
    batch_id           STRING,
    entity             STRING,      -- accounts, self_assessments, recognitions
    version            STRING,      -- old (what core held before) or new (what the batch wrote)
    account_id         STRING,
    citizen_key        STRING,      -- accounts only: the account's citizen in that version (NULL for an invalid CCCD)
    recorded_at        TIMESTAMP
) USING iceberg
PARTITIONED BY (batch_id)
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none');
