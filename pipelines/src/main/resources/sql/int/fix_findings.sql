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
    -- the unit named by the row (or by its account), and the account's place
    SELECT f.*,
           CASE WHEN f.entity = 'units' THEN CASE WHEN NOT f.keyless THEN f.record_key ELSE f.written_unit END
                WHEN f.entity = 'population' THEN NULL
                ELSE coalesce(f.written_unit, r.unit_code, a.unit_code)
           END AS named_unit,
           a.province_code_2025 AS account_province, a.commune_code_2025 AS account_commune
    FROM with_account f
    LEFT JOIN (SELECT account_id, unit_code, province_code_2025, commune_code_2025 FROM core.accounts
               WHERE account_id IN (SELECT account_id FROM with_account)) a
           ON a.account_id = f.account_id
    LEFT JOIN (SELECT account_id, CAST(year AS STRING) AS year, unit_code FROM core.recognitions
               WHERE account_id IN (SELECT account_id FROM with_account WHERE entity = 'recognitions')) r
           ON f.entity = 'recognitions' AND NOT f.keyless AND concat_ws('/', r.account_id, r.year) = f.record_key
),
quarantined_units AS (
    -- units whose own row is quarantined: their manager is told of that row, and their citizens' UNKNOWN_UNIT is its
    -- consequence, not a finding of its own
    SELECT DISTINCT record_key AS unit_code, written_unit_name AS unit_name, written_province
    FROM int_fix_records
    WHERE entity = 'units' AND finding = 'quarantined' AND open_now AND NOT keyless
),
placed AS (
    SELECT f.*,
           -- a unit the software has (in core, or quarantined); any other code names no manager
           CASE WHEN u.unit_code IS NOT NULL OR qu.unit_code IS NOT NULL THEN f.named_unit END AS unit_code,
           coalesce(u.unit_name, qu.unit_name, CASE WHEN f.entity = 'units' THEN f.written_unit_name END) AS unit_name,
           coalesce(u.province_code_2025, f.account_province, wp.province_code, wx.new_province_code) AS province_code_2025,
           coalesce(u.commune_code_2025, f.account_commune) AS commune_code_2025,
           u.unit_code IS NOT NULL AS unit_known,
           qu.unit_code IS NOT NULL AS unit_quarantined
    FROM with_unit f
    LEFT JOIN core.units u ON u.unit_code = f.named_unit
    LEFT JOIN quarantined_units qu ON qu.unit_code = f.named_unit
    -- a province as written in the quarantined row: a 2025 code, or a 2024 one through the crosswalk
    LEFT JOIN ref.provinces_2025 wp ON wp.province_code = coalesce(f.written_province, qu.written_province)
    LEFT JOIN ref.province_crosswalk wx ON wx.old_province_code = coalesce(f.written_province, qu.written_province)
)
SELECT f.entity, f.record_key, f.account_id, f.finding, f.code, f.field,
       coalesce(sf.label, f.default_label, f.field) AS field_label,
       f.reason_vi, f.action_vi,
       f.batch_id, f.file_name, f.row_number,
       f.unit_code, f.unit_name,
       f.province_code_2025, p.province_name AS province_name_2025,
       f.commune_code_2025, c.commune_name AS commune_name_2025,
       -- an UNKNOWN_UNIT flag stays in core until the account is delivered again: open only while the unit is unknown
       f.open_now AND NOT (f.code = 'UNKNOWN_UNIT' AND f.unit_known) AS open_now,
       f.open_before,
       latest.batch_id AS as_of_batch, to_date(latest.ingested_at) AS as_of_date,
       previous.batch_id AS previous_batch
FROM placed f
LEFT JOIN ref.source_fields sf ON sf.entity = f.entity AND sf.field = f.field
LEFT JOIN ref.provinces_2025 p ON p.province_code = f.province_code_2025
LEFT JOIN ref.communes_2025 c ON c.commune_code = f.commune_code_2025
CROSS JOIN (SELECT DISTINCT batch_id, ingested_at FROM int_fix_batches WHERE age = 1) latest
LEFT JOIN (SELECT DISTINCT batch_id FROM int_fix_batches WHERE age = 2) previous ON true
WHERE NOT (f.code = 'UNKNOWN_UNIT' AND f.unit_quarantined)
