-- Runs of cdht commands and of the scheduled pipeline, and their stages.
-- ${id_pk}, ${timestamp}, ${text}: per dialect (ControlDialect), so that one file serves SQLite and PostgreSQL.

CREATE TABLE pipeline_run (
    run_id        ${id_pk},
    command       VARCHAR(64)  NOT NULL,
    period        VARCHAR(16),
    status        VARCHAR(16)  NOT NULL,
    started_at    ${timestamp} NOT NULL,
    ended_at      ${timestamp},
    host          VARCHAR(255),
    error_message ${text}
);

CREATE INDEX pipeline_run_started ON pipeline_run (started_at);

CREATE TABLE stage_run (
    stage_run_id  ${id_pk},
    run_id        BIGINT       NOT NULL REFERENCES pipeline_run (run_id),
    stage         VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    started_at    ${timestamp} NOT NULL,
    ended_at      ${timestamp},
    rows_in       BIGINT,
    rows_out      BIGINT,
    snapshot_ids  ${text},
    error_message ${text}
);

CREATE INDEX stage_run_by_run ON stage_run (run_id);
