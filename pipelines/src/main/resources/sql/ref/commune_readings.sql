-- What a commune code means on each geography it exists on: read as an old (2024) code or as a new (2025) code, the
-- commune, district and province it places a row in on both geographies, where the crosswalk allows (an old commune
-- that went wholly into one new commune; a new commune that is exactly one whole old commune). The validation
-- models pick the reading with cdht_geography (the geography in force at the row's date).
SELECT commune_code, '2024' AS geography,
       province_code_2024, district_code_2024, commune_code AS commune_code_2024,
       new_province_code_2025 AS province_code_2025, successor_2025 AS commune_code_2025
FROM ref.commune_lookup
WHERE in_2024
UNION ALL
SELECT commune_code, '2025',
       predecessor_province_2024, predecessor_district_2024, predecessor_2024,
       province_code_2025, commune_code
FROM ref.commune_lookup
WHERE in_2025
