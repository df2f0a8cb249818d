-- Per criterion, citizen group (and all groups), area and year: citizens assessed (their submission that counts),
-- those meeting the criterion (score at or above its pass mark, ref.criteria_sets), the share, the mean score, and
-- the criterion's rank from the weakest (1 = lowest share in its area, year and group).
WITH scores AS (
    -- weights as decimals: sums of doubles depend on the order Spark adds them in, decimal sums do not, so a
    -- recomputation gives the same figures to the last digit
    SELECT y.year, y.citizen_group, y.criteria_set, p.geography, p.commune_code,
           CAST(p.weight AS DECIMAL(20, 10)) AS weight, p.approximate,
           s.criterion_no, s.score
    FROM core.yearly_assessments y
    JOIN int_account_places p ON p.account_id = y.account_id
    LATERAL VIEW stack(10, 1, y.score_1, 2, y.score_2, 3, y.score_3, 4, y.score_4, 5, y.score_5,
                           6, y.score_6, 7, y.score_7, 8, y.score_8, 9, y.score_9, 10, y.score_10) s AS criterion_no, score
    WHERE s.score IS NOT NULL
),
judged AS (
    SELECT s.*, a.province_code, a.province_name, a.district_code, a.district_name, a.commune_name,
           c.title_vi, CASE WHEN s.score >= c.pass_mark THEN s.weight ELSE 0 END AS meeting
    FROM scores s
    JOIN int_areas a ON a.geography = s.geography AND a.commune_code = s.commune_code
    LEFT JOIN ref.criteria_sets c
           ON c.set_code = s.criteria_set AND c.citizen_group = s.citizen_group AND c.criterion_no = s.criterion_no
    WHERE s.geography = '2025' OR s.year <= 2025
),
grouped AS (
    SELECT geography, year, criterion_no,
           CASE WHEN grouping(commune_code) = 0 THEN 'commune' WHEN grouping(district_code) = 0 THEN 'district'
                ELSE 'province' END AS level,
           province_code, max(province_name) AS province_name,
           district_code, max(district_name) AS district_name,
           commune_code, max(commune_name) AS commune_name,
           CASE WHEN grouping(citizen_group) = 1 THEN 'ALL' ELSE citizen_group END AS citizen_group,
           CASE WHEN grouping(citizen_group) = 0 THEN max(title_vi) ELSE min(title_vi) END AS criterion_title,
           sum(weight) AS assessed, sum(meeting) AS meeting,
           sum(weight * score) / sum(weight) AS mean_score,
           max(approximate) AS approximate
    FROM judged
    GROUP BY geography, year, criterion_no, GROUPING SETS (
        (province_code, citizen_group), (province_code),
        (province_code, district_code, citizen_group), (province_code, district_code),
        (province_code, district_code, commune_code, citizen_group), (province_code, district_code, commune_code))
)
SELECT geography, level, year, province_code, province_name,
       CASE WHEN level = 'province' THEN NULL ELSE district_code END AS district_code,
       CASE WHEN level = 'province' THEN NULL ELSE district_name END AS district_name,
       commune_code, CASE WHEN level = 'commune' THEN commune_name END AS commune_name, citizen_group, criterion_no,
       criterion_title,
       CAST(assessed AS DECIMAL(18, 4)) AS assessed,
       CAST(meeting AS DECIMAL(18, 4))  AS meeting,
       CAST(meeting / nullif(assessed, 0) AS DOUBLE) AS share,
       CAST(mean_score AS DOUBLE)       AS mean_score,
       CAST(rank() OVER (PARTITION BY geography, level, year, province_code, district_code, commune_code, citizen_group
                         ORDER BY meeting / nullif(assessed, 0) ASC, criterion_no) AS INT) AS weakness_rank,
       approximate
FROM grouped
WHERE NOT (geography = '2025' AND level = 'district')
