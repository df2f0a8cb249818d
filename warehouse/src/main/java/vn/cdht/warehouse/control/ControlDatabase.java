package vn.cdht.warehouse.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The control database: runs, stages, ledgers. SQLite file in the embedded installation, PostgreSQL in production.
 * Its schema is the Flyway migrations under {@code db/migration}.
 */
public final class ControlDatabase {

    private final ControlDatabaseSettings settings;

    public ControlDatabase(ControlDatabaseSettings settings) {
        this.settings = settings;
    }

    public ControlDatabaseSettings settings() {
        return settings;
    }

    public ControlDialect dialect() {
        return settings.dialect();
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        if (dialect() == ControlDialect.SQLITE) {
            createParentFolder();
            // a rollback journal, not WAL: a WAL reader must grow the -shm file, so on a full disk even cdht batches
            // would fail; with a rollback journal, reading needs no space at all
            props.setProperty("journal_mode", "DELETE");
            props.setProperty("busy_timeout", "30000");
            props.setProperty("foreign_keys", "true");
        }
        return DriverManager.getConnection(settings.url(), props);
    }

    /** Binds statement parameters; an {@link java.time.Instant} becomes a timestamp. */
    public static void bind(java.sql.PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof java.time.Instant instant) {
                ps.setTimestamp(i + 1, java.sql.Timestamp.from(instant));
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    /**
     * Migrates only when a migration is pending: an up-to-date database is then only read, so that read-only commands
     * still work on a full disk (Flyway's migrate writes even when there is nothing to do).
     */
    public int migrateIfPending() {
        if (flyway().info().pending().length == 0) {
            return 0;
        }
        return migrate();
    }

    /** Applies pending migrations; returns how many were applied. */
    public int migrate() {
        MigrateResult result = flyway().migrate();
        return result.migrationsExecuted;
    }

    /** Every known migration, applied or pending, in order. */
    public List<AppliedMigration> info() {
        List<AppliedMigration> out = new ArrayList<>();
        for (MigrationInfo mi : flyway().info().all()) {
            out.add(new AppliedMigration(
                    mi.getVersion() == null ? "" : mi.getVersion().getVersion(),
                    mi.getDescription(),
                    mi.getState().getDisplayName(),
                    mi.getInstalledOn() == null ? null : mi.getInstalledOn().toInstant()));
        }
        return out;
    }

    /** The version of the newest applied migration, if any. */
    public Optional<String> version() {
        MigrationInfo current = flyway().info().current();
        return current == null || current.getVersion() == null
                ? Optional.empty() : Optional.of(current.getVersion().getVersion());
    }

    private Flyway flyway() {
        createParentFolder();
        return Flyway.configure()
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .placeholders(dialect().placeholders())
                .loggers("slf4j")
                .load();
    }

    private void createParentFolder() {
        if (dialect() != ControlDialect.SQLITE) {
            return;
        }
        String path = settings.url().substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        Path file = Path.of(q < 0 ? path : path.substring(0, q)).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder of the control database " + file, e);
        }
    }
}
