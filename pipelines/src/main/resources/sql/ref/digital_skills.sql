-- The criterion 3 marks behind the digital-skills targets (rules/digital_skills.csv): "có kỹ năng số" and
-- "thành thạo" (NULL: not measured by the self-assessment). Only the highest version per set and group is in force.
SELECT set_code, version, citizen_group, criterion_no, skilled_mark, proficient_mark, confirmed
FROM (
    SELECT set_code,
           CAST(version AS INT)                           AS version,
           citizen_group,
           CAST(criterion_no AS INT)                      AS criterion_no,
           CAST(skilled_mark AS DECIMAL(6, 2))            AS skilled_mark,
           CAST(nullif(proficient_mark, '') AS DECIMAL(6, 2)) AS proficient_mark,
           CAST(confirmed AS BOOLEAN)                     AS confirmed,
           row_number() OVER (PARTITION BY set_code, citizen_group ORDER BY CAST(version AS INT) DESC) AS rank_in_set
    FROM src_digital_skills
) d
WHERE rank_in_set = 1
