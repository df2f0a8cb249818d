package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;

/** cdht publish on a catalog of empty Iceberg tables (the warehouse module tests the copying of data). */
class PublishCommandTest {

    @TempDir
    Path home;

    /** Creates mart.coverage, ref.provinces_2025 and restricted.citizens, without data. */
    static void emptyTables(Path home) throws Exception {
        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        try {
            for (String ns : new String[] {"mart", "ref", "restricted"}) {
                ((SupportsNamespaces) catalog).createNamespace(Namespace.of(ns));
            }
            catalog.createTable(TableIdentifier.of("mart", "coverage"), new Schema(
                    Types.NestedField.optional(1, "geography", Types.StringType.get()),
                    Types.NestedField.optional(2, "eligible", Types.DecimalType.of(16, 2))));
            catalog.createTable(TableIdentifier.of("ref", "provinces_2025"), new Schema(
                    Types.NestedField.optional(1, "province_code", Types.StringType.get())));
            catalog.createTable(TableIdentifier.of("restricted", "citizens"), new Schema(
                    Types.NestedField.optional(1, "full_name", Types.StringType.get())));
        } finally {
            ((AutoCloseable) catalog).close();
        }
    }

    @Test
    void helpStartsWithASummaryAndEndsWithExamples() {
        CliRun run = CliRun.of(Map.of(), "publish", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Write the analyst database"), run.out());
        assertTrue(run.out().contains("Examples:"), run.out());
    }

    @Test
    void publishesToTheConfiguredFileAndSaysWhatItWrote() throws Exception {
        emptyTables(home);
        CliRun run = CliRun.of(Map.of(), "publish", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mart.coverage"), run.out());
        assertTrue(run.out().contains("ref.provinces_2025"), run.out());
        assertTrue(!run.out().contains("restricted"), run.out());
        assertTrue(run.out().contains("Skipped view do_phu_xa: analyst/views/do_phu_xa.sql does not match mart.coverage"), run.out());
        assertTrue(run.out().contains("Skipped view tien_do_don_vi: mart.unit_progress not published"), run.out());
        assertTrue(run.out().contains("Analyst database: " + home.toAbsolutePath().normalize().resolve("analyst.duckdb")), run.out());
        assertTrue(Files.isRegularFile(home.resolve("analyst.duckdb")));

        Path other = home.resolve("out/other.duckdb");
        CliRun second = CliRun.of(Map.of(), "publish", "--home", home.toString(), "--out", other.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(Files.isRegularFile(other));
    }

    @Test
    void theTemporaryFilesOfAKilledPublishAreRemovedByTheNext() throws Exception {
        emptyTables(home);
        Path leftover = Files.writeString(home.resolve("analyst.duckdb.tmp-0badf00d"), "half a database");
        Path leftoverWal = Files.writeString(home.resolve("analyst.duckdb.tmp-0badf00d.wal"), "its log");
        Path unrelated = Files.writeString(home.resolve("notes.tmp-1"), "not ours");
        CliRun run = CliRun.of(Map.of(), "publish", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.notExists(leftover) && Files.notExists(leftoverWal), "leftovers of a killed publish removed");
        assertTrue(Files.exists(unrelated));
        try (var files = Files.list(home)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".tmp-") && !n.equals("notes.tmp-1")).toList());
        }
    }
}
