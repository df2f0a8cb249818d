-- The operational database cdht reads from (a read-only replica of the national self-assessment system), as cdht
-- expects it. English snake_case names; every row has updated_at; a deletion is status = 'deleted', never a DELETE.
-- cdht reads incrementally: rows with updated_at after the last watermark minus a safety overlap.
-- A change to a score is expected to bump its self_assessments row's updated_at (assessment_scores has none).

CREATE TABLE IF NOT EXISTS units (
    unit_code      VARCHAR(16) PRIMARY KEY,          -- 8 letters/digits, case-sensitive, e.g. B51pzCjW
    unit_name      TEXT        NOT NULL,
    unit_type      TEXT,                             -- Trường học, Cơ quan nhà nước, UBND xã, Chi hội khuyến học, ...
    province_code  VARCHAR(2),
    district_code  VARCHAR(3),                       -- NULL on the 2025 geography
    commune_code   VARCHAR(5),                       -- on the geography in force at updated_at
    member_count   INTEGER,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16) NOT NULL DEFAULT 'active'   -- active | deleted
);

CREATE TABLE IF NOT EXISTS accounts (
    account_id     VARCHAR(32) PRIMARY KEY,
    citizen_id     VARCHAR(12) NOT NULL,             -- CCCD, 12 digits
    full_name      TEXT        NOT NULL,
    birth_date     DATE,
    sex            VARCHAR(8),                       -- Nam | Nữ
    phone          VARCHAR(20),
    province_code  VARCHAR(2),
    district_code  VARCHAR(3),
    commune_code   VARCHAR(5),
    unit_code      VARCHAR(16),
    citizen_group  VARCHAR(8),                       -- I | II | III
    registered_at  TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16) NOT NULL DEFAULT 'active'   -- active | locked | deleted
);

CREATE TABLE IF NOT EXISTS self_assessments (
    assessment_id  VARCHAR(32) PRIMARY KEY,
    account_id     VARCHAR(32) NOT NULL,
    year           INTEGER     NOT NULL,
    criteria_set   VARCHAR(32),                      -- 324/QĐ-KHVN, 244/QĐ-KHVN
    citizen_group  VARCHAR(8),
    total_score    NUMERIC(6, 2),
    result         VARCHAR(16),                      -- Đạt | Không đạt
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16) NOT NULL DEFAULT 'active'   -- active | deleted
);

CREATE TABLE IF NOT EXISTS assessment_scores (
    assessment_id  VARCHAR(32) NOT NULL REFERENCES self_assessments (assessment_id),
    criterion_no   SMALLINT    NOT NULL,             -- 1 .. 10
    score          NUMERIC(6, 2),
    PRIMARY KEY (assessment_id, criterion_no)
);

CREATE TABLE IF NOT EXISTS recognitions (
    account_id     VARCHAR(32) NOT NULL,
    year           INTEGER     NOT NULL,
    decision_no    TEXT,
    decided_on     DATE,
    unit_code      VARCHAR(16),                      -- the recognising unit
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16) NOT NULL DEFAULT 'active',  -- active | deleted
    PRIMARY KEY (account_id, year)
);

-- Eligible population is not in the web application: it comes from commune statistics, as dan_so export files.

CREATE INDEX IF NOT EXISTS units_updated ON units (updated_at);
CREATE INDEX IF NOT EXISTS accounts_updated ON accounts (updated_at);
CREATE INDEX IF NOT EXISTS self_assessments_updated ON self_assessments (updated_at);
CREATE INDEX IF NOT EXISTS recognitions_updated ON recognitions (updated_at);
