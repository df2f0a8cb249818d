-- Each old commune and the new commune(s) it went into on 1 July 2025.
-- relation 'full': the whole old commune went into one new commune; 'partial': it was split, one row per receiving
-- new commune (receiving_communes says how many), and counts re-expressed on the new geography are approximate.
-- Rows of commune_crosswalk_overrides (a deployment's local corrections) replace every bundled row of the same
-- old commune.
WITH chosen AS (
    SELECT old_province_code, old_commune_code, old_commune_name, new_commune_code, new_commune_name, relation,
           'override' AS origin
    FROM src_commune_crosswalk_overrides
    UNION ALL
    SELECT old_province_code, old_commune_code, old_commune_name, new_commune_code, new_commune_name, relation,
           'bundled' AS origin
    FROM src_commune_crosswalk_2025
    WHERE old_commune_code NOT IN (SELECT old_commune_code FROM src_commune_crosswalk_overrides)
)
SELECT c.old_province_code,
       c.old_commune_code,
       c.old_commune_name,
       n.province_code AS new_province_code,
       c.new_commune_code,
       c.new_commune_name,
       c.relation,
       count(*) OVER (PARTITION BY c.old_commune_code) AS receiving_communes,
       c.origin
FROM chosen c
LEFT JOIN src_admin_units_2025 n ON n.commune_code = c.new_commune_code
