package vn.cdht.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.orchestration.pipeline.IndicatorsStage;
import vn.cdht.pipelines.indicators.IndicatorsJob;

@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = {"Compute the indicator marts and print each province's headline figures.",
                "A mart whose inputs (table snapshots and SQL models) did not change since its latest run is left as it"
                        + " is (shown as unchanged); --force recomputes it.",
                "Marts (namespace mart, one SQL file each in pipelines/src/main/resources/sql/mart): coverage,",
                "unit_progress, criteria, trend, targets, data_quality, on the 2024 and 2025 geographies; every run",
                "is recorded with the snapshot ids of the tables it read. Definitions: docs/indicators.md."})
final class IndicatorsCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Option(names = "--year", paramLabel = "Y", description = "Year of the headline figures (default: the latest).")
    Integer year;

    @Option(names = "--as-of", paramLabel = "yyyy-MM", description = "Month of the headline figures (default: the latest of the year).")
    String asOf;

    @Option(names = "--force", description = "Recompute every mart, even those whose inputs did not change.")
    boolean force;

    @Override
    public Integer call() {
        if (asOf != null && !asOf.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException("--as-of must be a month as yyyy-MM, not '" + asOf + "'");
        }
        try (CdhtContext ctx = root.context(); HomeLock lock = ctx.lock("cdht indicators")) {
            printMarts(ctx, new IndicatorsStage(ctx.installation()).runRecorded(force));
            printHeadlines(ctx, year, asOf);
            return 0;
        }
    }

    static void printMarts(CdhtContext ctx, List<IndicatorsJob.MartResult> results) {
        TextTable t = new TextTable("MART", "ROWS", "SNAPSHOT ID", "SECONDS");
        results.forEach(r -> t.row(r.mart(), r.rows(), r.snapshotId(),
                r.unchanged() ? "unchanged" : String.format(Locale.ROOT, "%.1f", r.seconds())));
        t.print(ctx.out());
    }

    static void printHeadlines(CdhtContext ctx, Integer year, String asOf) {
        SparkSession spark = ctx.spark();
        String where = year == null ? "year = (SELECT max(year) FROM mart.coverage WHERE geography = '2025')" : "year = " + year;
        String month = asOf == null ? "is_reported_month" : "as_of_month = '" + asOf + "'";
        // the printed counts and the as-of of mart.coverage: the same figures and the same month as the bulletins
        List<Row> rows = spark.sql("SELECT province_code, province_name, year, as_of_month, eligible_printed, registered_printed,"
                + " assessed_printed, achieved_printed, recognised_printed, registered_rate, achieved_rate, approximate,"
                + " month_complete, date_format(as_of_date, 'dd/MM/yyyy')"
                + " FROM mart.coverage WHERE geography = '2025' AND level = 'province' AND " + where + " AND " + month
                + " ORDER BY province_code").collectAsList();
        var out = ctx.out();
        out.println();
        if (rows.isEmpty()) {
            out.println("No figures for " + (year == null ? "the latest year" : year) + (asOf == null ? "" : " as of " + asOf) + ".");
            return;
        }
        out.println("Headline figures, 2025 geography, year " + rows.get(0).getInt(2) + " as of " + rows.get(0).getString(3)
                + (rows.get(0).getBoolean(12) ? "" : " (month not ended: up to " + rows.get(0).getString(13) + ")")
                + " (rates of eligible population; achieved = Đạt self-assessment, recognised = the title):");
        TextTable t = new TextTable("PROVINCE", "ELIGIBLE", "REGISTERED", "ASSESSED", "ACHIEVED", "RECOGNISED", "REGISTERED %", "ACHIEVED %", "COMMUNES < 60%");
        for (Row r : rows) {
            long below = spark.sql("SELECT count(*) FROM mart.coverage WHERE geography = '2025' AND level = 'commune'"
                    + " AND province_code = '" + r.getString(0) + "' AND as_of_month = '" + r.getString(3)
                    + "' AND NOT reaches_threshold").first().getLong(0);
            // communes without data (no_data_reason) are left out of the count, as in every report
            long communes = spark.sql("SELECT count(*) FROM mart.coverage WHERE geography = '2025' AND level = 'commune'"
                    + " AND province_code = '" + r.getString(0) + "' AND as_of_month = '" + r.getString(3) + "'"
                    + " AND no_data_reason IS NULL").first().getLong(0);
            t.row(r.getString(0) + " " + r.getString(1), whole(r, 4), whole(r, 5), whole(r, 6), whole(r, 7), whole(r, 8),
                    percent(r, 9), percent(r, 10), below + " of " + communes);
        }
        t.print(out);
        out.flush();
    }

    private static String whole(Row r, int i) {
        return r.isNullAt(i) ? "" : String.valueOf(r.getLong(i));
    }

    private static String percent(Row r, int i) {
        return r.isNullAt(i) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * r.getDouble(i));
    }
}
