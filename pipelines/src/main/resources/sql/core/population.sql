-- Rows to merge into core.population (key year, commune_code): the batch's accepted figures newer than what core
-- holds (view winners).
SELECT year, commune_code, eligible, geography,
       province_code_2024, district_code_2024, commune_code_2024, province_code_2025, commune_code_2025,
       version_at, flags, batch_id, file_name AS source_file, row_number AS source_row
FROM winners
