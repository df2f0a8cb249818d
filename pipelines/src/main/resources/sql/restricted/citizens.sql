-- Rows to merge into restricted.citizens (key citizen_key): the personal data of the batch's accepted accounts, the
-- latest per citizen (view winners of accounts).
SELECT citizen_key, citizen_id, full_name, birth_date, sex, phone, account_id, updated_at, batch_id
FROM (
    SELECT citizen_key, citizen_id, full_name, birth_date, sex, phone, account_id,
           updated_at, batch_id,
           row_number() OVER (PARTITION BY citizen_id ORDER BY updated_at DESC, account_id DESC) AS latest
    FROM winners
) w
WHERE latest = 1
