-- Rows to merge into core.self_assessments (key assessment_id): the batch's accepted submissions newer than what core
-- holds (view winners).
SELECT assessment_id, account_id, year, criteria_set, citizen_group,
       score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10,
       total_score, achieved, rule_achieved, criteria_met, submitted_at, updated_at, status,
       flags, batch_id, file_name AS source_file, row_number AS source_row
FROM winners
