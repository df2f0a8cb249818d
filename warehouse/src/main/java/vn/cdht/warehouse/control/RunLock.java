package vn.cdht.warehouse.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The lock that keeps two pipeline runs from running at once, in the control database ({@code run_lock}), so that it
 * holds across processes and machines. A holder that died (same host, process gone) or stopped sending heartbeats for
 * longer than the stale period leaves a stale lock, which the next run takes over.
 */
public final class RunLock {

    /** Who holds the lock. */
    public record Holder(Long runId, String holder, Instant acquiredAt, Instant heartbeatAt) {
    }

    /** The outcome of an attempt: acquired, or refused with the current holder. */
    public record Attempt(boolean acquired, Holder current, Holder takenOver) {
    }

    private final ControlStatements sql;
    private final String name;
    private final Duration stale;
    private final String self;

    public RunLock(ControlDatabase db, String name, Duration stale) {
        this.sql = new ControlStatements(db, "the run lock");
        this.name = name;
        this.stale = stale;
        this.self = ControlStatements.host() + ":" + ProcessHandle.current().pid();
    }

    public String self() {
        return self;
    }

    public Attempt acquire(Long runId) {
        Instant now = Instant.now();
        Optional<Holder> current = holder();
        if (current.isEmpty()) {
            try {
                sql.update("INSERT INTO run_lock (lock_name, run_id, holder, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)",
                        name, runId, self, now, now);
                return new Attempt(true, null, null);
            } catch (ControlDatabaseException raced) {
                current = holder();
                if (current.isEmpty()) {
                    throw raced;
                }
            }
        }
        Holder h = current.get();
        if (!isStale(h, now)) {
            return new Attempt(false, h, null);
        }
        int taken = sql.update("UPDATE run_lock SET run_id = ?, holder = ?, acquired_at = ?, heartbeat_at = ?"
                + " WHERE lock_name = ? AND holder = ? AND heartbeat_at = ?", runId, self, now, now, name, h.holder(), h.heartbeatAt());
        return taken == 1 ? new Attempt(true, null, h) : new Attempt(false, holder().orElse(h), null);
    }

    /** Records the run that holds the lock (known only once the run is recorded). */
    public void attach(long runId) {
        sql.update("UPDATE run_lock SET run_id = ? WHERE lock_name = ? AND holder = ?", runId, name, self);
    }

    public void heartbeat() {
        sql.update("UPDATE run_lock SET heartbeat_at = ? WHERE lock_name = ? AND holder = ?", Instant.now(), name, self);
    }

    public void release() {
        sql.update("DELETE FROM run_lock WHERE lock_name = ? AND holder = ?", name, self);
    }

    public Optional<Holder> holder() {
        List<Holder> rows = sql.query("SELECT run_id, holder, acquired_at, heartbeat_at FROM run_lock WHERE lock_name = ?",
                rs -> new Holder(ControlStatements.longOrNull(rs, 1), rs.getString(2), ControlStatements.instant(rs, 3),
                        ControlStatements.instant(rs, 4)), name);
        return rows.stream().findFirst();
    }

    /** Gone from this host, or silent for longer than the stale period. */
    boolean isStale(Holder h, Instant now) {
        int colon = h.holder().lastIndexOf(':');
        if (colon > 0 && h.holder().substring(0, colon).equals(ControlStatements.host())) {
            try {
                long pid = Long.parseLong(h.holder().substring(colon + 1));
                if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    return true;
                }
            } catch (NumberFormatException ignored) {
                // not one of ours: fall back to the heartbeat
            }
        }
        return h.heartbeatAt().plus(stale).isBefore(now);
    }

}
