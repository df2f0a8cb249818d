-- Coverage: per geography, level (commune, district, province), year and as-of month, cumulative to the end of the
-- month: eligible population, registered (active accounts), assessed (citizens with a submitted self-assessment of
-- the year, however many times they submitted), achieved (whose latest submission is Đạt), recognised; each as a
-- rate of eligible and of registered; whether a commune reaches the 60% Learning Community threshold
-- (ref.targets, TT25-COMMUNE-60). The 2024 geography (with districts) covers years up to 2025; the 2025 geography
-- every year. District and province figures are sums of their communes, so totals always add up.
WITH grid AS (
    SELECT a.*, m.year, m.as_of_month, m.is_latest_month
    FROM int_areas a
    CROSS JOIN int_month_spine m
    WHERE a.geography = '2025' OR m.year <= 2025
),
monthly AS (
    SELECT g.*,
           coalesce(f.new_registrations, 0) AS new_registrations,
           coalesce(f.new_assessed, 0)      AS new_assessed,
           coalesce(f.achieved_change, 0)   AS achieved_change,
           coalesce(f.new_recognised, 0)    AS new_recognised,
           coalesce(f.approximate, false)   AS facts_approximate
    FROM grid g
    LEFT JOIN int_commune_month_facts f
           ON f.geography = g.geography AND f.commune_code = g.commune_code AND f.month = g.as_of_month
),
commune AS (
    SELECT m.geography, m.province_code, m.province_name, m.district_code, m.district_name, m.commune_code,
           m.commune_name, m.year, m.as_of_month, m.is_latest_month,
           -- rounded here, once: districts and provinces are sums of these, so their totals add up exactly
           CAST(coalesce(p.eligible, 0) AS DECIMAL(18, 4)) AS eligible,
           CAST(sum(new_registrations) OVER (PARTITION BY m.geography, m.commune_code ORDER BY m.as_of_month
                                             ROWS UNBOUNDED PRECEDING) AS DECIMAL(18, 4)) AS registered,
           CAST(sum(new_assessed) OVER (PARTITION BY m.geography, m.commune_code, m.year ORDER BY m.as_of_month
                                        ROWS UNBOUNDED PRECEDING) AS DECIMAL(18, 4)) AS assessed,
           CAST(sum(achieved_change) OVER (PARTITION BY m.geography, m.commune_code, m.year ORDER BY m.as_of_month
                                           ROWS UNBOUNDED PRECEDING) AS DECIMAL(18, 4)) AS achieved,
           CAST(sum(new_recognised) OVER (PARTITION BY m.geography, m.commune_code, m.year ORDER BY m.as_of_month
                                          ROWS UNBOUNDED PRECEDING) AS DECIMAL(18, 4)) AS recognised,
           max(facts_approximate) OVER (PARTITION BY m.geography, m.commune_code ORDER BY m.as_of_month
                                        ROWS UNBOUNDED PRECEDING)
             OR coalesce(p.approximate, false) AS approximate
    FROM monthly m
    LEFT JOIN int_population_places p
           ON p.geography = m.geography AND p.commune_code = m.commune_code AND p.year = m.year
),
levels AS (
    SELECT geography, 'commune' AS level, year, as_of_month, is_latest_month, province_code, province_name,
           district_code, district_name, commune_code, commune_name,
           eligible, registered, assessed, achieved, recognised, approximate
    FROM commune
    UNION ALL
    SELECT geography, 'district', year, as_of_month, is_latest_month, province_code, province_name,
           district_code, district_name, NULL, NULL,
           sum(eligible), sum(registered), sum(assessed), sum(achieved), sum(recognised), max(approximate)
    FROM commune
    WHERE geography = '2024'
    GROUP BY geography, year, as_of_month, is_latest_month, province_code, province_name, district_code, district_name
    UNION ALL
    SELECT geography, 'province', year, as_of_month, is_latest_month, province_code, province_name,
           NULL, NULL, NULL, NULL,
           sum(eligible), sum(registered), sum(assessed), sum(achieved), sum(recognised), max(approximate)
    FROM commune
    GROUP BY geography, year, as_of_month, is_latest_month, province_code, province_name
)
SELECT geography, level, year, as_of_month, is_latest_month,
       province_code, province_name, district_code, district_name, commune_code, commune_name,
       CAST(eligible AS DECIMAL(18, 4))   AS eligible,
       CAST(registered AS DECIMAL(18, 4)) AS registered,
       CAST(assessed AS DECIMAL(18, 4))   AS assessed,
       CAST(achieved AS DECIMAL(18, 4))   AS achieved,
       CAST(recognised AS DECIMAL(18, 4)) AS recognised,
       CAST(registered / nullif(eligible, 0) AS DOUBLE) AS registered_rate,
       CAST(assessed / nullif(eligible, 0) AS DOUBLE) AS assessed_rate,
       CAST(achieved / nullif(eligible, 0) AS DOUBLE) AS achieved_rate,
       CAST(recognised / nullif(eligible, 0) AS DOUBLE) AS recognised_rate,
       CAST(assessed / nullif(registered, 0) AS DOUBLE) AS assessed_of_registered,
       CAST(achieved / nullif(registered, 0) AS DOUBLE) AS achieved_of_registered,
       CAST(recognised / nullif(registered, 0) AS DOUBLE) AS recognised_of_registered,
       CASE WHEN level = 'commune' THEN coalesce(achieved / nullif(eligible, 0), 0) >= (
                SELECT max(target_rate) FROM ref.targets WHERE scope = 'commune' AND year IS NULL
                                                        AND indicator = 'achieved_of_eligible') END AS reaches_threshold,
       approximate
FROM levels
