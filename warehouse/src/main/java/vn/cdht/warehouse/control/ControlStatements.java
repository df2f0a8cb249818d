package vn.cdht.warehouse.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries and transactions on the control database for the ledgers that keep it: a failure becomes a
 * {@link ControlDatabaseException} that names what was being read or written.
 */
public final class ControlStatements {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Statements that commit together or not at all. */
    @FunctionalInterface
    public interface Work {
        void run(Connection c) throws SQLException;
    }

    private final ControlDatabase db;
    private final String subject;

    /** @param subject what the statements read and write, for error messages: "the ingestion ledger" */
    public ControlStatements(ControlDatabase db, String subject) {
        this.db = db;
        this.subject = subject;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ControlDatabase.bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot read " + subject + ": " + e.getMessage(), e);
        }
    }

    /** Runs one statement in its own transaction; returns how many rows it changed. */
    public int update(String sql, Object... args) {
        int[] changed = new int[1];
        inTransaction(c -> changed[0] = execute(c, sql, args));
        return changed[0];
    }

    public void inTransaction(Work work) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    // the first error says what went wrong (SQLITE_FULL, say); a failed rollback only follows from it
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot write " + subject + ": " + e.getMessage(), e);
        }
    }

    public static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ControlDatabase.bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** This machine's name, as runs and locks record it. */
    public static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }

    public static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    public static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    public static Integer intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
