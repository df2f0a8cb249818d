-- Communes (xã / phường / đặc khu) of the geography in force from 1 July 2025 (3,321); there are no districts.
SELECT commune_code,
       commune_name,
       commune_type,
       province_code
FROM src_admin_units_2025
