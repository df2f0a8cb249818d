-- The share of an area's counts that goes to each commune of the other geography, in both directions:
-- 'old_to_new': a `partial` old commune's counts shared among the new communes it was split into (configured weights
--               from rules/allocation_weights.csv when every receiving commune has one, else equal shares);
-- 'new_to_old': a new commune that merged several old communes, shared equally among them (only needed to show
--               data registered on the new geography on the old one, for 2025).
-- Weights of one source commune add up to 1, so totals are conserved; every allocated figure is approximate.
WITH crosswalk AS (
    SELECT c.old_commune_code, c.new_commune_code, c.relation, c.receiving_communes,
           CAST(w.weight AS DOUBLE) AS configured
    FROM ref.commune_crosswalk c
    LEFT JOIN src_allocation_weights w
           ON w.old_commune_code = c.old_commune_code AND w.new_commune_code = c.new_commune_code
),
old_to_new AS (
    SELECT old_commune_code AS from_commune_code, new_commune_code AS to_commune_code,
           CASE WHEN count(configured) OVER (PARTITION BY old_commune_code) = receiving_communes
                     AND sum(configured) OVER (PARTITION BY old_commune_code) > 0
                THEN configured / sum(configured) OVER (PARTITION BY old_commune_code)
                ELSE 1.0 / receiving_communes END AS weight,
           CASE WHEN count(configured) OVER (PARTITION BY old_commune_code) = receiving_communes
                     AND sum(configured) OVER (PARTITION BY old_commune_code) > 0
                THEN 'configured' ELSE 'equal' END AS weight_source
    FROM crosswalk
    WHERE receiving_communes > 1
),
new_to_old AS (
    SELECT new_commune_code AS from_commune_code, old_commune_code AS to_commune_code,
           1.0 / count(*) OVER (PARTITION BY new_commune_code) AS weight,
           'equal' AS weight_source
    FROM ref.commune_crosswalk
)
SELECT 'old_to_new' AS direction, from_commune_code, to_commune_code, weight, weight_source FROM old_to_new
UNION ALL
SELECT 'new_to_old', from_commune_code, to_commune_code, weight, weight_source
FROM new_to_old
WHERE from_commune_code IN (SELECT new_commune_code FROM ref.commune_crosswalk GROUP BY new_commune_code HAVING count(*) > 1)
