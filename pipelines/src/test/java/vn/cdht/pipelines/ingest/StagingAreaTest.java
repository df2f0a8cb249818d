package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.cdht.pipelines.SharedSpark;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.warehouse.source.SourceEntity;

class StagingAreaTest {

    @Test
    void everySourcePathHasItsOwnStagedFile() {
        List<String> names = List.of("sub1/a.csv", "sub1_a.csv", "sub1 a.csv", "đợt 1/tai_khoan.csv",
                "___ 1/tai_khoan.csv", "tai_khoan.csv", "_hidden/tai_khoan.csv");
        Set<String> staged = names.stream().map(StagingArea::stagedName).collect(Collectors.toSet());
        assertEquals(names.size(), staged.size(), staged.toString());
        for (String s : staged) {
            assertTrue(s.matches("[0-9a-f]{12}-[A-Za-z0-9._-]+\\.parquet"), s);
        }
        assertEquals(StagingArea.stagedName("sub1/a.csv"), StagingArea.stagedName("sub1/a.csv"));
        assertNotEquals(StagingArea.stagedName("A.csv"), StagingArea.stagedName("a.csv"));
        assertTrue(StagingArea.stagedName("x/".repeat(500) + "tai_khoan.csv").length() < 130, "cut short");
    }

    @Test
    void stagedRowsReadBackAsWrittenWithTheEntitysColumns() throws IOException {
        SparkSession spark = SharedSpark.session();
        StagingArea staging = new StagingArea(SharedSpark.config().require("ingest.staging-dir"), spark);
        String batch = "staging-test-" + System.nanoTime();
        SourceEntity units = SourceEntity.UNITS;
        try {
            assertFalse(staging.has(batch, units));
            Map<String, String> first = new HashMap<>();
            first.put("unit_code", "Xk9mQ2aZ");
            first.put("unit_name", "UBND Phường Kon Tum, \"số 1\"\nhai dòng");
            first.put("member_count", null); // an empty cell
            first.put("not_a_field", "ignored");
            Map<String, String> second = Map.of("unit_code", "B51pzCjW", "updated_at", "2025-08-01T10:00:00");
            try (StagingArea.Writer w = staging.open(batch, units, "đợt 1/don_vi.csv")) {
                w.accept(new SourceRow(2, first, "Xk9mQ2aZ,\"UBND Phường Kon Tum\""));
                w.accept(new SourceRow(7, second, null));
                assertEquals(2, w.rows());
                w.close(); // again: nothing happens
            }
            assertTrue(staging.has(batch, units));

            List<Row> rows = spark.read().parquet(staging.location(batch, units)).orderBy("_row").collectAsList();
            StructType schema = rows.get(0).schema();
            List<String> columns = new ArrayList<>(List.of("_file", "_row", "_raw"));
            columns.addAll(units.fieldNames());
            assertEquals(columns, List.of(schema.fieldNames()));
            assertEquals(DataTypes.LongType, schema.apply("_row").dataType());
            assertEquals(DataTypes.StringType, schema.apply("unit_name").dataType());
            assertEquals(2, rows.size());
            Row r = rows.get(0);
            assertEquals("đợt 1/don_vi.csv", r.getAs("_file"));
            assertEquals(2L, (long) r.getAs("_row"));
            assertEquals("Xk9mQ2aZ,\"UBND Phường Kon Tum\"", r.getAs("_raw"));
            assertEquals("UBND Phường Kon Tum, \"số 1\"\nhai dòng", r.getAs("unit_name"));
            assertNull(r.getAs("member_count"));
            assertNull(r.getAs("updated_at"));
            Row s = rows.get(1);
            assertEquals(7L, (long) s.getAs("_row"));
            assertNull(s.getAs("_raw"));
            assertEquals("B51pzCjW", s.getAs("unit_code"));
            assertEquals("2025-08-01T10:00:00", s.getAs("updated_at"));

            // a second attempt replaces the first one's file; a file with a header and no rows is a file of 0 rows
            try (StagingArea.Writer w = staging.open(batch, units, "đợt 1/don_vi.csv")) {
                w.accept(new SourceRow(3, Map.of("unit_code", "DV3"), "DV3"));
            }
            try (StagingArea.Writer w = staging.open(batch, units, "don_vi_2.csv")) {
                assertEquals(0, w.rows());
            }
            assertEquals(List.of("DV3"), spark.read().parquet(staging.location(batch, units))
                    .select("unit_code").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());

            Path folder = staging.localFolder().orElseThrow().resolve(batch).resolve(units.table());
            List<Path> files = files(folder);
            assertEquals(Set.of(StagingArea.stagedName("đợt 1/don_vi.csv"), StagingArea.stagedName("don_vi_2.csv")),
                    files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                    "no .crc side files: " + files);
            for (Path f : files) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        } finally {
            staging.delete(batch);
        }
    }

    @Test
    void aRejectedOrAbandonedFileLeavesNothing() throws IOException {
        SparkSession spark = SharedSpark.session();
        StagingArea staging = new StagingArea(SharedSpark.config().require("ingest.staging-dir"), spark);
        String batch = "staging-test-" + System.nanoTime();
        SourceEntity population = SourceEntity.POPULATION;
        try {
            StagingArea.Writer rejected = staging.open(batch, population, "dan_so.csv");
            rejected.accept(new SourceRow(2, Map.of("year", "2025", "commune_code", "23293", "eligible", "10"), "2025,23293,10"));
            rejected.discard();
            assertFalse(staging.has(batch, population));

            StagingArea.Writer abandoned = staging.open(batch, population, "dan_so.csv");
            abandoned.accept(new SourceRow(2, Map.of("year", "2025"), "2025"));
            abandoned.abandon();
            abandoned.abandon();
            assertFalse(staging.has(batch, population));
            assertEquals(List.of(), files(staging.localFolder().orElseThrow().resolve(batch)));
        } finally {
            staging.delete(batch);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
