package vn.cdht.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.SparkSession;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;

/**
 * What a command works with: the installation (the application's side) and the two streams it prints to. Results go
 * to standard output; progress goes to standard error, so that standard output stays clean for results.
 */
final class CdhtContext implements AutoCloseable {

    private final Installation installation;
    private final PrintWriter out;
    private final PrintWriter err;

    CdhtContext(Path home, Path configFile, Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        this.installation = new Installation(home, configFile, env, this::progress);
    }

    Installation installation() {
        return installation;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    void progress(String message) {
        err.println("… " + message);
        err.flush();
    }

    /** The home's writer lock for {@code command} ("cdht ingest"), or {@link HomeLock.Refused}. */
    HomeLock lock(String command) {
        return HomeLock.acquire(installation, command);
    }

    CdhtConfig config() {
        return installation.config();
    }

    ControlDatabase controlUnmigrated() {
        return installation.controlUnmigrated();
    }

    ControlDatabase control() {
        return installation.control();
    }

    Catalog catalog() {
        return installation.catalog();
    }

    SparkSession spark() {
        return installation.spark();
    }

    SparkSession ingestionSpark() {
        return installation.ingestionSpark();
    }

    vn.cdht.warehouse.ingest.IngestLedger ingestLedger() {
        return installation.ingestLedger();
    }

    vn.cdht.pipelines.ingest.StagingArea staging() {
        return installation.staging();
    }

    vn.cdht.warehouse.privacy.PseudonymSecret pseudonymSecret() {
        return installation.pseudonymSecret();
    }

    @Override
    public void close() {
        installation.close();
    }
}
