-- Each area (2025 geography: provinces and communes) against each target of ref.targets: its current value, the gap,
-- the pace of the last months and the month at which that pace would reach the target, and a status:
--   met       the value has reached the target (for a past target year: by that year's end);
--   on_track  at the current pace the target is reached by December of the target year (or of this year for a
--             standing threshold);
--   behind    otherwise (including a past target year that was missed).
-- Indicators: achieved_of_eligible (mart.coverage achieved_rate); achieved_of_members_group_iii (achieved / members of
-- the units where officials work: schools, agencies, commune committees, education centres; mart.unit_progress);
-- digital_of_achieved (citizens achieving the title who meet criterion 3, digital skills, of those achieving it).
WITH latest AS (
    SELECT max(year) AS year FROM mart.coverage WHERE geography = '2025'
),
coverage AS (
    SELECT c.*, first_value(c.achieved_rate) OVER (PARTITION BY c.level, c.province_code, c.commune_code, c.year
                                                   ORDER BY c.as_of_month) AS first_rate,
           row_number() OVER (PARTITION BY c.level, c.province_code, c.commune_code, c.year ORDER BY c.as_of_month) AS months_in
    FROM mart.coverage c
    WHERE c.geography = '2025' AND c.level IN ('province', 'commune')
),
year_values AS (
    -- per area and year: the value at its latest month, and the monthly pace within that year
    SELECT level, province_code, province_name, commune_code, commune_name, year, as_of_month,
           'achieved_of_eligible' AS indicator,
           coalesce(achieved_rate, 0) AS value,
           CASE WHEN months_in > 1 THEN (coalesce(achieved_rate, 0) - coalesce(first_rate, 0)) / (months_in - 1) END AS pace
    FROM coverage
    WHERE is_latest_month
    UNION ALL
    SELECT 'province', province_code_2025, max(province_name_2025), NULL, NULL, year, NULL,
           'achieved_of_members_group_iii', sum(achieved) / nullif(sum(members), 0), NULL
    FROM mart.unit_progress
    WHERE unit_category IN ('school', 'state_agency', 'commune_committee', 'education_centre')
    GROUP BY province_code_2025, year
    UNION ALL
    SELECT 'province', a.province_code, max(a.province_name), NULL, NULL, y.year, NULL,
           'digital_of_achieved',
           CAST(sum(CASE WHEN y.score_3 >= c.pass_mark THEN CAST(p.weight AS DECIMAL(20, 10)) ELSE 0 END)
                / nullif(sum(CAST(p.weight AS DECIMAL(20, 10))), 0) AS DOUBLE), NULL
    FROM core.yearly_assessments y
    JOIN int_account_places p ON p.account_id = y.account_id AND p.geography = '2025'
    JOIN int_areas a ON a.geography = '2025' AND a.commune_code = p.commune_code
    LEFT JOIN ref.criteria_sets c ON c.set_code = y.criteria_set AND c.citizen_group = y.citizen_group AND c.criterion_no = 3
    WHERE y.achieved
    GROUP BY a.province_code, y.year
),
judged AS (
    SELECT v.*, t.target_code, t.source, t.title_vi, t.year AS target_year, CAST(t.target_rate AS DOUBLE) AS target_rate,
           coalesce(t.year, v.year) AS deadline_year
    FROM year_values v
    JOIN ref.targets t ON t.indicator = v.indicator
                      AND (t.scope = v.level OR (t.scope = 'unit' AND v.level = 'province'))
    CROSS JOIN latest l
    -- a dated target is judged on its own year (or on the latest year while it is still ahead); a standing
    -- threshold on the latest year
    WHERE v.year = CASE WHEN t.year IS NOT NULL AND t.year < l.year THEN t.year ELSE l.year END
)
SELECT level, province_code, province_name, commune_code, commune_name, target_code, source, indicator, title_vi,
       target_year, target_rate, year, as_of_month,
       value AS current_value,
       greatest(target_rate - value, 0) AS gap,
       pace AS monthly_pace,
       CASE WHEN value >= target_rate THEN as_of_month
            WHEN pace > 0 AND as_of_month IS NOT NULL
            THEN date_format(add_months(to_date(concat(as_of_month, '-01')), CAST(ceil((target_rate - value) / pace) AS INT)), 'yyyy-MM')
       END AS projected_month,
       CASE WHEN value >= target_rate THEN 'met'
            WHEN year <= deadline_year AND pace > 0 AND as_of_month IS NOT NULL
                 AND add_months(to_date(concat(as_of_month, '-01')), CAST(ceil((target_rate - value) / pace) AS INT))
                     <= make_date(deadline_year, 12, 1) THEN 'on_track'
            ELSE 'behind' END AS status
FROM judged
