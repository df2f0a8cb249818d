package vn.cdht.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;
import vn.cdht.pipelines.spark.SparkSessions;
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
            int applied = db.migrate();
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

    SparkSession spark() {
        if (spark == null) {
            progress("starting Spark (" + config.get("spark.master", "local[*]") + ")");
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
