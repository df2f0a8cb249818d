-- What the fix-lists show (mart.fix_list, mart.fix_summary): each reason or flag of a record that is the unit's to
-- correct (rules/fix_reasons.csv, on_fix_list), open after the latest batch (open_now) and after the batch before it
-- (open_before). No personal data: keys, codes and where the row is; the report reads the value from raw.
--
-- A record's state after a batch is what its latest delivery up to that batch says: a version accepted into core
-- carries its flags (core.versions, and the version core holds now, for rows accepted before core.versions existed), a
-- quarantined row its reasons. When one batch both accepted a version of a record and quarantined another row of it,
-- the accepted version counts. A quarantined row without a key (no account id, no year) names no record: it is open
-- until a later batch delivers the same entity again. Batches are ordered by when they were received.
WITH received AS (
    SELECT batch_id, entity, min(ingested_at) AS ingested_at
    FROM (
        SELECT batch_id, 'accounts' AS entity, ingested_at FROM raw.accounts
        UNION ALL SELECT batch_id, 'units', ingested_at FROM raw.units
        UNION ALL SELECT batch_id, 'self_assessments', ingested_at FROM raw.self_assessments
        UNION ALL SELECT batch_id, 'recognitions', ingested_at FROM raw.recognitions
        UNION ALL SELECT batch_id, 'population', ingested_at FROM raw.population
    ) r
    GROUP BY batch_id, entity
),
received_batches AS (
    SELECT batch_id, min(ingested_at) AS ingested_at FROM received GROUP BY batch_id
),
batches AS (
    -- age 1: the latest batch, 2: the one before it, ... (a self-join of a few rows, not a window over one partition)
    SELECT b.batch_id, b.ingested_at, count(*) AS age
    FROM received_batches b
    JOIN received_batches o ON o.ingested_at > b.ingested_at OR (o.ingested_at = b.ingested_at AND o.batch_id >= b.batch_id)
    GROUP BY b.batch_id, b.ingested_at
),
entity_ages AS (
    -- per entity, the latest batch that delivered it: of all batches, and of those up to the one before the latest
    SELECT r.entity, min(b.age) AS age_now, min(CASE WHEN b.age >= 2 THEN b.age END) AS age_before
    FROM received r JOIN batches b ON b.batch_id = r.batch_id
    GROUP BY r.entity
),
quarantined AS (
    -- inner joins per entity, the few quarantined rows broadcast to the scan of raw
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons AS codes,
           r.account_id AS record_key, r.account_id, r.unit_code AS written_unit
    FROM quarantine.rows q
    JOIN raw.accounts r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'accounts'
    UNION ALL
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons, r.unit_code, CAST(NULL AS STRING), r.unit_code
    FROM quarantine.rows q
    JOIN raw.units r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'units'
    UNION ALL
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons, r.assessment_id, r.account_id,
           CAST(NULL AS STRING)
    FROM quarantine.rows q
    JOIN raw.self_assessments r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'self_assessments'
    UNION ALL
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons,
           CASE WHEN r.account_id IS NOT NULL AND r.year IS NOT NULL THEN concat_ws('/', r.account_id, r.year) END,
           r.account_id, r.unit_code
    FROM quarantine.rows q
    JOIN raw.recognitions r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'recognitions'
    UNION ALL
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons,
           CASE WHEN r.year IS NOT NULL AND r.commune_code IS NOT NULL THEN concat_ws('/', r.year, r.commune_code) END,
           CAST(NULL AS STRING), CAST(NULL AS STRING)
    FROM quarantine.rows q
    JOIN raw.population r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'population'
),
accepted AS (
    SELECT batch_id, entity, record_key, flags AS codes, file_name, row_number FROM core.versions
    UNION ALL SELECT batch_id, 'accounts', account_id, flags, source_file, source_row FROM core.accounts
    UNION ALL SELECT batch_id, 'units', unit_code, flags, source_file, source_row FROM core.units
    UNION ALL SELECT batch_id, 'self_assessments', assessment_id, flags, source_file, source_row FROM core.self_assessments
    UNION ALL SELECT batch_id, 'recognitions', concat_ws('/', account_id, CAST(year AS STRING)), flags, source_file, source_row
              FROM core.recognitions
    UNION ALL SELECT batch_id, 'population', concat_ws('/', CAST(year AS STRING), commune_code), flags, source_file, source_row
              FROM core.population
),
followed AS (
    -- the records that had a finding in some delivery: only their deliveries are ranked
    SELECT DISTINCT entity, record_key FROM accepted WHERE size(codes) > 0
    UNION
    SELECT entity, record_key FROM quarantined WHERE record_key IS NOT NULL
),
deliveries AS (
    SELECT /*+ BROADCAST(f) */ a.batch_id, a.entity, a.record_key, a.codes, a.file_name, a.row_number, true AS accepted,
           false AS keyless, CAST(NULL AS STRING) AS account_id, CAST(NULL AS STRING) AS written_unit
    FROM accepted a LEFT SEMI JOIN followed f ON f.entity = a.entity AND f.record_key = a.record_key
    UNION ALL
    SELECT batch_id, entity, coalesce(record_key, concat('row ', batch_id, ' ', file_name, ' ', CAST(row_number AS STRING))), codes,
           file_name, row_number, false, record_key IS NULL, account_id, written_unit
    FROM quarantined
),
ranked AS (
    SELECT d.*, b.age,
           row_number() OVER (PARTITION BY d.entity, d.record_key ORDER BY b.age, d.accepted DESC) AS latest_now,
           row_number() OVER (PARTITION BY d.entity, d.record_key
                              ORDER BY CASE WHEN b.age >= 2 THEN 0 ELSE 1 END, b.age, d.accepted DESC) AS latest_before
    FROM deliveries d JOIN batches b ON b.batch_id = d.batch_id
),
states AS (
    SELECT r.*, 'now' AS state FROM ranked r JOIN entity_ages e ON e.entity = r.entity
    WHERE r.latest_now = 1 AND (NOT r.keyless OR r.age = e.age_now)
    UNION ALL
    SELECT r.*, 'before' FROM ranked r JOIN entity_ages e ON e.entity = r.entity
    WHERE r.latest_before = 1 AND r.age >= 2 AND (NOT r.keyless OR r.age = e.age_before)
),
exploded AS (
    SELECT s.state, s.entity, s.record_key, s.keyless, s.account_id, s.written_unit, s.batch_id, s.file_name,
           s.row_number, split(c, ':')[0] AS code, CASE WHEN size(split(c, ':')) > 1 THEN split(c, ':')[1] END AS coded_field
    FROM states s
    LATERAL VIEW explode(s.codes) e AS c
),
coded AS (
    SELECT x.state, x.entity, x.record_key, x.keyless, x.account_id, x.written_unit, x.batch_id, x.file_name,
           x.row_number, x.code, fr.finding, coalesce(x.coded_field, fr.field) AS field,
           fr.field_label, fr.reason_vi, fr.action_vi
    FROM exploded x
    JOIN ref.fix_reasons fr ON fr.code = x.code
    WHERE fr.on_fix_list
),
findings AS (
    SELECT coalesce(n.entity, b.entity) AS entity,
           coalesce(n.record_key, b.record_key) AS record_key,
           coalesce(n.keyless, b.keyless) AS keyless,
           coalesce(n.code, b.code) AS code,
           coalesce(n.field, b.field) AS field,
           coalesce(n.finding, b.finding) AS finding,
           coalesce(n.field_label, b.field_label) AS default_label,
           coalesce(n.reason_vi, b.reason_vi) AS reason_vi,
           coalesce(n.action_vi, b.action_vi) AS action_vi,
           coalesce(n.account_id, b.account_id) AS written_account,
           coalesce(n.written_unit, b.written_unit) AS written_unit,
           n.batch_id, n.file_name, n.row_number,
           n.entity IS NOT NULL AS open_now,
           b.entity IS NOT NULL AS open_before
    FROM (SELECT * FROM coded WHERE state = 'now') n
    FULL OUTER JOIN (SELECT * FROM coded WHERE state = 'before') b
           ON b.entity = n.entity AND b.record_key = n.record_key AND b.code = n.code
          AND b.field <=> n.field
),
with_account AS (
    SELECT f.*,
           CASE f.entity
               WHEN 'accounts' THEN CASE WHEN NOT f.keyless THEN f.record_key ELSE f.written_account END
               WHEN 'self_assessments' THEN coalesce(s.account_id, f.written_account)
               WHEN 'recognitions' THEN coalesce(split(CASE WHEN NOT f.keyless THEN f.record_key END, '/')[0], f.written_account)
           END AS account_id
    FROM findings f
    LEFT JOIN (SELECT assessment_id, account_id FROM core.self_assessments
               WHERE assessment_id IN (SELECT record_key FROM findings WHERE entity = 'self_assessments')) s
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
CROSS JOIN (SELECT batch_id, ingested_at FROM batches WHERE age = 1) latest
LEFT JOIN (SELECT batch_id FROM batches WHERE age = 2) previous ON true
