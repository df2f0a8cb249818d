-- Rows to merge into core.accounts (key account_id): the batch's accepted accounts newer than what core holds (view
-- winners). The CCCD is carried as citizen_key, its keyed pseudonym (validate/accounts.sql); no personal data is
-- carried over.
SELECT account_id, citizen_key, citizen_group, unit_code, status,
       registered_at, updated_at,
       province_code, district_code, commune_code, geography,
       province_code_2024, district_code_2024, commune_code_2024, province_code_2025, commune_code_2025,
       flags, batch_id, file_name AS source_file, row_number AS source_row
FROM winners
