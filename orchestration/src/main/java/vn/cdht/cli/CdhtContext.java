package vn.cdht.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.ingest.IngestTables;
import vn.cdht.pipelines.ingest.PipelineFunctions;
import vn.cdht.pipelines.ingest.StagingArea;
import vn.cdht.pipelines.reference.ReferenceLoad;
import vn.cdht.pipelines.spark.SparkSessions;
import vn.cdht.warehouse.ingest.IngestLedger;
import vn.cdht.warehouse.privacy.CitizenKey;
import vn.cdht.warehouse.privacy.IngestionSecret;
import vn.cdht.warehouse.privacy.PseudonymKeyRegistry;
import vn.cdht.warehouse.privacy.PseudonymSecret;
import vn.cdht.warehouse.reference.ReferenceSources;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;

/**
 * What a command works with, opened on first use: the configuration, the control database (migrated on first use),
 * the Iceberg catalog and the SparkSession. Closing it stops the SparkSession it started.
 */
final class CdhtContext implements AutoCloseable {

    private final CdhtConfig config;
    private final PrintWriter out;
    private final PrintWriter err;
    private ControlDatabase control;
    private Catalog catalog;
    private SparkSession spark;
    private PseudonymSecret pseudonymSecret;
    private boolean ingestionReady;
    private boolean abandonedBatchesChecked;

    CdhtContext(Path home, Path configFile, Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.config = CdhtConfig.load(home, configFile, env);
        this.out = out;
        this.err = err;
    }

    CdhtConfig config() {
        return config;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Progress for a person watching: on standard error, so that standard output stays clean for results. */
    void progress(String message) {
        err.println("… " + message);
        err.flush();
    }

    /** The control database without migrating it (for db info / db migrate). */
    ControlDatabase controlUnmigrated() {
        return new ControlDatabase(ControlDatabaseSettings.from(config));
    }

    /** The control database, migrated to the newest version on first use. */
    ControlDatabase control() {
        if (control == null) {
            ControlDatabase db = controlUnmigrated();
            int applied = db.migrateIfPending();
            if (applied > 0) {
                progress("control database migrated (" + applied + " migration" + (applied == 1 ? "" : "s") + ")");
            }
            control = db;
        }
        return control;
    }

    Catalog catalog() {
        if (catalog == null) {
            catalog = IcebergCatalogs.open(CatalogSettings.from(config));
        }
        return catalog;
    }

    /**
     * The ingestion ledger. On first use, a batch left 'running' by a process of this host that is gone (killed,
     * crashed) is marked failed and its local staging (rows in clear) removed, so that no reader sees it "running".
     */
    IngestLedger ingestLedger() {
        IngestLedger ledger = new IngestLedger(control());
        if (!abandonedBatchesChecked) {
            abandonedBatchesChecked = true;
            for (String batch : ledger.failAbandoned(false)) {
                progress("batch " + batch + " was left unfinished by a process that stopped: marked failed (ingest it"
                        + " again to complete it)");
                HomeLock.localStaging(this).ifPresent(dir -> {
                    try {
                        HomeLock.deleteTree(dir.resolve(batch));
                    } catch (java.io.IOException e) {
                        progress("could not remove the staging of batch " + batch + ": " + e.getMessage());
                    }
                });
            }
        }
        return ledger;
    }

    StagingArea staging() {
        return new StagingArea(config.require("ingest.staging-dir"), spark());
    }

    /**
     * The pseudonymisation secret ingestion uses, checked against the one the warehouse was built with (recorded on
     * first use); generated on a fresh embedded installation (see {@link IngestionSecret}).
     */
    PseudonymSecret pseudonymSecret() {
        if (pseudonymSecret == null) {
            pseudonymSecret = IngestionSecret.resolve(config, () -> new PseudonymKeyRegistry(control()), this::progress);
        }
        return pseudonymSecret;
    }

    /**
     * Spark ready for ingestion: the reference data loaded (a quick no-op when unchanged), the ingestion tables, the
     * SQL functions and the citizen pseudonym ({@link #pseudonymSecret()}).
     */
    SparkSession ingestionSpark() {
        if (!ingestionReady) {
            PseudonymSecret secret = pseudonymSecret();
            SparkSession s = spark();
            new ReferenceLoad(s, this::progress).run(ReferenceSources.from(config).readAll());
            IngestTables.ensure(s);
            PipelineFunctions.register(s, new CitizenKey(secret));
            ingestionReady = true;
        }
        return spark();
    }

    SparkSession spark() {
        if (spark == null) {
            progress("starting Spark (" + config.get("spark.master", "local[*]") + ")");
            if (System.console() != null && System.getProperty("spark.ui.showConsoleProgress") == null) {
                // Spark's own progress bar of jobs and stages, on a terminal only (SparkConf reads spark.* properties)
                System.setProperty("spark.ui.showConsoleProgress", "true");
            }
            spark = SparkSessions.create(config);
        }
        return spark;
    }

    @Override
    public void close() {
        if (catalog instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a catalog connection pool cannot lose data
            }
        }
        if (spark != null) {
            spark.stop();
        }
    }
}
