-- What a fix-list says of each reason and flag (rules/fix_reasons.csv): the field to correct when the code does not
-- name it, the reason in plain Vietnamese, what to correct in the software, and whether it is the unit's to correct.
SELECT code,
       finding,
       field,
       field_label,
       reason_vi,
       action_vi,
       CAST(on_fix_list AS BOOLEAN) AS on_fix_list
FROM src_fix_reasons
