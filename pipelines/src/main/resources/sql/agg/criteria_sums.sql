-- The ten criteria of every citizen's submission that counts, summed side by side per commune, citizen group,
-- criteria set, year, whole weight or not and approximate or not (mart.criteria turns these into one row per
-- criterion and rolls them up to districts and provinces).
-- one row per commune, group, criteria set and year, all ten criteria side by side, before any row is
-- unpivoted: a few thousand rows to turn into ten each instead of every score. Rows of whole weight (nearly
-- all) are counted and summed in integers and DECIMAL(16, 2), which Spark adds as longs; only the allocated
-- shares go through wide decimals. Sums of decimals are exact, so summing these again gives the same figures.
-- Stored, and maintained by delta (vn.cdht.pipelines.delta): every measure is an exact sum, contributions counts the
-- rows summed, and a group whose count falls to 0 is removed.
-- keys: geography, year, commune_code, citizen_group, criteria_set, whole, approximate
WITH pass_marks AS (
    -- the pass mark of criteria 1 to 10 of each criteria set and group, side by side (NULL where there is none)
    SELECT set_code, citizen_group,
           max(CASE WHEN criterion_no = 1 THEN pass_mark END) AS pass_1,
           max(CASE WHEN criterion_no = 2 THEN pass_mark END) AS pass_2,
           max(CASE WHEN criterion_no = 3 THEN pass_mark END) AS pass_3,
           max(CASE WHEN criterion_no = 4 THEN pass_mark END) AS pass_4,
           max(CASE WHEN criterion_no = 5 THEN pass_mark END) AS pass_5,
           max(CASE WHEN criterion_no = 6 THEN pass_mark END) AS pass_6,
           max(CASE WHEN criterion_no = 7 THEN pass_mark END) AS pass_7,
           max(CASE WHEN criterion_no = 8 THEN pass_mark END) AS pass_8,
           max(CASE WHEN criterion_no = 9 THEN pass_mark END) AS pass_9,
           max(CASE WHEN criterion_no = 10 THEN pass_mark END) AS pass_10
    FROM ref.criteria_sets
    GROUP BY set_code, citizen_group
),
placed AS (
    -- weights as decimals: sums of doubles depend on the order Spark adds them in, decimal sums do not, so a
    -- recomputation gives the same figures to the last digit
    SELECT /*+ BROADCAST(m) */ y.year, y.citizen_group, y.criteria_set, p.geography, p.commune_code,
           CAST(p.weight AS DECIMAL(20, 10)) AS weight, p.weight = 1.0D AS whole, p.approximate,
           y.score_1 AS score_1, y.score_1 >= m.pass_1 AS met_1,
           y.score_2 AS score_2, y.score_2 >= m.pass_2 AS met_2,
           y.score_3 AS score_3, y.score_3 >= m.pass_3 AS met_3,
           y.score_4 AS score_4, y.score_4 >= m.pass_4 AS met_4,
           y.score_5 AS score_5, y.score_5 >= m.pass_5 AS met_5,
           y.score_6 AS score_6, y.score_6 >= m.pass_6 AS met_6,
           y.score_7 AS score_7, y.score_7 >= m.pass_7 AS met_7,
           y.score_8 AS score_8, y.score_8 >= m.pass_8 AS met_8,
           y.score_9 AS score_9, y.score_9 >= m.pass_9 AS met_9,
           y.score_10 AS score_10, y.score_10 >= m.pass_10 AS met_10
    FROM core.yearly_assessments y
    JOIN int_account_places p ON p.account_id = y.account_id
    CROSS JOIN int_data_as_of d
    LEFT JOIN pass_marks m ON m.set_code = y.criteria_set AND m.citizen_group = y.citizen_group
    WHERE (p.geography = '2025' OR cdht_year_on_2024(y.year)) AND y.submitted_at <= d.as_of_ts
)
SELECT geography, year, commune_code, citizen_group, criteria_set, whole, approximate,
       CASE WHEN whole THEN CAST(count(score_1) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_1 IS NOT NULL THEN weight END), 0) END AS assessed_1,
       CASE WHEN whole THEN CAST(count_if(met_1) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_1 THEN weight END), 0) END AS meeting_1,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_1 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_1 END), 0) END AS weighted_score_1,
       count(score_1) AS scored_1,
       CASE WHEN whole THEN CAST(count(score_2) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_2 IS NOT NULL THEN weight END), 0) END AS assessed_2,
       CASE WHEN whole THEN CAST(count_if(met_2) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_2 THEN weight END), 0) END AS meeting_2,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_2 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_2 END), 0) END AS weighted_score_2,
       count(score_2) AS scored_2,
       CASE WHEN whole THEN CAST(count(score_3) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_3 IS NOT NULL THEN weight END), 0) END AS assessed_3,
       CASE WHEN whole THEN CAST(count_if(met_3) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_3 THEN weight END), 0) END AS meeting_3,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_3 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_3 END), 0) END AS weighted_score_3,
       count(score_3) AS scored_3,
       CASE WHEN whole THEN CAST(count(score_4) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_4 IS NOT NULL THEN weight END), 0) END AS assessed_4,
       CASE WHEN whole THEN CAST(count_if(met_4) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_4 THEN weight END), 0) END AS meeting_4,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_4 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_4 END), 0) END AS weighted_score_4,
       count(score_4) AS scored_4,
       CASE WHEN whole THEN CAST(count(score_5) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_5 IS NOT NULL THEN weight END), 0) END AS assessed_5,
       CASE WHEN whole THEN CAST(count_if(met_5) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_5 THEN weight END), 0) END AS meeting_5,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_5 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_5 END), 0) END AS weighted_score_5,
       count(score_5) AS scored_5,
       CASE WHEN whole THEN CAST(count(score_6) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_6 IS NOT NULL THEN weight END), 0) END AS assessed_6,
       CASE WHEN whole THEN CAST(count_if(met_6) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_6 THEN weight END), 0) END AS meeting_6,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_6 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_6 END), 0) END AS weighted_score_6,
       count(score_6) AS scored_6,
       CASE WHEN whole THEN CAST(count(score_7) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_7 IS NOT NULL THEN weight END), 0) END AS assessed_7,
       CASE WHEN whole THEN CAST(count_if(met_7) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_7 THEN weight END), 0) END AS meeting_7,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_7 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_7 END), 0) END AS weighted_score_7,
       count(score_7) AS scored_7,
       CASE WHEN whole THEN CAST(count(score_8) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_8 IS NOT NULL THEN weight END), 0) END AS assessed_8,
       CASE WHEN whole THEN CAST(count_if(met_8) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_8 THEN weight END), 0) END AS meeting_8,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_8 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_8 END), 0) END AS weighted_score_8,
       count(score_8) AS scored_8,
       CASE WHEN whole THEN CAST(count(score_9) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_9 IS NOT NULL THEN weight END), 0) END AS assessed_9,
       CASE WHEN whole THEN CAST(count_if(met_9) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_9 THEN weight END), 0) END AS meeting_9,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_9 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_9 END), 0) END AS weighted_score_9,
       count(score_9) AS scored_9,
       CASE WHEN whole THEN CAST(count(score_10) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND score_10 IS NOT NULL THEN weight END), 0) END AS assessed_10,
       CASE WHEN whole THEN CAST(count_if(met_10) AS DECIMAL(30, 10))
            ELSE coalesce(sum(CASE WHEN NOT whole AND met_10 THEN weight END), 0) END AS meeting_10,
       CASE WHEN whole THEN CAST(coalesce(sum(CASE WHEN whole THEN score_10 END), 0) AS DECIMAL(37, 12))
            ELSE coalesce(sum(CASE WHEN NOT whole THEN weight * score_10 END), 0) END AS weighted_score_10,
       count(score_10) AS scored_10,
       count(*) AS contributions
FROM placed
GROUP BY geography, year, commune_code, citizen_group, criteria_set, whole, approximate
