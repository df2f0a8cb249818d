-- Districts (huyện / quận / thị xã / thành phố thuộc tỉnh) of the geography in force until 30 June 2025 (691).
SELECT district_code,
       min(district_name) AS district_name,
       min(province_code) AS province_code
FROM src_admin_units_2024
GROUP BY district_code
