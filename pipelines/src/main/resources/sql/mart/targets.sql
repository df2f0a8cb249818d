-- Each area (2025 geography: provinces and communes) against each target of ref.targets. The rule (docs/indicators.md,
-- "Mục tiêu", with a worked example) is stated here only; reports and views print what it computes.
--
-- Values: achieved_of_eligible is the achieved rate of mart.coverage at a year's reported month (the year's last
-- complete month); achieved_of_members_group_iii (achieved / members of schools, agencies, commune committees and
-- education centres, mart.unit_progress), digital_of_achieved and proficient_of_achieved (title holders whose
-- criterion 3 score reaches the "có kỹ năng số" / "thành thạo" mark of ref.digital_skills) are yearly values.
-- The achieved count starts again at zero every January, so a pace measured inside one year projects only that
-- year's end:
--   monthly_pace   = value / month number of the reported month (the average rise per month since January);
--   year_end_value = min(1, value + monthly_pace * (12 - month number)) for the current year (a yearly indicator:
--                    its value); a past year's final value.
-- Across years only comparable values are compared: the same month of each year (yearly indicators: each year):
--   annual_pace    = the least-squares slope of those values over the years (NULL with fewer than two years).
-- Status:
--   a past target year:                met if its final value reached the target, otherwise not_met;
--   the current year, or a standing threshold (judged every year on the current year):
--                                      met if reached, on_track if year_end_value reaches it, otherwise behind;
--   a later target year:               met if reached; on_track if year_end_value + annual_pace * (years left)
--                                      reaches it; behind if not; no_trend when there is no annual pace and the
--                                      current year's end does not reach it;
--   not_measured when the value cannot be measured (no eligible population, no "thành thạo" mark configured).
--   projected_year = the current year + ceil((target - year_end_value) / annual_pace) when the pace is positive
--                    (NULL once met, or when it lies more than 50 years past the target year).
WITH latest AS (
    SELECT max(year) AS year FROM mart.coverage WHERE geography = '2025'
),
coverage AS (
    SELECT level, province_code, province_name, commune_code, commune_name, year, as_of_month, as_of_date,
           is_reported_month, achieved_rate, CAST(substr(as_of_month, 6, 2) AS INT) AS month_no
    FROM mart.coverage
    WHERE geography = '2025' AND level IN ('province', 'commune')
),
reported AS (
    SELECT * FROM coverage WHERE is_reported_month
),
current_month AS (
    -- the month of the current year that figures are reported at, per area
    SELECT r.level, r.province_code, r.commune_code, r.month_no
    FROM reported r JOIN latest l ON r.year = l.year
),
digital AS (
    -- agg.digital_sums per commune, added up per province: the same exact decimal sums
    SELECT a.province_code, max(a.province_name) AS province_name, g.year,
           CAST(CAST(sum(g.holders_whole) AS DECIMAL(30, 10)) + sum(g.holders_shares) AS DECIMAL(30, 10)) AS holders,
           CAST(CAST(sum(g.skilled_whole) AS DECIMAL(30, 10)) + sum(g.skilled_shares) AS DECIMAL(30, 10)) AS skilled,
           CAST(CAST(sum(g.proficient_whole) AS DECIMAL(30, 10)) + sum(g.proficient_shares) AS DECIMAL(30, 10)) AS proficient,
           sum(g.unmeasured) AS unmeasured
    FROM agg.digital_sums g
    JOIN int_areas a ON a.geography = '2025' AND a.commune_code = g.commune_code
    GROUP BY a.province_code, g.year
),
year_values AS (
    -- per area, indicator and year: the value at the year's reported month, and the in-year pace
    SELECT level, province_code, province_name, commune_code, commune_name, year, as_of_month, as_of_date,
           'achieved_of_eligible' AS indicator, achieved_rate AS value, month_no
    FROM reported
    UNION ALL
    SELECT 'province', u.province_code_2025, max(u.province_name_2025), NULL, NULL, u.year,
           max(c.as_of_month), max(c.as_of_date),
           'achieved_of_members_group_iii', sum(u.achieved) / nullif(sum(u.members), 0), NULL
    FROM mart.unit_progress u
    LEFT JOIN reported c ON c.level = 'province' AND c.province_code = u.province_code_2025 AND c.year = u.year
    WHERE u.unit_category IN ('school', 'state_agency', 'commune_committee', 'education_centre')
    GROUP BY u.province_code_2025, u.year
    UNION ALL
    SELECT 'province', d.province_code, d.province_name, NULL, NULL, d.year, c.as_of_month, c.as_of_date,
           x.indicator, x.value, NULL
    FROM digital d
    LEFT JOIN reported c ON c.level = 'province' AND c.province_code = d.province_code AND c.year = d.year
    LATERAL VIEW stack(2, 'digital_of_achieved', CAST(d.skilled AS DOUBLE) / nullif(CAST(d.holders AS DOUBLE), 0),
                          'proficient_of_achieved',
                          CASE WHEN d.unmeasured = 0
                               THEN CAST(d.proficient AS DOUBLE) / nullif(CAST(d.holders AS DOUBLE), 0) END) x
        AS indicator, value
),
comparable AS (
    -- the values that can be compared across years: achieved_of_eligible at the same month of every year as the
    -- current year's reported month; yearly indicators every year
    SELECT v.level, v.province_code, v.commune_code, v.indicator, v.year, v.value
    FROM year_values v
    WHERE v.indicator <> 'achieved_of_eligible'
    UNION ALL
    SELECT c.level, c.province_code, c.commune_code, 'achieved_of_eligible', c.year, c.achieved_rate
    FROM coverage c
    JOIN current_month m ON m.level = c.level AND m.province_code = c.province_code
                        AND m.commune_code <=> c.commune_code AND m.month_no = c.month_no
),
points AS (
    -- the (year, value) pairs of each series, in year order: summed in a fixed order, the slope is the same to the
    -- last bit whatever order the rows arrive in (regr_slope's running sums are not)
    SELECT level, province_code, commune_code, indicator,
           array_sort(collect_list(CASE WHEN value IS NOT NULL
                                        THEN named_struct('x', CAST(year AS DOUBLE), 'y', value) END)) AS p
    FROM comparable
    GROUP BY level, province_code, commune_code, indicator
),
centred AS (
    SELECT level, province_code, commune_code, indicator, p,
           aggregate(p, 0D, (s, q) -> s + q.x) / nullif(size(p), 0) AS mean_x,
           aggregate(p, 0D, (s, q) -> s + q.y) / nullif(size(p), 0) AS mean_y
    FROM points
),
trends AS (
    SELECT level, province_code, commune_code, indicator,
           CASE WHEN size(p) >= 2
                THEN aggregate(p, 0D, (s, q) -> s + (q.x - mean_x) * (q.y - mean_y))
                     / aggregate(p, 0D, (s, q) -> s + (q.x - mean_x) * (q.x - mean_x)) END AS annual_pace
    FROM centred
),
projected AS (
    SELECT v.*,
           CASE WHEN v.year = l.year AND v.month_no IS NOT NULL THEN v.value / v.month_no END AS monthly_pace,
           -- (least() skips NULLs: an unmeasured value must stay NULL)
           CASE WHEN v.value IS NULL THEN NULL
                WHEN v.year = l.year AND v.month_no IS NOT NULL
                THEN least(1D, v.value + v.value / v.month_no * (12 - v.month_no)) ELSE v.value END AS year_end_value,
           t.annual_pace,
           l.year AS current_year
    FROM year_values v
    CROSS JOIN latest l
    LEFT JOIN trends t ON t.level = v.level AND t.province_code = v.province_code AND t.commune_code <=> v.commune_code
                      AND t.indicator = v.indicator
),
judged AS (
    SELECT p.*, t.target_code, t.source, t.title_vi, t.year AS target_year, CAST(t.target_rate AS DOUBLE) AS target_rate,
           t.year IS NOT NULL AND t.year < p.current_year AS past
    FROM projected p
    JOIN ref.targets t ON t.indicator = p.indicator
                      AND (t.scope = p.level OR (t.scope = 'unit' AND p.level = 'province'))
    -- a past target year is judged on its own year; every other target on the current year
    WHERE p.year = CASE WHEN t.year IS NOT NULL AND t.year < p.current_year THEN t.year ELSE p.current_year END
),
statused AS (
    SELECT j.*,
           CASE WHEN value IS NULL THEN 'not_measured'
                WHEN value >= target_rate THEN 'met'
                WHEN past THEN 'not_met'
                WHEN year_end_value >= target_rate THEN 'on_track'
                WHEN coalesce(target_year, current_year) <= current_year THEN 'behind'
                WHEN annual_pace IS NULL THEN 'no_trend'
                WHEN year_end_value + annual_pace * (target_year - current_year) >= target_rate THEN 'on_track'
                ELSE 'behind' END AS status,
           CASE WHEN value IS NOT NULL AND value < target_rate AND NOT past AND annual_pace > 0
                THEN current_year + CAST(ceil((target_rate - year_end_value) / annual_pace) AS INT) END AS projected_year
    FROM judged j
)
SELECT level, province_code, province_name, commune_code, commune_name, target_code, source, indicator, title_vi,
       target_year, target_rate, year, as_of_month, as_of_date,
       value AS current_value,
       CASE WHEN value IS NOT NULL THEN greatest(target_rate - value, 0D) END AS gap,
       CASE WHEN NOT past THEN monthly_pace END AS monthly_pace,
       year_end_value,
       CASE WHEN NOT past THEN annual_pace END AS annual_pace,
       CASE WHEN projected_year <= coalesce(target_year, current_year) + 50 AND status <> 'met'
            THEN GREATEST(projected_year, current_year) END AS projected_year,
       status
FROM statused
