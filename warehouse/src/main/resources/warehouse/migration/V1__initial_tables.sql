-- V1: every stateful table of the warehouse as cdht created it before migrations existed (CREATE TABLE IF NOT EXISTS,
-- so that on a warehouse created then this migration changes nothing and only records version 1). From here on a table
-- changes only by a new migration (README.md in this folder). Spark SQL on the configured Iceberg catalog.
--
-- Not here: ref.* and mart.*, which every run rebuilds from their SQL model (CREATE OR REPLACE TABLE ... AS SELECT): a
-- model's schema is its SELECT.

CREATE NAMESPACE IF NOT EXISTS raw;
CREATE NAMESPACE IF NOT EXISTS core;
CREATE NAMESPACE IF NOT EXISTS restricted;
CREATE NAMESPACE IF NOT EXISTS quarantine;

-- raw.<entity>: RESTRICTED (they hold personal data). The rows of each batch as received: every field of the source
-- contract (vn.cdht.warehouse.source.SourceEntity, in its order) as text, then where the row came from. One batch is
-- one partition: no shuffle to cluster rows by it before writing (write.distribution-mode none).

CREATE TABLE IF NOT EXISTS raw.accounts (
    account_id         STRING,
    citizen_id         STRING,
    full_name          STRING,
    birth_date         STRING,
    sex                STRING,
    phone              STRING,
    province_code      STRING,
    district_code      STRING,
    commune_code       STRING,
    unit_code          STRING,
    citizen_group      STRING,
    registered_at      STRING,
    updated_at         STRING,
    status             STRING,
    batch_id           STRING,
    file_name          STRING,
    row_number         BIGINT,
    raw_line           STRING,
    ingested_at        TIMESTAMP
) USING iceberg
PARTITIONED BY (batch_id)
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none');

CREATE TABLE IF NOT EXISTS raw.units (
    unit_code          STRING,
    unit_name          STRING,
    unit_type          STRING,
    province_code      STRING,
    district_code      STRING,
    commune_code       STRING,
    member_count       STRING,
    updated_at         STRING,
    status             STRING,
    batch_id           STRING,
    file_name          STRING,
    row_number         BIGINT,
    raw_line           STRING,
    ingested_at        TIMESTAMP
) USING iceberg
PARTITIONED BY (batch_id)
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none');

CREATE TABLE IF NOT EXISTS raw.self_assessments (
    assessment_id      STRING,
    account_id         STRING,
    year               STRING,
    criteria_set       STRING,
    citizen_group      STRING,
    score_1            STRING,
    score_2            STRING,
    score_3            STRING,
    score_4            STRING,
    score_5            STRING,
    score_6            STRING,
    score_7            STRING,
    score_8            STRING,
    score_9            STRING,
    score_10           STRING,
    total_score        STRING,
    result             STRING,
    submitted_at       STRING,
    updated_at         STRING,
    status             STRING,
    batch_id           STRING,
    file_name          STRING,
    row_number         BIGINT,
    raw_line           STRING,
    ingested_at        TIMESTAMP
) USING iceberg
PARTITIONED BY (batch_id)
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none');

CREATE TABLE IF NOT EXISTS raw.recognitions (
    account_id         STRING,
    year               STRING,
    decision_no        STRING,
    decided_on         STRING,
    unit_code          STRING,
    updated_at         STRING,
    status             STRING,
    batch_id           STRING,
    file_name          STRING,
    row_number         BIGINT,
    raw_line           STRING,
    ingested_at        TIMESTAMP
) USING iceberg
PARTITIONED BY (batch_id)
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none');

CREATE TABLE IF NOT EXISTS raw.population (
    year               STRING,
    commune_code       STRING,
    eligible           STRING,
    batch_id           STRING,
    file_name          STRING,
    row_number         BIGINT,
    raw_line           STRING,
    ingested_at        TIMESTAMP
) USING iceberg
PARTITIONED BY (batch_id)
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none');

-- Units (đơn vị): schools, agencies, commune committees, association branches, enterprises, ...; latest version per
-- unit_code. Location as given and resolved on both geographies where the crosswalk allows.
CREATE TABLE IF NOT EXISTS core.units (
    unit_code          STRING,
    unit_name          STRING,
    unit_type          STRING,      -- as given
    unit_category      STRING,      -- school | state_agency | commune_committee | association_branch | enterprise | education_centre | other
    member_count       BIGINT,      -- headcount the unit must bring to self-assessment
    status             STRING,      -- active | deleted
    province_code      STRING,
    district_code      STRING,
    commune_code       STRING,
    geography          STRING,      -- 2024 | 2025: the geography commune_code was read in
    province_code_2024 STRING,
    district_code_2024 STRING,
    commune_code_2024  STRING,
    province_code_2025 STRING,
    commune_code_2025  STRING,
    updated_at         TIMESTAMP,
    flags              ARRAY<STRING>,
    batch_id           STRING,
    source_file        STRING,
    source_row         BIGINT
) USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read');

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
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read');

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
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read');

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
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read');

-- Eligible population (người trong độ tuổi) per commune and year, from commune statistics; the commune is on the
-- geography of its year (old codes up to 2024, new codes from 2025; 2025 may come in either).
CREATE TABLE IF NOT EXISTS core.population (
    year               INT,
    commune_code       STRING,
    eligible           BIGINT,
    geography          STRING,
    province_code_2024 STRING,
    district_code_2024 STRING,
    commune_code_2024  STRING,
    province_code_2025 STRING,
    commune_code_2025  STRING,
    version_at         TIMESTAMP,
    flags              ARRAY<STRING>,
    batch_id           STRING,
    source_file        STRING,
    source_row         BIGINT
) USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read');

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
TBLPROPERTIES ('format-version' = '2');

-- RESTRICTED. Personal data (Decree 13/2023/NĐ-CP): CCCD, name, birth date, sex, phone, keyed by citizen_key.
-- Read only to print a unit's own list for recognition; never copied to marts, the analyst database or bulletins.
CREATE TABLE IF NOT EXISTS restricted.citizens (
    citizen_key        STRING,
    citizen_id         STRING,      -- CCCD, 12 digits
    full_name          STRING,
    birth_date         DATE,
    sex                STRING,
    phone              STRING,
    account_id         STRING,
    updated_at         TIMESTAMP,
    batch_id           STRING
) USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read');

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
TBLPROPERTIES ('format-version' = '2', 'write.distribution-mode' = 'none');
