package vn.cdht.reports.delivery;

import vn.cdht.reports.ReportKind;
import java.time.Instant;
import java.util.Set;

/**
 * Who receives which reports ({@code subscription} in the control database).
 *
 * @param recipient an e-mail address, lower case
 * @param scope     a province, commune or unit code, or {@code *} for every scope (never a unit list)
 * @param kinds     the report kinds sent, in declaration order
 */
public record Subscription(long id, String recipient, String recipientName, Role role, String scope,
                           Set<ReportKind> kinds, Instant createdAt) {

    public static final String ANY_SCOPE = "*";

    public Subscription {
        kinds = Set.copyOf(kinds);
    }

    /** The kinds as stored and shown: {@code province,stats-table}. */
    public String kindCodes() {
        return ReportKind.join(kinds);
    }
}
