-- Per unit and year: members (the headcount the unit must bring to self-assessment), citizens registered with the
-- unit's code by the end of the year, assessed, achieved and recognised that year, each as a rate of members; the
-- unit's rank among units of the same category in its commune and province (2025 geography) by achieved rate.
-- The counts per unit and year are those of agg.unit_sums (its SQL says how each is counted).
WITH years AS (
    SELECT DISTINCT year FROM int_month_spine
),
units AS (
    SELECT u.*, c5.commune_name AS commune_name_2025, p5.province_name AS province_name_2025,
           d4.district_name AS district_name_2024
    FROM core.units u
    LEFT JOIN ref.communes_2025 c5 ON c5.commune_code = u.commune_code_2025
    LEFT JOIN ref.provinces_2025 p5 ON p5.province_code = u.province_code_2025
    LEFT JOIN ref.districts_2024 d4 ON d4.district_code = u.district_code_2024
    WHERE u.status = 'active'
),
registered AS (
    -- accounts registered by the end of each year: the years up to it added up
    SELECT y.year, s.unit_code, sum(s.registered_in_year) AS registered
    FROM agg.unit_sums s
    JOIN years y ON s.year <= y.year
    GROUP BY y.year, s.unit_code
),
assessed AS (
    SELECT year, unit_code, sum(assessed) AS assessed, sum(achieved) AS achieved
    FROM agg.unit_sums
    GROUP BY year, unit_code
),
recognised AS (
    SELECT year, unit_code, sum(recognised) AS recognised
    FROM agg.unit_sums
    GROUP BY year, unit_code
),
progress AS (
    SELECT y.year, u.unit_code, u.unit_name, u.unit_type, u.unit_category,
           u.province_code_2025, u.province_name_2025, u.commune_code_2025, u.commune_name_2025,
           u.province_code_2024, u.district_code_2024, u.district_name_2024, u.commune_code_2024,
           coalesce(u.member_count, 0) AS members,
           coalesce(r.registered, 0) AS registered,
           coalesce(s.assessed, 0) AS assessed,
           coalesce(s.achieved, 0) AS achieved,
           coalesce(g.recognised, 0) AS recognised
    FROM units u
    CROSS JOIN years y
    LEFT JOIN registered r ON r.unit_code = u.unit_code AND r.year = y.year
    LEFT JOIN assessed s ON s.unit_code = u.unit_code AND s.year = y.year
    LEFT JOIN recognised g ON g.unit_code = u.unit_code AND g.year = y.year
)
SELECT p.*,
       registered / nullif(members, 0) AS registered_rate,
       assessed / nullif(members, 0)   AS assessed_rate,
       achieved / nullif(members, 0)   AS achieved_rate,
       recognised / nullif(members, 0) AS recognised_rate,
       CAST(rank() OVER (PARTITION BY year, commune_code_2025, unit_category
                         ORDER BY achieved / nullif(members, 0) DESC NULLS LAST) AS INT) AS rank_in_commune,
       CAST(rank() OVER (PARTITION BY year, province_code_2025, unit_category
                         ORDER BY achieved / nullif(members, 0) DESC NULLS LAST) AS INT) AS rank_in_province
FROM progress p
