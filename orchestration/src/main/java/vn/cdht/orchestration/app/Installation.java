package vn.cdht.orchestration.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.ingest.PipelineFunctions;
import vn.cdht.pipelines.ingest.StagingArea;
import vn.cdht.pipelines.reference.ReferenceLoad;
import vn.cdht.pipelines.spark.SparkSessions;
import vn.cdht.pipelines.warehouse.WarehouseMigrations;
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
 * One installation of cdht as the application sees it, each part opened on first use: the configuration, the control
 * database (migrated on first use), the Iceberg catalog and the SparkSession. It prints nothing: what it has to say
 * while it works goes to its progress listener. Closing it stops the SparkSession it started.
 */
public final class Installation implements AutoCloseable {

    private final CdhtConfig config;
    private final Map<String, String> env;
    private final Consumer<String> progress;
    private ControlDatabase control;
    private Catalog catalog;
    private SparkSession spark;
    private PseudonymSecret pseudonymSecret;
    private boolean ingestionReady;
    /** {@link #ensureReference()} found the reference current: once per installation object is enough. */
    private boolean referenceChecked;
    private boolean abandonedBatchesChecked;

    /** @param progress what the application says while it works, for a person watching (one line each) */
    public Installation(Path home, Path configFile, Map<String, String> env, Consumer<String> progress) {
        this.config = CdhtConfig.load(home, configFile, env);
        this.env = Map.copyOf(env);
        this.progress = progress;
    }

    public CdhtConfig config() {
        return config;
    }

    /** The process environment, for the secrets the configuration names (passwords in variables). */
    public Map<String, String> env() {
        return env;
    }

    public void progress(String message) {
        progress.accept(message);
    }

    /** The control database without migrating it (for db info / db migrate). */
    public ControlDatabase controlUnmigrated() {
        return new ControlDatabase(ControlDatabaseSettings.from(config));
    }

    /** The control database, migrated to the newest version on first use. */
    public ControlDatabase control() {
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

    public Catalog catalog() {
        if (catalog == null) {
            catalog = IcebergCatalogs.open(CatalogSettings.from(config));
        }
        return catalog;
    }

    /**
     * The ingestion ledger. On first use, a batch left 'running' by a process of this host that is gone (killed,
     * crashed) is marked failed and its local staging (rows in clear) removed, so that no reader sees it "running".
     */
    public IngestLedger ingestLedger() {
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

    public StagingArea staging() {
        return new StagingArea(config.require("ingest.staging-dir"), spark());
    }

    /**
     * The pseudonymisation secret ingestion uses, checked against the one the warehouse was built with (recorded on
     * first use); generated on a fresh embedded installation (see {@link IngestionSecret}).
     */
    public PseudonymSecret pseudonymSecret() {
        if (pseudonymSecret == null) {
            pseudonymSecret = IngestionSecret.resolve(config, () -> new PseudonymKeyRegistry(control()), this::progress);
        }
        return pseudonymSecret;
    }

    /**
     * Spark ready for ingestion: the reference data loaded (a quick no-op when unchanged), the warehouse's tables at the
     * newest version ({@link WarehouseMigrations}: a new installation gets them, an older one upgrades itself), the SQL
     * functions and the citizen pseudonym ({@link #pseudonymSecret()}).
     */
    public SparkSession ingestionSpark() {
        if (!ingestionReady) {
            PseudonymSecret secret = pseudonymSecret();
            SparkSession s = spark();
            new ReferenceLoad(s, this::progress).run(ReferenceSources.from(config).readAll());
            warehouseMigrations().migrate();
            PipelineFunctions.register(s, new CitizenKey(secret));
            ingestionReady = true;
        }
        return spark();
    }

    /**
     * The reference data loaded when its files or models changed since it was loaded: a run with nothing to ingest
     * starts Spark only then (it is checked against the fingerprints in the catalog).
     */
    public void ensureReference() {
        if (ingestionReady || referenceChecked) {
            return;
        }
        if (!ReferenceLoad.upToDate(ReferenceSources.from(config).readAll(), catalog())) {
            ingestionSpark();
        }
        referenceChecked = true;
    }

    /** The migrations of this installation's warehouse (its stateful Iceberg tables), on its SparkSession. */
    public WarehouseMigrations warehouseMigrations() {
        return WarehouseMigrations.of(spark(), this::progress);
    }

    public SparkSession spark() {
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
