-- RESTRICTED. Personal data (Decree 13/2023/NĐ-CP): CCCD, name, birth date, sex, phone, keyed by citizen_key.
-- Read only to print a unit's own list for recognition; never copied to marts, the analyst database or bulletins.
CREATE TABLE IF NOT EXISTS restricted.citizens (
    citizen_key        STRING,
    citizen_id         STRING,      -- CCCD, 12 digits
    full_name          STRING,
    birth_date         DATE,
    sex                STRING,
    phone              STRING,
    account_id         STRING,
    updated_at         TIMESTAMP,
    batch_id           STRING
) USING iceberg
TBLPROPERTIES ('format-version' = '2', 'write.merge.mode' = 'merge-on-read')
