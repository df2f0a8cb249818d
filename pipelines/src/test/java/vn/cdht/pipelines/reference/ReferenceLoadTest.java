package vn.cdht.pipelines.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedSpark;
import vn.cdht.warehouse.reference.ReferenceSources;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceLoadTest {

    private final SparkSession spark = SharedSpark.session();

    private ReferenceLoadResult load(Optional<Path> rulesDir) {
        return new ReferenceLoad(spark, msg -> { }).run(new ReferenceSources(rulesDir).readAll());
    }

    @Test
    @Order(1)
    void loadsBothGeographiesWithTheirRealCounts() {
        ReferenceLoadResult result = load(Optional.empty());
        assertEquals(63, result.rows("ref.provinces_2024"));
        assertEquals(691, result.rows("ref.districts_2024"));
        assertEquals(10_047, result.rows("ref.communes_2024"));
        assertEquals(34, result.rows("ref.provinces_2025"));
        assertEquals(3_321, result.rows("ref.communes_2025"));
        assertEquals(10_599, result.rows("ref.commune_crosswalk"));
        assertEquals(63, result.rows("ref.province_crosswalk"));
        assertEquals(60, result.rows("ref.criteria_sets"));
        assertEquals(9, result.rows("ref.targets"));
        assertEquals(6, result.rows("ref.digital_skills"));
        // codes keep their leading zeros
        assertEquals(1, spark.sql("SELECT * FROM ref.communes_2024 WHERE commune_code = '00001'").count());
    }

    @Test
    @Order(2)
    void reportsTheKnownAnomaliesOfTheSource() {
        ReferenceLoadResult result = load(Optional.empty());
        assertEquals(5, result.anomalies().get("new_commune_without_predecessor").size());
        List<String> crossing = result.anomalies().get("crosswalk_crosses_province");
        assertEquals(1, crossing.size());
        assertTrue(crossing.get(0).contains("30622") && crossing.get(0).contains("30259"), crossing.get(0));
    }

    @Test
    @Order(3)
    void secondLoadChangesNothingAndLeavesNoDuplicates() {
        ReferenceLoadResult again = load(Optional.empty());
        assertTrue(again.tables().stream().noneMatch(ReferenceLoadResult.TableLoad::rewritten), again.toString());
        assertEquals(10_599, again.rows("ref.commune_crosswalk"));
        assertEquals(10_047, distinct("SELECT DISTINCT commune_code FROM ref.communes_2024"));
        assertEquals(10_599, distinct("SELECT DISTINCT old_commune_code, new_commune_code FROM ref.commune_crosswalk"));
    }

    @Test
    @Order(4)
    void partialCommunesKnowHowManyNewCommunesShareThem() {
        List<Row> rows = spark.sql("SELECT DISTINCT receiving_communes FROM ref.commune_crosswalk WHERE relation = 'partial'")
                .collectAsList();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.getLong(0) >= 2), rows.toString());
        assertEquals(0, spark.sql("SELECT * FROM ref.commune_crosswalk WHERE new_province_code IS NULL").count());
    }

    @Test
    @Order(5)
    void aDeploymentOverrideReplacesTheCrosswalkRowsOfThatOldCommune(@TempDir Path rules) throws IOException {
        // Phường Cống Vị (00007) was split; a deployment decides it went wholly into Phường Ngọc Hà (00008).
        Files.writeString(rules.resolve("commune_crosswalk_overrides.csv"),
                "old_province_code,old_commune_code,old_commune_name,new_commune_code,new_commune_name,relation\n"
                        + "01,00007,Phường Cống Vị,00008,Phường Ngọc Hà,full\n", StandardCharsets.UTF_8);
        try {
            ReferenceLoadResult result = load(Optional.of(rules));
            List<Row> rows = spark.sql("SELECT new_commune_code, relation, origin FROM ref.commune_crosswalk"
                    + " WHERE old_commune_code = '00007'").collectAsList();
            assertEquals(1, rows.size());
            assertEquals("00008", rows.get(0).getString(0));
            assertEquals("override", rows.get(0).getString(2));
            assertTrue(result.rows("ref.commune_crosswalk") < 10_599);
        } finally {
            load(Optional.empty());
        }
        assertEquals(10_599, spark.table("ref.commune_crosswalk").count());
    }

    private long distinct(String sql) {
        return spark.sql(sql).count();
    }
}
