-- Every computation of a mart, with the snapshot ids of the tables it read, so that any figure can be traced to its
-- inputs (and recomputed from them with Iceberg time travel).
CREATE TABLE mart_run (
    mart_run_id      ${id_pk},
    run_id           BIGINT       REFERENCES pipeline_run (run_id),
    mart             VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,     -- running | succeeded | failed
    started_at       ${timestamp} NOT NULL,
    ended_at         ${timestamp},
    rows_out         BIGINT,
    snapshot_id      BIGINT,                    -- the mart's own snapshot written by this run
    input_snapshots  ${text},                   -- table=snapshot_id, comma-separated
    error_message    ${text}
);

CREATE INDEX mart_run_by_mart ON mart_run (mart, started_at);
