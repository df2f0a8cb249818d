-- One row per lock held: a second pipeline run is refused while the row exists. The holder writes a heartbeat; a
-- lock whose holder process is gone (same host, no such pid) or whose heartbeat is older than run.lock-stale-minutes
-- is stale and can be taken over (compare-and-set on holder and heartbeat, so two takers cannot both win).
CREATE TABLE run_lock (
    lock_name     VARCHAR(64)  PRIMARY KEY,
    run_id        BIGINT,
    holder        VARCHAR(255) NOT NULL,    -- host:pid
    acquired_at   ${timestamp} NOT NULL,
    heartbeat_at  ${timestamp} NOT NULL
);
