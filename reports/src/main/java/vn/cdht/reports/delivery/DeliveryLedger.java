package vn.cdht.reports.delivery;

import static vn.cdht.warehouse.control.ControlStatements.execute;
import static vn.cdht.warehouse.control.ControlStatements.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseException;
import vn.cdht.warehouse.control.ControlStatements;

/**
 * The deliveries and their attempts ({@code delivery}, {@code delivery_attempt}). The unique key on report and
 * recipient is what makes a report go to a recipient at most once; {@link #claim} is what keeps two runs at the same
 * time from both sending it.
 */
public final class DeliveryLedger {

    private static final String COLUMNS = "delivery_id, report_id, recipient, status, attempts, next_attempt_at, sent_at,"
            + " message_id, last_error";

    private final ControlDatabase db;
    private final ControlStatements statements;

    public DeliveryLedger(ControlDatabase db) {
        this.db = db;
        this.statements = new ControlStatements(db, "the delivery ledger");
    }

    /** The delivery of this report to this recipient, created pending if there is none yet. */
    public Delivery ensure(long reportId, String recipient) {
        try (Connection c = db.connect()) {
            Optional<Delivery> known = find(c, reportId, recipient);
            if (known.isPresent()) {
                return known.get();
            }
            // ON CONFLICT: a run at the same time may have created it since (looking first keeps ids from being used up)
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery (report_id, recipient, status, attempts)"
                    + " VALUES (?, ?, 'pending', 0) ON CONFLICT (report_id, recipient) DO NOTHING")) {
                ControlDatabase.bind(ps, reportId, recipient);
                ps.executeUpdate();
            }
            return find(c, reportId, recipient).orElseThrow();
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot record the delivery of report " + reportId + " to " + recipient
                    + ": " + e.getMessage(), e);
        }
    }

    public Optional<Delivery> find(long reportId, String recipient) {
        try (Connection c = db.connect()) {
            return find(c, reportId, recipient);
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot read the deliveries: " + e.getMessage(), e);
        }
    }

    /** Every delivery of a report, by recipient. */
    public List<Delivery> ofReport(long reportId) {
        return statements.query("SELECT " + COLUMNS + " FROM delivery WHERE report_id = ? ORDER BY recipient",
                DeliveryLedger::delivery, reportId);
    }

    public List<DeliveryAttempt> attempts(long deliveryId) {
        return statements.query("SELECT attempt_id, delivery_id, attempt_no, attempted_at, outcome, smtp_reply, error_message"
                        + " FROM delivery_attempt WHERE delivery_id = ? ORDER BY attempt_no",
                rs -> new DeliveryAttempt(rs.getLong(1), rs.getLong(2), rs.getInt(3), instant(rs, 4), rs.getString(5),
                        rs.getString(6), rs.getString(7)),
                deliveryId);
    }

    /**
     * Takes the delivery for one attempt: counts the attempt and moves its next attempt to {@code retryAt}, so that a
     * run that stops half-way (or a run at the same time) leaves it for later. False when another run took or sent it
     * since {@code seen} was read.
     */
    public boolean claim(Delivery seen, Instant retryAt) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("UPDATE delivery SET attempts = ?,"
                + " next_attempt_at = ? WHERE delivery_id = ? AND attempts = ? AND status <> 'sent'")) {
            ControlDatabase.bind(ps, seen.attempts() + 1, retryAt, seen.id(), seen.attempts());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot update delivery " + seen.id() + ": " + e.getMessage(), e);
        }
    }

    public void recordSent(long deliveryId, int attemptNo, Instant attemptedAt, Instant sentAt, SentMessage sent) {
        statements.inTransaction(c -> {
            attempt(c, deliveryId, attemptNo, attemptedAt, "sent", sent.smtpReply(), null);
            execute(c, "UPDATE delivery SET status = 'sent', sent_at = ?, message_id = ?, next_attempt_at = NULL,"
                    + " last_error = NULL WHERE delivery_id = ?", sentAt, sent.messageId(), deliveryId);
        });
    }

    /**
     * @param retryAt when to try again, or null when the delivery is given up
     */
    public void recordFailure(long deliveryId, int attemptNo, Instant attemptedAt, String smtpReply, String error,
                              Instant retryAt) {
        DeliveryStatus status = retryAt == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        statements.inTransaction(c -> {
            attempt(c, deliveryId, attemptNo, attemptedAt, "failed", smtpReply, error);
            execute(c, "UPDATE delivery SET status = ?, next_attempt_at = ?, last_error = ? WHERE delivery_id = ?",
                    status.code(), retryAt, error, deliveryId);
        });
    }

    private static void attempt(Connection c, long deliveryId, int attemptNo, Instant at, String outcome, String reply,
                                String error) throws SQLException {
        execute(c, "INSERT INTO delivery_attempt (delivery_id, attempt_no, attempted_at, outcome, smtp_reply,"
                + " error_message) VALUES (?, ?, ?, ?, ?, ?)", deliveryId, attemptNo, at, outcome, reply, error);
    }

    private static Optional<Delivery> find(Connection c, long reportId, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM delivery"
                + " WHERE report_id = ? AND recipient = ?")) {
            ControlDatabase.bind(ps, reportId, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
        }
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), DeliveryStatus.of(rs.getString(4)),
                rs.getInt(5), instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getString(9));
    }
}
