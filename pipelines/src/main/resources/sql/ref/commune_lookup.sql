-- Every commune code of either geography, with what the crosswalk allows us to know of it on the other geography.
-- Used to resolve a row's commune code: successor_2025 is the new commune an old one went into WHOLLY (NULL when it
-- was split: its counts are allocated by the marts), predecessor_2024 the old commune a new one consists of when it
-- is exactly one whole old commune (NULL when it merged several).
WITH old_units AS (
    SELECT o.commune_code, o.district_code, o.province_code, p.new_province_code
    FROM src_admin_units_2024 o
    JOIN src_province_crosswalk_2025 p ON p.old_province_code = o.province_code
),
successor AS (
    SELECT old_commune_code, min(new_commune_code) AS new_commune_code
    FROM src_commune_crosswalk_2025
    GROUP BY old_commune_code
    HAVING count(*) = 1 AND min(relation) = 'full'
),
predecessor AS (
    SELECT new_commune_code, min(old_commune_code) AS old_commune_code
    FROM src_commune_crosswalk_2025
    GROUP BY new_commune_code
    HAVING count(*) = 1 AND min(relation) = 'full'
),
codes AS (
    SELECT commune_code FROM src_admin_units_2024
    UNION
    SELECT commune_code FROM src_admin_units_2025
)
SELECT c.commune_code,
       o.commune_code IS NOT NULL AS in_2024,
       n.commune_code IS NOT NULL AS in_2025,
       o.province_code            AS province_code_2024,
       o.district_code            AS district_code_2024,
       o.new_province_code        AS new_province_code_2025,
       s.new_commune_code         AS successor_2025,
       n.province_code            AS province_code_2025,
       p.old_commune_code         AS predecessor_2024,
       po.district_code           AS predecessor_district_2024,
       po.province_code           AS predecessor_province_2024
FROM codes c
LEFT JOIN old_units o             ON o.commune_code = c.commune_code
LEFT JOIN src_admin_units_2025 n  ON n.commune_code = c.commune_code
LEFT JOIN successor s             ON s.old_commune_code = c.commune_code
LEFT JOIN predecessor p           ON p.new_commune_code = c.commune_code
LEFT JOIN old_units po            ON po.commune_code = p.old_commune_code
