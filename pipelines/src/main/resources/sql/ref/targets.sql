-- Targets and thresholds (rules/targets.csv): Decision 677/QĐ-TTg for 2025 and 2030, and the 60% Learning Community
-- threshold of Circular 25/2023/TT-BGDĐT. Only the highest version of each target is in force.
SELECT target_code,
       version,
       source,
       scope,
       indicator,
       year,
       target_rate,
       title_vi
FROM (
    SELECT target_code,
           CAST(version AS INT)               AS version,
           source,
           scope,
           indicator,
           CAST(year AS INT)                  AS year,
           CAST(target_rate AS DECIMAL(5, 4)) AS target_rate,
           title_vi,
           row_number() OVER (PARTITION BY target_code ORDER BY CAST(version AS INT) DESC) AS rank_in_code
    FROM src_targets
) t
WHERE rank_in_code = 1
