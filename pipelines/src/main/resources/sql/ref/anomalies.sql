-- Known imperfections of the reference data, found by checks rather than hidden (reference/SOURCE.md lists those
-- expected: 5 new communes without predecessor, 1 crosswalk row into another province). Each row: the check, the
-- code it concerns, and a readable detail.
SELECT 'new_commune_without_predecessor' AS check_name,
       n.commune_code AS subject_code,
       concat(n.commune_name, ' (', n.commune_type, ', province ', n.province_code, ') has no old commune in the crosswalk') AS detail
FROM src_admin_units_2025 n
WHERE n.commune_code NOT IN (SELECT new_commune_code FROM src_commune_crosswalk_2025)

UNION ALL
SELECT 'crosswalk_crosses_province',
       c.old_commune_code,
       concat(c.old_commune_code, ' ', c.old_commune_name, ' (old province ', c.old_province_code, ', now ',
              p.new_province_code, ') -> ', c.new_commune_code, ' ', c.new_commune_name, ' (province ', n.province_code, ')')
FROM src_commune_crosswalk_2025 c
JOIN src_province_crosswalk_2025 p ON p.old_province_code = c.old_province_code
JOIN src_admin_units_2025 n ON n.commune_code = c.new_commune_code
WHERE n.province_code <> p.new_province_code

UNION ALL
SELECT 'crosswalk_unknown_old_commune', c.old_commune_code,
       concat(c.old_commune_code, ' is not a commune of the 2024 geography')
FROM src_commune_crosswalk_2025 c
WHERE c.old_commune_code NOT IN (SELECT commune_code FROM src_admin_units_2024)

UNION ALL
SELECT 'crosswalk_unknown_new_commune', c.new_commune_code,
       concat(c.new_commune_code, ' is not a commune of the 2025 geography')
FROM src_commune_crosswalk_2025 c
WHERE c.new_commune_code NOT IN (SELECT commune_code FROM src_admin_units_2025)

UNION ALL
SELECT 'old_commune_missing_from_crosswalk', o.commune_code,
       concat(o.commune_code, ' ', o.commune_name, ' has no row in the crosswalk')
FROM src_admin_units_2024 o
WHERE o.commune_code NOT IN (SELECT old_commune_code FROM src_commune_crosswalk_2025)

UNION ALL
SELECT 'crosswalk_relation_inconsistent', old_commune_code,
       concat(old_commune_code, ': ', count(*), ' receiving communes but relation ', min(relation))
FROM src_commune_crosswalk_2025
GROUP BY old_commune_code
HAVING (count(*) > 1 AND min(relation) = 'full') OR (count(*) = 1 AND min(relation) = 'partial')

UNION ALL
SELECT 'commune_name_differs_between_files', c.old_commune_code,
       concat(c.old_commune_code, ': "', o.commune_name, '" in admin_units_2024, "', c.old_commune_name, '" in the crosswalk')
FROM (SELECT DISTINCT old_commune_code, old_commune_name FROM src_commune_crosswalk_2025) c
JOIN src_admin_units_2024 o ON o.commune_code = c.old_commune_code
WHERE o.commune_name <> c.old_commune_name
