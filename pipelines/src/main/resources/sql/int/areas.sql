-- The communes shown on each geography, with their district and province: every commune of every province that has
-- any data (so that a commune with no registration at all still appears, with zeros).
WITH touched AS (
    SELECT DISTINCT geography, commune_code FROM int_commune_month_facts
    UNION
    SELECT DISTINCT geography, commune_code FROM int_population_places
),
communes AS (
    SELECT '2024' AS geography, c.commune_code, c.commune_name, c.district_code, d.district_name,
           c.province_code, p.province_name
    FROM ref.communes_2024 c
    JOIN ref.districts_2024 d ON d.district_code = c.district_code
    JOIN ref.provinces_2024 p ON p.province_code = c.province_code
    UNION ALL
    SELECT '2025', c.commune_code, c.commune_name, NULL, NULL, c.province_code, p.province_name
    FROM ref.communes_2025 c
    JOIN ref.provinces_2025 p ON p.province_code = c.province_code
)
SELECT c.*
FROM communes c
WHERE (c.geography, c.province_code) IN (
    SELECT t.geography, c2.province_code FROM touched t JOIN communes c2 ON c2.geography = t.geography AND c2.commune_code = t.commune_code)
