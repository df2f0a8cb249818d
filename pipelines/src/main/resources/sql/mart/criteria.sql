-- Per criterion, citizen group (and all groups), area and year: citizens assessed (their submission that counts),
-- those meeting the criterion (score at or above its pass mark, ref.criteria_sets), the share, the mean score, and
-- the criterion's rank from the weakest (1 = lowest share in its area, year and group).
WITH scores AS (
    SELECT s.geography, s.year, s.commune_code, s.citizen_group, s.criteria_set, s.approximate,
           k.criterion_no, k.assessed, k.meeting, k.weighted_score
    FROM agg.criteria_sums s
    LATERAL VIEW stack(10,
        1, s.assessed_1, s.meeting_1, s.weighted_score_1, s.scored_1,
        2, s.assessed_2, s.meeting_2, s.weighted_score_2, s.scored_2,
        3, s.assessed_3, s.meeting_3, s.weighted_score_3, s.scored_3,
        4, s.assessed_4, s.meeting_4, s.weighted_score_4, s.scored_4,
        5, s.assessed_5, s.meeting_5, s.weighted_score_5, s.scored_5,
        6, s.assessed_6, s.meeting_6, s.weighted_score_6, s.scored_6,
        7, s.assessed_7, s.meeting_7, s.weighted_score_7, s.scored_7,
        8, s.assessed_8, s.meeting_8, s.weighted_score_8, s.scored_8,
        9, s.assessed_9, s.meeting_9, s.weighted_score_9, s.scored_9,
        10, s.assessed_10, s.meeting_10, s.weighted_score_10, s.scored_10
    ) k AS criterion_no, assessed, meeting, weighted_score, scored
    WHERE k.scored > 0
),
commune_sums AS (
    -- one row per commune, group, criterion and year first: the rollup to districts and provinces below then adds
    -- up a few thousand of these instead of expanding every score six times (decimal sums: the same figures)
    SELECT s.geography, s.year, s.criterion_no, s.commune_code, s.citizen_group,
           CAST(sum(s.assessed) AS DECIMAL(30, 10)) AS assessed,
           CAST(sum(s.meeting) AS DECIMAL(30, 10)) AS meeting,
           CAST(sum(s.weighted_score) AS DECIMAL(37, 12)) AS weighted_score,
           max(c.title_vi) AS max_title, min(c.title_vi) AS min_title,
           max(s.approximate) AS approximate
    FROM scores s
    LEFT JOIN ref.criteria_sets c
           ON c.set_code = s.criteria_set AND c.citizen_group = s.citizen_group AND c.criterion_no = s.criterion_no
    GROUP BY s.geography, s.year, s.criterion_no, s.commune_code, s.citizen_group
),
grouped AS (
    SELECT cs.geography, cs.year, cs.criterion_no,
           CASE WHEN grouping(a.commune_code) = 0 THEN 'commune' WHEN grouping(a.district_code) = 0 THEN 'district'
                ELSE 'province' END AS level,
           a.province_code, max(a.province_name) AS province_name,
           a.district_code, max(a.district_name) AS district_name,
           a.commune_code, max(a.commune_name) AS commune_name,
           CASE WHEN grouping(cs.citizen_group) = 1 THEN 'ALL' ELSE cs.citizen_group END AS citizen_group,
           CASE WHEN grouping(cs.citizen_group) = 0 THEN max(cs.max_title) ELSE min(cs.min_title) END AS criterion_title,
           -- cast back to the types a one-step sum has (weight DECIMAL(20,10), score DECIMAL(6,2)), so that the
           -- divisions below round exactly as they always did
           CAST(sum(cs.assessed) AS DECIMAL(30, 10)) AS assessed,
           CAST(sum(cs.meeting) AS DECIMAL(30, 10)) AS meeting,
           CAST(sum(cs.weighted_score) AS DECIMAL(37, 12)) / CAST(sum(cs.assessed) AS DECIMAL(30, 10)) AS mean_score,
           max(cs.approximate) AS approximate
    FROM commune_sums cs
    JOIN int_areas a ON a.geography = cs.geography AND a.commune_code = cs.commune_code
    GROUP BY cs.geography, cs.year, cs.criterion_no, GROUPING SETS (
        (a.province_code, cs.citizen_group), (a.province_code),
        (a.province_code, a.district_code, cs.citizen_group), (a.province_code, a.district_code),
        (a.province_code, a.district_code, a.commune_code, cs.citizen_group), (a.province_code, a.district_code, a.commune_code))
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
