package vn.cdht.warehouse.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.config.CdhtConfig;

/** The inventory through the Iceberg Java API alone (no Spark), on the embedded SQLite catalog. */
class WarehouseInventoryTest {

    @TempDir
    Path home;

    @Test
    void listsEveryTableWithItsRowsAndSnapshot() {
        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        ((SupportsNamespaces) catalog).createNamespace(Namespace.of("ref"));
        Schema schema = new Schema(Types.NestedField.required(1, "commune_code", Types.StringType.get()));
        Table filled = catalog.createTable(TableIdentifier.of("ref", "communes"), schema);
        catalog.createTable(TableIdentifier.of("ref", "empty"), schema);
        // A commit that references a data file of 3 rows: the inventory reads counts from metadata only.
        filled.newAppend().appendFile(DataFiles.builder(PartitionSpec.unpartitioned())
                .withPath(home.resolve("f.parquet").toString()).withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(100).withRecordCount(3).build()).commit();

        List<TableStatus> tables = new WarehouseInventory(catalog).tables();
        assertEquals(List.of("ref.communes", "ref.empty"), tables.stream().map(TableStatus::qualifiedName).toList());
        assertEquals(3, tables.get(0).rows());
        assertNotNull(tables.get(0).snapshotId());
        assertEquals(0, tables.get(1).rows());
        assertNull(tables.get(1).snapshotId());
    }
}
