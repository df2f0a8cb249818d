-- Parsing and normalising rules shared by the validation models (sql/validate/*.sql). Each is a SQL function, so
-- that a rule is written once and reads like the contract (contracts/operational-source.md).

-- Dates as dd/MM/yyyy, d/M/yyyy or yyyy-MM-dd, with or without a time; spreadsheet dates arrive as ISO text.
-- Local times are Vietnam time (the session time zone). An impossible date (31/02/2024) gives NULL.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_ts(s STRING) RETURNS TIMESTAMP RETURN
  coalesce(try_to_timestamp(s, 'd/M/yyyy H:m:s'), try_to_timestamp(s, 'd/M/yyyy H:m'), try_to_timestamp(s, 'd/M/yyyy'),
           try_to_timestamp(s, 'yyyy-M-d\'T\'H:m:s'), try_to_timestamp(s, 'yyyy-M-d H:m:s'),
           try_to_timestamp(s, 'yyyy-M-d H:m'), try_to_timestamp(s, 'yyyy-M-d'));

CREATE OR REPLACE TEMPORARY FUNCTION cdht_date(s STRING) RETURNS DATE RETURN to_date(cdht_ts(s));

-- A decimal number; a Vietnamese decimal comma (7,5) is accepted.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_decimal(s STRING) RETURNS DECIMAL(12, 2) RETURN
  try_cast(CASE WHEN s RLIKE '^-?[0-9]+,[0-9]+$' THEN replace(s, ',', '.') ELSE s END AS DECIMAL(12, 2));

-- A whole number; thousands separators (12.345 or 12,345) are accepted.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_int(s STRING) RETURNS BIGINT RETURN
  try_cast(CASE WHEN s RLIKE '^[0-9]{1,3}([.,][0-9]{3})+$' THEN regexp_replace(s, '[.,]', '') ELSE s END AS BIGINT);

-- CCCD as typed: spaces, dots, dashes and a leading apostrophe removed; an 11-digit number (Excel dropped the
-- leading zero) gets its zero back. The result may still be invalid: see cdht_cccd_valid.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_cccd(s STRING) RETURNS STRING RETURN
  CASE WHEN regexp_replace(s, '[\\s.\\-\'’`]', '') RLIKE '^[0-9]{11}$'
       THEN concat('0', regexp_replace(s, '[\\s.\\-\'’`]', ''))
       ELSE nullif(regexp_replace(s, '[\\s.\\-\'’`]', ''), '') END;

-- 12 digits, the first three the province of birth registration (001-096).
CREATE OR REPLACE TEMPORARY FUNCTION cdht_cccd_valid(c STRING) RETURNS BOOLEAN RETURN
  c RLIKE '^[0-9]{12}$' AND substr(c, 1, 3) BETWEEN '001' AND '096';

-- Digit 4 is sex and century (0/1 male/female born 1900-1999, 2/3 born 2000-2099, ...); digits 5-6 the year.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_cccd_birth_year(c STRING) RETURNS INT RETURN
  1900 + (CAST(substr(c, 4, 1) AS INT) DIV 2) * 100 + CAST(substr(c, 5, 2) AS INT);

CREATE OR REPLACE TEMPORARY FUNCTION cdht_cccd_sex(c STRING) RETURNS STRING RETURN
  CASE WHEN CAST(substr(c, 4, 1) AS INT) % 2 = 0 THEN 'Nam' ELSE 'Nữ' END;

-- Sex: Nam / Nữ; anything else is 'invalid'.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_sex(s STRING) RETURNS STRING RETURN
  CASE WHEN s IS NULL THEN NULL
       WHEN lower(s) IN ('nam', 'male', 'm') THEN 'Nam'
       WHEN lower(s) IN ('nữ', 'nu', 'female', 'f') THEN 'Nữ'
       ELSE 'invalid' END;

-- Citizen group: I, II, III, also written 'Nhóm I', '1', 'nhóm 2', ...; anything else is 'invalid'.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_group(s STRING) RETURNS STRING RETURN
  CASE WHEN s IS NULL THEN NULL
       WHEN upper(trim(regexp_replace(lower(s), '^nhóm', ''))) IN ('I', '1') THEN 'I'
       WHEN upper(trim(regexp_replace(lower(s), '^nhóm', ''))) IN ('II', '2') THEN 'II'
       WHEN upper(trim(regexp_replace(lower(s), '^nhóm', ''))) IN ('III', '3') THEN 'III'
       ELSE 'invalid' END;

-- Status: Hoạt động / Đã khóa / Đã xóa in export files, active / locked / deleted in the database; empty is active.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_status(s STRING) RETURNS STRING RETURN
  CASE WHEN s IS NULL OR lower(s) IN ('hoạt động', 'active') THEN 'active'
       WHEN lower(s) IN ('đã khóa', 'đã khoá', 'khóa', 'khoá', 'locked') THEN 'locked'
       WHEN lower(s) IN ('đã xóa', 'đã xoá', 'xóa', 'xoá', 'deleted') THEN 'deleted'
       ELSE 'invalid' END;

-- Result of a self-assessment: Đạt / Không đạt.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_result(s STRING) RETURNS STRING RETURN
  CASE WHEN s IS NULL THEN NULL
       WHEN lower(s) IN ('đạt', 'dat', 'achieved') THEN 'achieved'
       WHEN lower(s) IN ('không đạt', 'khong dat', 'not achieved', 'not_achieved') THEN 'not_achieved'
       ELSE 'invalid' END;

-- Criteria set code: '324/QĐ-KHVN', '324/QD-KHVN' and '324' all mean the set of Decision 324/QĐ-KHVN.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_set_code(s STRING) RETURNS STRING RETURN
  CASE WHEN regexp_extract(s, '^\\s*([0-9]+)', 1) = '' THEN NULL
       ELSE concat(regexp_extract(s, '^\\s*([0-9]+)', 1), '/QĐ-KHVN') END;

-- The geography in force on a day: 2024 before the reorganisation (reference/geographies.csv: 1 July 2025), 2025 from
-- it, and 2025 for a day not known.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_geography_on(d DATE) RETURNS STRING RETURN
  CASE WHEN d < DATE'${reorganisation_date}' THEN '2024' ELSE '2025' END;

-- The year of the reorganisation: its figures may be on either geography. Years up to it are also shown on the 2024
-- geography (with districts), later years on the 2025 one only.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_reorganisation_year() RETURNS INT RETURN year(DATE'${reorganisation_date}');

CREATE OR REPLACE TEMPORARY FUNCTION cdht_year_on_2024(y BIGINT) RETURNS BOOLEAN RETURN y <= cdht_reorganisation_year();

-- The geography a commune code is read in: the one in force at the row's date when the code exists there, otherwise
-- the other one if the code exists there; NULL if neither.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_geography(in_2024 BOOLEAN, in_2025 BOOLEAN, row_date DATE) RETURNS STRING RETURN
  CASE WHEN cdht_geography_on(row_date) = '2024' AND row_date IS NOT NULL AND in_2024 THEN '2024'
       WHEN cdht_geography_on(row_date) = '2025' AND row_date IS NOT NULL AND in_2025 THEN '2025'
       WHEN in_2024 THEN '2024'
       WHEN in_2025 THEN '2025' END;

-- Unit type as a category, from the free-text type (or the name when the type is empty).
CREATE OR REPLACE TEMPORARY FUNCTION cdht_unit_category(unit_type STRING, unit_name STRING) RETURNS STRING RETURN
  CASE WHEN lower(coalesce(unit_type, unit_name)) RLIKE 'gdnn|gdtx|giáo dục nghề nghiệp|giáo dục thường xuyên' THEN 'education_centre'
       WHEN lower(coalesce(unit_type, unit_name)) RLIKE 'trường|school' THEN 'school'
       WHEN lower(coalesce(unit_type, unit_name)) RLIKE 'ubnd|ủy ban|uỷ ban' THEN 'commune_committee'
       WHEN lower(coalesce(unit_type, unit_name)) RLIKE 'khuyến học|chi hội' THEN 'association_branch'
       WHEN lower(coalesce(unit_type, unit_name)) RLIKE 'doanh nghiệp|công ty|enterprise' THEN 'enterprise'
       WHEN lower(coalesce(unit_type, unit_name)) RLIKE 'cơ quan|sở|phòng|ban |agency' THEN 'state_agency'
       ELSE 'other' END;

-- A text cell longer than any real value of the export (a name, a unit name, an address): kept, flagged TOO_LONG.
-- 200 characters is twice the longest Vietnamese unit name of the reference data.
CREATE OR REPLACE TEMPORARY FUNCTION cdht_too_long(s STRING) RETURNS BOOLEAN RETURN coalesce(char_length(s) > 200, false);
