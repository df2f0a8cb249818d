-- Per geography, province, year and unit category (mart.unit_progress): how many units have members, their
-- members, assessed and achieved, the rates of members, and how many units have nobody achieving yet. The 2024
-- geography covers the years up to the reorganisation's, as mart.coverage does.
SELECT g.geography, g.province_code, u.year, u.unit_category,
       CAST(count(*) AS INT)                                   AS units,
       sum(u.members)                                          AS members,
       sum(u.assessed)                                         AS assessed,
       sum(u.achieved)                                         AS achieved,
       CAST(sum(u.assessed) AS DOUBLE) / sum(u.members)        AS assessed_rate,
       CAST(sum(u.achieved) AS DOUBLE) / sum(u.members)        AS achieved_rate,
       CAST(count_if(u.achieved = 0) AS INT)                   AS without_achiever
FROM mart.unit_progress u
LATERAL VIEW stack(2, '2024', u.province_code_2024, '2025', u.province_code_2025) g AS geography, province_code
WHERE u.members > 0 AND g.province_code IS NOT NULL AND (g.geography = '2025' OR cdht_year_on_2024(u.year))
GROUP BY g.geography, g.province_code, u.year, u.unit_category
