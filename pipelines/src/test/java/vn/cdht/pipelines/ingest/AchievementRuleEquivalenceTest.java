package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.spark.SqlModel;
import vn.cdht.warehouse.rules.AchievementRule;
import vn.cdht.warehouse.rules.AchievementRules;
import vn.cdht.warehouse.rules.Criterion;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * The generator's verdict on a self-assessment ({@link AchievementRule#achieved}) is the pipeline's
 * ({@code rule_achieved} of {@code sql/validate/self_assessments.sql}, against the {@code ref} tables loaded from the
 * same {@code rules/} files): the same on every one of thousands of random assessments of every year's criteria set and
 * every group, many on a boundary (scores equal to their pass marks, a total equal to the least total, exactly the
 * least number of criteria met), many with a mandatory criterion failed, with the total written or left empty.
 */
class AchievementRuleEquivalenceTest {

    private static final int ASSESSMENTS = 4000;
    private static final List<String> GROUPS = List.of("I", "II", "III");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private record Assessment(String id, AchievementRule rule, List<BigDecimal> scores, boolean mandatoryFailed,
                              boolean totalWritten) {
    }

    @Test
    void theJavaAndTheSqlRuleGiveTheSameVerdictOnEveryAssessment() {
        SparkSession spark = SharedWarehouse.spark();
        AchievementRules rules = AchievementRules.bundled();
        SplittableRandom random = new SplittableRandom(16);
        Map<String, Assessment> byId = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= ASSESSMENTS; n++) {
            int year = 2022 + random.nextInt(6);
            String group = GROUPS.get(random.nextInt(GROUPS.size()));
            AchievementRule rule = rules.ruleFor(year, group);
            Assessment a = assessment(random, "A" + n, rule);
            byId.put(a.id(), a);
            // the set as written, or left for the pipeline to find from the year
            String set = random.nextBoolean() ? rule.setCode() : null;
            rows.add(row(n, a, year, set, group));
        }
        spark.createDataFrame(rows, schema()).createOrReplaceTempView("test_assessments");
        spark.sql("SELECT *, TIMESTAMP'2030-01-01 00:00:00' AS received_at, 1 AS copy_no FROM test_assessments")
                .createOrReplaceTempView("batch_rows");

        List<Row> judged = spark.sql(SqlModel.load("validate", "self_assessments").select())
                .select("assessment_id", "rule_achieved", "criteria_met", "total_score").collectAsList();

        assertEquals(ASSESSMENTS, judged.size());
        Set<Boolean> verdicts = new HashSet<>();
        int onLeastTotal = 0;
        int onLeastCriteria = 0;
        int mandatoryFailed = 0;
        int totalMissing = 0;
        for (Row r : judged) {
            Assessment a = byId.get(r.<String>getAs("assessment_id"));
            Boolean sql = r.getAs("rule_achieved");
            assertNotNull(sql, a.id() + " was not judged");
            boolean java = a.rule().achieved(a.scores());
            assertEquals(java, sql, () -> a + ": Java " + java + ", SQL " + sql);
            verdicts.add(sql);
            onLeastTotal += a.rule().minTotal().compareTo(r.getAs("total_score")) == 0 ? 1 : 0;
            onLeastCriteria += a.rule().minCriteriaMet() == r.<Integer>getAs("criteria_met") ? 1 : 0;
            mandatoryFailed += a.mandatoryFailed() ? 1 : 0;
            totalMissing += a.totalWritten() ? 0 : 1;
        }
        assertEquals(Set.of(true, false), verdicts);
        for (int count : new int[] {onLeastTotal, onLeastCriteria, mandatoryFailed, totalMissing}) {
            assertTrue(count > ASSESSMENTS / 20, "a boundary case is too rare: " + count);
        }
    }

    /**
     * Scores of one of three shapes: every score on its pass mark with half points moved from criterion to criterion
     * (the same total, criteria falling just below their pass mark); each score within a point of its pass mark; any
     * score. A mandatory criterion is then sometimes put just below its pass mark.
     */
    private static Assessment assessment(SplittableRandom random, String id, AchievementRule rule) {
        List<Criterion> criteria = rule.criteria();
        List<BigDecimal> scores = new ArrayList<>();
        int shape = random.nextInt(3);
        for (Criterion c : criteria) {
            scores.add(switch (shape) {
                case 0 -> c.passMark();
                case 1 -> clamp(c.passMark().add(HALF.multiply(BigDecimal.valueOf(random.nextInt(5) - 2))), c);
                default -> HALF.multiply(BigDecimal.valueOf(random.nextInt(c.maxScore().intValue() * 2 + 1)));
            });
        }
        if (shape == 0) {
            for (int moves = random.nextInt(4); moves > 0; moves--) {
                int from = random.nextInt(criteria.size());
                int to = random.nextInt(criteria.size());
                if (scores.get(from).signum() > 0 && scores.get(to).compareTo(criteria.get(to).maxScore()) < 0) {
                    scores.set(from, scores.get(from).subtract(HALF));
                    scores.set(to, scores.get(to).add(HALF));
                }
            }
        }
        boolean failMandatory = random.nextInt(4) == 0;
        if (failMandatory) {
            List<Integer> mandatory = new ArrayList<>();
            for (int i = 0; i < criteria.size(); i++) {
                if (criteria.get(i).mandatory()) {
                    mandatory.add(i);
                }
            }
            int i = mandatory.get(random.nextInt(mandatory.size()));
            scores.set(i, clamp(criteria.get(i).passMark().subtract(HALF), criteria.get(i)));
        }
        return new Assessment(id, rule, scores, failMandatory, random.nextInt(3) > 0);
    }

    private static BigDecimal clamp(BigDecimal score, Criterion c) {
        return score.max(BigDecimal.ZERO).min(c.maxScore());
    }

    private static Row row(long n, Assessment a, int year, String set, String group) {
        Map<String, Object> v = new HashMap<>();
        v.put("assessment_id", a.id());
        v.put("account_id", "TK" + n);
        v.put("year", String.valueOf(year));
        v.put("criteria_set", set);
        v.put("citizen_group", group);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < a.scores().size(); i++) {
            v.put("score_" + (i + 1), a.scores().get(i).toPlainString());
            total = total.add(a.scores().get(i));
        }
        v.put("total_score", a.totalWritten() ? total.toPlainString() : null);
        v.put("result", "Đạt");
        v.put("submitted_at", "15/09/" + year + " 10:00:00");
        v.put("updated_at", "15/09/" + year + " 10:00:00");
        v.put("batch_id", "equivalence");
        v.put("file_name", "phieu_danh_gia.csv");
        v.put("row_number", n);
        return RowFactory.create(columns().stream().map(v::get).toArray());
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(SourceEntity.SELF_ASSESSMENTS.fieldNames());
        columns.addAll(List.of("batch_id", "file_name", "row_number"));
        return columns;
    }

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (String c : columns()) {
            fields.add(DataTypes.createStructField(c, c.equals("row_number") ? DataTypes.LongType : DataTypes.StringType, true));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }
}
