-- What the fix-lists show (mart.fix_list, mart.fix_summary): each record's reason or flag that is the unit's to
-- correct (int/fix_records.sql), with its account, the unit whose manager can correct it and the place. No personal
-- data: keys, codes and where the row is; the report reads the value as written from raw.
WITH with_account AS (
    SELECT f.*,
           CASE f.entity
               WHEN 'accounts' THEN CASE WHEN NOT f.keyless THEN f.record_key ELSE f.written_account END
               WHEN 'self_assessments' THEN coalesce(s.account_id, f.written_account)
               WHEN 'recognitions' THEN coalesce(split(CASE WHEN NOT f.keyless THEN f.record_key END, '/')[0], f.written_account)
           END AS account_id
    FROM int_fix_records f
    LEFT JOIN (SELECT assessment_id, account_id FROM core.self_assessments
               WHERE assessment_id IN (SELECT record_key FROM int_fix_records WHERE entity = 'self_assessments')) s
           ON f.entity = 'self_assessments' AND s.assessment_id = f.record_key
),
with_unit AS (
    SELECT f.*,
           CASE WHEN f.entity = 'units' THEN CASE WHEN NOT f.keyless THEN f.record_key ELSE f.written_unit END
                WHEN f.entity = 'population' THEN NULL
                ELSE coalesce(f.written_unit, r.unit_code, a.unit_code)
           END AS unit_code,
           a.province_code_2025 AS account_province, a.commune_code_2025 AS account_commune
    FROM with_account f
    LEFT JOIN (SELECT account_id, unit_code, province_code_2025, commune_code_2025 FROM core.accounts
               WHERE account_id IN (SELECT account_id FROM with_account)) a
           ON a.account_id = f.account_id
    LEFT JOIN (SELECT account_id, CAST(year AS STRING) AS year, unit_code FROM core.recognitions
               WHERE account_id IN (SELECT account_id FROM with_account WHERE entity = 'recognitions')) r
           ON f.entity = 'recognitions' AND NOT f.keyless AND concat_ws('/', r.account_id, r.year) = f.record_key
)
SELECT f.entity, f.record_key, f.account_id, f.finding, f.code, f.field,
       coalesce(sf.label, f.default_label, f.field) AS field_label,
       f.reason_vi, f.action_vi,
       f.batch_id, f.file_name, f.row_number,
       f.unit_code, u.unit_name,
       coalesce(u.province_code_2025, f.account_province) AS province_code_2025,
       p.province_name AS province_name_2025,
       coalesce(u.commune_code_2025, f.account_commune) AS commune_code_2025,
       c.commune_name AS commune_name_2025,
       f.open_now, f.open_before,
       latest.batch_id AS as_of_batch, to_date(latest.ingested_at) AS as_of_date,
       previous.batch_id AS previous_batch
FROM with_unit f
LEFT JOIN ref.source_fields sf ON sf.entity = f.entity AND sf.field = f.field
LEFT JOIN core.units u ON u.unit_code = f.unit_code
LEFT JOIN ref.provinces_2025 p ON p.province_code = coalesce(u.province_code_2025, f.account_province)
LEFT JOIN ref.communes_2025 c ON c.commune_code = coalesce(u.commune_code_2025, f.account_commune)
CROSS JOIN (SELECT DISTINCT batch_id, ingested_at FROM int_fix_batches WHERE age = 1) latest
LEFT JOIN (SELECT DISTINCT batch_id FROM int_fix_batches WHERE age = 2) previous ON true
