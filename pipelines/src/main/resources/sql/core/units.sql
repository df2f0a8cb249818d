-- Rows to merge into core.units (key unit_code): the batch's accepted units newer than what core holds (view winners).
SELECT unit_code, unit_name, unit_type, unit_category, member_count, status,
       province_code, district_code, commune_code, geography,
       province_code_2024, district_code_2024, commune_code_2024, province_code_2025, commune_code_2025,
       updated_at, flags, batch_id, file_name AS source_file, row_number AS source_row
FROM winners
