package vn.cdht.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"Show rejected rows by reason: counts per entity and reason code, then where each row is.",
                "Reason codes (MISSING_REQUIRED:field, BAD_DATE:field, BAD_CCCD, UNKNOWN_COMMUNE, ...) are defined in",
                "docs/data-quality.md. The rows' content holds personal data: it is shown only with --raw."})
final class QuarantineCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Option(names = "--batch", paramLabel = "ID", description = "Only this batch (default: every batch).")
    String batchId;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20", description = "How many rows to list (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--raw", description = "Also print each row as received (contains personal data: CCCD, names).")
    boolean raw;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            SparkSession spark = ctx.ingestionSpark();
            if (batchId != null && !batchId.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("not a batch id: " + batchId);
            }
            String where = batchId == null ? "" : " WHERE batch_id = '" + batchId + "'";
            var out = ctx.out();
            var byReason = spark.sql("SELECT entity, split(reason, ':')[0] AS code, count(*) AS n FROM quarantine.rows"
                    + " LATERAL VIEW explode(reasons) r AS reason" + where + " GROUP BY entity, code ORDER BY entity, n DESC").collectAsList();
            if (byReason.isEmpty()) {
                out.println("No quarantined rows" + (batchId == null ? "." : " in batch " + batchId + "."));
                return 0;
            }
            out.println("Quarantined rows by reason" + (batchId == null ? "" : " (batch " + batchId + ")") + ":");
            TextTable t = new TextTable("ENTITY", "REASON", "ROWS");
            for (Row r : byReason) {
                t.row(r.getString(0), r.getString(1), r.getLong(2));
            }
            t.print(out);
            out.println();
            TextTable list = raw ? new TextTable("BATCH", "FILE", "ROW", "REASONS", "AS RECEIVED") : new TextTable("BATCH", "FILE", "ROW", "REASONS");
            for (Row r : spark.sql("SELECT batch_id, file_name, row_number, concat_ws(' ', reasons), raw_line FROM quarantine.rows"
                    + where + " ORDER BY batch_id, file_name, row_number LIMIT " + Math.max(0, rows)).collectAsList()) {
                if (raw) {
                    list.row(r.getString(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4));
                } else {
                    list.row(r.getString(0), r.getString(1), r.getLong(2), r.getString(3));
                }
            }
            list.print(out);
            out.flush();
            return 0;
        }
    }
}
