package vn.cdht.reports.delivery;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.control.ControlDatabase;

class SqliteSubscriptionsTest extends SubscriptionsContract {

    @TempDir
    Path dir;

    @Override
    ControlDatabase database() {
        return ControlDatabases.sqlite(dir);
    }
}
