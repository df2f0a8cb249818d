package vn.cdht.reports.delivery;

import vn.cdht.reports.ReportKind;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseException;

/**
 * The subscribers ({@code subscription} in the control database). One subscription per recipient, role and scope:
 * adding it again replaces its kinds (and name), so that a script of {@code cdht subscribers add} can be re-run.
 */
public final class Subscriptions {

    /** What {@link #add} did: a new subscription, or new kinds for an existing one. */
    public record Added(Subscription subscription, boolean created) {
    }

    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._-]{0,63}");
    private static final String COLUMNS = "subscription_id, recipient, recipient_name, role, scope, kinds, created_at";

    private final ControlDatabase db;
    private final Clock clock;

    public Subscriptions(ControlDatabase db) {
        this(db, Clock.systemUTC());
    }

    public Subscriptions(ControlDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * @param kinds report kind codes; an element may itself be comma-separated ({@code "province,commune"})
     * @throws IllegalArgumentException with what to change when a value is not acceptable
     */
    public Added add(String email, String name, String role, String scope, Collection<String> kinds) {
        InternetAddress address = address(email);
        String recipient = address.getAddress().toLowerCase(Locale.ROOT);
        String recipientName = blankToNull(name != null ? name : address.getPersonal());
        Role r = Role.of(role);
        String s = scope(scope);
        Set<ReportKind> k = kinds(kinds);
        for (ReportKind personal : k) {
            if (!personal.personalData()) {
                continue;
            }
            String what = personal == ReportKind.UNIT_LIST ? "unit lists" : "fix-lists";
            String one = personal == ReportKind.UNIT_LIST ? "a unit list" : "a fix-list";
            if (r != Role.UNIT_MANAGER) {
                throw new IllegalArgumentException("only a unit-manager may receive " + what + " (they hold personal"
                        + " data): subscribe with --role unit-manager --scope UNIT_CODE, or leave " + personal.code()
                        + " out of --kinds" + (personal == ReportKind.FIX_LIST
                        ? " (the department receives the fix-summary of its province)" : ""));
            }
            if (s.equals(Subscription.ANY_SCOPE)) {
                throw new IllegalArgumentException(one + " goes only to the manager of that unit:"
                        + " give the unit code as --scope, not *");
            }
        }
        String kindCodes = ReportKind.join(k);
        try (Connection c = db.connect()) {
            Optional<Subscription> existing = find(c, recipient, r, s);
            if (existing.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE subscription SET kinds = ?, recipient_name = ? WHERE subscription_id = ?")) {
                    ControlDatabase.bind(ps, kindCodes,
                            recipientName != null ? recipientName : existing.get().recipientName(), existing.get().id());
                    ps.executeUpdate();
                }
                return new Added(find(c, recipient, r, s).orElseThrow(), false);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscription (recipient, recipient_name, role,"
                    + " scope, kinds, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ControlDatabase.bind(ps, recipient, recipientName, r.code(), s, kindCodes, clock.instant());
                ps.executeUpdate();
            }
            return new Added(find(c, recipient, r, s).orElseThrow(), true);
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot record the subscription of " + recipient + ": " + e.getMessage(), e);
        }
    }

    /** Every subscription, by recipient then scope. */
    public List<Subscription> list() {
        return query("SELECT " + COLUMNS + " FROM subscription ORDER BY recipient, scope, role");
    }

    /** Removes one subscription by id; returns it. */
    public Subscription remove(long id) {
        Subscription s = query("SELECT " + COLUMNS + " FROM subscription WHERE subscription_id = ?", id).stream()
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "no subscription " + id + " (cdht subscribers list shows them)"));
        delete("DELETE FROM subscription WHERE subscription_id = ?", id);
        return s;
    }

    /** Removes the recipient's subscriptions for this scope, whatever their role; returns them. */
    public List<Subscription> remove(String email, String scope) {
        String recipient = address(email).getAddress().toLowerCase(Locale.ROOT);
        String s = scope(scope);
        List<Subscription> found = query("SELECT " + COLUMNS + " FROM subscription WHERE recipient = ? AND scope = ?"
                + " ORDER BY role", recipient, s);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no subscription of " + recipient + " for scope " + s
                    + " (cdht subscribers list shows them)");
        }
        delete("DELETE FROM subscription WHERE recipient = ? AND scope = ?", recipient, s);
        return found;
    }

    static InternetAddress address(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("give the recipient's e-mail address, e.g. --email lanhdao@quangngai.gov.vn");
        }
        try {
            InternetAddress a = new InternetAddress(email.trim(), true);
            a.validate();
            if (a.isGroup() || !a.getAddress().contains("@")) {
                throw new AddressException("not a single address with a domain");
            }
            return a;
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + email + "' is not a valid e-mail address (" + e.getMessage()
                    + "): give it as name@domain, e.g. lanhdao@quangngai.gov.vn");
        }
    }

    private static String scope(String scope) {
        String s = scope == null ? "" : scope.trim();
        if (!s.equals(Subscription.ANY_SCOPE) && !SCOPE.matcher(s).matches()) {
            throw new IllegalArgumentException("scope '" + (scope == null ? "" : scope) + "' must be a province, commune"
                    + " or unit code (e.g. 51, 21211, DV0001, or AREA:CATEGORY for a unit report), or * for every scope");
        }
        return s;
    }

    private static Set<ReportKind> kinds(Collection<String> kinds) {
        Set<ReportKind> out = EnumSet.noneOf(ReportKind.class);
        if (kinds != null) {
            for (String element : kinds) {
                for (String code : element.split(",")) {
                    if (!code.isBlank()) {
                        out.add(ReportKind.of(code));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("give at least one report kind with --kinds, e.g. --kinds province,stats-table"
                    + " (kinds: " + ReportKind.codes() + ")");
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Optional<Subscription> find(Connection c, String recipient, Role role, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM subscription"
                + " WHERE recipient = ? AND role = ? AND scope = ?")) {
            ControlDatabase.bind(ps, recipient, role.code(), scope);
            List<Subscription> found = read(ps);
            return found.stream().findFirst();
        }
    }

    private List<Subscription> query(String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ControlDatabase.bind(ps, args);
            return read(ps);
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot read the subscriptions: " + e.getMessage(), e);
        }
    }

    private void delete(String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ControlDatabase.bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot remove the subscription: " + e.getMessage(), e);
        }
    }

    private static List<Subscription> read(PreparedStatement ps) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<ReportKind> kinds = EnumSet.noneOf(ReportKind.class);
                for (String code : rs.getString(6).split(",")) {
                    kinds.add(ReportKind.of(code));
                }
                out.add(new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3), Role.of(rs.getString(4)),
                        rs.getString(5), kinds, rs.getTimestamp(7).toInstant()));
            }
        }
        return out;
    }
}
