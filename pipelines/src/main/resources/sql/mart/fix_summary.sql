-- For the department: rows to correct per province, unit, entity and reason or flag, after the latest batch, and how
-- that changed since the batch before it (int/fix_findings.sql): rows_new came with the latest batch, rows_fixed were
-- open before it and it corrected them. A unit NULL: rows whose unit is not known (an unknown unit code, population).
SELECT province_code_2025, province_name_2025, unit_code, unit_name, entity, finding, code, reason_vi,
       count_if(open_now)                         AS rows_open,
       count_if(open_now AND NOT open_before)     AS rows_new,
       count_if(open_before AND NOT open_now)     AS rows_fixed,
       as_of_batch, as_of_date, previous_batch
FROM int_fix_findings
GROUP BY province_code_2025, province_name_2025, unit_code, unit_name, entity, finding, code, reason_vi,
         as_of_batch, as_of_date, previous_batch
