-- Data quality per batch, entity, area, unit and finding: rows quarantined by reason (their area and unit as written
-- in the raw row) and rows kept with a flag (orphans, unknown units, rule mismatches, ...; area resolved on the 2025
-- geography where possible). Codes: docs/data-quality.md. One finding needs the marts' view across entities:
-- RECOGNISED_WITHOUT_ACHIEVEMENT, a recognition of a year whose citizen has no Đạt self-assessment (the one that
-- counts, core.yearly_assessments) of that year; it carries its year.
WITH raw_places AS (
    SELECT batch_id, 'accounts' AS entity, file_name, row_number, province_code, commune_code, unit_code FROM raw.accounts
    UNION ALL SELECT batch_id, 'units', file_name, row_number, province_code, commune_code, unit_code FROM raw.units
    UNION ALL SELECT batch_id, 'self_assessments', file_name, row_number, NULL, NULL, NULL FROM raw.self_assessments
    UNION ALL SELECT batch_id, 'recognitions', file_name, row_number, NULL, NULL, unit_code FROM raw.recognitions
    UNION ALL SELECT batch_id, 'population', file_name, row_number, NULL, commune_code, NULL FROM raw.population
),
quarantined AS (
    SELECT q.batch_id, q.entity, 'quarantined' AS finding, split(reason, ':')[0] AS code,
           CASE WHEN size(split(reason, ':')) > 1 THEN split(reason, ':')[1] END AS field,
           r.province_code, r.commune_code, r.unit_code
    FROM quarantine.rows q
    LEFT JOIN raw_places r
           ON r.batch_id = q.batch_id AND r.entity = q.entity AND r.file_name = q.file_name AND r.row_number = q.row_number
    LATERAL VIEW explode(q.reasons) e AS reason
),
flagged AS (
    SELECT batch_id, 'accounts' AS entity, flag, coalesce(province_code_2025, province_code) AS province_code,
           coalesce(commune_code_2025, commune_code) AS commune_code, unit_code
    FROM core.accounts LATERAL VIEW explode(flags) f AS flag
    UNION ALL
    SELECT batch_id, 'units', flag, coalesce(province_code_2025, province_code), coalesce(commune_code_2025, commune_code), unit_code
    FROM core.units LATERAL VIEW explode(flags) f AS flag
    UNION ALL
    SELECT s.batch_id, 'self_assessments', flag, a.province_code_2025, a.commune_code_2025, a.unit_code
    FROM core.self_assessments s
    LEFT JOIN core.accounts a ON a.account_id = s.account_id
    LATERAL VIEW explode(s.flags) f AS flag
    UNION ALL
    SELECT r.batch_id, 'recognitions', flag, a.province_code_2025, a.commune_code_2025, r.unit_code
    FROM core.recognitions r
    LEFT JOIN core.accounts a ON a.account_id = r.account_id
    LATERAL VIEW explode(r.flags) f AS flag
    UNION ALL
    SELECT batch_id, 'population', flag, province_code_2025, commune_code, NULL
    FROM core.population LATERAL VIEW explode(flags) f AS flag
),
recognised_without_achievement AS (
    SELECT r.batch_id, a.province_code_2025 AS province_code, a.commune_code_2025 AS commune_code,
           coalesce(r.unit_code, a.unit_code) AS unit_code, r.year
    FROM core.recognitions r
    LEFT JOIN core.accounts a ON a.account_id = r.account_id
    LEFT JOIN core.yearly_assessments y
           ON y.year = r.year AND y.achieved
          AND coalesce(y.citizen_key, concat('account:', y.account_id))
              = coalesce(a.citizen_key, concat('account:', r.account_id))
    WHERE r.status = 'active' AND y.year IS NULL
)
SELECT batch_id, entity, finding, code, field, province_code, commune_code, unit_code, count(*) AS rows,
       CAST(NULL AS INT) AS year
FROM quarantined
GROUP BY batch_id, entity, finding, code, field, province_code, commune_code, unit_code
UNION ALL
SELECT batch_id, entity, 'flag', flag, NULL, province_code, commune_code, unit_code, count(*), NULL
FROM flagged
GROUP BY batch_id, entity, flag, province_code, commune_code, unit_code
UNION ALL
SELECT batch_id, 'recognitions', 'flag', 'RECOGNISED_WITHOUT_ACHIEVEMENT', NULL, province_code, commune_code, unit_code,
       count(*), year
FROM recognised_without_achievement
GROUP BY batch_id, province_code, commune_code, unit_code, year
