-- Citizen groups (nhóm đối tượng) of the criteria sets (rules/citizen_groups.csv).
SELECT citizen_group,
       name_vi,
       name_en,
       CAST(confirmed AS BOOLEAN) AS confirmed
FROM src_citizen_groups
