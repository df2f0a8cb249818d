-- The records the fix-lists follow (int/fix_findings.sql places them): for every record the software holds that a
-- batch quarantined or kept with a flag, each reason or flag that is the unit's to correct (rules/fix_reasons.csv,
-- on_fix_list), open after the latest batch (open_now) and after the batch before it (open_before).
--
-- A record's state after a batch is what its latest delivery up to that batch says: a version accepted into core
-- carries its flags (core.versions, and the version core holds now, for rows accepted before core.versions existed), a
-- quarantined row its reasons. When one batch both accepted a version of a record and quarantined another row of it,
-- the accepted version counts. A quarantined row without a key (no account id, no year) names no record: it is open
-- until a later batch delivers the same entity again. Batches are ordered by when they were received (int/fix_batches).
WITH entity_ages AS (
    -- per entity, the latest batch that delivered it: of all batches, and of those up to the one before the latest
    SELECT entity, min(age) AS age_now, min(CASE WHEN age >= 2 THEN age END) AS age_before
    FROM int_fix_batches
    GROUP BY entity
),
ages AS (
    SELECT DISTINCT batch_id, age FROM int_fix_batches
),
quarantined AS (
    -- inner joins per entity, the few quarantined rows broadcast to the scan of raw
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons AS codes,
           r.account_id AS record_key, r.account_id, r.unit_code AS written_unit, r.province_code AS written_province,
           CAST(NULL AS STRING) AS written_unit_name
    FROM quarantine.rows q
    JOIN raw.accounts r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'accounts'
    UNION ALL
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons, r.unit_code, CAST(NULL AS STRING), r.unit_code,
           r.province_code, r.unit_name
    FROM quarantine.rows q
    JOIN raw.units r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'units'
    UNION ALL
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons, r.assessment_id, r.account_id,
           CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING)
    FROM quarantine.rows q
    JOIN raw.self_assessments r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'self_assessments'
    UNION ALL
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons,
           CASE WHEN r.account_id IS NOT NULL AND r.year IS NOT NULL THEN concat_ws('/', r.account_id, r.year) END,
           r.account_id, r.unit_code, CAST(NULL AS STRING), CAST(NULL AS STRING)
    FROM quarantine.rows q
    JOIN raw.recognitions r ON r.batch_id = q.batch_id AND r.file_name = q.file_name AND r.row_number = q.row_number
    WHERE q.entity = 'recognitions'
    UNION ALL
    SELECT /*+ BROADCAST(q) */ q.batch_id, q.entity, q.file_name, q.row_number, q.reasons,
           CASE WHEN r.year IS NOT NULL AND r.commune_code IS NOT NULL THEN concat_ws('/', r.year, r.commune_code) END,
           CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING)
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
           false AS keyless, CAST(NULL AS STRING) AS account_id, CAST(NULL AS STRING) AS written_unit,
           CAST(NULL AS STRING) AS written_province, CAST(NULL AS STRING) AS written_unit_name
    FROM accepted a LEFT SEMI JOIN followed f ON f.entity = a.entity AND f.record_key = a.record_key
    UNION ALL
    SELECT batch_id, entity, coalesce(record_key, concat('row ', batch_id, ' ', file_name, ' ', CAST(row_number AS STRING))), codes,
           file_name, row_number, false, record_key IS NULL, account_id, written_unit, written_province, written_unit_name
    FROM quarantined
),
ranked AS (
    SELECT d.*, b.age,
           row_number() OVER (PARTITION BY d.entity, d.record_key ORDER BY b.age, d.accepted DESC) AS latest_now,
           row_number() OVER (PARTITION BY d.entity, d.record_key
                              ORDER BY CASE WHEN b.age >= 2 THEN 0 ELSE 1 END, b.age, d.accepted DESC) AS latest_before
    FROM deliveries d JOIN ages b ON b.batch_id = d.batch_id
),
states AS (
    SELECT r.*, 'now' AS state FROM ranked r JOIN entity_ages e ON e.entity = r.entity
    WHERE r.latest_now = 1 AND (NOT r.keyless OR r.age = e.age_now)
    UNION ALL
    SELECT r.*, 'before' FROM ranked r JOIN entity_ages e ON e.entity = r.entity
    WHERE r.latest_before = 1 AND r.age >= 2 AND (NOT r.keyless OR r.age = e.age_before)
),
exploded AS (
    SELECT s.state, s.entity, s.record_key, s.keyless, s.account_id, s.written_unit, s.written_province,
           s.written_unit_name, s.batch_id, s.file_name,
           s.row_number, split(c, ':')[0] AS code, CASE WHEN size(split(c, ':')) > 1 THEN split(c, ':')[1] END AS coded_field
    FROM states s
    LATERAL VIEW explode(s.codes) e AS c
),
coded AS (
    SELECT x.state, x.entity, x.record_key, x.keyless, x.account_id, x.written_unit, x.written_province,
           x.written_unit_name, x.batch_id, x.file_name,
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
           coalesce(n.written_province, b.written_province) AS written_province,
           coalesce(n.written_unit_name, b.written_unit_name) AS written_unit_name,
           n.batch_id, n.file_name, n.row_number,
           n.entity IS NOT NULL AS open_now,
           b.entity IS NOT NULL AS open_before
    FROM (SELECT * FROM coded WHERE state = 'now') n
    FULL OUTER JOIN (SELECT * FROM coded WHERE state = 'before') b
           ON b.entity = n.entity AND b.record_key = n.record_key AND b.code = n.code
          AND b.field <=> n.field
)
SELECT * FROM findings
