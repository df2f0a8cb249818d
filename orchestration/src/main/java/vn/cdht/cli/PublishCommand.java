package vn.cdht.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.orchestration.pipeline.PublishStage;
import vn.cdht.warehouse.analyst.PublishResult;
import vn.cdht.warehouse.analyst.PublishedTable;
import vn.cdht.warehouse.analyst.SkippedView;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Write the analyst database: a DuckDB file of the marts, reference data and de-identified core tables.",
                "Copies the current snapshot of every table of 'mart' and 'ref' and of core.units, accounts,",
                "self_assessments, yearly_assessments, recognitions and population (never raw, restricted or",
                "quarantine), adds the tables metadata and published_tables and the views with Vietnamese column",
                "names, checks that no text looks like a CCCD, and replaces the file atomically: readers that have",
                "the old file open keep reading it. Reads Iceberg metadata and Parquet files only (no Spark)."},
        footer = {"", "Examples:",
                "  cdht publish",
                "  cdht publish --out /srv/share/analyst.duckdb",
                "  duckdb -readonly var/analyst.duckdb     # then open it in any DuckDB client (docs/analyst-guide.md)"})
final class PublishCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the DuckDB file (default: the configuration key analyst.database, <home>/analyst.duckdb).")
    Path out;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context(); HomeLock lock = ctx.lock("cdht publish")) {
            PublishStage stage = new PublishStage(ctx.installation());
            print(ctx, out == null ? stage.run() : stage.run(out));
            return 0;
        }
    }

    static void print(CdhtContext ctx, PublishResult result) {
        var w = ctx.out();
        if (result.tables().isEmpty()) {
            w.println("No tables to publish yet: run 'cdht reference load' or 'cdht demo' first.");
        } else {
            TextTable t = new TextTable("TABLE", "ROWS", "SNAPSHOT ID", "");
            for (PublishedTable p : result.tables()) {
                t.row(p.qualifiedName(), p.rows(), p.snapshotId() == null ? "(empty)" : p.snapshotId(),
                        p.copied() ? "copied" : "unchanged, kept");
            }
            t.print(w);
            long copied = result.tables().stream().filter(PublishedTable::copied).count();
            w.println(result.tables().size() + " tables, " + copied + " copied from Iceberg, "
                    + (result.tables().size() - copied) + " unchanged since the last publish.");
        }
        w.println("Views: " + (result.views().isEmpty() ? "none" : String.join(", ", result.views())));
        for (SkippedView v : result.skippedViews()) {
            w.println("Skipped view " + v.name() + ": " + v.reason());
        }
        w.println("Analyst database: " + result.database() + " (open read-only: duckdb -readonly " + result.database() + ")");
        w.flush();
    }
}
