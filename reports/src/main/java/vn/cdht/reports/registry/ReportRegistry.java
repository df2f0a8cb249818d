package vn.cdht.reports.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseException;

/**
 * The register of rendered reports ({@code report} in the control database). A report is what it shows: the same
 * kind, scope, period and format rendered from the same snapshots is the same report, so rendering it again updates
 * its row (file, checksum, time) and keeps its id; deliveries, keyed by that id, are then not repeated.
 * A reproduction ({@code --reproduce}) is always a new row that points at the original.
 */
public final class ReportRegistry {

    private static final String COLUMNS = "report_id, kind, scope, period, format, geography, snapshots, issue_date,"
            + " file_path, sha256, bytes, pages, personal_data, rendered_at, render_millis, reproduces_id";

    private final ControlDatabase db;

    public ReportRegistry(ControlDatabase db) {
        this.db = db;
    }

    public RenderedReport register(NewReport r) {
        Instant now = Instant.now();
        try (Connection c = db.connect()) {
            Optional<Long> same = r.reproducesId() != null ? Optional.empty() : sameReport(c, r);
            if (same.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE report SET file_path = ?, sha256 = ?, bytes = ?,"
                        + " pages = ?, rendered_at = ?, render_millis = ? WHERE report_id = ?")) {
                    ControlDatabase.bind(ps, r.file().toString(), r.sha256(), r.bytes(), r.pages(), now,
                            r.renderMillis(), same.get());
                    ps.executeUpdate();
                }
                return find(c, same.get()).orElseThrow();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report (kind, scope, period, format, geography,"
                    + " snapshots, issue_date, file_path, sha256, bytes, pages, personal_data, rendered_at, render_millis,"
                    + " reproduces_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING report_id")) {
                ControlDatabase.bind(ps, r.kind(), r.scope(), r.period(), r.format(), r.geography(), r.snapshots(),
                        r.issueDate().toString(), r.file().toString(), r.sha256(), r.bytes(), r.pages(), r.personalData(),
                        now, r.renderMillis(), r.reproducesId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return find(c, rs.getLong(1)).orElseThrow();
                }
            }
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot register the report " + r.file() + ": " + e.getMessage(), e);
        }
    }

    public Optional<RenderedReport> find(long id) {
        try (Connection c = db.connect()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot read report " + id + ": " + e.getMessage(), e);
        }
    }

    /** Original reports (not reproductions) of a period, or of every period when NULL, oldest first. */
    public List<RenderedReport> originals(String period) {
        String sql = "SELECT " + COLUMNS + " FROM report WHERE reproduces_id IS NULL"
                + (period == null ? "" : " AND period = ?") + " ORDER BY report_id";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (period != null) {
                ps.setString(1, period);
            }
            return read(ps);
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot list the reports: " + e.getMessage(), e);
        }
    }

    /** The latest reports, newest first. */
    public List<RenderedReport> latest(int limit) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM report ORDER BY report_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new ControlDatabaseException("cannot list the reports: " + e.getMessage(), e);
        }
    }

    private static Optional<Long> sameReport(Connection c, NewReport r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT report_id FROM report WHERE kind = ? AND scope = ?"
                + " AND period = ? AND format = ? AND geography = ? AND snapshots = ? AND reproduces_id IS NULL")) {
            ControlDatabase.bind(ps, r.kind(), r.scope(), r.period(), r.format(), r.geography(), r.snapshots());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Optional<RenderedReport> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM report WHERE report_id = ?")) {
            ps.setLong(1, id);
            List<RenderedReport> found = read(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<RenderedReport> read(PreparedStatement ps) throws SQLException {
        List<RenderedReport> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int pages = rs.getInt(12);
                Integer pagesOrNull = rs.wasNull() ? null : pages;
                long reproduces = rs.getLong(16);
                Long reproducesOrNull = rs.wasNull() ? null : reproduces;
                out.add(new RenderedReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), LocalDate.parse(rs.getString(8)),
                        Path.of(rs.getString(9)), rs.getString(10), rs.getLong(11), pagesOrNull, rs.getBoolean(13),
                        rs.getTimestamp(14).toInstant(), rs.getLong(15), reproducesOrNull));
            }
        }
        return out;
    }
}
