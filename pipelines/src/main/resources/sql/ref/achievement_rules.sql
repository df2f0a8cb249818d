-- How a self-assessment earns the title under each criteria set and group (rules/achievement_rules.csv). The source
-- system's own result is authoritative; this rule re-checks it.
SELECT set_code,
       CAST(set_version AS INT)          AS set_version,
       citizen_group,
       CAST(min_total AS DECIMAL(6, 2))  AS min_total,
       CAST(min_criteria_met AS INT)     AS min_criteria_met,
       CAST(all_mandatory_met AS BOOLEAN) AS all_mandatory_met,
       CAST(confirmed AS BOOLEAN)        AS confirmed
FROM src_achievement_rules
