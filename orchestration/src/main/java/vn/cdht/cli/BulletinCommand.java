package vn.cdht.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.pipeline.BulletinsStage;
import vn.cdht.reports.Period;
import vn.cdht.reports.ReportFormat;
import vn.cdht.reports.ReportKind;
import vn.cdht.reports.ReportRequest;
import vn.cdht.reports.ReportService;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;

@Command(name = "bulletin", mixinStandardHelpOptions = true,
        description = {"Render bulletins and lists (JasperReports, in Vietnamese) as PDF or XLSX.",
                "Kinds: province (the leaders' bulletin; December is the annual edition), commune (one page per",
                "commune; --all: every commune of a province), stats-table (Biểu thống kê tài khoản, per commune of",
                "a province or district), unit-report (units of an area: members, registered, assessed), unit-list",
                "(the citizens of one unit who self-assessed, for November recognition), fix-list (the rows of one",
                "unit's citizens that were not taken in or were kept with a flag: the field, the value as written",
                "with the CCCD masked, the reason and what to correct in the software, for the unit's manager),",
                "fix-summary (rows to fix per unit and reason in a 2025 province, and the change since the previous",
                "batch, for the department). The unit list and the fix-list hold personal data: they are written",
                "under <out>/restricted. The fix-list and fix-summary are as of the latest batch ingested, not a",
                "month: --period only names the file.",
                "Every report is registered in the control database with the Iceberg snapshots it read;",
                "--reproduce ID renders it again from those snapshots, with identical figures."},
        footer = {"", "Examples:",
                "  cdht bulletin --kind province --scope 51 --period 2026-10",
                "  cdht bulletin --kind commune --scope 51 --all",
                "  cdht bulletin --kind stats-table --scope 51 --format xlsx",
                "  cdht bulletin --kind unit-report --scope 21157 --unit-category school --format xlsx",
                "  cdht bulletin --kind unit-list --scope B51pzCjW --period 2026-10",
                "  cdht bulletin --kind fix-list --scope B51pzCjW",
                "  cdht bulletin --kind fix-list --scope B51pzCjW --format xlsx",
                "  cdht bulletin --kind fix-summary --scope 51 --format xlsx",
                "  cdht bulletin --list",
                "  cdht bulletin --reproduce 12"})
final class BulletinCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "province, commune, stats-table, unit-report, unit-list, fix-list or fix-summary.")
    String kind;

    @Option(names = "--scope", paramLabel = "CODE",
            description = "Province code (province, stats-table, commune with --all; a 2025 province for"
                    + " fix-summary), district code (stats-table, 2024 geography), commune code (commune), area code"
                    + " (unit-report) or unit code (unit-list, fix-list: 8 letters and digits, case-sensitive).")
    String scope;

    @Option(names = "--period", paramLabel = "yyyy-MM",
            description = "The month the figures run to (default: the last complete month with figures); for"
                    + " fix-list and fix-summary, which are as of the latest batch, only the name of the file.")
    String period;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pdf",
            description = "pdf (default) or xlsx (stats-table, unit-report, unit-list, fix-list, fix-summary).")
    String format;

    @Option(names = "--all", description = "With --kind commune and a province --scope: every commune of the province.")
    boolean all;

    @Option(names = "--geography", paramLabel = "2024|2025",
            description = "Administrative geography (default: the one in force at the end of the period).")
    String geography;

    @Option(names = "--unit-category", paramLabel = "CATEGORY",
            description = "unit-report only: school, state_agency, commune_committee, association_branch, enterprise,"
                    + " education_centre or other (default: every category).")
    String unitCategory;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: <home>/bulletins).")
    Path out;

    @Option(names = "--reproduce", paramLabel = "ID",
            description = "Render registered report ID again from the snapshots it recorded.")
    Long reproduce;

    @Option(names = "--list", description = "List the latest registered reports.")
    boolean list;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            ReportRegistry registry = new ReportRegistry(ctx.control());
            if (list) {
                printList(ctx, registry.latest(30));
                return 0;
            }
            ReportService service = new BulletinsStage(ctx.installation()).service(out);
            if (reproduce != null) {
                RenderedReport r = service.reproduce(reproduce);
                print(ctx, List.of(r));
                ctx.out().println("Reproduction of report " + reproduce + " from its recorded snapshots.");
                ctx.out().flush();
                return 0;
            }
            if (kind == null || scope == null) {
                throw new IllegalArgumentException("give --kind and --scope (or --list, or --reproduce ID); see cdht bulletin --help");
            }
            Period p = period == null ? service.defaultPeriod(geography) : Period.parse(period);
            ReportRequest request = new ReportRequest(ReportKind.of(kind), scope, p, ReportFormat.of(format), geography,
                    all, unitCategory);
            long started = System.nanoTime();
            List<RenderedReport> rendered = render(ctx, service, request);
            print(ctx, rendered);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (rendered.size() > 1) {
                ctx.out().printf(Locale.ROOT, "%d reports in %.1f s (%.1f reports/s).%n", rendered.size(), seconds,
                        rendered.size() / seconds);
            }
            ctx.out().flush();
            return 0;
        }
    }

    static List<RenderedReport> render(CdhtContext ctx, ReportService service, ReportRequest request) {
        ctx.progress("rendering " + request.kind().code() + " " + request.scope() + (request.all() ? " (every commune)" : "")
                + (request.kind().asOfLatestBatch() ? " as of the latest batch" : " for " + request.period().code()));
        return service.render(request, (done, total, r) -> {
            if (total > 1 && (done % 20 == 0 || done == total)) {
                ctx.progress("rendered " + done + "/" + total);
            }
        });
    }

    static void print(CdhtContext ctx, List<RenderedReport> reports) {
        TextTable t = new TextTable("ID", "KIND", "SCOPE", "PERIOD", "PAGES", "MS", "FILE");
        for (RenderedReport r : reports) {
            t.row(r.id(), r.kind(), r.scope(), r.period(), r.pages() == null ? "" : r.pages(), r.renderMillis(), r.file());
        }
        t.print(ctx.out());
        ctx.out().flush();
    }

    private static void printList(CdhtContext ctx, List<RenderedReport> reports) {
        if (reports.isEmpty()) {
            ctx.out().println("No reports yet: render one with cdht bulletin --kind province --scope CODE.");
            ctx.out().flush();
            return;
        }
        TextTable t = new TextTable("ID", "KIND", "SCOPE", "PERIOD", "FORMAT", "RENDERED", "REPRODUCES", "SHA-256", "FILE");
        for (RenderedReport r : reports) {
            t.row(r.id(), r.kind(), r.scope(), r.period(), r.format(), r.renderedAt(),
                    r.reproducesId() == null ? "" : r.reproducesId(), r.sha256().substring(0, 12), r.file());
        }
        t.print(ctx.out());
        ctx.out().flush();
    }
}
