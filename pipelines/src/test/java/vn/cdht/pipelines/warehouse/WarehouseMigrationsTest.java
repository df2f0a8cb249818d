package vn.cdht.pipelines.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedSpark;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.migration.MigrationInfo;
import vn.cdht.warehouse.migration.MigrationResult;
import vn.cdht.warehouse.migration.MigrationScript;
import vn.cdht.warehouse.migration.MigrationScripts;
import vn.cdht.warehouse.migration.MigrationState;
import vn.cdht.warehouse.migration.MigrationVersion;
import vn.cdht.warehouse.migration.SqlStatements;
import vn.cdht.warehouse.migration.WarehouseMigrationException;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * The warehouse's migrations on a real Spark session, each test on a warehouse (catalog) of its own: an older warehouse
 * upgraded with rows in every table, idempotence, an edited script, a failing statement, a newer warehouse.
 */
class WarehouseMigrationsTest {

    private static final AtomicInteger CATALOGS = new AtomicInteger();
    private static final List<String> NAMESPACES = List.of("raw", "core", "restricted", "quarantine");
    private static final MigrationScripts WITH_EVOLUTION = MigrationScripts.fromClasspath(
            WarehouseMigrationsTest.class.getClassLoader(), List.of(MigrationScripts.LOCATION, "warehouse/migration-evolution"));

    @TempDir
    Path home;

    @Test
    void aWarehouseOfThePreviousVersionIsUpgradedWithEveryRowAndValueKept() {
        SparkSession spark = ownWarehouse();
        MigrationResult first = migrations(spark, MigrationScripts.cdht()).migrate();
        assertEquals(Optional.empty(), first.from());
        assertEquals(MigrationScripts.cdht().latest(), first.to());
        Map<String, List<String>> before = fillEveryTable(spark);

        MigrationResult upgrade = migrations(spark, WITH_EVOLUTION).migrate();

        assertEquals(List.of("V1000__evolution_test.sql"), upgrade.applied().stream().map(MigrationResult.Applied::script).toList());
        assertEquals(Optional.of(MigrationVersion.parse("1000")), upgrade.to());
        assertEquals("bigint", type(spark, "core.recognitions", "year"));
        assertEquals("decimal(10,2)", type(spark, "core.self_assessments", "total_score"));
        assertTrue(columns(spark, "core.units").contains("unit_kind") && !columns(spark, "core.units").contains("unit_type"));
        for (String table : List.of("raw.accounts", "core.accounts")) {
            assertEquals("email", columns(spark, table).get(columns(spark, table).size() - 1), table);
            assertEquals(0, spark.sql("SELECT count(*) FROM " + table + " WHERE email IS NOT NULL").first().getLong(0));
        }
        // every row of every table, each with its values, read through the columns' new names and types
        Map<String, String> renamed = Map.of("core.units.unit_type", "unit_kind");
        for (Map.Entry<String, List<String>> t : before.entrySet()) {
            List<String> columns = new ArrayList<>();
            for (String c : beforeColumns.get(t.getKey())) {
                columns.add(renamed.containsKey(t.getKey() + "." + c) ? renamed.get(t.getKey() + "." + c) + " AS " + c : c);
            }
            assertEquals(t.getValue(), content(spark, t.getKey(), columns), t.getKey());
        }
        assertTrue(before.values().stream().allMatch(rows -> rows.size() == ROWS), before.keySet().toString());
    }

    @Test
    void aWarehouseFromBeforeMigrationsIsAdoptedAsVersion1WithItsRows() {
        SparkSession spark = ownWarehouse();
        // as cdht created it before migrations: the same DDL, run without a history
        SqlStatements.split(MigrationScripts.cdht().all().get(0).text()).forEach(spark::sql);
        Map<String, List<String>> before = fillEveryTable(spark);

        MigrationResult result = migrations(spark, MigrationScripts.cdht()).migrate();

        assertEquals(List.of("V1__initial_tables.sql", "V2__change_set.sql", "V3__accepted_versions.sql"),
                result.applied().stream().map(MigrationResult.Applied::script).toList());
        before.forEach((table, rows) -> assertEquals(rows, content(spark, table, beforeColumns.get(table)), table));
        assertEquals(MigrationState.APPLIED, migrations(spark, MigrationScripts.cdht()).info().get(0).state());
    }

    @Test
    void aSecondMigrateAppliesNothing() {
        SparkSession spark = ownWarehouse();
        WarehouseMigrations migrations = migrations(spark, WITH_EVOLUTION);
        assertEquals(WITH_EVOLUTION.all().size(), migrations.migrate().applied().size());
        List<MigrationInfo> info = migrations.info();
        long snapshots = spark.sql("SELECT count(*) FROM cdht_meta.schema_history.snapshots").first().getLong(0);

        MigrationResult again = migrations.migrate();

        assertEquals(List.of(), again.applied());
        assertEquals(again.from(), again.to());
        assertEquals(info, migrations.info());
        assertEquals(snapshots, spark.sql("SELECT count(*) FROM cdht_meta.schema_history.snapshots").first().getLong(0));
        assertTrue(info.stream().allMatch(m -> m.state() == MigrationState.APPLIED && m.installedAt() != null), info.toString());
    }

    @Test
    void anAppliedScriptThatWasEditedIsRefusedAndNothingIsApplied() {
        SparkSession spark = ownWarehouse();
        MigrationScript v1 = MigrationScripts.cdht().all().get(0);
        migrations(spark, new MigrationScripts(List.of(v1))).migrate();
        MigrationScripts edited = new MigrationScripts(List.of(
                MigrationScript.of(v1.script(), v1.text().replace("member_count       BIGINT", "member_count       INT")),
                MigrationScript.of("V2__next.sql", "CREATE TABLE core.must_not_be_created (a INT) USING iceberg;\n")));

        WarehouseMigrationException e = assertThrows(WarehouseMigrationException.class, () -> migrations(spark, edited).migrate());

        assertTrue(e.getMessage().startsWith("warehouse migration V1__initial_tables.sql was edited after it was applied on "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("put it back as it was and write the change as a new migration V3__<what_changes>.sql"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertFalse(spark.catalog().tableExists("core.must_not_be_created"));
        assertEquals(List.of(MigrationState.CHANGED, MigrationState.PENDING),
                migrations(spark, edited).info().stream().map(MigrationInfo::state).toList());
    }

    @Test
    void aFailingStatementIsNamedWithItsScriptAndTheNextMigrateResumesThere() {
        SparkSession spark = ownWarehouse();
        migrations(spark, MigrationScripts.cdht()).migrate();
        // the version after cdht's own migrations
        int next = MigrationScripts.cdht().all().size() + 1;
        String script = "V" + next + "__accounts_email.sql";
        String add = "ALTER TABLE core.accounts ADD COLUMN email STRING;\n";
        MigrationScripts broken = withCdht(MigrationScript.of(script,
                add + "ALTER TABLE core.units RENAME COLUMN unit_kind TO unit_type;\n"));

        WarehouseMigrationException e = assertThrows(WarehouseMigrationException.class, () -> migrations(spark, broken).migrate());

        assertTrue(e.getMessage().startsWith("warehouse migration " + script + " failed at statement 2 of 2"
                + " (ALTER TABLE core.units RENAME COLUMN unit_kind TO unit_type): correct it and run cdht warehouse migrate,"
                + " which resumes there (statements 1 to 1 are applied): [UNRESOLVED_COLUMN"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(MigrationState.FAILED, migrations(spark, broken).info().get(next - 1).state());
        assertTrue(columns(spark, "core.accounts").contains("email"), "statement 1 committed");

        MigrationScripts corrected = withCdht(MigrationScript.of(script,
                add + "ALTER TABLE core.units RENAME COLUMN unit_type TO unit_kind;\n"));
        MigrationResult resumed = migrations(spark, corrected).migrate();

        // statement 1 again would fail: the column exists
        assertEquals(List.of(new MigrationResult.Applied(MigrationVersion.parse(String.valueOf(next)), script, 2, 2,
                resumed.applied().get(0).executionMs())), resumed.applied());
        assertTrue(columns(spark, "core.units").contains("unit_kind"));
        assertEquals(java.util.Collections.nCopies(next, MigrationState.APPLIED),
                migrations(spark, corrected).info().stream().map(MigrationInfo::state).toList());
    }

    @Test
    void anOlderCdhtRefusesAWarehouseANewerOneUpgraded() {
        SparkSession spark = ownWarehouse();
        migrations(spark, WITH_EVOLUTION).migrate();

        WarehouseMigrationException e = assertThrows(WarehouseMigrationException.class,
                () -> migrations(spark, MigrationScripts.cdht()).migrate());

        assertTrue(e.getMessage().startsWith("the warehouse has migration V1000__evolution_test.sql applied by a newer cdht"),
                e.getMessage());
    }

    /** The migrated raw tables are the source contract: its fields, in its order, then where each row came from. */
    @Test
    void eachRawTableHasTheFieldsOfTheSourceContract() {
        SparkSession spark = ownWarehouse();
        migrations(spark, MigrationScripts.cdht()).migrate();
        for (SourceEntity e : SourceEntity.values()) {
            List<String> expected = new ArrayList<>(e.fieldNames());
            expected.addAll(List.of("batch_id", "file_name", "row_number", "raw_line", "ingested_at"));
            assertEquals(expected, columns(spark, "raw." + e.table()), "raw." + e.table() + " against SourceEntity." + e.name()
                    + ": a field added to the contract needs a migration ALTER TABLE raw." + e.table() + " ADD COLUMN");
            for (String field : e.fieldNames()) {
                assertEquals("string", type(spark, "raw." + e.table(), field), "raw." + e.table() + "." + field);
            }
        }
    }

    // --- fixtures

    private static final int ROWS = 4;
    private final Map<String, List<String>> beforeColumns = new LinkedHashMap<>();

    /** A session of the shared Spark on a warehouse of its own: a new catalog in this test's folder, the default one. */
    private SparkSession ownWarehouse() {
        SparkSession spark = SharedSpark.session().newSession();
        String name = "migrations_" + CATALOGS.incrementAndGet();
        CatalogSettings catalog = CatalogSettings.from(CdhtConfig.of(home, Map.of("catalog.name", name)));
        catalog.sparkConf().forEach(spark.conf()::set);
        spark.conf().set("spark.sql.defaultCatalog", name);
        return spark;
    }

    private static WarehouseMigrations migrations(SparkSession spark, MigrationScripts scripts) {
        return new WarehouseMigrations(spark, scripts, m -> { });
    }

    private static MigrationScripts withCdht(MigrationScript script) {
        return new MigrationScripts(Stream.concat(MigrationScripts.cdht().all().stream(), Stream.of(script)).toList());
    }

    /** ROWS rows in every table of the migrated namespaces, a value in every column; each table's rows as text. */
    private Map<String, List<String>> fillEveryTable(SparkSession spark) {
        Map<String, List<String>> content = new LinkedHashMap<>();
        for (String ns : NAMESPACES) {
            for (Row t : spark.sql("SHOW TABLES IN " + ns).collectAsList()) {
                String table = ns + "." + t.getString(1);
                List<StructField> fields = Arrays.asList(spark.table(table).schema().fields());
                spark.sql("INSERT INTO " + table + " SELECT "
                        + fields.stream().map(WarehouseMigrationsTest::value).collect(Collectors.joining(", "))
                        + " FROM range(1, " + (ROWS + 1) + ")");
                beforeColumns.put(table, fields.stream().map(StructField::name).toList());
                content.put(table, content(spark, table, beforeColumns.get(table)));
            }
        }
        // the 13 tables of V1, and core.changes and core.versions once V2 and V3 are applied
        assertTrue(content.size() == 13 || content.size() == 15, content.keySet().toString());
        return content;
    }

    private static String value(StructField f) {
        DataType t = f.dataType();
        if (t instanceof StringType) {
            return "concat('" + f.name() + " ', id)";
        } else if (t instanceof IntegerType) {
            return "CAST(2020 + id AS INT)";
        } else if (t instanceof LongType) {
            return "id * 1000";
        } else if (t instanceof DecimalType d) {
            return "CAST(id + 0.25 AS " + d.sql() + ")";
        } else if (t instanceof BooleanType) {
            return "id % 2 = 0";
        } else if (t instanceof TimestampType) {
            return "timestamp_seconds(1700000000 + id * 3600)";
        } else if (t instanceof DateType) {
            return "date_add(DATE'2024-01-01', CAST(id AS INT))";
        } else if (t instanceof ArrayType) {
            return "array(concat('flag ', id))";
        }
        throw new AssertionError("no test value for " + f);
    }

    private static List<String> content(SparkSession spark, String table, List<String> columns) {
        return spark.sql("SELECT " + String.join(", ", columns) + " FROM " + table).collectAsList().stream()
                .map(Row::toString).sorted().toList();
    }

    private static List<String> columns(SparkSession spark, String table) {
        return Arrays.asList(spark.table(table).schema().fieldNames());
    }

    private static String type(SparkSession spark, String table, String column) {
        return spark.table(table).schema().apply(column).dataType().simpleString();
    }
}
