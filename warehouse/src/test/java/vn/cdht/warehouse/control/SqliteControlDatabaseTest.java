package vn.cdht.warehouse.control;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteControlDatabaseTest extends ControlDatabaseContract {

    @TempDir
    Path home;

    @Override
    ControlDatabase database() {
        return new ControlDatabase(new ControlDatabaseSettings("jdbc:sqlite:" + home.resolve("sub/control.db"), null, null));
    }
}
