-- The criteria of each criteria set and citizen group (rules/criteria_sets.csv): title, maximum score, pass mark,
-- whether it is mandatory. title_confirmed = false marks a title still to be checked against the decision's text.
SELECT set_code,
       CAST(set_version AS INT)      AS set_version,
       CAST(valid_from_year AS INT)  AS valid_from_year,
       CAST(valid_to_year AS INT)    AS valid_to_year,
       citizen_group,
       CAST(criterion_no AS INT)     AS criterion_no,
       title_vi,
       CAST(max_score AS DECIMAL(6, 2)) AS max_score,
       CAST(pass_mark AS DECIMAL(6, 2)) AS pass_mark,
       CAST(mandatory AS BOOLEAN)       AS mandatory,
       CAST(title_confirmed AS BOOLEAN) AS title_confirmed
FROM src_criteria_sets
