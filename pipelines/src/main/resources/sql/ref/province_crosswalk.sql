-- Each old province (63) and the new province (34) it belongs to since 1 July 2025.
SELECT old_province_code,
       old_province_name,
       new_province_code,
       new_province_name
FROM src_province_crosswalk_2025
