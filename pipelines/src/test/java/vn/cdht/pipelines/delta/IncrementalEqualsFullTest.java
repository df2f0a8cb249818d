package vn.cdht.pipelines.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.generator.GeneratorSpec;
import vn.cdht.generator.OperationalDataGenerator;
import vn.cdht.generator.OutputFormat;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.pipelines.ingest.BatchIngestion;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.pipelines.models.ModelGraph;
import vn.cdht.pipelines.spark.SqlModel;
import vn.cdht.warehouse.control.MartRunLedger;

/**
 * Incremental equals full: a random sequence of batches (RandomBatches: new rows, changed rows, deletions, accounts
 * moved to the other geography, a late orphan resolved), each ingested and followed by the indicators as a nightly
 * run does, every agg table maintained by delta. After the last batch {@code core.yearly_assessments} and every
 * {@code agg.*} table equal their SQL model computed whole over core, and every mart equals a rebuild of everything
 * from the same core ({@code EXCEPT ALL} both ways; DOUBLE columns rounded to 9 decimals, the order Spark adds doubles in
 * being free). A compaction half-way (the replace commits of {@code cdht maintain}) must change nothing.
 * The seed is fixed so that CI runs the same sequence; {@code -Dcdht.test.seed=N} tries another.
 */
class IncrementalEqualsFullTest {

    private static final long SEED = Long.getLong("cdht.test.seed", 20261202L);
    private static final int BATCHES = 2;

    private final SparkSession spark = SharedWarehouse.spark();

    @Test
    void aRandomSequenceOfBatchesMaintainedByDeltaEqualsARebuild(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full");
        new OperationalDataGenerator(m -> { }).generate(new GeneratorSpec("old:62", 2024, 2026, 0.002, SEED,
                OutputFormat.CSV, full, 0.0, Optional.empty(), LocalDate.of(2026, 12, 1)));
        SharedWarehouse.clearIngestedData();
        ingest(full);
        List<String> log = new ArrayList<>();
        log.add("seed " + SEED);
        log.add(describe(indicators(false)));

        RandomBatches batches = new RandomBatches(full, SEED);
        for (int b = 1; b <= BATCHES; b++) {
            Path folder = dir.resolve("batch-" + b);
            log.add(batches.write(folder, 12));
            if (b == 2) {
                // as cdht maintain does between nights: replace commits, no row changed
                compact("core.changes", "core.self_assessments", "core.yearly_assessments", "agg.commune_months");
            }
            ingest(folder);
            Map<String, String> how = indicators(false);
            log.add(describe(how));
            String context = String.join("\n", log);
            assertTrue(how.values().stream().allMatch(h -> h.equals("delta")), "the agg tables were maintained by delta\n" + context);
            if (b < BATCHES) {
                continue; // compared after the last batch: a difference made on the way would still be there
            }
            assertSameRows(context + "\ncore.yearly_assessments after batch " + b, "core.yearly_assessments",
                    SqlModel.load("core", "yearly_assessments").select());
            ModelGraph models = ModelGraph.load();
            for (ModelGraph.Model agg : models.layer("agg")) {
                for (ModelGraph.Model view : models.intermediatesOf(agg)) {
                    spark.sql(view.sql().select()).createOrReplaceTempView("int_" + view.name());
                }
                assertSameRows(context + "\n" + agg.qualifiedName() + " after batch " + b, agg.qualifiedName(), agg.sql().select());
            }
        }

        Map<String, Long> incremental = new LinkedHashMap<>();
        for (String mart : IndicatorsJob.marts()) {
            incremental.put(mart, snapshot("mart." + mart));
        }
        indicators(true);
        for (Map.Entry<String, Long> m : incremental.entrySet()) {
            assertSameRows(String.join("\n", log) + "\nmart." + m.getKey() + ": incremental ↔ rebuilt",
                    "mart." + m.getKey() + " VERSION AS OF " + m.getValue(), "mart." + m.getKey());
        }
    }

    private void ingest(Path folder) {
        IngestReport r = new BatchIngestion(spark, SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { }).run(folder);
        assertEquals(IngestReport.Outcome.INGESTED, r.outcome(), folder.toString());
    }

    /** Runs the indicators; per agg table: "delta", "rebuilt" or "unchanged". */
    private Map<String, String> indicators(boolean force) {
        Map<String, String> how = new LinkedHashMap<>();
        new IndicatorsJob(spark, SharedWarehouse.inventory(), new MartRunLedger(SharedWarehouse.control()), m -> {
            for (ModelGraph.Model agg : ModelGraph.load().layer("agg")) {
                String name = agg.qualifiedName();
                if (m.startsWith("maintained " + name + " by delta")) {
                    how.put(name, "delta");
                } else if (m.startsWith("computed " + name)) {
                    how.put(name, "rebuilt");
                } else if (m.startsWith(name + " unchanged")) {
                    how.put(name, "unchanged");
                }
            }
        }).run(null, force);
        return how;
    }

    private static String describe(Map<String, String> how) {
        return "  indicators: " + how;
    }

    private void compact(String... tables) throws Exception {
        for (String t : tables) {
            String qualified = spark.sessionState().catalogManager().currentCatalog().name() + "." + t;
            SparkActions.get(spark).rewriteDataFiles(Spark3Util.loadIcebergTable(spark, qualified)).option("rewrite-all", "true")
                    .execute();
        }
    }

    private long snapshot(String table) {
        return spark.sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC LIMIT 1").first().getLong(0);
    }

    /** {@code table} (a table, or a table at a snapshot) and {@code query} hold the same rows, duplicates counted. */
    private void assertSameRows(String message, String table, String query) {
        String name = table.split(" ")[0];
        String columns = Arrays.stream(spark.table(name).schema().fields())
                .map(f -> f.dataType().equals(DataTypes.DoubleType) ? "round(" + f.name() + ", 9) AS " + f.name() : f.name())
                .collect(Collectors.joining(", "));
        String left = "SELECT " + columns + " FROM " + table;
        String right = "SELECT " + columns + " FROM (" + query + ") q";
        var onlyLeft = spark.sql(left + " EXCEPT ALL " + right).collectAsList();
        var onlyRight = spark.sql(right + " EXCEPT ALL " + left).collectAsList();
        assertEquals("0/0", onlyLeft.size() + "/" + onlyRight.size(), message
                + ": rows only in the maintained table / only in the rebuild (of " + spark.sql(left).count() + ")"
                + "\nmaintained: " + onlyLeft.stream().limit(5).toList() + "\nrebuilt: " + onlyRight.stream().limit(5).toList());
    }
}
