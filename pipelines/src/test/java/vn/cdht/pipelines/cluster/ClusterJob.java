package vn.cdht.pipelines.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.indicators.IndicatorsJob;
import vn.cdht.pipelines.ingest.BatchIngestion;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.pipelines.ingest.PipelineFunctions;
import vn.cdht.pipelines.ingest.StagingArea;
import vn.cdht.pipelines.reference.ReferenceLoad;
import vn.cdht.pipelines.spark.SparkSessions;
import vn.cdht.pipelines.warehouse.WarehouseMigrations;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.catalog.WarehouseInventory;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.control.MartRunLedger;
import vn.cdht.warehouse.ingest.IngestLedger;
import vn.cdht.warehouse.privacy.CitizenKey;
import vn.cdht.warehouse.reference.ReferenceSources;

/**
 * The job {@link StandaloneClusterTest} runs in a JVM of its own (one SparkSession per JVM), configured as the
 * {@code cdht} command is: from a configuration file ({@code spark.master}, {@code spark.conf.*}, ...). On a fresh
 * embedded warehouse in {@code HOME}, it loads the reference data, ingests the export batch in {@code BATCH} and
 * computes the marts.
 *
 * <pre>java [conf/jvm.options] -cp CLASSPATH vn.cdht.pipelines.cluster.ClusterJob CONFIG HOME BATCH</pre>
 */
public final class ClusterJob {

    private ClusterJob() {
    }

    public static void main(String[] args) throws Exception {
        CdhtConfig config = CdhtConfig.load(Path.of(args[1]), Path.of(args[0]), Map.of());
        Path batch = Path.of(args[2]);
        long started = System.nanoTime();
        SparkSession spark = SparkSessions.create(config);
        try {
            log(started, "Spark started on " + spark.sparkContext().master() + " (" + spark.sparkContext().applicationId() + ")");
            new ReferenceLoad(spark, m -> { }).run(new ReferenceSources(Optional.empty()).readAll());
            log(started, "reference data loaded");
            WarehouseMigrations.of(spark, m -> { }).migrate();
            PipelineFunctions.register(spark, new CitizenKey(SharedWarehouse.SECRET));
            ControlDatabase control = new ControlDatabase(ControlDatabaseSettings.from(config));
            control.migrate();
            StagingArea staging = new StagingArea(config.require("ingest.staging-dir"), spark);
            IngestReport report = new BatchIngestion(spark, new IngestLedger(control), staging, m -> { }).run(batch);
            log(started, "ingested: " + report);
            if (report.outcome() != IngestReport.Outcome.INGESTED) {
                throw new IllegalStateException("batch not ingested: " + report);
            }
            WarehouseInventory inventory = new WarehouseInventory(IcebergCatalogs.open(CatalogSettings.from(config)));
            List<IndicatorsJob.MartResult> marts = new IndicatorsJob(spark, inventory, new MartRunLedger(control), m -> { }).run(null);
            log(started, "marts computed: " + marts);
        } finally {
            spark.stop();
        }
        log(started, "done");
        System.exit(0);
    }

    private static void log(long started, String message) {
        System.err.printf("[ClusterJob %5.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
    }
}
