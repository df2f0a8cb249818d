-- Per commune (2025 geography) and year, the citizens mart.targets measures digital skills on: those whose
-- submission that counts is Đạt, and of them those whose criterion 3 score reaches the skilled and the proficient mark
-- of ref.digital_skills (unmeasured: no mark for their criteria set and group). Exact sums split as in
-- agg/criteria_sums.sql: whole weights counted as integers, allocated shares summed as decimals. Nothing dated after
-- the data's as-of (int_data_as_of) is counted yet.
-- Stored, and maintained by delta (vn.cdht.pipelines.delta): every measure is an exact sum, contributions counts the
-- rows summed, and a group whose count falls to 0 is removed.
-- keys: commune_code, year
SELECT p.commune_code, y.year,
       count_if(p.weight = 1.0D) AS holders_whole,
       CAST(coalesce(sum(CASE WHEN p.weight <> 1.0D THEN CAST(p.weight AS DECIMAL(20, 10)) END), 0) AS DECIMAL(30, 10))
           AS holders_shares,
       count_if(p.weight = 1.0D AND y.score_3 >= d.skilled_mark) AS skilled_whole,
       CAST(coalesce(sum(CASE WHEN p.weight <> 1.0D AND y.score_3 >= d.skilled_mark
                              THEN CAST(p.weight AS DECIMAL(20, 10)) END), 0) AS DECIMAL(30, 10)) AS skilled_shares,
       count_if(p.weight = 1.0D AND y.score_3 >= d.proficient_mark) AS proficient_whole,
       CAST(coalesce(sum(CASE WHEN p.weight <> 1.0D AND y.score_3 >= d.proficient_mark
                              THEN CAST(p.weight AS DECIMAL(20, 10)) END), 0) AS DECIMAL(30, 10)) AS proficient_shares,
       count_if(d.proficient_mark IS NULL) AS unmeasured,
       count(*) AS contributions
FROM core.yearly_assessments y
JOIN int_account_places p ON p.account_id = y.account_id AND p.geography = '2025'
LEFT JOIN ref.digital_skills d ON d.set_code = y.criteria_set AND d.citizen_group = y.citizen_group
CROSS JOIN int_data_as_of o
WHERE y.achieved AND y.submitted_at <= o.as_of_ts
GROUP BY p.commune_code, y.year
