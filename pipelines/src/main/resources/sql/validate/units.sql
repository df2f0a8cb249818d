-- Units of one batch (view batch_rows: its raw rows as text), typed and checked.
-- reasons: why a row goes to the quarantine; flags: findings that keep it. Codes: docs/data-quality.md.
WITH typed AS (
    SELECT r.*,
           cdht_int(r.member_count) AS member_count_v,
           cdht_ts(r.updated_at)    AS updated_at_v,
           cdht_status(r.status)    AS status_v
    FROM batch_rows r
),
placed AS (
    SELECT t.*, l.in_2024, l.in_2025,
           cdht_geography(l.in_2024, l.in_2025, to_date(t.updated_at_v)) AS geography_v,
           cdht_geography_on(to_date(t.updated_at_v)) AS expected_geography,
           p.province_code AS known_province,
           d.district_code AS known_district
    FROM typed t
    LEFT JOIN ref.commune_lookup l ON l.commune_code = t.commune_code
    LEFT JOIN (SELECT province_code FROM ref.provinces_2024 UNION SELECT province_code FROM ref.provinces_2025) p
           ON p.province_code = t.province_code
    LEFT JOIN ref.districts_2024 d ON d.district_code = t.district_code
),
resolved AS (
    -- the commune, district and province on both geographies, for the reading chosen above
    SELECT p.*, cr.province_code_2024, cr.district_code_2024, cr.commune_code_2024, cr.province_code_2025, cr.commune_code_2025
    FROM placed p
    LEFT JOIN ref.commune_readings cr ON cr.commune_code = p.commune_code AND cr.geography = p.geography_v
)
SELECT batch_id, file_name, row_number,
       unit_code,
       unit_name,
       unit_type,
       cdht_unit_category(unit_type, unit_name) AS unit_category,
       member_count_v AS member_count,
       status_v AS status,
       province_code,
       district_code,
       commune_code,
       geography_v AS geography,
       province_code_2024, district_code_2024, commune_code_2024, province_code_2025, commune_code_2025,
       updated_at_v AS updated_at,
       filter(array(
           CASE WHEN copy_no > 1 THEN 'DUPLICATE_ROW' END,
           CASE WHEN unit_code IS NULL THEN 'MISSING_REQUIRED:unit_code' END,
           CASE WHEN unit_name IS NULL THEN 'MISSING_REQUIRED:unit_name' END,
           CASE WHEN updated_at IS NULL THEN 'MISSING_REQUIRED:updated_at' END,
           CASE WHEN updated_at IS NOT NULL AND updated_at_v IS NULL THEN 'BAD_DATE:updated_at' END,
           CASE WHEN member_count IS NOT NULL AND (member_count_v IS NULL OR member_count_v < 0) THEN 'BAD_NUMBER:member_count' END,
           CASE WHEN status_v = 'invalid' THEN 'BAD_VALUE:status' END,
           CASE WHEN province_code IS NOT NULL AND known_province IS NULL THEN 'UNKNOWN_PROVINCE' END,
           CASE WHEN district_code IS NOT NULL AND known_district IS NULL THEN 'UNKNOWN_DISTRICT' END,
           CASE WHEN commune_code IS NOT NULL AND geography_v IS NULL THEN 'UNKNOWN_COMMUNE' END
       ), x -> x IS NOT NULL) AS reasons,
       filter(array(
           CASE WHEN commune_code IS NULL THEN 'NO_COMMUNE' END,
           CASE WHEN geography_v <> expected_geography THEN 'COMMUNE_OTHER_GEOGRAPHY' END,
           CASE WHEN cdht_too_long(unit_name) THEN 'TOO_LONG:unit_name' END,
           CASE WHEN cdht_too_long(unit_type) THEN 'TOO_LONG:unit_type' END,
           CASE WHEN cdht_too_long(unit_code) THEN 'TOO_LONG:unit_code' END
       ), x -> x IS NOT NULL) AS flags
FROM resolved
