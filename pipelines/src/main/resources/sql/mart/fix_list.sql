-- The rows each unit's manager can correct in the software, open after the latest batch (int/fix_findings.sql): one
-- row per record, reason or flag and field. The fix-list report (cdht bulletin --kind fix-list) prints a unit's rows
-- with the value as written, read from raw; this table holds no personal data. is_new: it came with the latest batch.
SELECT as_of_batch, as_of_date,
       unit_code, unit_name,
       province_code_2025, province_name_2025, commune_code_2025, commune_name_2025,
       entity, record_key, account_id, finding, code, field, field_label, reason_vi, action_vi,
       batch_id, file_name, row_number,
       NOT open_before AS is_new
FROM int_fix_findings
WHERE open_now
