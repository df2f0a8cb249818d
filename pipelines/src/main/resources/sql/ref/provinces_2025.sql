-- Provinces of the geography in force from 1 July 2025 (34).
SELECT province_code,
       min(province_name) AS province_name
FROM src_admin_units_2025
GROUP BY province_code
