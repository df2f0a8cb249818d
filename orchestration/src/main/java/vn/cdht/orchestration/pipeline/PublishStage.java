package vn.cdht.orchestration.pipeline;

import java.nio.file.Path;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.warehouse.analyst.AnalystDatabasePublisher;
import vn.cdht.warehouse.analyst.PublishResult;

/** The publish stage: the analyst DuckDB database, replaced atomically. */
public final class PublishStage {

    private final Installation app;

    public PublishStage(Installation app) {
        this.app = app;
    }

    /** Publishes to the configured {@code analyst.database}. */
    public PublishResult run() {
        return run(Path.of(app.config().require("analyst.database")));
    }

    public PublishResult run(Path target) {
        app.progress("publishing the analyst database to " + target.toAbsolutePath());
        return new AnalystDatabasePublisher(version()).publish(app.catalog(), target);
    }

    private static String version() {
        String v = PublishStage.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
