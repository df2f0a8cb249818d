package vn.cdht.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.orchestration.pipeline.IngestStage;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.pipelines.ingest.JdbcSource;
import vn.cdht.pipelines.source.files.SourceFileException;
import vn.cdht.warehouse.config.ConfigException;
import vn.cdht.warehouse.ingest.FileRecord;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest an export batch (folder or .zip) or the operational database into the warehouse.",
                "Rows are validated; bad rows go to the quarantine with reason codes and the run goes on; a file",
                "that cannot be read is rejected with a one-line message. Every file reconciles: rows read =",
                "accepted + quarantined + superseded. The same batch twice changes nothing; the database is read",
                "incrementally from the last watermark minus a safety overlap (ingest.jdbc.overlap-minutes)."},
        footer = {"", "Examples:",
                "  cdht ingest /data/inbox/2025-10-export.zip",
                "  cdht ingest --jdbc jdbc:postgresql://replica:5432/cdhtapp --user reader --password-env CDHT_SOURCE_PASSWORD"})
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "PATH", description = "A batch: a folder or a .zip of tai_khoan, don_vi, phieu_danh_gia, cong_nhan, dan_so (.csv or .xlsx).")
        Path path;

        @Option(names = "--jdbc", paramLabel = "URL", description = "The operational PostgreSQL database (read-only replica).")
        String jdbcUrl;
    }

    @Option(names = "--user", paramLabel = "U", description = "Database user (with --jdbc).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Name of the environment variable holding the database password (with --jdbc).")
    String passwordEnv;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context(); HomeLock lock = ctx.lock("cdht ingest")) {
            IngestStage stage = new IngestStage(ctx.installation());
            IngestReport report;
            if (source.path != null) {
                try {
                    report = stage.batch(source.path);
                } catch (SourceFileException refused) {
                    // the batch as a whole (a zip over a limit, two entries of one name): nothing of it was ingested
                    ctx.err().println("cdht ingest: batch refused, nothing of it ingested: " + refused.getMessage()
                            + " (exit code " + ExitCodes.REJECTED + ")");
                    ctx.err().flush();
                    return ExitCodes.REJECTED;
                }
            } else {
                report = stage.database(new JdbcSource(source.jdbcUrl, user, password(ctx)));
            }
            print(ctx, report);
            return exitCode(ctx, report);
        }
    }

    /** {@link ExitCodes#REJECTED} when a file of the batch was refused whole, with a line saying so. */
    static int exitCode(CdhtContext ctx, IngestReport report) {
        List<FileRecord> rejected = report.rejectedFiles();
        if (rejected.isEmpty()) {
            return ExitCodes.OK;
        }
        ctx.err().println("cdht ingest: " + rejected.size() + " file(s) rejected, their rows are not ingested (first: "
                + rejected.get(0).message() + "); deliver them corrected as a new batch (exit code " + ExitCodes.REJECTED + ")");
        ctx.err().flush();
        return ExitCodes.REJECTED;
    }

    private String password(CdhtContext ctx) {
        if (passwordEnv == null) {
            return null;
        }
        String value = root.env().get(passwordEnv);
        if (value == null) {
            throw new ConfigException("the environment variable " + passwordEnv + " (given by --password-env) is not set");
        }
        return value;
    }

    static void print(CdhtContext ctx, IngestReport report) {
        var out = ctx.out();
        out.println("Batch " + report.batchId() + " (" + report.source() + ": " + report.location() + ")");
        if (report.outcome() == IngestReport.Outcome.ALREADY_INGESTED) {
            out.println("Nothing to do: " + report.message() + ".");
        }
        TextTable t = new TextTable("FILE", "ENTITY", "STATUS", "READ", "ACCEPTED", "QUARANTINED", "SUPERSEDED", "ENCODING", "NOTE");
        for (FileRecord f : report.files()) {
            String note = f.message() != null ? f.message()
                    : f.unknownColumns() != null ? "unknown columns ignored: " + f.unknownColumns()
                    : f.trailerRows() > 0 ? f.trailerRows() + " trailer rows (totals, signatures) skipped" : "";
            t.row(f.fileName(), f.entity(), f.status(), f.rowsRead(), f.rowsAccepted(), f.rowsQuarantined(), f.rowsSuperseded(),
                    f.encodingNote(), note);
        }
        t.row("TOTAL", "", report.reconciles() ? "reconciles" : "DOES NOT RECONCILE", report.rowsRead(), report.rowsAccepted(),
                report.rowsQuarantined(), report.rowsSuperseded(), "", "");
        t.print(out);
        if (report.outcome() != IngestReport.Outcome.ALREADY_INGESTED) {
            if (!report.flags().isEmpty()) {
                out.println("Kept with a flag (see docs/data-quality.md):");
                for (Map.Entry<String, Long> e : report.flags().entrySet()) {
                    out.println("  " + e.getKey() + ": " + e.getValue());
                }
            }
            out.println("Assessments whose account has not arrived yet (orphans, resolved when it does): "
                    + report.orphanAssessmentsInCore());
            out.printf("%d rows in %.1f s (%.0f rows/s).%n", report.rowsRead(), report.elapsed().toMillis() / 1000.0,
                    report.rowsPerSecond());
            if (report.rowsQuarantined() > 0) {
                out.println("Quarantined rows by reason: cdht quarantine --batch " + report.batchId());
            }
        }
        out.flush();
    }
}
