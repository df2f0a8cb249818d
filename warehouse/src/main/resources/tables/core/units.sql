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
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read')
