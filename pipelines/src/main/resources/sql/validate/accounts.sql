-- Accounts of one batch (view batch_rows: its raw rows as text), typed and checked.
-- reasons: why a row goes to the quarantine; flags: findings that keep it. Codes: docs/data-quality.md.
-- The commune code is read on the geography in force at Ngày cập nhật (updated_at).
WITH typed AS (
    SELECT r.*,
           cdht_cccd(r.citizen_id)     AS cccd_v,
           cdht_date(r.birth_date)     AS birth_date_v,
           cdht_sex(r.sex)             AS sex_v,
           cdht_group(r.citizen_group) AS group_v,
           cdht_ts(r.registered_at)    AS registered_at_v,
           cdht_ts(r.updated_at)       AS updated_at_v,
           cdht_status(r.status)       AS status_v
    FROM batch_rows r
),
keyed AS (
    -- the accounts of the same CCCD in this batch, for CCCD_ON_MANY_ACCOUNTS
    SELECT t.*,
           CASE WHEN cdht_cccd_valid(t.cccd_v) THEN cdht_citizen_key(t.cccd_v) END AS citizen_key_v,
           collect_set(t.account_id) OVER (PARTITION BY t.cccd_v) AS batch_accounts_of_cccd
    FROM typed t
),
placed AS (
    SELECT t.*, l.in_2024, l.in_2025,
           cdht_geography(l.in_2024, l.in_2025, to_date(t.updated_at_v)) AS geography_v,
           cdht_geography_on(to_date(t.updated_at_v)) AS expected_geography,
           p.province_code AS known_province,
           d.district_code AS known_district,
           u.unit_code     AS known_unit,
           array_union(t.batch_accounts_of_cccd, coalesce(ca.accounts, array())) AS accounts_of_cccd
    FROM keyed t
    LEFT JOIN ref.commune_lookup l ON l.commune_code = t.commune_code
    LEFT JOIN (SELECT province_code FROM ref.provinces_2024 UNION SELECT province_code FROM ref.provinces_2025) p
           ON p.province_code = t.province_code
    LEFT JOIN ref.districts_2024 d ON d.district_code = t.district_code
    LEFT JOIN core.units u ON u.unit_code = t.unit_code
    -- only the citizens of this batch: a semi-join, not a GROUP BY of every account in core
    LEFT JOIN (SELECT c.citizen_key, collect_set(c.account_id) AS accounts FROM core.accounts c
               WHERE c.citizen_key IN (SELECT citizen_key_v FROM keyed) GROUP BY c.citizen_key) ca
           ON ca.citizen_key = t.citizen_key_v
),
resolved AS (
    -- the commune, district and province on both geographies, for the reading chosen above
    SELECT p.*, cr.province_code_2024, cr.district_code_2024, cr.commune_code_2024, cr.province_code_2025, cr.commune_code_2025
    FROM placed p
    LEFT JOIN ref.commune_readings cr ON cr.commune_code = p.commune_code AND cr.geography = p.geography_v
)
SELECT batch_id, file_name, row_number,
       account_id,
       cccd_v AS citizen_id,
       citizen_key_v AS citizen_key,  -- the keyed pseudonym, computed once per row here
       full_name,
       birth_date_v AS birth_date,
       sex_v AS sex,
       phone,
       group_v AS citizen_group,
       unit_code,
       status_v AS status,
       registered_at_v AS registered_at,
       updated_at_v AS updated_at,
       province_code,
       district_code,
       commune_code,
       geography_v AS geography,
       province_code_2024, district_code_2024, commune_code_2024, province_code_2025, commune_code_2025,
       filter(array(
           CASE WHEN copy_no > 1 THEN 'DUPLICATE_ROW' END,
           CASE WHEN account_id IS NULL THEN 'MISSING_REQUIRED:account_id' END,
           CASE WHEN citizen_id IS NULL THEN 'MISSING_REQUIRED:citizen_id' END,
           CASE WHEN full_name IS NULL THEN 'MISSING_REQUIRED:full_name' END,
           CASE WHEN updated_at IS NULL THEN 'MISSING_REQUIRED:updated_at' END,
           CASE WHEN updated_at IS NOT NULL AND updated_at_v IS NULL THEN 'BAD_DATE:updated_at' END,
           CASE WHEN registered_at IS NOT NULL AND registered_at_v IS NULL THEN 'BAD_DATE:registered_at' END,
           CASE WHEN birth_date IS NOT NULL AND birth_date_v IS NULL THEN 'BAD_DATE:birth_date' END,
           CASE WHEN citizen_id IS NOT NULL AND NOT coalesce(cdht_cccd_valid(cccd_v), false) THEN 'BAD_CCCD' END,
           CASE WHEN cdht_cccd_valid(cccd_v) AND birth_date_v IS NOT NULL
                     AND year(birth_date_v) <> cdht_cccd_birth_year(cccd_v) THEN 'CCCD_BIRTH_YEAR_MISMATCH' END,
           CASE WHEN cdht_cccd_valid(cccd_v) AND sex_v IN ('Nam', 'Nữ')
                     AND sex_v <> cdht_cccd_sex(cccd_v) THEN 'CCCD_SEX_MISMATCH' END,
           CASE WHEN sex_v = 'invalid' THEN 'BAD_VALUE:sex' END,
           CASE WHEN group_v = 'invalid' THEN 'BAD_VALUE:citizen_group' END,
           CASE WHEN status_v = 'invalid' THEN 'BAD_VALUE:status' END,
           CASE WHEN province_code IS NOT NULL AND known_province IS NULL THEN 'UNKNOWN_PROVINCE' END,
           CASE WHEN district_code IS NOT NULL AND known_district IS NULL THEN 'UNKNOWN_DISTRICT' END,
           CASE WHEN commune_code IS NOT NULL AND geography_v IS NULL THEN 'UNKNOWN_COMMUNE' END
       ), x -> x IS NOT NULL) AS reasons,
       filter(array(
           CASE WHEN citizen_id IS NOT NULL AND cccd_v <> citizen_id THEN 'CCCD_REPAIRED' END,
           CASE WHEN commune_code IS NULL THEN 'NO_COMMUNE' END,
           CASE WHEN geography_v <> expected_geography THEN 'COMMUNE_OTHER_GEOGRAPHY' END,
           CASE WHEN unit_code IS NOT NULL AND known_unit IS NULL THEN 'UNKNOWN_UNIT' END,
           -- dated after the batch was extracted (received): kept, and counted only from its date (int/data_as_of)
           CASE WHEN registered_at_v > received_at OR updated_at_v > received_at THEN 'FUTURE_DATED' END,
           -- the same citizen (CCCD) on another account, in this batch or in core: kept and reported
           CASE WHEN citizen_key_v IS NOT NULL AND size(accounts_of_cccd) > 1 THEN 'CCCD_ON_MANY_ACCOUNTS' END,
           CASE WHEN cdht_too_long(full_name) THEN 'TOO_LONG:full_name' END,
           CASE WHEN cdht_too_long(account_id) THEN 'TOO_LONG:account_id' END,
           CASE WHEN cdht_too_long(phone) THEN 'TOO_LONG:phone' END,
           CASE WHEN cdht_too_long(unit_code) THEN 'TOO_LONG:unit_code' END
       ), x -> x IS NOT NULL) AS flags
FROM resolved
