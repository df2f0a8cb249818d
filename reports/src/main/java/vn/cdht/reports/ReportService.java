package vn.cdht.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.iceberg.catalog.Catalog;
import vn.cdht.reports.registry.NewReport;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;
import vn.cdht.warehouse.privacy.OwnerOnly;
import vn.cdht.warehouse.config.VietnamTime;

/**
 * Renders reports: loads the kind's tables into an in-memory DuckDB database (current snapshots, or the recorded
 * ones to reproduce a report), fills the kind's template for each target, writes the file and registers it.
 */
public final class ReportService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VietnamTime.ZONE);

    /** Told after each report is written, with how many of how many are done. */
    public interface Progress {
        void rendered(int done, int total, RenderedReport report);
    }

    private final Catalog catalog;
    private final ReportRegistry registry;
    private final ReportEngine engine;
    private final Path outputFolder;
    private final Clock clock;

    public ReportService(Catalog catalog, ReportRegistry registry, ReportEngine engine, Path outputFolder, Clock clock) {
        this.catalog = catalog;
        this.registry = registry;
        this.engine = engine;
        this.outputFolder = outputFolder;
        this.clock = clock;
    }

    public List<RenderedReport> render(ReportRequest request, Progress progress) {
        return render(request, null, LocalDate.now(clock.withZone(VietnamTime.ZONE)), null, progress);
    }

    /**
     * The last complete month before today that has figures, or else the latest month with figures (data generated
     * ahead of the calendar, or a warehouse not refreshed since): what a bulletin run without --period is about.
     */
    public Period defaultPeriod(String geography) {
        Period lastComplete = Period.lastCompleteMonth(LocalDate.now(clock.withZone(VietnamTime.ZONE)));
        try (ReportData data = ReportData.open(catalog, List.of(new ReportData.TableLoad("mart.coverage",
                "level = 'province' AND geography = '" + ("2024".equals(geography) ? "2024" : "2025") + "'")), null);
             var st = data.connection().createStatement();
             var rs = st.executeQuery("SELECT max(as_of_month) FROM mart.coverage WHERE as_of_month <= '"
                     + lastComplete.code() + "'")) {
            rs.next();
            String month = rs.getString(1);
            return month == null ? lastComplete : Period.parse(month);
        } catch (java.sql.SQLException e) {
            throw new ReportException("cannot read mart.coverage: " + ReportEngine.rootMessage(e), e);
        }
    }

    /** Renders report {@code id} again from the snapshots it recorded, with its issue date: identical figures. */
    public RenderedReport reproduce(long id) {
        RenderedReport original = registry.find(id).orElseThrow(() -> new ReportException(
                "no report " + id + " in the register: cdht bulletin --list shows the reports rendered"));
        String[] scope = original.scope().split(":", 2);
        ReportRequest request = new ReportRequest(ReportKind.of(original.kind()), scope[0], Period.parse(original.period()),
                ReportFormat.of(original.format()), original.geography(), false, scope.length > 1 ? scope[1] : null);
        return render(request, ReportSnapshots.parse(original.snapshots()), original.issueDate(), id, null).get(0);
    }

    private List<RenderedReport> render(ReportRequest request, ReportSnapshots pinned, LocalDate issueDate,
                                        Long reproduces, Progress progress) {
        try (ReportData data = ReportData.open(catalog, ReportTables.loads(request), pinned)) {
            List<ReportTarget> targets = new ReportTargets(data.connection()).resolve(request);
            Map<String, Object> common = commonParameters(request, data, issueDate);
            List<RenderedReport> out = new ArrayList<>();
            // filled in parallel, written and registered here, in order: the register is never written by two threads
            String snapshots = data.snapshots().format();
            // a report's own filling is single-threaded: one report per core at a time
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), targets.size()));
            try (FillPool pool = new FillPool(data.connection(), threads)) {
                List<Future<Filled>> filled = new ArrayList<>();
                for (ReportTarget target : targets) {
                    filled.add(pool.submit(connection -> fill(request, target, common, issueDate, connection)));
                }
                for (int i = 0; i < targets.size(); i++) {
                    Filled f = FillPool.get(filled.get(i));
                    ReportTarget target = targets.get(i);
                    Path file = write(fileName(request, target, reproduces), f.bytes(), request.kind().personalData());
                    String scope = request.unitCategory() == null ? target.scope() : target.scope() + ":" + request.unitCategory();
                    RenderedReport registered = registry.register(new NewReport(request.kind().code(), scope,
                            request.period().code(), request.format().code(), request.effectiveGeography(),
                            snapshots, issueDate, file, sha256(f.bytes()), f.bytes().length, f.pages(),
                            request.kind().personalData(), f.millis(), reproduces));
                    out.add(registered);
                    if (progress != null) {
                        progress.rendered(out.size(), targets.size(), registered);
                    }
                }
            }
            return out;
        }
    }

    /** One target's report, filled and exported: its bytes, its page count and how long that took. */
    private record Filled(byte[] bytes, int pages, long millis) {
    }

    private Filled fill(ReportRequest request, ReportTarget target, Map<String, Object> common, LocalDate issueDate,
                        Connection connection) {
        long started = System.nanoTime();
        Map<String, Object> params = new HashMap<>(common);
        params.put("P_SCOPE", target.scope());
        params.put("P_AREA_NAME", target.name());
        params.put("P_ISSUE_LINE", VietnameseDates.placeAndDate(target.place(), issueDate));
        JasperPrint print = engine.fill(request.kind().template(), params, connection);
        byte[] bytes = engine.export(print, request.format());
        return new Filled(bytes, print.getPages().size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static Map<String, Object> commonParameters(ReportRequest r, ReportData data, LocalDate issueDate) {
        Map<String, Object> p = new HashMap<>();
        p.put("P_GEOGRAPHY", r.effectiveGeography());
        p.put("P_YEAR", r.period().year());
        p.put("P_PERIOD", r.period().code());
        p.put("P_PREVIOUS_PERIOD", r.period().previous().code());
        p.put("P_PERIOD_LABEL", r.period().label());
        p.put("P_MONTH_LABEL", r.period().monthLabel());
        p.put("P_PREVIOUS_LABEL", r.period().previous().monthLabel());
        p.put("P_ANNUAL", r.period().annual());
        p.put("P_UNIT_CATEGORY", r.unitCategory());
        p.put("P_ISSUE_DATE", java.sql.Date.valueOf(issueDate));
        p.put("P_FOOTER", footer(data));
        return p;
    }

    /** Where the figures come from: when the newest table read was written, and every snapshot id. */
    private static String footer(ReportData data) {
        StringBuilder s = new StringBuilder("Nguồn: cdht, kho dữ liệu Công dân học tập.");
        data.freshness().ifPresent(t -> s.append(" Dữ liệu cập nhật lúc ").append(STAMP.format(t)).append('.'));
        s.append(" Ảnh chụp dữ liệu: ");
        s.append(String.join("; ", data.snapshots().byTable().entrySet().stream()
                .map(e -> e.getKey() + " #" + (e.getValue() == null ? "—" : e.getValue())).toList()));
        return s.append('.').toString();
    }

    private String fileName(ReportRequest r, ReportTarget t, Long reproduces) {
        StringBuilder name = new StringBuilder(r.kind().code()).append('-').append(t.scope());
        if (r.unitCategory() != null) {
            name.append('-').append(r.unitCategory().replace('_', '-'));
        }
        name.append('-').append(r.period().code());
        if (!r.kind().asOfLatestBatch() && !r.effectiveGeography().equals(r.period().defaultGeography())) {
            name.append("-g").append(r.effectiveGeography());
        }
        if (reproduces != null) {
            name.append("-reproduction-of-").append(reproduces);
        }
        return name.append('.').append(r.format().code()).toString();
    }

    private Path write(String name, byte[] bytes, boolean personal) {
        // unit lists (names, masked CCCD) are kept apart, readable by the owner only
        Path folder = personal ? outputFolder.resolve("restricted") : outputFolder;
        try {
            if (personal) {
                OwnerOnly.createDirectories(folder);
            } else {
                Files.createDirectories(folder);
            }
            Path target = folder.resolve(name).toAbsolutePath().normalize();
            Path tmp = folder.resolve("." + name + ".tmp");
            Files.write(tmp, bytes);
            if (personal) {
                OwnerOnly.restrict(tmp);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + folder.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
