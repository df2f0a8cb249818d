package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;

/**
 * cdht status on a merge-on-read table after an update, written through the Iceberg Java API (no Spark): live rows,
 * snapshots, data files and delete files.
 */
class StatusCommandTest {

    @TempDir
    Path home;

    @Test
    void showsLiveRowsSnapshotsDataFilesAndThePendingDeleteFiles() throws Exception {
        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        try {
            ((SupportsNamespaces) catalog).createNamespace(Namespace.of("core"));
            Table units = catalog.createTable(TableIdentifier.of("core", "units"),
                    new Schema(Types.NestedField.optional(1, "unit_code", Types.StringType.get())),
                    PartitionSpec.unpartitioned(), Map.of("format-version", "2", "write.merge.mode", "merge-on-read"));
            DataFile first = write(units, List.of("A", "B", "C"));
            units.newAppend().appendFile(first).commit();
            // what a merge-on-read MERGE updating A and B commits: their old rows deleted by position, new ones added
            units.newRowDelta().addRows(write(units, List.of("A", "B"))).addDeletes(deletes(units, first, 0, 1)).commit();
        } finally {
            ((AutoCloseable) catalog).close();
        }

        CliRun run = CliRun.of(Map.of(), "status", "--home", home.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ROWS") && run.out().contains("SNAPSHOTS") && run.out().contains("DATA FILES")
                && run.out().contains("DELETE FILES"), run.out());
        Matcher m = Pattern.compile("(?m)^core\\.units\\s+(\\d+)\\s+\\d+\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(?::\\d\\d)?"
                + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$").matcher(run.out());
        assertTrue(m.find(), run.out());
        assertEquals("3", m.group(1), "live rows: " + run.out());
        assertEquals("2", m.group(2), "snapshots: the append and the row delta: " + run.out());
        assertEquals("2", m.group(3), "data files: the first and the updated rows' one: " + run.out());
        assertEquals("1", m.group(4), "delete files: " + run.out());
    }

    private static DataFile write(Table table, List<String> codes) throws Exception {
        DataWriter<Record> w = Parquet.writeData(table.io().newOutputFile(
                        table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet")))
                .schema(table.schema()).createWriterFunc(GenericParquetWriter::create)
                .withSpec(PartitionSpec.unpartitioned()).build();
        try (w) {
            for (String code : codes) {
                GenericRecord r = GenericRecord.create(table.schema());
                r.setField("unit_code", code);
                w.write(r);
            }
        }
        return w.toDataFile();
    }

    private static DeleteFile deletes(Table table, DataFile file, long... positions) throws Exception {
        PositionDeleteWriter<Record> w = Parquet.writeDeletes(table.io().newOutputFile(
                        table.locationProvider().newDataLocation("delete-" + UUID.randomUUID() + ".parquet")))
                .withSpec(PartitionSpec.unpartitioned()).buildPositionWriter();
        try (w) {
            for (long pos : positions) {
                w.write(PositionDelete.<Record>create().set(file.location(), pos));
            }
        }
        return w.toDeleteFile();
    }
}
