-- Accounts, one per account_id (latest updated_at), identified by the citizen's pseudonym citizen_key. No personal
-- data here: CCCD, name, birth date, sex and phone are in restricted.citizens.
CREATE TABLE IF NOT EXISTS core.accounts (
    account_id         STRING,
    citizen_key        STRING,      -- HMAC-SHA256 of the CCCD
    citizen_group      STRING,      -- I | II | III
    unit_code          STRING,
    status             STRING,      -- active | locked | deleted
    registered_at      TIMESTAMP,
    updated_at         TIMESTAMP,
    province_code      STRING,
    district_code      STRING,
    commune_code       STRING,
    geography          STRING,
    province_code_2024 STRING,
    district_code_2024 STRING,
    commune_code_2024  STRING,
    province_code_2025 STRING,
    commune_code_2025  STRING,
    flags              ARRAY<STRING>,
    batch_id           STRING,
    source_file        STRING,
    source_row         BIGINT
) USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read')
