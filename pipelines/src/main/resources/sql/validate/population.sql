-- Eligible population of one batch (view batch_rows: its raw rows as text), typed and checked. The year tells the
-- geography: old codes up to 2024, new codes from 2026; 2025 may be reported on either.
WITH typed AS (
    SELECT r.*,
           cdht_int(r.year)     AS year_v,
           cdht_int(r.eligible) AS eligible_v
    FROM batch_rows r
),
placed AS (
    SELECT t.*, l.in_2024, l.in_2025,
           CASE WHEN t.year_v = cdht_reorganisation_year() THEN CASE WHEN l.in_2025 THEN '2025' WHEN l.in_2024 THEN '2024' END
                ELSE cdht_geography(l.in_2024, l.in_2025, make_date(CAST(t.year_v AS INT), 12, 31)) END AS geography_v,
           CASE WHEN cdht_year_on_2024(t.year_v) THEN '2024' ELSE '2025' END AS expected_geography
    FROM typed t
    LEFT JOIN ref.commune_lookup l ON l.commune_code = t.commune_code
),
resolved AS (
    -- the commune, district and province on both geographies, for the reading chosen above
    SELECT p.*, cr.province_code_2024, cr.district_code_2024, cr.commune_code_2024, cr.province_code_2025, cr.commune_code_2025
    FROM placed p
    LEFT JOIN ref.commune_readings cr ON cr.commune_code = p.commune_code AND cr.geography = p.geography_v
)
SELECT batch_id, file_name, row_number,
       CAST(year_v AS INT) AS year,
       commune_code,
       eligible_v AS eligible,
       geography_v AS geography,
       province_code_2024, district_code_2024, commune_code_2024, province_code_2025, commune_code_2025,
       received_at AS version_at,
       filter(array(
           CASE WHEN copy_no > 1 THEN 'DUPLICATE_ROW' END,
           CASE WHEN year IS NULL THEN 'MISSING_REQUIRED:year' END,
           CASE WHEN commune_code IS NULL THEN 'MISSING_REQUIRED:commune_code' END,
           CASE WHEN eligible IS NULL THEN 'MISSING_REQUIRED:eligible' END,
           CASE WHEN year IS NOT NULL AND (year_v IS NULL OR year_v NOT BETWEEN 2000 AND 2100) THEN 'BAD_NUMBER:year' END,
           CASE WHEN eligible IS NOT NULL AND (eligible_v IS NULL OR eligible_v < 0) THEN 'BAD_NUMBER:eligible' END,
           CASE WHEN commune_code IS NOT NULL AND year_v IS NOT NULL AND geography_v IS NULL THEN 'UNKNOWN_COMMUNE' END
       ), x -> x IS NOT NULL) AS reasons,
       filter(array(
           CASE WHEN year_v <> cdht_reorganisation_year() AND geography_v <> expected_geography THEN 'COMMUNE_OTHER_GEOGRAPHY' END
       ), x -> x IS NOT NULL) AS flags
FROM resolved
