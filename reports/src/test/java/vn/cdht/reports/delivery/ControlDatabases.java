package vn.cdht.reports.delivery;

import java.nio.file.Path;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.testing.TestPostgres;

/** Migrated control databases for the contracts: a SQLite file, or a fresh database on the PostgreSQL test server. */
final class ControlDatabases {

    private ControlDatabases() {
    }

    static ControlDatabase sqlite(Path dir) {
        return migrated(new ControlDatabase(new ControlDatabaseSettings("jdbc:sqlite:" + dir.resolve("control.db"), null, null)));
    }

    static ControlDatabase postgres() {
        return migrated(new ControlDatabase(new ControlDatabaseSettings(
                TestPostgres.freshDatabase(), TestPostgres.user(), TestPostgres.password())));
    }

    private static ControlDatabase migrated(ControlDatabase db) {
        db.migrate();
        return db;
    }
}
