package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.generator.GeneratorSpec;
import vn.cdht.generator.OperationalDataGenerator;
import vn.cdht.generator.OutputFormat;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.source.files.BatchFiles;
import vn.cdht.pipelines.source.files.SourceFile;
import vn.cdht.pipelines.source.files.SourceFileReader;
import vn.cdht.pipelines.spark.SqlModel;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * {@code sql/validate/self_assessments.sql}, which checks the ten scores with array expressions on each row, gives
 * exactly what the former model gave (the test resource {@code validate-self-assessments-before.sql}: the scores
 * stacked into ten rows, joined to the criteria, grouped and joined back): the same schema and the same rows, on a
 * hand-written batch of every kind of dirty row and on a generated dirty batch.
 */
class SelfAssessmentValidationEquivalenceTest {

    private static final String BEFORE = "validate-self-assessments-before.sql";
    private static final String RECEIVED_AT = "2025-01-01 00:00:00";
    private static final String FILE_A = "phieu_danh_gia.csv";
    private static final String FILE_B = "sub/phieu_danh_gia.csv";
    private static final String EIGHTS = "8|8|8|8|8|8|8|8|8|8";

    private final SparkSession spark = SharedWarehouse.spark();

    @Test
    void handWrittenDirtyRowsGiveTheSameResult() {
        // Criteria sets with gaps and NULLs next to the real ones: 900 I lacks criteria 8-10; 900 II has NULL
        // maximum, pass mark and mandatory flags, a criterion 11 and one without a number; 900 III has no criteria
        // but a rule; a 900 row without a group; 901 I lacks criterion 1 and has no rule.
        spark.sql("""
                SELECT * FROM ref.criteria_sets
                UNION ALL
                SELECT set_code, CAST(set_version AS INT), CAST(valid_from_year AS INT), CAST(valid_to_year AS INT),
                       citizen_group, CAST(criterion_no AS INT), title_vi, CAST(max_score AS DECIMAL(6, 2)),
                       CAST(pass_mark AS DECIMAL(6, 2)), CAST(mandatory AS BOOLEAN), CAST(title_confirmed AS BOOLEAN)
                FROM VALUES
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'I', '1', 't', '10', '5', 'true', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'I', '2', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'I', '3', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'I', '4', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'I', '5', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'I', '6', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'I', '7', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '1', 't', '5', '3', 'true', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '2', 't', NULL, '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '3', 't', '10', NULL, 'true', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '4', 't', '10', '5', NULL, 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '5', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '6', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '7', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '8', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '9', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '10', 't', '10', '5', 'false', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', '11', 't', '10', '0', 'true', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', 'II', NULL, 't', '10', '0', 'true', 'false'),
                  ('900/QĐ-KHVN', '1', '1990', '1991', NULL, '1', 't', '10', '0', 'true', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '2', 't', '10', '5', 'true', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '3', 't', '10', '5', 'false', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '4', 't', '10', '5', 'false', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '5', 't', '10', '5', 'false', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '6', 't', '10', '5', 'false', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '7', 't', '10', '5', 'false', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '8', 't', '10', '5', 'false', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '9', 't', '10', '5', 'false', 'false'),
                  ('901/QĐ-KHVN', '1', '1992', '1992', 'I', '10', 't', '10', '5', 'false', 'false')
                  AS v(set_code, set_version, valid_from_year, valid_to_year, citizen_group, criterion_no, title_vi,
                       max_score, pass_mark, mandatory, title_confirmed)
                """).createOrReplaceTempView("test_criteria_sets");
        spark.sql("""
                SELECT * FROM ref.achievement_rules
                UNION ALL
                SELECT set_code, CAST(set_version AS INT), citizen_group, CAST(min_total AS DECIMAL(6, 2)),
                       CAST(min_criteria_met AS INT), CAST(all_mandatory_met AS BOOLEAN), CAST(confirmed AS BOOLEAN)
                FROM VALUES
                  ('900/QĐ-KHVN', '1', 'I', '30', '5', 'true', 'false'),
                  ('900/QĐ-KHVN', '1', 'II', '20', '3', 'true', 'false'),
                  ('900/QĐ-KHVN', '1', 'III', '0', '0', 'false', 'false')
                  AS v(set_code, set_version, citizen_group, min_total, min_criteria_met, all_mandatory_met, confirmed)
                """).createOrReplaceTempView("test_achievement_rules");
        spark.sql("SELECT account_id FROM VALUES ('TK1'), ('TK2'), ('TK3') AS v(account_id)")
                .createOrReplaceTempView("test_accounts");

        String sub = "15/03/2024 10:00:00";
        String upd = "2024-03-16";
        List<Row> rows = new ArrayList<>();
        long n = 0;
        // clean, the set written in its three forms, the group in several forms; the result agreeing or not
        rows.add(raw(FILE_A, ++n, "A01", "TK1", "2024", "324/QĐ-KHVN", "Nhóm I", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A02", "TK1", "2024", "324/QD-KHVN", "I", EIGHTS, "80", "Không đạt", sub, upd, "Hoạt động"));
        rows.add(raw(FILE_A, ++n, "A03", "TK2", "2024", "324", "2", "2|8|8|8|8|8|8|8|8|8", null, "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A04", "TK2", "2024", "324", "nhóm 3", "5|5|5|5|5|5|5|5|5|5", "50", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A05", "TK3", "2024", "324", "III", "4|4|4|4|4|4|4|4|4|4", "40", "Không đạt", sub, upd, null));
        // the set from the year: 2024 and later (324, open-ended), 2022 (244), none (1999), no year
        rows.add(raw(FILE_A, ++n, "A06", "TK1", "2024", null, "Nhóm II", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A07", "TK9", "2022", null, "III", EIGHTS, "80,00", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A08", "TK1", "2030", null, "I", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A09", "TK1", "1999", null, "I", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A10", "TK1", "abc", null, "I", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A11", "TK1", null, null, "I", EIGHTS, "80", "Đạt", sub, upd, null));
        // unknown set code, a set that is no code, invalid and missing groups
        rows.add(raw(FILE_A, ++n, "A12", "TK1", "2024", "999/QĐ-KHVN", "I", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A13", "TK1", "2024", "abc", "I", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A14", "TK1", "2024", "324", "Nhóm 7", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A15", "TK1", "2024", "324", null, EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A16", "TK1", "2024", null, "invalid", EIGHTS, null, "Đạt", sub, upd, null));
        // unparseable, negative, above the maximum, on the bounds, a decimal comma, empty and blank text
        rows.add(raw(FILE_A, ++n, "A17", "TK1", "2024", "324", "I", "abc|7,5||  |1e1|-1|11|10.01|10|0", "55", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A18", "TK1", "2024", "324", "I", "-0,5|10|10|10|10|10|10|10|10|10", "x", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A19", "TK1", "2024", "324", "I", "|||||||||", null, "Không đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A20", "TK1", "2024", "324", "I", " 7 |5.555|5,555|4.994|05|+6|6.|.5|7,|x7", null, "Đạt", sub, upd, null));
        // no scores at all, with and without a total; some scores missing
        rows.add(raw(FILE_A, ++n, "A21", "TK1", "2024", "324", "I", "NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL", null, "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A22", "TK1", "2024", "324", "I", "NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL", "60", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A23", "TK1", "2024", "324", "I", "5|NULL|5|5|NULL|5|5|5|5|5", null, "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A24", "TK1", "2024", "324", "I", "NULL|8|8|8|8|8|8|8|8|8", "72", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A25", "TK1", "2024", "324", "I", "0|0|0|0|0|0|0|0|0|0", "0", "Không đạt", sub, upd, null));
        // totals: off by 0.01 (tolerated), by 0.02, unparseable; large scores whose sum outgrows DECIMAL(12, 2)
        rows.add(raw(FILE_A, ++n, "A26", "TK1", "2024", "324", "I", EIGHTS, "80.01", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A27", "TK1", "2024", "324", "I", EIGHTS, "80.02", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A28", "TK1", "2024", "324", "I", EIGHTS, "79,98", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A29", "TK1", "2024", "324", "I",
                "9999999999.99|9999999999.99|9999999999.99|9999999999.99|9999999999.99|9999999999.99|9999999999.99|9999999999.99|9999999999.99|9999999999.99",
                null, "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A30", "TK1", "2024", "324", "I", "99999999999.99|8|8|8|8|8|8|8|8|8", "9999999999.99", "Đạt", sub, upd, null));
        // criteria sets with gaps and NULLs (see above)
        rows.add(raw(FILE_A, ++n, "A31", "TK1", "1990", null, "I", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A32", "TK1", "1990", "900", "II", "2|6|6|6|4|4|4|4|4|4", "44", "Không đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A33", "TK1", "1990", "900", "II", "6|11|NULL|NULL|5|5|5|5|5|5", null, "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A34", "TK1", "1990", "900", "II", "3|2|0|5|5|5|5|5|5|5", "40", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A35", "TK1", "1991", "900", "III", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A36", "TK1", "1991", "900", null, EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A37", "TK1", "1992", null, "I", "NULL|8|8|8|8|8|8|8|8|8", "72", "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A38", "TK1", "1992", "901", "I", "1|1|1|1|1|1|1|1|1|1", "10", "Không đạt", sub, upd, null));
        // above 10 where the maximum is unknown (no such set, a NULL maximum): out of range; a mandatory flag NULL
        rows.add(raw(FILE_A, ++n, "A44", "TK1", "2024", "999", "I", "8|8|8|8|8|8|8|8|8|11", null, "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A45", "TK1", "1990", "900", "II", "3|11|5|5|5|5|5|5|5|5", null, "Đạt", sub, upd, null));
        rows.add(raw(FILE_A, ++n, "A46", "TK1", "1990", "900", "II", "5|5|5|2|5|5|5|5|5|5", null, "Không đạt", sub, upd, null));
        // missing required values, bad dates, future dates, bad result and status
        rows.add(raw(FILE_A, ++n, null, null, null, "324", "I", EIGHTS, "80", "Đạt", null, null, null));
        rows.add(raw(FILE_A, ++n, "A40", "TK1", "2024", "324", "I", EIGHTS, "80", "maybe", "31/02/2024", "abc", "xyz"));
        rows.add(raw(FILE_A, ++n, "A41", "TK1", "2024", "324", "I", EIGHTS, "80", "Đạt", "01/01/2099", upd, "Đã khóa"));
        rows.add(raw(FILE_A, ++n, "A42", "TK1", "2024", "324", "I", EIGHTS, "80", null, sub, "2099-01-01", "deleted"));
        rows.add(raw(FILE_A, ++n, "A43", "TK1", "2101", "324", "I", EIGHTS, "80", "Đạt", sub, upd, null));
        // the same rows again in another file, with the same row numbers: copies (DUPLICATE_ROW) and a new one
        rows.add(raw(FILE_B, 1, "A01", "TK1", "2024", "324/QĐ-KHVN", "Nhóm I", EIGHTS, "80", "Đạt", sub, upd, null));
        rows.add(raw(FILE_B, 2, "A17", "TK1", "2024", "324", "I", "abc|7,5||  |1e1|-1|11|10.01|10|0", "55", "Đạt", sub, upd, null));
        rows.add(raw(FILE_B, 3, "A33", "TK1", "1990", "900", "II", "6|11|NULL|NULL|5|5|5|5|5|5", null, "Đạt", sub, upd, null));
        rows.add(raw(FILE_B, 4, "B04", "TK2", "2023", null, "II", "10|10|10|10|10|10|10|10|10|10", "100", "Đạt", sub, upd, null));

        spark.createDataFrame(rows, rawSchema()).createOrReplaceTempView("test_raw");
        batchRows("SELECT * FROM test_raw");

        List<Row> result = assertSameResult(s -> s.replace("ref.criteria_sets", "test_criteria_sets")
                .replace("ref.achievement_rules", "test_achievement_rules")
                .replace("core.accounts", "test_accounts"));
        assertEquals(rows.size(), result.size());

        // The batch reaches every branch.
        Set<String> seen = new HashSet<>();
        Set<String> achieved = new HashSet<>();
        for (Row r : result) {
            seen.addAll(r.<String>getList(r.fieldIndex("reasons")));
            seen.addAll(r.<String>getList(r.fieldIndex("flags")));
            achieved.add(String.valueOf((Object) r.getAs("rule_achieved")));
        }
        assertTrue(seen.containsAll(List.of("DUPLICATE_ROW", "MISSING_REQUIRED:assessment_id", "MISSING_REQUIRED:account_id",
                "MISSING_REQUIRED:year", "MISSING_REQUIRED:submitted_at", "MISSING_REQUIRED:updated_at", "BAD_NUMBER:year",
                "BAD_DATE:submitted_at", "BAD_DATE:updated_at", "BAD_NUMBER:score", "BAD_NUMBER:total_score",
                "SCORE_OUT_OF_RANGE", "TOTAL_NOT_SUM", "BAD_VALUE:result", "BAD_VALUE:citizen_group", "BAD_VALUE:status",
                "ORPHAN", "RULE_MISMATCH", "RULE_NOT_CHECKED", "NO_SCORES", "FUTURE_DATED")), seen.toString());
        assertEquals(Set.of("true", "false", "null"), achieved);

        // A few rows worked out by hand.
        Row a33 = only(result, FILE_A, "A33");
        assertEquals(8, (int) a33.getAs("criteria_met"));
        assertEquals(new BigDecimal("47.00"), a33.getAs("total_score"));
        assertEquals(false, a33.getAs("rule_achieved"), "criterion 3 is mandatory and has no score");
        assertEquals(List.of("BAD_NUMBER:year", "SCORE_OUT_OF_RANGE"), a33.getList(a33.fieldIndex("reasons")));
        assertEquals(List.of("RULE_MISMATCH"), a33.getList(a33.fieldIndex("flags")));
        Row a31 = only(result, FILE_A, "A31");
        assertEquals("900/QĐ-KHVN", a31.getAs("criteria_set"));
        assertEquals(7, (int) a31.getAs("criteria_met"), "criteria 8-10 are not in set 900 I");
        assertNull(a31.getAs("rule_achieved"), "set 900 I has 7 criteria");
        for (String id : List.of("A44", "A45")) {
            Row r = only(result, FILE_A, id);
            assertTrue(r.<String>getList(r.fieldIndex("reasons")).contains("SCORE_OUT_OF_RANGE"), id + ": 11 > 10");
        }
        Row a46 = only(result, FILE_A, "A46");
        assertEquals(true, a46.getAs("rule_achieved"), "no mandatory criterion failed: criterion 4's flag is NULL");
        assertEquals(8, (int) a46.getAs("criteria_met"), "criterion 3 has no pass mark, criterion 4 is failed");
        Row a21 = only(result, FILE_A, "A21");
        assertNull(a21.getAs("total_score"));
        assertTrue(a21.<String>getList(a21.fieldIndex("flags")).contains("NO_SCORES"));
        Row a29 = only(result, FILE_A, "A29");
        assertEquals(new BigDecimal("99999999999.90"), a29.getAs("total_score"));
        Row a17 = only(result, FILE_A, "A17");
        assertTrue(a17.<String>getList(a17.fieldIndex("reasons")).containsAll(List.of("BAD_NUMBER:score", "SCORE_OUT_OF_RANGE")));
    }

    @Test
    void aGeneratedDirtyBatchGivesTheSameResult(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export");
        new OperationalDataGenerator(m -> { }).generate(
                GeneratorSpec.files("old:62", 2022, 2026, 0.01, 42, OutputFormat.CSV, export, 0.3));
        String batchId = "equivalence-" + System.nanoTime();
        StagingArea staging = SharedWarehouse.staging();
        try (BatchFiles batch = BatchFiles.open(export)) {
            for (SourceFile f : batch.matched()) {
                if (f.requireEntity() == SourceEntity.SELF_ASSESSMENTS) {
                    try (StagingArea.Writer w = staging.open(batchId, f.requireEntity(), f.name())) {
                        SourceFileReader.read(f, w);
                    }
                }
            }
        }
        try {
            List<StructField> fields = new ArrayList<>();
            fields.add(DataTypes.createStructField("_file", DataTypes.StringType, true));
            fields.add(DataTypes.createStructField("_row", DataTypes.LongType, true));
            fields.add(DataTypes.createStructField("_raw", DataTypes.StringType, true));
            SourceEntity.SELF_ASSESSMENTS.fieldNames().forEach(f -> fields.add(DataTypes.createStructField(f, DataTypes.StringType, true)));
            spark.read().schema(new StructType(fields.toArray(StructField[]::new)))
                    .parquet(staging.location(batchId, SourceEntity.SELF_ASSESSMENTS)).createOrReplaceTempView("test_staged");
            batchRows("SELECT " + String.join(", ", SourceEntity.SELF_ASSESSMENTS.fieldNames()) + ", '" + batchId + "' AS batch_id,"
                    + " _file AS file_name, _row AS row_number, _raw AS raw_line, TIMESTAMP'" + RECEIVED_AT + "' AS ingested_at FROM test_staged");

            List<Row> result = assertSameResult(s -> s);
            assertTrue(result.size() > 1000, "rows: " + result.size());
            long quarantined = result.stream().filter(r -> !r.getList(r.fieldIndex("reasons")).isEmpty()).count();
            assertTrue(quarantined > 0 && quarantined < result.size(), "quarantined: " + quarantined);
        } finally {
            staging.delete(batchId);
        }
    }

    /** Runs the former and the current model on the view batch_rows; asserts the same schema and rows. */
    private List<Row> assertSameResult(java.util.function.UnaryOperator<String> references) {
        String before = references.apply(strip(resource(BEFORE)));
        String after = references.apply(SqlModel.load("validate", "self_assessments").select());
        Dataset<Row> old = spark.sql(before).cache();
        Dataset<Row> now = spark.sql(after).cache();
        try {
            assertEquals(old.schema(), now.schema(), () -> old.schema().treeString() + "\n" + now.schema().treeString());
            assertEquals(DataTypes.createDecimalType(22, 2), now.schema().apply("total_score").dataType());
            assertTrue(now.schema().apply("total_score").dataType() instanceof DecimalType);
            Dataset<Row> missing = old.exceptAll(now);
            Dataset<Row> extra = now.exceptAll(old);
            assertEquals(0, missing.count(), () -> "rows of the former model only:\n" + missing.limit(20).collectAsList());
            assertEquals(0, extra.count(), () -> "rows of the new model only:\n" + extra.limit(20).collectAsList());
            assertEquals(old.count(), now.count());
            return now.collectAsList();
        } finally {
            old.unpersist();
            now.unpersist();
        }
    }

    /** The view batch_rows, as EntityLoad makes it from the batch's raw rows. */
    private void batchRows(String rawRows) {
        String fields = String.join(", ", SourceEntity.SELF_ASSESSMENTS.fieldNames());
        spark.sql("SELECT r.*, TIMESTAMP'" + RECEIVED_AT + "' AS received_at,"
                        + " row_number() OVER (PARTITION BY " + fields + " ORDER BY file_name, row_number) AS copy_no"
                        + " FROM (" + rawRows + ") r")
                .createOrReplaceTempView("batch_rows");
    }

    private static StructType rawSchema() {
        List<StructField> fields = new ArrayList<>();
        SourceEntity.SELF_ASSESSMENTS.fieldNames().forEach(f -> fields.add(DataTypes.createStructField(f, DataTypes.StringType, true)));
        fields.add(DataTypes.createStructField("batch_id", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("file_name", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("row_number", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("raw_line", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("ingested_at", DataTypes.TimestampType, true));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** One raw row; scores '|'-separated, NULL for a missing value. */
    private static Row raw(String file, long rowNumber, String id, String account, String year, String set, String group,
                           String scores, String total, String result, String submitted, String updated, String status) {
        List<Object> v = new ArrayList<>(Arrays.asList(id, account, year, set, group));
        String[] s = scores.split("\\|", -1);
        assertEquals(10, s.length, scores);
        for (String x : s) {
            v.add(x.equals("NULL") ? null : x);
        }
        v.addAll(Arrays.asList(total, result, submitted, updated, status));
        assertEquals(SourceEntity.SELF_ASSESSMENTS.fieldNames().size(), v.size());
        v.addAll(Arrays.asList("test-batch", file, rowNumber, file + ":" + rowNumber + ":" + String.join(";", s),
                Timestamp.valueOf(RECEIVED_AT)));
        return RowFactory.create(v.toArray());
    }

    private static Row only(List<Row> rows, String file, String assessmentId) {
        List<Row> found = rows.stream()
                .filter(r -> file.equals(r.getAs("file_name")) && assessmentId.equals(r.getAs("assessment_id"))).toList();
        assertEquals(1, found.size(), assessmentId);
        assertNotNull(found.get(0));
        return found.get(0);
    }

    private static String strip(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static String resource(String name) {
        try (InputStream in = SelfAssessmentValidationEquivalenceTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
