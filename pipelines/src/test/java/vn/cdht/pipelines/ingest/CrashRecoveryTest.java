package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.generator.GeneratorSpec;
import vn.cdht.generator.OperationalDataGenerator;
import vn.cdht.generator.OutputFormat;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.source.files.BatchFiles;
import vn.cdht.pipelines.source.files.SourceFile;
import vn.cdht.pipelines.source.files.SourceFileReader;

/**
 * A batch interrupted half-way (units and accounts committed, the rest not) leaves a consistent warehouse, and
 * running the batch again completes it: the result is the same as an uninterrupted run, counts included.
 */
class CrashRecoveryTest {

    private static final String[] TABLES = {
        "SELECT * EXCEPT (batch_id) FROM core.units", "SELECT * EXCEPT (batch_id) FROM core.accounts",
        "SELECT * EXCEPT (batch_id) FROM core.self_assessments", "SELECT * FROM core.yearly_assessments",
        "SELECT * EXCEPT (batch_id, quarantined_at) FROM quarantine.rows",
    };
    private final SparkSession spark = SharedWarehouse.spark();

    @Test
    void rerunningAnInterruptedBatchCompletesItExactly(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export");
        new OperationalDataGenerator(m -> { }).generate(
                new GeneratorSpec("old:62", 2024, 2025, 0.001, 11, OutputFormat.CSV, export, 0.02, Optional.empty()));

        SharedWarehouse.clearIngestedData();
        IngestReport uninterrupted = ingestion().run(export);
        List<List<Row>> expected = contents();

        SharedWarehouse.clearIngestedData();
        forgetBatch(uninterrupted.batchId());
        // The interrupted attempt: the ledger says running, units and accounts are in, nothing else.
        try (BatchFiles batch = BatchFiles.open(export)) {
            SharedWarehouse.ledger().begin(uninterrupted.batchId(), "files", export.toString(), batch.checksum());
            StagingArea staging = SharedWarehouse.staging();
            for (SourceFile f : batch.matched()) {
                try (StagingArea.Writer w = staging.open(uninterrupted.batchId(), f.requireEntity(), f.name())) {
                    SourceFileReader.read(f, w);
                }
            }
            EntityLoad load = new EntityLoad(spark);
            for (CoreEntity e : List.of(CoreEntity.UNITS, CoreEntity.ACCOUNTS)) {
                load.run(e, uninterrupted.batchId(), Instant.now(), staging.location(uninterrupted.batchId(), e.source()));
            }
        }
        assertTrue(spark.table("core.accounts").count() > 0);
        assertEquals(0, spark.table("core.self_assessments").count(), "the crash came before the assessments");

        IngestReport resumed = ingestion().run(export);
        assertEquals(IngestReport.Outcome.INGESTED, resumed.outcome());
        assertEquals(uninterrupted.batchId(), resumed.batchId());
        assertEquals(counts(uninterrupted), counts(resumed), "the same reconciliation as without the crash");
        assertEquals(expected, contents());
        assertEquals("succeeded", SharedWarehouse.ledger().batch(resumed.batchId()).orElseThrow().status());
    }

    private static List<String> counts(IngestReport r) {
        return r.files().stream().map(f -> f.fileName() + ":" + f.rowsRead() + "/" + f.rowsAccepted() + "/"
                + f.rowsQuarantined() + "/" + f.rowsSuperseded()).sorted().toList();
    }

    private static BatchIngestion ingestion() {
        return new BatchIngestion(SharedWarehouse.spark(), SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { });
    }

    /** Marks the batch as never finished, as the crashed process would have left it. */
    private static void forgetBatch(String batchId) {
        SharedWarehouse.ledger().begin(batchId, "files", "", null);
    }

    private List<List<Row>> contents() {
        return java.util.Arrays.stream(TABLES).map(sql -> {
            var df = spark.sql(sql);
            return df.orderBy(df.columns()[0], df.columns()[1], df.columns()[2]).collectAsList();
        }).toList();
    }
}
