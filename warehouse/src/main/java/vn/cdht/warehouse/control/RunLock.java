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
    public record Holder(Long runId, String holder, Instant acquiredAt, Instant heartbeatAt, String command) {

        /** "cdht ingest (host:1234, run 7)" for a message. */
        public String describe() {
            return (command == null ? "a cdht command" : command) + " (" + holder + (runId == null ? "" : ", run " + runId) + ")";
        }
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
        this.self = currentProcess();
    }

    public String self() {
        return self;
    }

    public Attempt acquire(Long runId) {
        return acquire(runId, null);
    }

    /** Takes the lock for {@code command} (e.g. "cdht ingest"), named to whoever is refused meanwhile. */
    public Attempt acquire(Long runId, String command) {
        Instant now = Instant.now();
        Optional<Holder> current = holder();
        if (current.isEmpty()) {
            try {
                sql.update("INSERT INTO run_lock (lock_name, run_id, holder, acquired_at, heartbeat_at, command) VALUES (?, ?, ?, ?, ?, ?)",
                        name, runId, self, now, now, command);
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
        int taken = sql.update("UPDATE run_lock SET run_id = ?, holder = ?, acquired_at = ?, heartbeat_at = ?, command = ?"
                + " WHERE lock_name = ? AND holder = ? AND heartbeat_at = ?", runId, self, now, now, command, name, h.holder(),
                h.heartbeatAt());
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
        List<Holder> rows = sql.query("SELECT run_id, holder, acquired_at, heartbeat_at, command FROM run_lock WHERE lock_name = ?",
                rs -> new Holder(ControlStatements.longOrNull(rs, 1), rs.getString(2), ControlStatements.instant(rs, 3),
                        ControlStatements.instant(rs, 4), rs.getString(5)), name);
        return rows.stream().findFirst();
    }

    /** Gone from this host, or silent for longer than the stale period. */
    boolean isStale(Holder h, Instant now) {
        return processGone(h.holder()) || h.heartbeatAt().plus(stale).isBefore(now);
    }

    /** This process, as holders are written: host:pid. */
    public static String currentProcess() {
        return ControlStatements.host() + ":" + ProcessHandle.current().pid();
    }

    /** A {@code host:pid} of this host whose process no longer runs (false for another host: it cannot be known). */
    public static boolean processGone(String hostPid) {
        if (hostPid == null) {
            return false;
        }
        int colon = hostPid.lastIndexOf(':');
        if (colon > 0 && hostPid.substring(0, colon).equals(ControlStatements.host())) {
            try {
                long pid = Long.parseLong(hostPid.substring(colon + 1));
                return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException ignored) {
                // not one of ours
            }
        }
        return false;
    }

}
