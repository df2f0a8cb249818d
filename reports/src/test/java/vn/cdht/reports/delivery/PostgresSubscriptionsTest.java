package vn.cdht.reports.delivery;

import vn.cdht.warehouse.control.ControlDatabase;

/** Against a real PostgreSQL server (see vn.cdht.warehouse.testing.TestPostgres). */
class PostgresSubscriptionsTest extends SubscriptionsContract {

    @Override
    ControlDatabase database() {
        return ControlDatabases.postgres();
    }
}
