package vn.cdht.warehouse.control;

import vn.cdht.warehouse.testing.TestPostgres;

/** The migrations against a real PostgreSQL server (see {@link TestPostgres}). */
class PostgresControlDatabaseTest extends ControlDatabaseContract {

    private ControlDatabase db;

    @Override
    ControlDatabase database() {
        if (db == null) {
            db = new ControlDatabase(new ControlDatabaseSettings(
                    TestPostgres.freshDatabase(), TestPostgres.user(), TestPostgres.password()));
        }
        return db;
    }
}
