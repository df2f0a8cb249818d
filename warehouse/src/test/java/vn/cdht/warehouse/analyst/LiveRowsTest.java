package vn.cdht.warehouse.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.cdht.warehouse.analyst.IcebergFixture.row;

import java.nio.file.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.catalog.TableStatus;
import vn.cdht.warehouse.catalog.WarehouseInventory;

/** Live rows of merge-on-read tables, through the inventory that cdht status prints. */
class LiveRowsTest {

    @TempDir
    Path home;

    @Test
    void positionDeletesAreSubtractedOnceEach() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Table t = f.create("core", "units", "unit_code string");
            WarehouseInventory inventory = new WarehouseInventory(f.catalog);
            DataFile a = f.append(t, row("unit_code", "A"), row("unit_code", "B"), row("unit_code", "C"), row("unit_code", "D"));
            DataFile e = f.append(t, row("unit_code", "E"), row("unit_code", "F"));
            assertEquals(new Counts(6, 0), counts(inventory));

            f.deletePositions(t, a, 0, 2);
            assertEquals(new Counts(4, 1), counts(inventory));
            // an update as MERGE writes it: the old version deleted by position, the new one appended
            f.deletePositions(t, e, 0);
            f.append(t, row("unit_code", "E2"));
            // the same row deleted again by a later delete file counts once
            f.deletePositions(t, a, 0);
            t.refresh();
            assertEquals("7", t.currentSnapshot().summary().get(SnapshotSummary.TOTAL_RECORDS_PROP));
            assertEquals(new Counts(4, 3), counts(inventory));
        }
    }

    @Test
    void equalityDeletesLeaveTheCountUnknown() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Table t = f.create("core", "units", "unit_code string");
            f.append(t, row("unit_code", "A"), row("unit_code", "B"));
            f.deleteEqual(t, "unit_code", "A");
            TableStatus s = new WarehouseInventory(f.catalog).status(TableIdentifier.of("core", "units"));
            assertEquals(new Counts(LiveRows.UNKNOWN, 1), new Counts(s.rows(), s.deleteFiles()));
        }
    }

    record Counts(long rows, int deleteFiles) {
    }

    private static Counts counts(WarehouseInventory inventory) {
        TableStatus s = inventory.tables().get(0);
        return new Counts(s.rows(), s.deleteFiles());
    }
}
