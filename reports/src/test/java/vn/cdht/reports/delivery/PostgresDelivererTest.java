package vn.cdht.reports.delivery;

import vn.cdht.warehouse.control.ControlDatabase;

/** Against a real PostgreSQL server (see vn.cdht.warehouse.testing.TestPostgres). */
class PostgresDelivererTest extends DelivererContract {

    @Override
    ControlDatabase database() {
        return ControlDatabases.postgres();
    }
}
