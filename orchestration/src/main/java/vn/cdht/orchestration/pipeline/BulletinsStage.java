package vn.cdht.orchestration.pipeline;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.iceberg.catalog.TableIdentifier;
import vn.cdht.orchestration.app.ErrorMessages;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.reports.Period;
import vn.cdht.reports.ReportData;
import vn.cdht.reports.ReportEngine;
import vn.cdht.reports.ReportFormat;
import vn.cdht.reports.ReportKind;
import vn.cdht.reports.ReportRequest;
import vn.cdht.reports.ReportService;
import vn.cdht.reports.delivery.Role;
import vn.cdht.reports.delivery.Subscription;
import vn.cdht.reports.delivery.Subscriptions;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;

/**
 * The bulletins stage: the provincial bulletin and the statistics table (PDF and XLSX) of every province with
 * registrations in the period, the summary of what to fix in each of them (fix-summary, PDF and XLSX, on the 2025
 * geography), and whatever the subscriptions ask for at their own scope (commune bulletins, unit reports, unit lists;
 * the fix-list, PDF and XLSX, of every unit whose manager subscribed to it).
 */
public final class BulletinsStage {

    /** @param failures one line per report that could not be rendered (the others are rendered all the same) */
    public record Result(Period period, List<RenderedReport> rendered, List<String> failures) {
    }

    private final Installation app;

    public BulletinsStage(Installation app) {
        this.app = app;
    }

    /** The report service writing under {@code folder}, or under {@code <home>/bulletins} when null. */
    public ReportService service(Path folder) {
        Path out = folder != null ? folder : app.config().home().resolve("bulletins");
        return new ReportService(app.catalog(), new ReportRegistry(app.control()), new ReportEngine(), out, Clock.systemUTC());
    }

    /** For {@code month}, or for the last complete month with figures (on the geography in force) when null. */
    public Result run(YearMonth month) {
        ReportService service = service(null);
        Period period = month == null ? service.defaultPeriod(null) : new Period(month);
        List<ReportRequest> requests = new ArrayList<>();
        List<String> provinces = provincesWithRegistrations(period, period.defaultGeography());
        for (String province : provinces) {
            requests.add(new ReportRequest(ReportKind.PROVINCE, province, period, ReportFormat.PDF, null, false, null));
            requests.add(new ReportRequest(ReportKind.STATS_TABLE, province, period, ReportFormat.PDF, null, false, null));
            requests.add(new ReportRequest(ReportKind.STATS_TABLE, province, period, ReportFormat.XLSX, null, false, null));
        }
        if (fixSummariesComputed()) {
            // the department's summary of what to fix, as of the latest batch, per province of the 2025 geography
            for (String province : "2025".equals(period.defaultGeography()) ? provinces
                    : provincesWithRegistrations(period, "2025")) {
                requests.add(new ReportRequest(ReportKind.FIX_SUMMARY, province, period, ReportFormat.PDF, null, false, null));
                requests.add(new ReportRequest(ReportKind.FIX_SUMMARY, province, period, ReportFormat.XLSX, null, false, null));
            }
        } else {
            app.progress("bulletins: mart.fix_summary does not exist yet (cdht indicators computes it): no fix summaries");
        }
        for (Subscription s : new Subscriptions(app.control()).list()) {
            if (s.scope().equals("*")) {
                continue;
            }
            for (ReportKind kind : s.kinds()) {
                if (kind == ReportKind.COMMUNE || kind == ReportKind.UNIT_REPORT || kind == ReportKind.UNIT_LIST) {
                    requests.add(new ReportRequest(kind, s.scope(), period, ReportFormat.PDF, null, false, null));
                }
                // personal data: only for the manager of that unit (whom alone DeliveryRule sends it to)
                if (kind == ReportKind.FIX_LIST && s.role() == Role.UNIT_MANAGER) {
                    requests.add(new ReportRequest(kind, s.scope(), period, ReportFormat.PDF, null, false, null));
                    requests.add(new ReportRequest(kind, s.scope(), period, ReportFormat.XLSX, null, false, null));
                }
            }
        }
        List<RenderedReport> rendered = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ReportRequest r : new LinkedHashSet<>(requests)) {
            try {
                rendered.addAll(service.render(r, null));
            } catch (RuntimeException e) {
                // one bad subscription scope must not keep every other bulletin from its readers
                failures.add(r.kind().code() + " " + r.scope() + ": " + ErrorMessages.oneLine(e));
            }
        }
        return new Result(period, List.copyOf(rendered), List.copyOf(failures));
    }

    /**
     * The fix-list (PDF and XLSX) of the unit with the most rows to correct, as a sample of what a unit's manager
     * receives ({@code cdht demo}); nothing when no unit has any.
     */
    public List<RenderedReport> sampleFixList() {
        if (!fixSummariesComputed()) {
            return List.of();
        }
        String unit;
        try (ReportData data = ReportData.open(app.catalog(), List.of(new ReportData.TableLoad("mart.fix_summary", null)), null);
             var st = data.connection().createStatement();
             var rs = st.executeQuery("SELECT unit_code FROM mart.fix_summary WHERE unit_code IS NOT NULL"
                     + " GROUP BY unit_code HAVING sum(rows_open) > 0 ORDER BY sum(rows_open) DESC, unit_code LIMIT 1")) {
            if (!rs.next()) {
                return List.of();
            }
            unit = rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read mart.fix_summary: " + e.getMessage(), e);
        }
        ReportService service = service(null);
        Period period = service.defaultPeriod(null);
        List<RenderedReport> out = new ArrayList<>();
        for (ReportFormat format : List.of(ReportFormat.PDF, ReportFormat.XLSX)) {
            out.addAll(service.render(new ReportRequest(ReportKind.FIX_LIST, unit, period, format, null, false, null), null));
        }
        return out;
    }

    /** Whether the indicators have computed mart.fix_summary (a warehouse not refreshed since issue 18 has none). */
    private boolean fixSummariesComputed() {
        return app.catalog().tableExists(TableIdentifier.of("mart", "fix_summary"));
    }

    private List<String> provincesWithRegistrations(Period period, String geography) {
        String filter = "level = 'province' AND geography = '" + geography + "' AND as_of_month = '"
                + period.code() + "' AND registered > 0";
        try (ReportData data = ReportData.open(app.catalog(), List.of(new ReportData.TableLoad("mart.coverage", filter)), null);
             var st = data.connection().createStatement();
             var rs = st.executeQuery("SELECT DISTINCT province_code FROM mart.coverage ORDER BY 1")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read mart.coverage: " + e.getMessage(), e);
        }
    }
}
