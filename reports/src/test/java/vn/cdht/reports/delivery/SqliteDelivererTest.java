package vn.cdht.reports.delivery;

import vn.cdht.warehouse.control.ControlDatabase;

class SqliteDelivererTest extends DelivererContract {

    @Override
    ControlDatabase database() {
        return ControlDatabases.sqlite(dir);
    }
}
