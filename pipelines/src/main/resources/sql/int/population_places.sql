-- Eligible population per geography, commune and year. A year reported on one geography is re-expressed on the
-- other through ref.allocation_weights (approximate), unless that year is also reported natively on it.
WITH native AS (
    SELECT geography, year,
           coalesce(CASE geography WHEN '2024' THEN commune_code_2024 ELSE commune_code_2025 END, commune_code) AS commune_code,
           commune_code_2024, commune_code_2025, eligible
    FROM core.population
),
reported AS (
    SELECT DISTINCT geography, year FROM native
),
converted AS (
    -- the other geography: the matching code when the crosswalk gives one, else the allocated shares
    SELECT CASE n.geography WHEN '2024' THEN '2025' ELSE '2024' END AS geography, n.year,
           coalesce(CASE n.geography WHEN '2024' THEN n.commune_code_2025 ELSE n.commune_code_2024 END, w.to_commune_code) AS commune_code,
           n.eligible * coalesce(CASE WHEN (n.geography = '2024' AND n.commune_code_2025 IS NOT NULL)
                                        OR (n.geography = '2025' AND n.commune_code_2024 IS NOT NULL) THEN 1.0D END, w.weight) AS eligible,
           w.weight IS NOT NULL AS approximate
    FROM native n
    LEFT JOIN ref.allocation_weights w
           ON (n.geography = '2024' AND n.commune_code_2025 IS NULL AND w.direction = 'old_to_new' AND w.from_commune_code = n.commune_code)
           OR (n.geography = '2025' AND n.commune_code_2024 IS NULL AND w.direction = 'new_to_old' AND w.from_commune_code = n.commune_code)
)
SELECT geography, year, commune_code, CAST(sum(eligible) AS DOUBLE) AS eligible, false AS approximate
FROM native GROUP BY geography, year, commune_code
UNION ALL
SELECT c.geography, c.year, c.commune_code, sum(c.eligible), max(c.approximate)
FROM converted c
LEFT JOIN reported r ON r.geography = c.geography AND r.year = c.year
WHERE r.year IS NULL AND c.commune_code IS NOT NULL
GROUP BY c.geography, c.year, c.commune_code
