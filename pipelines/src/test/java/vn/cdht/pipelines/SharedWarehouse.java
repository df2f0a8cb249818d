package vn.cdht.pipelines;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.ingest.DatabaseIngestion;
import vn.cdht.pipelines.ingest.PipelineFunctions;
import vn.cdht.pipelines.ingest.StagingArea;
import vn.cdht.pipelines.reference.ReferenceLoad;
import vn.cdht.pipelines.warehouse.WarehouseMigrations;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.ingest.IngestLedger;
import vn.cdht.warehouse.privacy.CitizenKey;
import vn.cdht.warehouse.privacy.PseudonymSecret;
import vn.cdht.warehouse.reference.ReferenceSources;

/** The shared test warehouse: reference data loaded once, the warehouse migrated, functions and a migrated ledger. */
public final class SharedWarehouse {

    public static final PseudonymSecret SECRET = PseudonymSecret.of("test secret, not for production".getBytes(StandardCharsets.UTF_8));
    private static boolean ready;
    private static IngestLedger ledger;

    private SharedWarehouse() {
    }

    public static synchronized SparkSession spark() {
        SparkSession spark = SharedSpark.session();
        if (!ready) {
            if (!spark.catalog().tableExists("ref.commune_lookup")) {
                new ReferenceLoad(spark, m -> { }).run(new ReferenceSources(Optional.empty()).readAll());
            }
            WarehouseMigrations.of(spark, m -> { }).migrate();
            PipelineFunctions.register(spark, new CitizenKey(SECRET));
            ControlDatabase control = new ControlDatabase(ControlDatabaseSettings.from(SharedSpark.config()));
            control.migrate();
            ledger = new IngestLedger(control);
            ready = true;
        }
        return spark;
    }

    public static IngestLedger ledger() {
        spark();
        return ledger;
    }

    public static ControlDatabase control() {
        return new ControlDatabase(ControlDatabaseSettings.from(SharedSpark.config()));
    }

    public static vn.cdht.warehouse.catalog.WarehouseInventory inventory() {
        return new vn.cdht.warehouse.catalog.WarehouseInventory(vn.cdht.warehouse.catalog.IcebergCatalogs.open(
                vn.cdht.warehouse.catalog.CatalogSettings.from(SharedSpark.config())));
    }

    public static StagingArea staging() {
        return new StagingArea(SharedSpark.config().require("ingest.staging-dir"), spark());
    }

    public static DatabaseIngestion databaseIngestion() {
        return new DatabaseIngestion(spark(), ledger(), staging(), Duration.ofMinutes(10), 1000, m -> { });
    }

    /** Empties every ingestion table, so that a test starts from a known state. */
    public static void clearIngestedData() {
        SparkSession spark = spark();
        for (String t : new String[] {"raw.accounts", "raw.units", "raw.self_assessments", "raw.recognitions", "raw.population",
                "core.accounts", "core.units", "core.self_assessments", "core.recognitions", "core.population",
                "core.yearly_assessments", "core.versions", "restricted.citizens", "quarantine.rows"}) {
            spark.sql("DELETE FROM " + t);
        }
        // core changed outside a batch: what is maintained from it by delta is rebuilt next time
        vn.cdht.pipelines.delta.ChangeSet.recordRebuild(spark, "test-clear", "all");
    }
}
