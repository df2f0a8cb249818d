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
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read')
