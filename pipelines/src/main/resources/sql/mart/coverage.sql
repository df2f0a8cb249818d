-- Coverage: per geography, level (commune, district, province), year and as-of month, cumulative to the end of the
-- month: eligible population, registered (active accounts), assessed (citizens with a submitted self-assessment of
-- the year, however many times they submitted), achieved (whose latest submission is Đạt), recognised; each as a
-- rate of eligible and of registered; whether a commune reaches the 60% Learning Community threshold
-- (ref.targets, TT25-COMMUNE-60). The 2024 geography (with districts) covers years up to 2025; the 2025 geography
-- every year. District and province figures are sums of their communes, so totals always add up.
-- Printed counts (*_printed) follow one rounding rule, stated here only (docs/indicators.md, "Làm tròn"): the province
-- figure rounded half up; its districts (2024 geography) by largest remainder so that they add up to it; the communes
-- of each district (2024), or of the province (2025), by largest remainder so that they add up to that. Rates are
-- computed from the unrounded counts.
WITH grid AS (
    SELECT a.*, m.year, m.as_of_month, m.is_latest_month, m.is_reported_month, m.month_complete, m.as_of_date
    FROM int_areas a
    CROSS JOIN int_month_spine m
    WHERE a.geography = '2025' OR cdht_year_on_2024(m.year)
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
           m.commune_name, m.year, m.as_of_month, m.is_latest_month, m.is_reported_month, m.month_complete, m.as_of_date,
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
    SELECT geography, 'commune' AS level, year, as_of_month, is_latest_month, is_reported_month, month_complete,
           as_of_date, province_code, province_name,
           district_code, district_name, commune_code, commune_name,
           eligible, registered, assessed, achieved, recognised, approximate
    FROM commune
    UNION ALL
    SELECT geography, 'district', year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
           province_code, province_name,
           district_code, district_name, NULL, NULL,
           sum(eligible), sum(registered), sum(assessed), sum(achieved), sum(recognised), max(approximate)
    FROM commune
    WHERE geography = '2024'
    GROUP BY geography, year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
             province_code, province_name, district_code, district_name
    UNION ALL
    SELECT geography, 'province', year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
           province_code, province_name, NULL, NULL, NULL, NULL,
           sum(eligible), sum(registered), sum(assessed), sum(achieved), sum(recognised), max(approximate)
    FROM commune
    GROUP BY geography, year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
             province_code, province_name
),
measures AS (
    -- one row per area and count, for the rounding below (levels is read once: Spark 4.1 fails to plan a CTE that
    -- is read twice here)
    SELECT l.*, m.measure, m.value
    FROM levels l
    LATERAL VIEW stack(5, 'eligible', l.eligible, 'registered', l.registered, 'assessed', l.assessed,
                          'achieved', l.achieved, 'recognised', l.recognised) m AS measure, value
),
province_rounded AS (
    -- the province figure rounded half up; districts (2024) by largest remainder within it
    SELECT m.*,
           max(CASE WHEN level = 'province' THEN CAST(round(value, 0) AS BIGINT) END)
               OVER (PARTITION BY geography, year, as_of_month, province_code, measure) AS province_printed,
           CASE WHEN level = 'district'
                THEN CAST(floor(value) AS BIGINT)
                     + CASE WHEN row_number() OVER (PARTITION BY geography, year, as_of_month, province_code, measure, level
                                                    ORDER BY value - floor(value) DESC, district_code)
                                 <= max(CASE WHEN level = 'province' THEN CAST(round(value, 0) AS BIGINT) END)
                                        OVER (PARTITION BY geography, year, as_of_month, province_code, measure)
                                    - sum(CAST(floor(value) AS BIGINT))
                                        OVER (PARTITION BY geography, year, as_of_month, province_code, measure, level)
                            THEN 1 ELSE 0 END END AS district_printed
    FROM measures m
),
parent_rounded AS (
    -- what each commune's row must add up to: its district's printed figure (2024), or its province's (2025)
    SELECT r.*,
           CASE WHEN geography = '2024'
                THEN max(district_printed) OVER (PARTITION BY geography, year, as_of_month, province_code, district_code, measure)
                ELSE province_printed END AS parent_printed
    FROM province_rounded r
),
rounded AS (
    SELECT r.*,
           CASE level WHEN 'province' THEN province_printed
                      WHEN 'district' THEN district_printed
                      ELSE CAST(floor(value) AS BIGINT)
                           + CASE WHEN row_number() OVER (PARTITION BY geography, year, as_of_month, province_code,
                                                                       district_code, measure, level
                                                          ORDER BY value - floor(value) DESC, commune_code)
                                       <= parent_printed - sum(CAST(floor(value) AS BIGINT))
                                              OVER (PARTITION BY geography, year, as_of_month, province_code,
                                                                 district_code, measure, level)
                                  THEN 1 ELSE 0 END END AS printed
    FROM parent_rounded r
),
printed AS (
    SELECT geography, level, year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
           province_code, province_name, district_code, district_name, commune_code, commune_name,
           eligible, registered, assessed, achieved, recognised, approximate,
           max(CASE WHEN measure = 'eligible' THEN printed END)   AS eligible_printed,
           max(CASE WHEN measure = 'registered' THEN printed END) AS registered_printed,
           max(CASE WHEN measure = 'assessed' THEN printed END)   AS assessed_printed,
           max(CASE WHEN measure = 'achieved' THEN printed END)   AS achieved_printed,
           max(CASE WHEN measure = 'recognised' THEN printed END) AS recognised_printed
    FROM rounded
    GROUP BY geography, level, year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
             province_code, province_name, district_code, district_name, commune_code, commune_name,
             eligible, registered, assessed, achieved, recognised, approximate
),
without_predecessor AS (
    -- new communes that no old commune went into (Đặc khu Lý Sơn): nothing of the old geography reaches them
    SELECT c.commune_code
    FROM ref.communes_2025 c
    WHERE c.commune_code NOT IN (SELECT new_commune_code FROM ref.commune_crosswalk WHERE new_commune_code IS NOT NULL)
),
threshold AS (
    SELECT max(target_rate) AS rate FROM ref.targets
    WHERE scope = 'commune' AND year IS NULL AND indicator = 'achieved_of_eligible'
),
judged AS (
    SELECT l.*,
           CASE WHEN l.eligible > 0 THEN NULL
                WHEN l.level = 'commune' AND l.geography = '2025' AND w.commune_code IS NOT NULL THEN 'no_predecessor'
                ELSE 'no_population' END AS no_data_reason
    FROM printed l
    LEFT JOIN without_predecessor w ON l.level = 'commune' AND l.geography = '2025' AND w.commune_code = l.commune_code
)
SELECT l.geography, l.level, l.year, l.as_of_month, l.is_latest_month,
       l.province_code, l.province_name, l.district_code, l.district_name, l.commune_code, l.commune_name,
       CAST(l.eligible AS DECIMAL(18, 4))   AS eligible,
       CAST(l.registered AS DECIMAL(18, 4)) AS registered,
       CAST(l.assessed AS DECIMAL(18, 4))   AS assessed,
       CAST(l.achieved AS DECIMAL(18, 4))   AS achieved,
       CAST(l.recognised AS DECIMAL(18, 4)) AS recognised,
       CAST(l.registered / nullif(l.eligible, 0) AS DOUBLE) AS registered_rate,
       CAST(l.assessed / nullif(l.eligible, 0) AS DOUBLE) AS assessed_rate,
       CAST(l.achieved / nullif(l.eligible, 0) AS DOUBLE) AS achieved_rate,
       CAST(l.recognised / nullif(l.eligible, 0) AS DOUBLE) AS recognised_rate,
       CAST(l.assessed / nullif(l.registered, 0) AS DOUBLE) AS assessed_of_registered,
       CAST(l.achieved / nullif(l.registered, 0) AS DOUBLE) AS achieved_of_registered,
       CAST(l.recognised / nullif(l.registered, 0) AS DOUBLE) AS recognised_of_registered,
       CASE WHEN l.level = 'commune' AND l.no_data_reason IS NULL THEN l.achieved / nullif(l.eligible, 0) >= t.rate END
           AS reaches_threshold,
       l.approximate,
       l.as_of_date, l.month_complete, l.is_reported_month,
       l.eligible_printed, l.registered_printed, l.assessed_printed, l.achieved_printed, l.recognised_printed,
       CASE WHEN l.level = 'commune' AND l.no_data_reason IS NULL
            THEN CAST(rank() OVER (PARTITION BY l.geography, l.year, l.as_of_month, l.province_code,
                                                l.level, l.no_data_reason IS NULL
                                   ORDER BY round(CAST(l.achieved / nullif(l.eligible, 0) AS DOUBLE), 3) DESC) AS INT) END AS rank_in_province,
       l.no_data_reason,
       CAST(l.achieved / nullif(l.assessed, 0) AS DOUBLE) AS achieved_of_assessed,
       -- commune level, with data: how far the commune is from the threshold, as a rate (negative once above it)
       -- and in people who would still have to achieve (exact: decimal counts times the decimal threshold)
       CASE WHEN l.level = 'commune' AND l.no_data_reason IS NULL
            THEN CAST(t.rate - l.achieved / l.eligible AS DOUBLE) END AS threshold_gap,
       CASE WHEN l.level = 'commune' AND l.no_data_reason IS NULL
            THEN CAST(greatest(ceil(t.rate * l.eligible - l.achieved), 0) AS BIGINT) END AS people_to_threshold
FROM judged l
CROSS JOIN threshold t
