-- Rows to merge into core.recognitions (key account_id, year): the batch's accepted recognitions newer than what core
-- holds (view winners).
SELECT account_id, year, decision_no, decided_on, unit_code, status, version_at,
       flags, batch_id, file_name AS source_file, row_number AS source_row
FROM winners
