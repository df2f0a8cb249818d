package vn.cdht.pipelines.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.cdht.pipelines.SharedSpark;
import vn.cdht.warehouse.catalog.TableFiles;

/**
 * Upkeep of a stateful table after several small writes and merge-on-read updates: compacted without losing or
 * changing a row, old snapshots expired except the one a report read, an old orphan file removed and a young one
 * kept; then a second run with nothing left to do.
 */
class TableMaintenanceTest {

    private static final String TABLE = "upkeep.assessments";
    private static final TableIdentifier ID = TableIdentifier.of("upkeep", "assessments");

    @Test
    void compactsExpiresKeepsWhatReportsReadAndRemovesOldOrphans() throws Exception {
        SparkSession spark = SharedSpark.session();
        spark.sql("CREATE NAMESPACE IF NOT EXISTS upkeep");
        spark.sql("DROP TABLE IF EXISTS " + TABLE + " PURGE");
        spark.sql("DROP TABLE IF EXISTS upkeep.expected PURGE");
        spark.sql("CREATE TABLE " + TABLE + " (id INT, score INT, unit STRING) USING iceberg TBLPROPERTIES ("
                + "'format-version' = '2', 'write.merge.mode' = 'merge-on-read', 'write.update.mode' = 'merge-on-read',"
                + " 'write.delete.mode' = 'merge-on-read', 'write.distribution-mode' = 'none')");
        for (int batch = 0; batch < 6; batch++) {
            spark.sql("INSERT INTO " + TABLE + " SELECT id, id % 10, concat('u', id % 3) FROM range("
                    + (batch * 20) + ", " + (batch * 20 + 20) + ") AS t(id)");
        }
        long reported = table(spark).currentSnapshot().snapshotId();
        long reportedRows = spark.sql("SELECT * FROM " + TABLE + " VERSION AS OF " + reported).count();
        spark.sql("MERGE INTO " + TABLE + " t USING (SELECT id, 100 AS score FROM range(5, 115, 7) AS s(id)) s"
                + " ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.score = s.score");
        spark.sql("DELETE FROM " + TABLE + " WHERE id % 11 = 0");
        spark.sql("INSERT INTO " + TABLE + " VALUES (1000, 1, 'u9')");
        spark.sql("CREATE TABLE upkeep.expected USING iceberg AS SELECT * FROM " + TABLE);
        TableFiles before = TableFiles.of(table(spark));
        assertTrue(before.dataFiles() >= 7 && before.deleteFiles() >= 1, before.toString());

        Path data = localPath(table(spark).location()).resolve("data");
        Path oldOrphan = Files.write(data.resolve("00000-0-left-by-a-killed-job.parquet"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(Duration.ofHours(100))));
        Path youngOrphan = Files.write(data.resolve("00000-0-being-written.parquet"), new byte[] {1, 2, 3});

        MaintenancePolicy policy = new MaintenancePolicy(Duration.ZERO, 2, Duration.ofHours(72), 128L << 20, 5, Set.of("upkeep"));
        TableMaintenance upkeep = new TableMaintenance(spark, policy, Clock.systemUTC(), m -> { });
        ReportedSnapshots reports = new ReportedSnapshots(Map.of(TABLE, Set.of(reported)));

        TableUpkeep plan = upkeep.run(List.of(ID), reports, true).get(0);
        assertTrue(plan.rewrittenDataFiles() >= 7 && plan.expiredSnapshots() > 0 && plan.orphanFiles() == 1, plan.toString());
        assertEquals(before, TableFiles.of(table(spark)), "a dry run changes nothing");
        assertTrue(Files.exists(oldOrphan));

        TableUpkeep done = upkeep.run(List.of(ID), reports, false).get(0);
        assertEquals(before, done.before());
        assertTrue(done.after().dataFiles() < before.dataFiles(), done.toString());
        assertEquals(0, done.after().deleteFiles(), done.toString());
        assertEquals(0, count(spark, "SELECT * FROM " + TABLE + " EXCEPT ALL SELECT * FROM upkeep.expected"));
        assertEquals(0, count(spark, "SELECT * FROM upkeep.expected EXCEPT ALL SELECT * FROM " + TABLE));

        // the newest two (compaction's own commit among them) and the one a report read
        Table table = table(spark);
        assertEquals(3, done.after().snapshots(), done.toString());
        assertEquals(before.snapshots() + 1 - 3, done.expiredSnapshots(), done.toString());
        assertEquals(1, done.keptForReports());
        Snapshot kept = table.snapshot(reported);
        assertNotNull(kept, "the reported snapshot survives expiry");
        assertEquals(reportedRows, spark.sql("SELECT * FROM " + TABLE + " VERSION AS OF " + reported).count(),
                "its files too: time travel reads it whole");

        assertEquals(1, done.orphanFiles(), done.toString());
        assertFalse(Files.exists(oldOrphan), "an orphan older than the minimum age is removed");
        assertTrue(Files.exists(youngOrphan), "a younger one may be a running write's: kept");

        TableUpkeep again = upkeep.run(List.of(ID), reports, false).get(0);
        assertFalse(again.changed(), again.toString());
        assertEquals(done.after(), again.after());
        assertEquals(table.currentSnapshot().snapshotId(), table(spark).currentSnapshot().snapshotId(), "no new commit");
    }

    private static Table table(SparkSession spark) throws Exception {
        Table t = Spark3Util.loadIcebergTable(spark, spark.conf().get("spark.sql.defaultCatalog") + "." + TABLE);
        t.refresh();
        return t;
    }

    private static long count(SparkSession spark, String sql) {
        return spark.sql(sql).count();
    }

    private static Path localPath(String location) {
        return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    }
}
