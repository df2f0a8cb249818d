-- DuckDB-only baseline for the benchmark (issue 7): mart.coverage and mart.criteria computed directly from the
-- operational export CSV files, with the figures cdht's Spark pipeline publishes.
--
-- ${export} is replaced by the runner (vn.cdht.bench.Baseline) with a folder or a glob of batch folders
-- (/data/full/*), each holding the export files. Reference data comes from the ref schema of cdht's published
-- analyst database, attached read-only as `analyst`; analyst.core and analyst.mart are never read.
-- The export is assumed clean (the bench data is generated with dirty rate 0): cdht's quarantine rules are not
-- replicated, only its parsing, superseding, geography conforming and mart logic.
-- The units file (don_vi.csv) is not read: units only feed flags, not these two marts.
--
-- ${as_of} is replaced by the runner with the data's as-of moment, a timestamp in Vietnam time (cdht's Spark
-- session time zone, in which the export's dates are read). cdht takes it as max(ingested_at) of its raw tables
-- (sql/int/data_as_of.sql), which this baseline cannot see; the runner passes the moment the latest succeeded batch
-- ended in cdht's ingestion ledger (ingest_batch.ended_at, control database), a few seconds after the last raw row
-- was written: the same moment for every figure, and the same Vietnam day unless an ingestion straddles midnight
-- there. It is the only thing taken from cdht's run: no figure of core or mart is read.

-- ---------------------------------------------------------------------------------------------------------------
-- Parsing rules: sql/functions/parsing.sql (the subset these marts need).
-- ---------------------------------------------------------------------------------------------------------------

-- A cell as cdht's readers pass it on (source/files/CellText.java): trimmed, NULL when empty.
CREATE OR REPLACE TEMP MACRO cdht_text(s) AS nullif(trim(s), '');

-- Dates as dd/MM/yyyy, d/M/yyyy or yyyy-MM-dd, with or without a time; an impossible date gives NULL.
CREATE OR REPLACE TEMP MACRO cdht_ts(s) AS
    try_strptime(s, ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y',
                     '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d']);

CREATE OR REPLACE TEMP MACRO cdht_date(s) AS CAST(cdht_ts(s) AS DATE);

-- A decimal number; a Vietnamese decimal comma (7,5) is accepted.
CREATE OR REPLACE TEMP MACRO cdht_decimal(s) AS
    TRY_CAST(CASE WHEN regexp_full_match(s, '-?[0-9]+,[0-9]+') THEN replace(s, ',', '.') ELSE s END AS DECIMAL(12, 2));

-- A whole number; thousands separators (12.345 or 12,345) are accepted.
CREATE OR REPLACE TEMP MACRO cdht_int(s) AS
    TRY_CAST(CASE WHEN regexp_full_match(s, '[0-9]{1,3}([.,][0-9]{3})+') THEN regexp_replace(s, '[.,]', '', 'g')
                  ELSE s END AS BIGINT);

-- CCCD as typed: spaces, dots, dashes and apostrophes removed; an 11-digit number gets its leading zero back.
-- cdht keys citizens by a keyed hash of this (core.accounts.citizen_key); the distinct counts are the same.
CREATE OR REPLACE TEMP MACRO cdht_cccd(s) AS
    CASE WHEN regexp_full_match(regexp_replace(s, '[\s.\-''’`]', '', 'g'), '[0-9]{11}')
         THEN '0' || regexp_replace(s, '[\s.\-''’`]', '', 'g')
         ELSE nullif(regexp_replace(s, '[\s.\-''’`]', '', 'g'), '') END;

-- Citizen group: I, II, III, also written 'Nhóm I', '1', 'nhóm 2', ...
CREATE OR REPLACE TEMP MACRO cdht_group(s) AS
    CASE WHEN s IS NULL THEN NULL
         WHEN upper(trim(regexp_replace(lower(s), '^nhóm', ''))) IN ('I', '1') THEN 'I'
         WHEN upper(trim(regexp_replace(lower(s), '^nhóm', ''))) IN ('II', '2') THEN 'II'
         WHEN upper(trim(regexp_replace(lower(s), '^nhóm', ''))) IN ('III', '3') THEN 'III'
         ELSE 'invalid' END;

-- Status: Hoạt động / Đã khóa / Đã xóa; empty is active.
CREATE OR REPLACE TEMP MACRO cdht_status(s) AS
    CASE WHEN s IS NULL OR lower(s) IN ('hoạt động', 'active') THEN 'active'
         WHEN lower(s) IN ('đã khóa', 'đã khoá', 'khóa', 'khoá', 'locked') THEN 'locked'
         WHEN lower(s) IN ('đã xóa', 'đã xoá', 'xóa', 'xoá', 'deleted') THEN 'deleted'
         ELSE 'invalid' END;

-- Result of a self-assessment: Đạt / Không đạt, as achieved true / false.
CREATE OR REPLACE TEMP MACRO cdht_achieved(s) AS
    CASE WHEN lower(s) IN ('đạt', 'dat', 'achieved') THEN true
         WHEN lower(s) IN ('không đạt', 'khong dat', 'not achieved', 'not_achieved') THEN false END;

-- Criteria set code: '324/QĐ-KHVN', '324/QD-KHVN' and '324' all mean the set of Decision 324/QĐ-KHVN.
CREATE OR REPLACE TEMP MACRO cdht_set_code(s) AS
    CASE WHEN regexp_extract(s, '^\s*([0-9]+)', 1) = '' THEN NULL
         ELSE regexp_extract(s, '^\s*([0-9]+)', 1) || '/QĐ-KHVN' END;

-- The geography a commune code is read in: the one in force at the row's date, else the other one.
CREATE OR REPLACE TEMP MACRO cdht_geography(in_2024, in_2025, row_date) AS
    CASE WHEN row_date < DATE '2025-07-01' AND in_2024 THEN '2024'
         WHEN row_date >= DATE '2025-07-01' AND in_2025 THEN '2025'
         WHEN in_2024 THEN '2024'
         WHEN in_2025 THEN '2025' END;

-- Spark's DECIMAL division: the exact quotient n / d of two integers (decimals as units of their last digit),
-- rounded half up (away from zero). cdht divides DECIMALs, whose quotient Spark rounds to a scale fixed by the
-- operands' types (6 to 10 digits); dividing doubles instead would differ in the last digits.
CREATE OR REPLACE TEMP MACRO half_up_div(n, d) AS
    CASE WHEN d = 0 THEN NULL
         WHEN (n < 0) = (d < 0) THEN (abs(n) * 2 + abs(d)) // (2 * abs(d))
         ELSE -((abs(n) * 2 + abs(d)) // (2 * abs(d))) END;

-- ---------------------------------------------------------------------------------------------------------------
-- Raw + validation: sql/validate/{accounts,self_assessments,recognitions,population}.sql. Columns are named as in
-- source/SourceEntity.java (the export's Vietnamese headers). A batch is one folder of the glob.
-- ---------------------------------------------------------------------------------------------------------------

CREATE OR REPLACE TEMP TABLE validated_accounts AS
WITH batch_rows AS (
    SELECT parse_dirpath(filename) AS batch_id, filename AS file_name,
           cdht_text("Mã tài khoản") AS account_id, cdht_text("Số CCCD") AS citizen_id,
           cdht_text("Mã xã") AS commune_code, cdht_text("Nhóm đối tượng") AS citizen_group,
           cdht_text("Ngày đăng ký") AS registered_at, cdht_text("Ngày cập nhật") AS updated_at,
           cdht_text("Trạng thái") AS status
    FROM read_csv('${export}/tai_khoan.csv', all_varchar = true, header = true, filename = true, union_by_name = true)
),
typed AS (
    SELECT batch_id, file_name, account_id, commune_code,
           cdht_cccd(citizen_id)       AS cccd,
           cdht_group(citizen_group)   AS citizen_group,
           cdht_ts(registered_at)      AS registered_at,
           cdht_ts(updated_at)         AS updated_at,
           cdht_status(status)         AS status
    FROM batch_rows
),
placed AS (
    SELECT t.*, cdht_geography(l.in_2024, l.in_2025, CAST(t.updated_at AS DATE)) AS geography
    FROM typed t
    LEFT JOIN analyst.ref.commune_lookup l ON l.commune_code = t.commune_code
)
SELECT p.*, cr.commune_code_2024, cr.commune_code_2025
FROM placed p
LEFT JOIN analyst.ref.commune_readings cr ON cr.commune_code = p.commune_code AND cr.geography = p.geography
WHERE p.account_id IS NOT NULL AND p.updated_at IS NOT NULL;

CREATE OR REPLACE TEMP TABLE validated_self_assessments AS
WITH batch_rows AS (
    SELECT parse_dirpath(filename) AS batch_id, filename AS file_name,
           cdht_text("Mã phiếu") AS assessment_id, cdht_text("Mã tài khoản") AS account_id,
           cdht_text("Năm đánh giá") AS year, cdht_text("Bộ tiêu chí") AS criteria_set,
           cdht_text("Nhóm đối tượng") AS citizen_group,
           cdht_text("TC1") AS score_1, cdht_text("TC2") AS score_2, cdht_text("TC3") AS score_3,
           cdht_text("TC4") AS score_4, cdht_text("TC5") AS score_5, cdht_text("TC6") AS score_6,
           cdht_text("TC7") AS score_7, cdht_text("TC8") AS score_8, cdht_text("TC9") AS score_9,
           cdht_text("TC10") AS score_10,
           cdht_text("Kết quả") AS result, cdht_text("Ngày gửi") AS submitted_at,
           cdht_text("Ngày cập nhật") AS updated_at, cdht_text("Trạng thái") AS status
    FROM read_csv('${export}/phieu_danh_gia.csv', all_varchar = true, header = true, filename = true, union_by_name = true)
),
typed AS (
    SELECT batch_id, file_name, assessment_id, account_id, criteria_set AS criteria_set_text,
           CAST(cdht_int(year) AS INT) AS year,
           cdht_group(citizen_group) AS citizen_group,
           cdht_decimal(score_1) AS score_1, cdht_decimal(score_2) AS score_2, cdht_decimal(score_3) AS score_3,
           cdht_decimal(score_4) AS score_4, cdht_decimal(score_5) AS score_5, cdht_decimal(score_6) AS score_6,
           cdht_decimal(score_7) AS score_7, cdht_decimal(score_8) AS score_8, cdht_decimal(score_9) AS score_9,
           cdht_decimal(score_10) AS score_10,
           cdht_achieved(result)  AS achieved,
           cdht_ts(submitted_at)  AS submitted_at,
           cdht_ts(updated_at)    AS updated_at,
           cdht_status(status)    AS status
    FROM batch_rows
)
-- the criteria set as written, or else the one in force that year
SELECT t.* EXCLUDE (criteria_set_text), coalesce(cdht_set_code(t.criteria_set_text), y.set_code) AS criteria_set
FROM typed t
LEFT JOIN (SELECT DISTINCT set_code, valid_from_year, valid_to_year FROM analyst.ref.criteria_sets) y
       ON t.criteria_set_text IS NULL AND t.year BETWEEN y.valid_from_year AND coalesce(y.valid_to_year, 9999)
WHERE t.assessment_id IS NOT NULL AND t.account_id IS NOT NULL AND t.year IS NOT NULL
  AND t.submitted_at IS NOT NULL AND t.updated_at IS NOT NULL;

CREATE OR REPLACE TEMP TABLE validated_recognitions AS
SELECT parse_dirpath(filename) AS batch_id, filename AS file_name,
       cdht_text("Mã tài khoản") AS account_id,
       CAST(cdht_int(cdht_text("Năm")) AS INT) AS year,
       cdht_date(cdht_text("Ngày quyết định")) AS decided_on,
       cdht_status(cdht_text("Trạng thái")) AS status,
       -- export files may lack Ngày cập nhật: the batch's reception time (here its as-of) orders versions then
       coalesce(cdht_ts(cdht_text("Ngày cập nhật")), TIMESTAMP '${as_of}') AS version_at
FROM read_csv('${export}/cong_nhan.csv', all_varchar = true, header = true, filename = true, union_by_name = true)
WHERE cdht_text("Mã tài khoản") IS NOT NULL AND cdht_int(cdht_text("Năm")) IS NOT NULL;

CREATE OR REPLACE TEMP TABLE validated_population AS
WITH typed AS (
    SELECT parse_dirpath(filename) AS batch_id, filename AS file_name,
           CAST(cdht_int(cdht_text("Năm")) AS INT) AS year,
           cdht_text("Mã xã") AS commune_code,
           cdht_int(cdht_text("Số người trong độ tuổi")) AS eligible
    FROM read_csv('${export}/dan_so.csv', all_varchar = true, header = true, filename = true, union_by_name = true)
),
placed AS (
    -- the year tells the geography: old codes up to 2024, new codes from 2026; 2025 may be reported on either
    SELECT t.*,
           CASE WHEN t.year = 2025 THEN CASE WHEN l.in_2025 THEN '2025' WHEN l.in_2024 THEN '2024' END
                ELSE cdht_geography(l.in_2024, l.in_2025, make_date(t.year, 12, 31)) END AS geography
    FROM typed t
    LEFT JOIN analyst.ref.commune_lookup l ON l.commune_code = t.commune_code
)
SELECT p.*, cr.commune_code_2024, cr.commune_code_2025
FROM placed p
LEFT JOIN analyst.ref.commune_readings cr ON cr.commune_code = p.commune_code AND cr.geography = p.geography
WHERE p.year IS NOT NULL AND p.commune_code IS NOT NULL AND p.eligible IS NOT NULL AND p.geography IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------------------
-- Core: sql/core/*.sql with the superseding of ingest/EntityLoad.java. Per key the newest version wins; batches
-- are loaded in folder order and a later batch replaces only a strictly newer version. Population versions are the
-- batch's reception time, so the last batch wins. (cdht breaks ties within a batch by file and line; this baseline
-- by file only.)
-- ---------------------------------------------------------------------------------------------------------------

CREATE OR REPLACE TEMP TABLE core_accounts AS
SELECT * EXCLUDE (latest) FROM (
    SELECT *, row_number() OVER (PARTITION BY account_id
                                 ORDER BY updated_at DESC, batch_id ASC, file_name DESC) AS latest
    FROM validated_accounts)
WHERE latest = 1;

CREATE OR REPLACE TEMP TABLE core_self_assessments AS
SELECT * EXCLUDE (latest) FROM (
    SELECT *, row_number() OVER (PARTITION BY assessment_id
                                 ORDER BY updated_at DESC, batch_id ASC, file_name DESC) AS latest
    FROM validated_self_assessments)
WHERE latest = 1;

CREATE OR REPLACE TEMP TABLE core_recognitions AS
SELECT * EXCLUDE (latest) FROM (
    SELECT *, row_number() OVER (PARTITION BY account_id, year
                                 ORDER BY version_at DESC, batch_id ASC, file_name DESC) AS latest
    FROM validated_recognitions)
WHERE latest = 1;

CREATE OR REPLACE TEMP TABLE core_population AS
SELECT * EXCLUDE (latest) FROM (
    SELECT *, row_number() OVER (PARTITION BY year, commune_code ORDER BY batch_id DESC, file_name DESC) AS latest
    FROM validated_population)
WHERE latest = 1;

-- sql/core/yearly_assessments.sql: the submission that counts per citizen and year, the latest live one. A citizen
-- is their CCCD (cdht: its keyed hash); an orphan assessment stands for its account.
CREATE OR REPLACE TEMP TABLE core_yearly_assessments AS
WITH live AS (
    SELECT s.*, a.cccd, coalesce(a.cccd, 'account:' || s.account_id) AS citizen
    FROM core_self_assessments s
    LEFT JOIN core_accounts a ON a.account_id = s.account_id
    WHERE s.status = 'active'
),
ranked AS (
    SELECT l.*, row_number() OVER (PARTITION BY year, citizen
                                   ORDER BY submitted_at DESC, updated_at DESC, assessment_id DESC) AS latest
    FROM live l
)
SELECT year, citizen, cccd, account_id, assessment_id, criteria_set, citizen_group,
       score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, achieved, submitted_at
FROM ranked
WHERE latest = 1;

-- ---------------------------------------------------------------------------------------------------------------
-- Int: sql/int/*.sql
-- ---------------------------------------------------------------------------------------------------------------

-- int/data_as_of.sql: the moment the data is as of (see the top: passed in, cdht's max ingested_at of raw), and its
-- day in Vietnam time. Nothing dated after it is counted.
CREATE OR REPLACE TEMP TABLE int_data_as_of AS
SELECT TIMESTAMP '${as_of}' AS as_of_ts, CAST(TIMESTAMP '${as_of}' AS DATE) AS as_of_date;

-- int/account_places.sql: where each account counts on each geography, and for what share.
CREATE OR REPLACE TEMP TABLE int_account_places AS
SELECT account_id, '2025' AS geography, commune_code_2025 AS commune_code, 1.0::DOUBLE AS weight, false AS approximate
FROM core_accounts WHERE commune_code_2025 IS NOT NULL
UNION ALL
SELECT a.account_id, '2025', w.to_commune_code, w.weight, true
FROM core_accounts a
JOIN analyst.ref.allocation_weights w ON w.direction = 'old_to_new' AND w.from_commune_code = a.commune_code_2024
WHERE a.commune_code_2025 IS NULL
UNION ALL
SELECT account_id, '2024', commune_code_2024, 1.0::DOUBLE, false
FROM core_accounts WHERE commune_code_2024 IS NOT NULL
UNION ALL
SELECT a.account_id, '2024', w.to_commune_code, w.weight, true
FROM core_accounts a
JOIN analyst.ref.allocation_weights w ON w.direction = 'new_to_old' AND w.from_commune_code = a.commune_code_2025
WHERE a.commune_code_2024 IS NULL;

-- int/population_places.sql: eligible population per geography, commune and year, re-expressed on the other
-- geography through the allocation weights unless that year is reported natively there.
CREATE OR REPLACE TEMP TABLE int_population_places AS
WITH native AS (
    SELECT geography, year,
           coalesce(CASE geography WHEN '2024' THEN commune_code_2024 ELSE commune_code_2025 END, commune_code) AS commune_code,
           commune_code_2024, commune_code_2025, eligible
    FROM core_population
),
reported AS (
    SELECT DISTINCT geography, year FROM native
),
converted AS (
    SELECT CASE n.geography WHEN '2024' THEN '2025' ELSE '2024' END AS geography, n.year,
           coalesce(CASE n.geography WHEN '2024' THEN n.commune_code_2025 ELSE n.commune_code_2024 END, w.to_commune_code) AS commune_code,
           n.eligible * coalesce(CASE WHEN (n.geography = '2024' AND n.commune_code_2025 IS NOT NULL)
                                        OR (n.geography = '2025' AND n.commune_code_2024 IS NOT NULL) THEN 1.0::DOUBLE END,
                                 w.weight) AS eligible,
           w.weight IS NOT NULL AS approximate
    FROM native n
    LEFT JOIN analyst.ref.allocation_weights w
           ON (n.geography = '2024' AND n.commune_code_2025 IS NULL AND w.direction = 'old_to_new' AND w.from_commune_code = n.commune_code)
           OR (n.geography = '2025' AND n.commune_code_2024 IS NULL AND w.direction = 'new_to_old' AND w.from_commune_code = n.commune_code)
)
SELECT geography, year, commune_code, CAST(sum(eligible) AS DOUBLE) AS eligible, false AS approximate
FROM native GROUP BY geography, year, commune_code
UNION ALL
SELECT c.geography, c.year, c.commune_code, sum(c.eligible), bool_or(c.approximate)
FROM converted c
LEFT JOIN reported r ON r.geography = c.geography AND r.year = c.year
WHERE r.year IS NULL AND c.commune_code IS NOT NULL
GROUP BY c.geography, c.year, c.commune_code;

-- int/commune_month_facts.sql: what changed in each commune in each month, on both geographies. Nothing dated after
-- the as-of is counted.
CREATE OR REPLACE TEMP TABLE int_commune_month_facts AS
WITH registrations AS (
    SELECT p.geography, p.commune_code,
           year(coalesce(a.registered_at, a.updated_at)) AS year,
           strftime(coalesce(a.registered_at, a.updated_at), '%Y-%m') AS month,
           sum(p.weight) AS new_registrations, bool_or(p.approximate) AS approximate
    FROM core_accounts a
    JOIN int_account_places p ON p.account_id = a.account_id
    CROSS JOIN int_data_as_of d
    WHERE a.status = 'active' AND coalesce(a.registered_at, a.updated_at) <= d.as_of_ts
    GROUP BY 1, 2, 3, 4
),
submissions AS (
    -- an assessment belongs to its programme year: one made after it counts in its December, before in its January
    SELECT coalesce(a.cccd, 'account:' || s.account_id) AS citizen, s.year,
           CASE WHEN year(s.submitted_at) > s.year THEN s.year || '-12'
                WHEN year(s.submitted_at) < s.year THEN s.year || '-01'
                ELSE strftime(s.submitted_at, '%Y-%m') END AS month,
           s.submitted_at, s.updated_at, s.assessment_id, s.account_id, s.achieved
    FROM core_self_assessments s
    LEFT JOIN core_accounts a ON a.account_id = s.account_id
    CROSS JOIN int_data_as_of d
    WHERE s.status = 'active' AND s.submitted_at <= d.as_of_ts
),
month_end_state AS (
    -- each citizen's latest submission within each month they submitted in: whether it is Đạt, and its account
    SELECT citizen, year, month,
           arg_max(achieved, (submitted_at, updated_at, assessment_id)) AS achieved,
           arg_max(account_id, (submitted_at, updated_at, assessment_id)) AS account_id
    FROM submissions
    GROUP BY citizen, year, month
),
citizen_months AS (
    -- the account counted is that of the year's latest submission: the one of the citizen's last month
    SELECT citizen, year, month,
           row_number() OVER months_so_far = 1 AS first_month,
           CASE WHEN achieved THEN 1 ELSE 0 END
             - coalesce(lag(CASE WHEN achieved THEN 1 ELSE 0 END) OVER months_so_far, 0) AS achieved_change,
           last_value(account_id) OVER (PARTITION BY citizen, year ORDER BY month
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS counting_account_id
    FROM month_end_state
    WINDOW months_so_far AS (PARTITION BY citizen, year ORDER BY month)
),
assessments AS (
    -- a citizen is counted where that account is placed
    SELECT p.geography, p.commune_code, c.year, c.month,
           sum(CASE WHEN c.first_month THEN p.weight ELSE 0 END) AS new_assessed,
           sum(c.achieved_change * p.weight) AS achieved_change,
           bool_or(p.approximate) AS approximate
    FROM citizen_months c
    JOIN int_account_places p ON p.account_id = c.counting_account_id
    GROUP BY 1, 2, 3, 4
),
recognitions AS (
    SELECT p.geography, p.commune_code, r.year,
           CASE WHEN year(r.decided_on) > r.year THEN r.year || '-12'
                WHEN year(r.decided_on) < r.year THEN r.year || '-01'
                ELSE strftime(coalesce(r.decided_on, make_date(r.year, 11, 30)), '%Y-%m') END AS month,
           sum(p.weight) AS new_recognised, bool_or(p.approximate) AS approximate
    FROM core_recognitions r
    JOIN int_account_places p ON p.account_id = r.account_id
    CROSS JOIN int_data_as_of d
    WHERE r.status = 'active' AND coalesce(r.decided_on, make_date(r.year, 11, 30)) <= d.as_of_date
    GROUP BY 1, 2, 3, 4
),
all_facts AS (
    SELECT geography, commune_code, year, month, new_registrations, 0::DOUBLE AS new_assessed,
           0::DOUBLE AS achieved_change, 0::DOUBLE AS new_recognised, approximate FROM registrations
    UNION ALL
    SELECT geography, commune_code, year, month, 0, new_assessed, achieved_change, 0, approximate FROM assessments
    UNION ALL
    SELECT geography, commune_code, year, month, 0, 0, 0, new_recognised, approximate FROM recognitions
)
SELECT geography, commune_code, year, month,
       sum(new_registrations) AS new_registrations,
       sum(new_assessed)      AS new_assessed,
       sum(achieved_change)   AS achieved_change,
       sum(new_recognised)    AS new_recognised,
       bool_or(approximate)   AS approximate
FROM all_facts
GROUP BY geography, commune_code, year, month;

-- int/month_spine.sql: every month from the first to the last with activity up to the as-of. month_complete: the
-- month had ended by the as-of day; as_of_date: its last day, or the as-of day; is_latest_month: the last month of
-- its year; is_reported_month: the last complete month of its year (else its latest).
CREATE OR REPLACE TEMP TABLE int_month_spine AS
WITH days AS (
    SELECT CAST(coalesce(registered_at, updated_at) AS DATE) AS d FROM core_accounts
    UNION ALL SELECT CAST(submitted_at AS DATE) FROM core_self_assessments
    UNION ALL SELECT decided_on FROM core_recognitions
),
months AS (
    SELECT CAST(unnest(generate_series(date_trunc('month', min(d)), date_trunc('month', max(d)), INTERVAL 1 MONTH)) AS DATE) AS month_start
    FROM days CROSS JOIN int_data_as_of a
    WHERE d IS NOT NULL AND d <= a.as_of_date
),
spine AS (
    SELECT strftime(m.month_start, '%Y-%m') AS as_of_month,
           year(m.month_start) AS year,
           m.month_start,
           CAST(m.month_start + INTERVAL 1 MONTH AS DATE) <= a.as_of_date AS month_complete,
           least(last_day(m.month_start), a.as_of_date) AS as_of_date
    FROM months m CROSS JOIN int_data_as_of a
)
SELECT as_of_month, year, month_start, month_complete, as_of_date,
       month_start = max(month_start) OVER (PARTITION BY year) AS is_latest_month,
       as_of_month = coalesce(max(CASE WHEN month_complete THEN as_of_month END) OVER (PARTITION BY year),
                              max(as_of_month) OVER (PARTITION BY year)) AS is_reported_month
FROM spine;

-- int/areas.sql: every commune of every province that has any data, on each geography.
CREATE OR REPLACE TEMP TABLE int_areas AS
WITH touched AS (
    SELECT DISTINCT geography, commune_code FROM int_commune_month_facts
    UNION
    SELECT DISTINCT geography, commune_code FROM int_population_places
),
communes AS (
    SELECT '2024' AS geography, c.commune_code, c.commune_name, c.district_code, d.district_name,
           c.province_code, p.province_name
    FROM analyst.ref.communes_2024 c
    JOIN analyst.ref.districts_2024 d ON d.district_code = c.district_code
    JOIN analyst.ref.provinces_2024 p ON p.province_code = c.province_code
    UNION ALL
    SELECT '2025', c.commune_code, c.commune_name, NULL, NULL, c.province_code, p.province_name
    FROM analyst.ref.communes_2025 c
    JOIN analyst.ref.provinces_2025 p ON p.province_code = c.province_code
)
SELECT c.*
FROM communes c
WHERE (c.geography, c.province_code) IN (
    SELECT (t.geography, c2.province_code)
    FROM touched t JOIN communes c2 ON c2.geography = t.geography AND c2.commune_code = t.commune_code);

-- ---------------------------------------------------------------------------------------------------------------
-- Mart: sql/mart/coverage.sql
-- ---------------------------------------------------------------------------------------------------------------

CREATE OR REPLACE TABLE baseline_coverage AS
WITH grid AS (
    SELECT a.*, m.year, m.as_of_month, m.is_latest_month, m.is_reported_month, m.month_complete, m.as_of_date
    FROM int_areas a
    CROSS JOIN int_month_spine m
    WHERE a.geography = '2025' OR m.year <= 2025
),
monthly AS (
    SELECT g.*,
           coalesce(f.new_registrations, 0) AS new_registrations,
           coalesce(f.new_assessed, 0)      AS new_assessed,
           coalesce(f.achieved_change, 0)   AS achieved_change,
           coalesce(f.new_recognised, 0)    AS new_recognised,
           coalesce(f.approximate, false)   AS facts_approximate
    FROM grid g
    LEFT JOIN int_commune_month_facts f
           ON f.geography = g.geography AND f.commune_code = g.commune_code AND f.month = g.as_of_month
),
commune AS (
    -- cumulative to the end of the month, rounded here once: districts and provinces are sums of these
    SELECT m.geography, m.province_code, m.province_name, m.district_code, m.district_name, m.commune_code,
           m.commune_name, m.year, m.as_of_month, m.is_latest_month, m.is_reported_month, m.month_complete, m.as_of_date,
           CAST(coalesce(p.eligible, 0) AS DECIMAL(18, 4)) AS eligible,
           CAST(sum(new_registrations) OVER (PARTITION BY m.geography, m.commune_code ORDER BY m.as_of_month
                                             ROWS UNBOUNDED PRECEDING) AS DECIMAL(18, 4)) AS registered,
           CAST(sum(new_assessed) OVER (PARTITION BY m.geography, m.commune_code, m.year ORDER BY m.as_of_month
                                        ROWS UNBOUNDED PRECEDING) AS DECIMAL(18, 4)) AS assessed,
           CAST(sum(achieved_change) OVER (PARTITION BY m.geography, m.commune_code, m.year ORDER BY m.as_of_month
                                           ROWS UNBOUNDED PRECEDING) AS DECIMAL(18, 4)) AS achieved,
           CAST(sum(new_recognised) OVER (PARTITION BY m.geography, m.commune_code, m.year ORDER BY m.as_of_month
                                          ROWS UNBOUNDED PRECEDING) AS DECIMAL(18, 4)) AS recognised,
           bool_or(facts_approximate) OVER (PARTITION BY m.geography, m.commune_code ORDER BY m.as_of_month
                                            ROWS UNBOUNDED PRECEDING)
             OR coalesce(p.approximate, false) AS approximate
    FROM monthly m
    LEFT JOIN int_population_places p
           ON p.geography = m.geography AND p.commune_code = m.commune_code AND p.year = m.year
),
levels AS (
    -- districts (2024 geography only) and provinces are sums of their communes
    SELECT geography, 'commune' AS level, year, as_of_month, is_latest_month, is_reported_month, month_complete,
           as_of_date, province_code, province_name, district_code, district_name, commune_code, commune_name,
           eligible, registered, assessed, achieved, recognised, approximate
    FROM commune
    UNION ALL
    SELECT geography, 'district', year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
           province_code, province_name, district_code, district_name, NULL, NULL,
           sum(eligible), sum(registered), sum(assessed), sum(achieved), sum(recognised), bool_or(approximate)
    FROM commune
    WHERE geography = '2024'
    GROUP BY geography, year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
             province_code, province_name, district_code, district_name
    UNION ALL
    SELECT geography, 'province', year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
           province_code, province_name, NULL, NULL, NULL, NULL,
           sum(eligible), sum(registered), sum(assessed), sum(achieved), sum(recognised), bool_or(approximate)
    FROM commune
    GROUP BY geography, year, as_of_month, is_latest_month, is_reported_month, month_complete, as_of_date,
             province_code, province_name
),
measures AS (
    -- one row per area and count, for the printed counts (largest remainder) below
    UNPIVOT (SELECT geography, level, year, as_of_month, province_code, district_code, commune_code,
                    eligible AS m_eligible, registered AS m_registered, assessed AS m_assessed,
                    achieved AS m_achieved, recognised AS m_recognised
             FROM levels)
    ON m_eligible, m_registered, m_assessed, m_achieved, m_recognised INTO NAME measure VALUE value
),
province_printed AS (
    -- the province figure rounded half up
    SELECT geography, year, as_of_month, province_code, measure, CAST(round(value, 0) AS BIGINT) AS printed
    FROM measures
    WHERE level = 'province'
),
district_printed AS (
    -- districts (2024) by largest remainder within their province's printed figure
    SELECT m.geography, m.year, m.as_of_month, m.province_code, m.district_code, m.measure,
           CAST(floor(m.value) AS BIGINT)
             + CASE WHEN row_number() OVER (PARTITION BY m.geography, m.year, m.as_of_month, m.province_code, m.measure
                                            ORDER BY m.value - floor(m.value) DESC, m.district_code)
                         <= p.printed - sum(CAST(floor(m.value) AS BIGINT))
                                OVER (PARTITION BY m.geography, m.year, m.as_of_month, m.province_code, m.measure)
                    THEN 1 ELSE 0 END AS printed
    FROM measures m
    JOIN province_printed p USING (geography, year, as_of_month, province_code, measure)
    WHERE m.level = 'district'
),
parent_printed AS (
    -- what each commune's row must add up to: its district's printed figure (2024), or its province's (2025)
    SELECT geography, year, as_of_month, province_code, district_code, measure, printed FROM district_printed
    UNION ALL
    SELECT geography, year, as_of_month, province_code, NULL, measure, printed FROM province_printed
    WHERE geography = '2025'
),
commune_printed AS (
    -- communes by largest remainder within it
    SELECT m.geography, m.year, m.as_of_month, m.province_code, m.district_code, m.commune_code, m.measure,
           CAST(floor(m.value) AS BIGINT)
             + CASE WHEN row_number() OVER (PARTITION BY m.geography, m.year, m.as_of_month, m.province_code,
                                                         m.district_code, m.measure
                                            ORDER BY m.value - floor(m.value) DESC, m.commune_code)
                         <= p.printed - sum(CAST(floor(m.value) AS BIGINT))
                                            OVER (PARTITION BY m.geography, m.year, m.as_of_month, m.province_code,
                                                               m.district_code, m.measure)
                    THEN 1 ELSE 0 END AS printed
    FROM measures m
    JOIN parent_printed p
      ON p.geography = m.geography AND p.year = m.year AND p.as_of_month = m.as_of_month
     AND p.province_code = m.province_code AND p.district_code IS NOT DISTINCT FROM m.district_code
     AND p.measure = m.measure
    WHERE m.level = 'commune'
),
rounded AS (
    SELECT geography, 'province' AS level, year, as_of_month, province_code, NULL AS district_code,
           NULL AS commune_code, measure, printed
    FROM province_printed
    UNION ALL
    SELECT geography, 'district', year, as_of_month, province_code, district_code, NULL, measure, printed
    FROM district_printed
    UNION ALL
    SELECT geography, 'commune', year, as_of_month, province_code, district_code, commune_code, measure, printed
    FROM commune_printed
),
printed AS (
    SELECT geography, level, year, as_of_month, province_code, district_code, commune_code,
           max(printed) FILTER (WHERE measure = 'm_eligible')   AS eligible_printed,
           max(printed) FILTER (WHERE measure = 'm_registered') AS registered_printed,
           max(printed) FILTER (WHERE measure = 'm_assessed')   AS assessed_printed,
           max(printed) FILTER (WHERE measure = 'm_achieved')   AS achieved_printed,
           max(printed) FILTER (WHERE measure = 'm_recognised') AS recognised_printed
    FROM rounded
    GROUP BY geography, level, year, as_of_month, province_code, district_code, commune_code
),
without_predecessor AS (
    -- new communes that no old commune went into (Đặc khu Lý Sơn): nothing of the old geography reaches them
    SELECT c.commune_code
    FROM analyst.ref.communes_2025 c
    WHERE c.commune_code NOT IN (SELECT new_commune_code FROM analyst.ref.commune_crosswalk
                                 WHERE new_commune_code IS NOT NULL)
),
units AS (
    -- Spark types these columns DECIMAL(28, 4) (the union of DECIMAL(18, 4) and its sums), so it rounds their
    -- quotients to 10 decimals: the quotients are computed on units of 0.0001, exactly
    SELECT l.*,
           CASE WHEN l.eligible > 0 THEN NULL
                WHEN l.level = 'commune' AND l.geography = '2025' AND w.commune_code IS NOT NULL THEN 'no_predecessor'
                ELSE 'no_population' END AS no_data_reason,
           CAST(eligible * 10000 AS HUGEINT) AS eligible_u, CAST(registered * 10000 AS HUGEINT) AS registered_u,
           CAST(assessed * 10000 AS HUGEINT) AS assessed_u, CAST(achieved * 10000 AS HUGEINT) AS achieved_u,
           CAST(recognised * 10000 AS HUGEINT) AS recognised_u
    FROM levels l
    LEFT JOIN without_predecessor w ON l.level = 'commune' AND l.geography = '2025' AND w.commune_code = l.commune_code
),
quotients AS (
    SELECT u.*, half_up_div(achieved_u * 10000000000, eligible_u) AS achieved_rate_u
    FROM units u
)
SELECT q.geography, q.level, q.year, q.as_of_month, q.is_latest_month,
       q.province_code, q.province_name, q.district_code, q.district_name, q.commune_code, q.commune_name,
       CAST(eligible AS DECIMAL(18, 4))   AS eligible,
       CAST(registered AS DECIMAL(18, 4)) AS registered,
       CAST(assessed AS DECIMAL(18, 4))   AS assessed,
       CAST(achieved AS DECIMAL(18, 4))   AS achieved,
       CAST(recognised AS DECIMAL(18, 4)) AS recognised,
       CAST(half_up_div(registered_u * 10000000000, eligible_u) AS DOUBLE) / 1e10 AS registered_rate,
       CAST(half_up_div(assessed_u * 10000000000, eligible_u) AS DOUBLE) / 1e10 AS assessed_rate,
       CAST(achieved_rate_u AS DOUBLE) / 1e10 AS achieved_rate,
       CAST(half_up_div(recognised_u * 10000000000, eligible_u) AS DOUBLE) / 1e10 AS recognised_rate,
       CAST(half_up_div(assessed_u * 10000000000, registered_u) AS DOUBLE) / 1e10 AS assessed_of_registered,
       CAST(half_up_div(achieved_u * 10000000000, registered_u) AS DOUBLE) / 1e10 AS achieved_of_registered,
       CAST(half_up_div(recognised_u * 10000000000, registered_u) AS DOUBLE) / 1e10 AS recognised_of_registered,
       -- the 60% Learning Community threshold (ref.targets), compared on the 10-decimal quotient; communes with data
       CASE WHEN q.level = 'commune' AND no_data_reason IS NULL THEN achieved_rate_u >= (
                SELECT CAST(max(target_rate) * 10000000000 AS HUGEINT) FROM analyst.ref.targets
                WHERE scope = 'commune' AND year IS NULL AND indicator = 'achieved_of_eligible') END AS reaches_threshold,
       q.approximate,
       q.as_of_date, q.month_complete, q.is_reported_month,
       p.eligible_printed, p.registered_printed, p.assessed_printed, p.achieved_printed, p.recognised_printed,
       -- communes with data ranked in their province by achieved rate as a double rounded half up to 3 decimals:
       -- that double's decimal text is the 10-decimal quotient, so this rounds the quotient
       CASE WHEN q.level = 'commune' AND no_data_reason IS NULL
            THEN CAST(rank() OVER (PARTITION BY q.geography, q.year, q.as_of_month, q.province_code, q.level,
                                                no_data_reason IS NULL
                                   ORDER BY half_up_div(achieved_rate_u, 10000000) DESC) AS INT) END AS rank_in_province,
       no_data_reason
FROM quotients q
JOIN printed p
  ON p.geography = q.geography AND p.level = q.level AND p.year = q.year AND p.as_of_month = q.as_of_month
 AND p.province_code = q.province_code AND p.district_code IS NOT DISTINCT FROM q.district_code
 AND p.commune_code IS NOT DISTINCT FROM q.commune_code;

-- ---------------------------------------------------------------------------------------------------------------
-- Mart: sql/mart/criteria.sql
-- ---------------------------------------------------------------------------------------------------------------

CREATE OR REPLACE TABLE baseline_criteria AS
WITH placed AS (
    -- the submission that counts, unless it is dated after the as-of, where its account is placed. Weights as
    -- decimals with 10 digits, as cdht does (its DECIMAL(20, 10) rounds a weight <= 1 the same; DECIMAL(18, 10) is
    -- faster in DuckDB): decimal sums are exact
    SELECT y.year, y.citizen_group, y.criteria_set, p.geography, p.commune_code,
           CAST(p.weight AS DECIMAL(18, 10)) AS weight, p.approximate,
           y.score_1, y.score_2, y.score_3, y.score_4, y.score_5, y.score_6, y.score_7, y.score_8, y.score_9, y.score_10
    FROM core_yearly_assessments y
    JOIN int_account_places p ON p.account_id = y.account_id
    CROSS JOIN int_data_as_of d
    WHERE y.submitted_at <= d.as_of_ts AND (p.geography = '2025' OR y.year <= 2025)
),
scores AS (
    -- one row per given score (UNPIVOT drops the NULLs)
    UNPIVOT placed
    ON score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10
    INTO NAME criterion VALUE score
),
score_sums AS (
    -- (baseline only) the weights summed per commune, group, set, criterion and score first: the pass marks and
    -- areas are then joined to a few thousand rows. Exact: weight x score summed is score x the summed weights
    SELECT geography, year, CAST(substr(criterion, 7) AS INT) AS criterion_no, commune_code, citizen_group,
           criteria_set, score, weight, approximate
    FROM (SELECT geography, year, criterion, commune_code, citizen_group, criteria_set, score,
                 sum(weight) AS weight, bool_or(approximate) AS approximate
          FROM scores
          GROUP BY geography, year, criterion, commune_code, citizen_group, criteria_set, score)
),
commune_sums AS (
    -- per commune, citizen group, criterion and year, as cdht: decimal sums are exact, so rolling these up gives
    -- its figures
    SELECT s.geography, s.year, s.criterion_no, s.commune_code, s.citizen_group,
           sum(s.weight) AS assessed,
           sum(CASE WHEN s.score >= c.pass_mark THEN s.weight ELSE 0 END) AS meeting,
           sum(s.weight * s.score) AS weighted_score,
           max(c.title_vi) AS max_title, min(c.title_vi) AS min_title,
           bool_or(s.approximate) AS approximate
    FROM score_sums s
    LEFT JOIN analyst.ref.criteria_sets c
           ON c.set_code = s.criteria_set AND c.citizen_group = s.citizen_group AND c.criterion_no = s.criterion_no
    GROUP BY s.geography, s.year, s.criterion_no, s.commune_code, s.citizen_group
),
grouped AS (
    SELECT cs.geography, cs.year, cs.criterion_no,
           CASE WHEN grouping(a.commune_code) = 0 THEN 'commune' WHEN grouping(a.district_code) = 0 THEN 'district'
                ELSE 'province' END AS level,
           a.province_code, max(a.province_name) AS province_name,
           a.district_code, max(a.district_name) AS district_name,
           a.commune_code, max(a.commune_name) AS commune_name,
           CASE WHEN grouping(cs.citizen_group) = 1 THEN 'ALL' ELSE cs.citizen_group END AS citizen_group,
           CASE WHEN grouping(cs.citizen_group) = 0 THEN max(cs.max_title) ELSE min(cs.min_title) END AS criterion_title,
           sum(cs.assessed) AS assessed, sum(cs.meeting) AS meeting,
           -- units of 1e-10 (weights) and 1e-12 (weight x score), for Spark's decimal division below
           CAST(sum(cs.assessed) * 10000000000 AS HUGEINT) AS assessed_u,
           CAST(sum(cs.meeting) * 10000000000 AS HUGEINT) AS meeting_u,
           CAST(sum(cs.weighted_score) * 1000000000000 AS HUGEINT) AS weighted_score_u,
           bool_or(cs.approximate) AS approximate
    FROM commune_sums cs
    JOIN int_areas a ON a.geography = cs.geography AND a.commune_code = cs.commune_code
    GROUP BY cs.geography, cs.year, cs.criterion_no, GROUPING SETS (
        (a.province_code, cs.citizen_group), (a.province_code),
        (a.province_code, a.district_code, cs.citizen_group), (a.province_code, a.district_code),
        (a.province_code, a.district_code, a.commune_code, cs.citizen_group), (a.province_code, a.district_code, a.commune_code))
),
quotients AS (
    -- Spark rounds DECIMAL(30, 10) / DECIMAL(30, 10) to 8 decimals, DECIMAL(38, 12) / DECIMAL(30, 10) to 6
    SELECT g.*,
           half_up_div(meeting_u * 100000000, assessed_u) AS share_u,
           half_up_div(weighted_score_u * 10000, assessed_u) AS mean_score_u
    FROM grouped g
)
SELECT geography, level, year, province_code, province_name,
       CASE WHEN level = 'province' THEN NULL ELSE district_code END AS district_code,
       CASE WHEN level = 'province' THEN NULL ELSE district_name END AS district_name,
       commune_code, CASE WHEN level = 'commune' THEN commune_name END AS commune_name, citizen_group, criterion_no,
       criterion_title,
       CAST(assessed AS DECIMAL(18, 4)) AS assessed,
       CAST(meeting AS DECIMAL(18, 4))  AS meeting,
       CAST(share_u AS DOUBLE) / 1e8 AS share,
       CAST(mean_score_u AS DOUBLE) / 1e6 AS mean_score,
       CAST(rank() OVER (PARTITION BY geography, level, year, province_code, district_code, commune_code, citizen_group
                         ORDER BY share_u ASC NULLS FIRST, criterion_no) AS INT) AS weakness_rank,
       approximate
FROM quotients
WHERE NOT (geography = '2025' AND level = 'district');
