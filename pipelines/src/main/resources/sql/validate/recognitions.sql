-- Recognitions of one batch (view batch_rows: its raw rows as text), typed and checked. Export files carry no
-- updated_at: the batch's reception time orders versions then (received_at).
WITH typed AS (
    SELECT r.*,
           cdht_int(r.year)        AS year_v,
           cdht_date(r.decided_on) AS decided_on_v,
           cdht_ts(r.updated_at)   AS updated_at_v,
           cdht_status(r.status)   AS status_v
    FROM batch_rows r
),
checked AS (
    SELECT t.*, a.account_id AS known_account, u.unit_code AS known_unit
    FROM typed t
    -- the accounts of this batch's rows only (a semi-join), not all of core
    LEFT JOIN (SELECT account_id FROM core.accounts WHERE account_id IN (SELECT account_id FROM typed)) a
           ON a.account_id = t.account_id
    LEFT JOIN core.units u ON u.unit_code = t.unit_code
)
SELECT batch_id, file_name, row_number,
       account_id,
       CAST(year_v AS INT) AS year,
       decision_no,
       decided_on_v AS decided_on,
       unit_code,
       status_v AS status,
       coalesce(updated_at_v, received_at) AS version_at,
       filter(array(
           CASE WHEN copy_no > 1 THEN 'DUPLICATE_ROW' END,
           CASE WHEN account_id IS NULL THEN 'MISSING_REQUIRED:account_id' END,
           CASE WHEN year IS NULL THEN 'MISSING_REQUIRED:year' END,
           CASE WHEN year IS NOT NULL AND (year_v IS NULL OR year_v NOT BETWEEN 2000 AND 2100) THEN 'BAD_NUMBER:year' END,
           CASE WHEN decided_on IS NOT NULL AND decided_on_v IS NULL THEN 'BAD_DATE:decided_on' END,
           CASE WHEN updated_at IS NOT NULL AND updated_at_v IS NULL THEN 'BAD_DATE:updated_at' END,
           CASE WHEN status_v = 'invalid' THEN 'BAD_VALUE:status' END
       ), x -> x IS NOT NULL) AS reasons,
       filter(array(
           CASE WHEN known_account IS NULL THEN 'ORPHAN' END,
           CASE WHEN unit_code IS NOT NULL AND known_unit IS NULL THEN 'UNKNOWN_UNIT' END,
           CASE WHEN decided_on_v > to_date(received_at) OR updated_at_v > received_at THEN 'FUTURE_DATED' END
       ), x -> x IS NOT NULL) AS flags
FROM checked
