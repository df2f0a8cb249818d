-- Provinces of the geography in force until 30 June 2025 (63).
SELECT province_code,
       min(province_name) AS province_name
FROM src_admin_units_2024
GROUP BY province_code
