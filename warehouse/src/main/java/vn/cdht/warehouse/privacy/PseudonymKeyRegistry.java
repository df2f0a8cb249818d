package vn.cdht.warehouse.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import vn.cdht.warehouse.config.ConfigException;
import vn.cdht.warehouse.config.VietnamTime;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseException;
import vn.cdht.warehouse.control.ControlStatements;

/**
 * The fingerprints of the pseudonymisation secrets of this warehouse, in the control database ({@code pseudonym_key}):
 * the current one, which every ingestion must use; the one a rotation is re-keying the tables to; the retired ones.
 * Without it, a replaced secret would silently give every citizen a second citizen_key.
 */
public final class PseudonymKeyRegistry {

    public static final String CURRENT = "current";
    public static final String ROTATING = "rotating";
    public static final String RETIRED = "retired";

    static final String ROTATE_HINT = "'cdht rotate-key'";
    private static final DateTimeFormatter VIETNAM_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VietnamTime.ZONE);

    /** One recorded secret. */
    public record Entry(KeyFingerprint fingerprint, String status, Instant recordedAt, String host, Instant retiredAt) {
    }

    private final ControlStatements sql;

    public PseudonymKeyRegistry(ControlDatabase db) {
        this.sql = new ControlStatements(db, "the pseudonymisation key register");
    }

    /** Every recorded secret, oldest first. */
    public List<Entry> entries() {
        return sql.query("SELECT fingerprint, status, recorded_at, host, retired_at FROM pseudonym_key ORDER BY recorded_at",
                PseudonymKeyRegistry::entry);
    }

    public Optional<Entry> current() {
        return withStatus(CURRENT);
    }

    public Optional<Entry> rotating() {
        return withStatus(ROTATING);
    }

    public Optional<Entry> find(KeyFingerprint fingerprint) {
        return entries().stream().filter(e -> e.fingerprint().equals(fingerprint)).findFirst();
    }

    /**
     * Checks the secret an ingestion is about to use: on a warehouse without a recorded secret it becomes the current
     * one (returns true); otherwise it must be the current one.
     *
     * @param where where the secret was configured, for the message: "pseudonym.secret (CDHT_PSEUDONYM_SECRET)"
     * @throws ConfigException if it is another secret, or a rotation did not finish
     */
    public boolean verifyOrRecord(PseudonymSecret secret, String where) {
        KeyFingerprint presented = KeyFingerprint.of(secret);
        Optional<Entry> rotation = rotating();
        if (rotation.isPresent()) {
            throw unfinishedRotation(rotation.get());
        }
        Optional<Entry> current = current();
        if (current.isEmpty()) {
            try {
                sql.update("INSERT INTO pseudonym_key (fingerprint, status, recorded_at, host) VALUES (?, ?, ?, ?)",
                        presented.hex(), CURRENT, Instant.now(), ControlStatements.host());
                return true;
            } catch (ControlDatabaseException raced) {
                current = current();
                if (current.isEmpty()) {
                    throw raced;
                }
            }
        }
        Entry recorded = current.get();
        if (recorded.fingerprint().equals(presented)) {
            return false;
        }
        Optional<Entry> known = find(presented);
        if (known.isPresent() && known.get().status().equals(RETIRED)) {
            throw new ConfigException("the pseudonymisation secret in " + where + " (fingerprint " + presented
                    + ") was retired on " + vietnamTime(known.get().retiredAt()) + " Vietnam time by cdht rotate-key: set the"
                    + " current one (fingerprint " + recorded.fingerprint() + ") in " + where);
        }
        throw new ConfigException("the pseudonymisation secret differs from the one this warehouse was built with"
                + " (fingerprint " + recorded.fingerprint() + " recorded " + vietnamTime(recorded.recordedAt())
                + " Vietnam time, now " + presented + "): every citizen would get a second key. Restore the original secret ("
                + where + "), or rotate on purpose with " + ROTATE_HINT);
    }

    /**
     * Starts a rotation to {@code next} (again, after one that stopped): from now on ingestion is refused until it
     * completes.
     */
    public void beginRotation(KeyFingerprint next) {
        Optional<Entry> known = find(next);
        if (known.isPresent() && known.get().status().equals(RETIRED)) {
            throw new ConfigException("the new pseudonymisation secret (fingerprint " + next + ") is one this warehouse"
                    + " retired on " + vietnamTime(known.get().retiredAt()) + " Vietnam time: generate a new one"
                    + " (e.g. openssl rand -base64 32)");
        }
        if (known.isPresent()) {
            return; // current (nothing to re-key, but re-running is harmless) or this rotation's own row
        }
        Optional<Entry> other = rotating();
        if (other.isPresent()) {
            throw unfinishedRotation(other.get());
        }
        sql.update("INSERT INTO pseudonym_key (fingerprint, status, recorded_at, host) VALUES (?, ?, ?, ?)",
                next.hex(), ROTATING, Instant.now(), ControlStatements.host());
    }

    /** Makes {@code next} the current secret and retires the previous one, in one transaction. */
    public void completeRotation(KeyFingerprint next) {
        Instant now = Instant.now();
        sql.inTransaction(c -> {
            ControlStatements.execute(c, "UPDATE pseudonym_key SET status = ?, retired_at = ? WHERE status = ?"
                    + " AND fingerprint <> ?", RETIRED, now, CURRENT, next.hex());
            ControlStatements.execute(c, "UPDATE pseudonym_key SET status = ? WHERE fingerprint = ?", CURRENT, next.hex());
        });
    }

    /** dd/MM/yyyy HH:mm in Vietnam time. */
    public static String vietnamTime(Instant instant) {
        return instant == null ? "(unknown)" : VIETNAM_TIME.format(instant);
    }

    private Optional<Entry> withStatus(String status) {
        return sql.query("SELECT fingerprint, status, recorded_at, host, retired_at FROM pseudonym_key WHERE status = ?",
                PseudonymKeyRegistry::entry, status).stream().findFirst();
    }

    private static ConfigException unfinishedRotation(Entry rotation) {
        return new ConfigException("a rotation of the pseudonymisation secret to fingerprint " + rotation.fingerprint()
                + " started " + vietnamTime(rotation.recordedAt()) + " Vietnam time on " + rotation.host()
                + " did not finish: run cdht rotate-key again with that new secret (re-running is safe), then ingest");
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(new KeyFingerprint(rs.getString(1)), rs.getString(2), ControlStatements.instant(rs, 3),
                rs.getString(4), ControlStatements.instant(rs, 5));
    }
}
