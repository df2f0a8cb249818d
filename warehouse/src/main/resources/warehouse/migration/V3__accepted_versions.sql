-- V3: the versions each batch accepted (issue 18). Every row a batch merges into core (a winner: valid and newer than
-- what core held) appends here its entity, its key and its flags, so that the fix-lists can tell what was open before
-- the latest batch and what that batch corrected (mart.fix_list, mart.fix_summary): core keeps only the newest
-- version, and a corrected row's earlier flags are gone from it. No personal data: keys and finding codes only.
-- Appended only; a batch run again appends its rows again, and the readers take the distinct rows.

CREATE TABLE IF NOT EXISTS core.versions (
    batch_id           STRING,
    entity             STRING,      -- accounts, units, self_assessments, recognitions, population
    record_key         STRING,      -- the entity's key, its parts joined by '/' (recognitions: account_id/year)
    flags              ARRAY<STRING>,
    file_name          STRING,      -- where the accepted row came from (raw.<entity>)
    row_number         BIGINT,
    recorded_at        TIMESTAMP
) USING iceberg
PARTITIONED BY (batch_id)
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none');
