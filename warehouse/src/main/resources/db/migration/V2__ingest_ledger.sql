-- The ingestion ledger: every batch (export files or an incremental read of the operational database), every file
-- with its checksum and reconciliation (rows read = accepted + quarantined + superseded), and the watermarks of the
-- incremental database reads.

CREATE TABLE ingest_batch (
    batch_id          VARCHAR(64)  PRIMARY KEY,
    source            VARCHAR(16)  NOT NULL,     -- files | jdbc
    location          ${text}      NOT NULL,     -- folder, zip, or JDBC URL without credentials
    checksum          VARCHAR(64),               -- files: SHA-256 over the batch's files
    status            VARCHAR(16)  NOT NULL,     -- running | succeeded | failed | duplicate
    files             INTEGER,
    rows_read         BIGINT,
    rows_accepted     BIGINT,
    rows_quarantined  BIGINT,
    rows_superseded   BIGINT,
    received_at       ${timestamp} NOT NULL,     -- first attempt; orders versions of rows without updated_at
    started_at        ${timestamp} NOT NULL,
    ended_at          ${timestamp},
    message           ${text}
);

CREATE INDEX ingest_batch_checksum ON ingest_batch (checksum);

CREATE TABLE ingest_file (
    batch_id          VARCHAR(64)  NOT NULL REFERENCES ingest_batch (batch_id),
    file_name         VARCHAR(255) NOT NULL,
    entity            VARCHAR(32),
    sha256            VARCHAR(64),
    size_bytes        BIGINT,
    status            VARCHAR(16)  NOT NULL,     -- ingested | rejected | duplicate | ignored
    rows_read         BIGINT,
    rows_accepted     BIGINT,
    rows_quarantined  BIGINT,
    rows_superseded   BIGINT,
    trailer_rows      BIGINT,
    unknown_columns   ${text},
    message           ${text},
    PRIMARY KEY (batch_id, file_name)
);

CREATE INDEX ingest_file_sha256 ON ingest_file (sha256);

CREATE TABLE source_watermark (
    source_name       VARCHAR(255) NOT NULL,     -- JDBC URL without credentials
    entity            VARCHAR(32)  NOT NULL,
    watermark         ${timestamp} NOT NULL,     -- the newest updated_at ingested
    updated_at        ${timestamp} NOT NULL,
    PRIMARY KEY (source_name, entity)
);
