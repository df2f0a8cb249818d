package vn.cdht.warehouse.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cdht.warehouse.analyst.IcebergFixture.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing real Iceberg tables (Java API, SQLite catalog, Parquet files) into a DuckDB file. */
class AnalystDatabasePublisherTest {

    @TempDir
    Path home;

    private final AnalystDatabasePublisher publisher = new AnalystDatabasePublisher("test");

    @Test
    void publishesTheAllowedTablesWithTheirIcebergTypes() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Table recognitions = f.create("core", "recognitions", "account_id string, year int, decided_on date,"
                    + " version_at timestamptz, score decimal(8,2), rate double, flags list<string>, source_row long");
            f.append(recognitions,
                    row("account_id", "TK1", "year", 2025, "decided_on", LocalDate.of(2025, 11, 20),
                            "version_at", OffsetDateTime.of(2025, 11, 21, 3, 0, 0, 0, ZoneOffset.UTC), "score", "87.5",
                            "rate", 0.456, "flags", List.of("ORPHAN", "UNKNOWN_UNIT"), "source_row", 7L),
                    row("account_id", "TK2", "year", 2025));
            f.create("ref", "provinces_2025", "province_code string, province_name string");
            Table restricted = f.create("restricted", "citizens", "citizen_key string, full_name string");
            f.append(restricted, row("citizen_key", "k1", "full_name", "Nguyễn Văn A"));
            f.append(f.create("raw", "accounts", "line string"), row("line", "x"));
            f.append(f.create("quarantine", "rows", "raw_line string"), row("raw_line", "x"));
            f.append(f.create("core", "scratch", "x string"), row("x", "not in the published list"));

            Path db = home.resolve("analyst.duckdb");
            PublishResult result = publisher.publish(f.catalog, db);

            assertEquals(List.of("core.recognitions", "ref.provinces_2025"),
                    result.tables().stream().map(PublishedTable::qualifiedName).toList());
            assertEquals(recognitions.currentSnapshot().snapshotId(), result.tables().get(0).snapshotId());
            assertEquals(2, result.tables().get(0).rows());
            assertEquals(null, result.tables().get(1).snapshotId());
            try (Connection c = readOnly(db); Statement st = c.createStatement()) {
                assertEquals(List.of("account_id VARCHAR", "year INTEGER", "decided_on DATE", "version_at TIMESTAMP WITH TIME ZONE",
                        "score DECIMAL(8,2)", "rate DOUBLE", "flags VARCHAR[]", "source_row BIGINT"), describe(st, "core.recognitions"));
                assertEquals(List.of("province_code VARCHAR", "province_name VARCHAR"), describe(st, "ref.provinces_2025"));
                try (ResultSet rs = st.executeQuery("SELECT decided_on::VARCHAR, epoch(version_at)::BIGINT, score::VARCHAR,"
                        + " rate, array_to_string(flags, '|') FROM core.recognitions WHERE account_id = 'TK1'")) {
                    rs.next();
                    assertEquals("2025-11-20", rs.getString(1));
                    assertEquals(OffsetDateTime.of(2025, 11, 21, 3, 0, 0, 0, ZoneOffset.UTC).toEpochSecond(), rs.getLong(2));
                    assertEquals("87.50", rs.getString(3));
                    assertEquals(0.456, rs.getDouble(4));
                    assertEquals("ORPHAN|UNKNOWN_UNIT", rs.getString(5));
                }
                List<String> tables = strings(st, "SELECT schema_name || '.' || table_name FROM duckdb_tables() ORDER BY 1");
                assertEquals(List.of("core.recognitions", "main.metadata", "main.published_tables", "ref.provinces_2025"), tables);
                assertEquals(List.of("core|recognitions|" + recognitions.currentSnapshot().snapshotId() + "|2",
                                "ref|provinces_2025||0"),
                        strings(st, "SELECT concat_ws('|', schema_name, table_name, coalesce(snapshot_id::VARCHAR, ''), row_count)"
                                + " FROM main.published_tables ORDER BY 1"));
                assertEquals(List.of("test|1"), strings(st, "SELECT cdht_version || '|' || (published_at IS NOT NULL)::INT"
                        + " FROM main.metadata"));
            }
            // No view can be made without marts: each is reported as skipped.
            assertEquals(List.of(), result.views());
            assertEquals(AnalystViews.NAMES, result.skippedViews().stream().map(SkippedView::name).toList());
            assertEquals("mart.coverage not published", result.skippedViews().get(0).reason());
        }
    }

    @Test
    void appliesPositionDeletes() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Table units = f.create("core", "units", "unit_code string, member_count long");
            DataFile first = f.append(units, row("unit_code", "A", "member_count", 1L), row("unit_code", "B", "member_count", 2L),
                    row("unit_code", "C", "member_count", 3L));
            f.append(units, row("unit_code", "D", "member_count", 4L));
            f.deletePositions(units, first, 1);

            PublishResult result = publisher.publish(f.catalog, home.resolve("a.duckdb"));

            assertEquals(3, result.tables().get(0).rows());
            try (Connection c = readOnly(home.resolve("a.duckdb")); Statement st = c.createStatement()) {
                assertEquals(List.of("A", "C", "D"), strings(st, "SELECT unit_code FROM core.units ORDER BY 1"));
                assertEquals(List.of("unit_code VARCHAR", "member_count BIGINT"), describe(st, "core.units"));
            }
        }
    }

    @Test
    void refusesEqualityDeletesNamingTheTable() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Table units = f.create("core", "units", "unit_code string");
            f.append(units, row("unit_code", "A"), row("unit_code", "B"));
            f.deleteEqual(units, "unit_code", "A");
            Path db = home.resolve("a.duckdb");

            AnalystException e = assertThrows(AnalystException.class, () -> publisher.publish(f.catalog, db));

            assertTrue(e.getMessage().startsWith("table core.units has equality deletes"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(List.of(), leftovers());
        }
    }

    @Test
    void createsTheViewsOverTheMarts() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Marts.createAll(f);
            Path db = home.resolve("analyst.duckdb");

            PublishResult result = publisher.publish(f.catalog, db);

            assertEquals(List.of(), result.skippedViews());
            assertEquals(AnalystViews.NAMES, result.views());
            try (Connection c = readOnly(db); Statement st = c.createStatement()) {
                assertEquals(List.of("Phường Cẩm Thành|55.0", "Phường Nghĩa Lộ|65.0"),
                        strings(st, "SELECT \"Xã/Phường\" || '|' || \"Tỷ lệ tự đánh giá đạt (%)\" FROM do_phu_xa ORDER BY 1"));
                assertEquals(List.of("Phường Cẩm Thành"), strings(st, "SELECT \"Xã/Phường\" FROM xa_duoi_60"));
                assertEquals(List.of("2025|Quảng Ngãi|57.0"),
                        strings(st, "SELECT concat_ws('|', \"Địa giới\", \"Tỉnh/Thành phố\", \"Tỷ lệ tự đánh giá đạt (%)\") FROM do_phu_tinh"));
                for (String view : AnalystViews.NAMES) {
                    assertFalse(strings(st, "SELECT count(*) FROM main." + view).isEmpty());
                    assertTrue(Integer.parseInt(strings(st, "SELECT count(*) FROM main." + view).get(0)) > 0, view);
                }
                assertEquals(List.of("Chậm tiến độ", "Đúng tiến độ"),
                        strings(st, "SELECT \"Tình trạng\" FROM chi_tieu ORDER BY 1"));
            }
        }
    }

    @Test
    void aSecondPublishCopiesOnlyTheTablesWhoseSnapshotOrSchemaMoved() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Marts.createAll(f);
            Table units = f.create("core", "units", "unit_code string");
            f.append(units, row("unit_code", "A"));
            Table accounts = f.create("core", "accounts", "account_id string");
            f.append(accounts, row("account_id", "TK1"));
            Path db = home.resolve("analyst.duckdb");
            PublishResult first = publisher.publish(f.catalog, db);
            assertTrue(first.tables().stream().allMatch(PublishedTable::copied), first.tables().toString());

            f.append(units, row("unit_code", "B")); // a new snapshot
            accounts.updateSchema().addColumn("status", Types.StringType.get()).commit(); // a new schema, same snapshot
            PublishResult second = publisher.publish(f.catalog, db);

            assertEquals(List.of("core.accounts", "core.units"), second.tables().stream().filter(PublishedTable::copied)
                    .map(PublishedTable::qualifiedName).toList());
            assertEquals(first.tables().size(), second.tables().size());
            assertEquals(AnalystViews.NAMES, second.views());
            try (Connection c = readOnly(db); Statement st = c.createStatement()) {
                assertEquals(List.of("A", "B"), strings(st, "SELECT unit_code FROM core.units ORDER BY 1"));
                assertEquals(List.of("account_id VARCHAR", "status VARCHAR"), describe(st, "core.accounts"));
                assertEquals(List.of("Phường Cẩm Thành"), strings(st, "SELECT \"Xã/Phường\" FROM xa_duoi_60"));
                assertEquals(List.of(String.valueOf(second.tables().size())),
                        strings(st, "SELECT count(*) FROM main.published_tables"));
                assertEquals(List.of("1"), strings(st, "SELECT count(*) FROM main.metadata"));
            }

            // nothing moved: the file is left as it is
            var written = Files.getLastModifiedTime(db);
            PublishResult third = publisher.publish(f.catalog, db);
            assertTrue(third.tables().stream().noneMatch(PublishedTable::copied), third.tables().toString());
            assertEquals(AnalystViews.NAMES, third.views());
            assertEquals(second.publishedAt().toEpochMilli(), third.publishedAt().toEpochMilli());
            assertEquals(written, Files.getLastModifiedTime(db));

            f.catalog.dropTable(TableIdentifier.of("core", "accounts"));
            publisher.publish(f.catalog, db);
            try (Connection c = readOnly(db); Statement st = c.createStatement()) {
                assertEquals(List.of(), strings(st, "SELECT table_name FROM duckdb_tables() WHERE table_name = 'accounts'"));
            }
            assertEquals(List.of(), leftovers());
        }
    }

    @Test
    void replacesTheFileAtomicallyUnderAnOpenReader() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Table units = f.create("core", "units", "unit_code string");
            f.append(units, row("unit_code", "OLD"));
            Path db = home.resolve("analyst.duckdb");
            publisher.publish(f.catalog, db);

            try (Connection old = readOnly(db); Statement oldSt = old.createStatement()) {
                assertEquals(List.of("OLD"), strings(oldSt, "SELECT unit_code FROM core.units"));
                f.append(units, row("unit_code", "NEW"));

                publisher.publish(f.catalog, db);

                assertEquals(List.of("OLD"), strings(oldSt, "SELECT unit_code FROM core.units ORDER BY 1"));
                // DuckDB's JDBC driver shares one database instance per path within a JVM, so the old connection's
                // instance would answer; another process (an analyst's client) opens the file anew, as ATTACH does.
                try (Connection fresh = DriverManager.getConnection("jdbc:duckdb:"); Statement st = fresh.createStatement()) {
                    st.execute("ATTACH '" + db + "' AS fresh (READ_ONLY)");
                    st.execute("USE fresh");
                    assertEquals(List.of("NEW", "OLD"), strings(st, "SELECT unit_code FROM core.units ORDER BY 1"));
                }
            }
            assertEquals(List.of(), leftovers());
        }
    }

    @Test
    void refusesToPublishCccdNumbersAndKeepsThePreviousFile() throws Exception {
        try (IcebergFixture f = new IcebergFixture(home)) {
            Table units = f.create("core", "units", "unit_code string, flags list<string>");
            f.append(units, row("unit_code", "A"));
            Path db = home.resolve("analyst.duckdb");
            publisher.publish(f.catalog, db);
            f.append(units, row("unit_code", "B", "flags", List.of("note 051234567890 here")));

            AnalystException e = assertThrows(AnalystException.class, () -> publisher.publish(f.catalog, db));

            assertTrue(e.getMessage().startsWith("refusing to publish: 1 column(s) hold CCCD-like numbers, first core.units.flags"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("051234567890"), "the message must not repeat the number");
            try (Connection c = readOnly(db); Statement st = c.createStatement()) {
                assertEquals(List.of("A"), strings(st, "SELECT unit_code FROM core.units"));
            }
            assertEquals(List.of(), leftovers());
        }
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-") || n.endsWith(".wal")).toList();
        }
    }

    static Connection readOnly(Path db) throws Exception {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + db, p);
    }

    static List<String> describe(Statement st, String table) throws Exception {
        return strings(st, "SELECT column_name || ' ' || column_type FROM (DESCRIBE " + table + ")");
    }

    static List<String> strings(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
