-- Communes (xã / phường / thị trấn) of the geography in force until 30 June 2025 (10,047), with their district
-- and province.
SELECT commune_code,
       commune_name,
       commune_type,
       district_code,
       province_code
FROM src_admin_units_2024
