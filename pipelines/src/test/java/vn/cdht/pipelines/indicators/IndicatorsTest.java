package vn.cdht.pipelines.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.ingest.BatchIngestion;
import vn.cdht.pipelines.ingest.IngestReport;
import vn.cdht.warehouse.control.MartRunLedger;

/**
 * Every indicator on a hand-made fixture whose expected figures were worked out by hand:
 * <pre>
 * old commune 21142 Xã Trà Bùi (district 525, province 51), split on 1 July 2025 into 21136 Xã Cà Đam and
 *   21157 Xã Tây Trà Bồng (equal shares, 1/2 each); eligible 100 in 2024.
 *   A1 registered 2024-03-05; submits 2024-09-05 Đạt, 2024-10-10 Không đạt, 2024-10-20 Đạt; recognised 2024-11-20
 *   A2 registered 2024-03-20; submits 2024-10-15 Không đạt
 *   A3 registered 2024-09-10
 *   A4 registered 2024-10-01, locked: not registered
 * old commune 23281 Phường Quang Trung (province 62), went wholly into 23293 Phường Kon Tum (province 51 since
 *   2025); eligible 50 in 2024.
 *   A5 registered 2024-04-01; submits 2024-09-20 Đạt
 * Months with data: 2024-03 .. 2024-11 (the recognition); 2024-11 is the year's latest month.
 *
 * 2024 geography, as of 2024-11: 21142 eligible 100, registered 3, assessed 2, achieved 1, recognised 1;
 *   23281 eligible 50, registered 1, assessed 1, achieved 1; province 51: registered 3 (only 21142 has accounts).
 * 2025 geography, as of 2024-11: 21136 and 21157 each eligible 50, registered 1.5, assessed 1, achieved 0.5,
 *   recognised 0.5, approximate; 23293 eligible 50, registered 1, assessed 1, achieved 1, exact;
 *   province 51: eligible 150, registered 4, assessed 3, achieved 2, recognised 1.
 * As of 2024-09, 21142: registered 3, assessed 1 (A1), achieved 1. As of 2024-03: registered 2.
 * Criteria 2024, province 51 (2024 geography), group III: A1's submission that counts scores 7 on every criterion
 *   but criterion 4 (3); A2 scores 4 everywhere; pass mark 5: criterion 1 met by 1 of 2 (share 0.5, mean 5.5),
 *   criterion 4 by 0 of 2 (share 0): the weakest.
 * Unit UnitTB01 (members 10) in 2024: registered 3, assessed 2, achieved 1, recognised 1.
 * A9 has a 10-digit CCCD: quarantined (BAD_CCCD), so it counts nowhere; mart.data_quality has 1 row for it in
 *   province 51, commune 21142, unit UnitTB01.
 * </pre>
 */
class IndicatorsTest {

    @TempDir
    static Path dir;
    static List<IndicatorsJob.MartResult> results;
    private final SparkSession spark = SharedWarehouse.spark();

    @BeforeAll
    static void ingestAndCompute() throws IOException {
        SharedWarehouse.clearIngestedData();
        Path batch = IndicatorsFixture.write(dir.resolve("fixture"));
        IngestReport report = new BatchIngestion(SharedWarehouse.spark(), SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { })
                .run(batch);
        assertEquals(1, report.rowsQuarantined(), report.toString());
        SharedWarehouse.control().migrate();
        results = new IndicatorsJob(SharedWarehouse.spark(), SharedWarehouse.inventory(),
                new MartRunLedger(SharedWarehouse.control()), m -> { }).run(null);
    }

    private Row coverage(String geography, String level, String code, String month) {
        String column = switch (level) {
            case "province" -> "province_code";
            case "district" -> "district_code";
            default -> "commune_code";
        };
        List<Row> rows = spark.sql("SELECT eligible, registered, assessed, achieved, recognised, approximate, reaches_threshold,"
                + " is_latest_month FROM mart.coverage WHERE geography = '" + geography + "' AND level = '" + level + "' AND "
                + column + " = '" + code + "' AND as_of_month = '" + month + "'").collectAsList();
        assertEquals(1, rows.size(), geography + " " + level + " " + code + " " + month);
        return rows.get(0);
    }

    private static void assertFigures(Row r, double eligible, double registered, double assessed, double achieved, double recognised) {
        assertEquals(List.of(eligible, registered, assessed, achieved, recognised),
                List.of(d(r, 0), d(r, 1), d(r, 2), d(r, 3), d(r, 4)));
    }

    private static double d(Row r, int i) {
        return ((BigDecimal) r.get(i)).doubleValue();
    }

    @Test
    void coverageOnTheOldGeography() {
        Row traBui = coverage("2024", "commune", "21142", "2024-11");
        assertFigures(traBui, 100, 3, 2, 1, 1);
        assertFalse(traBui.getBoolean(5), "exact on its own geography");
        assertFalse(traBui.getBoolean(6), "1% is below the 60% threshold");
        assertTrue(traBui.getBoolean(7), "2024-11 is the latest month of 2024");
        assertFigures(coverage("2024", "commune", "23281", "2024-11"), 50, 1, 1, 1, 0);
        assertFigures(coverage("2024", "district", "525", "2024-11"), 100, 3, 2, 1, 1);
        assertFigures(coverage("2024", "province", "51", "2024-11"), 100, 3, 2, 1, 1);
        assertFigures(coverage("2024", "province", "62", "2024-11"), 50, 1, 1, 1, 0);
    }

    @Test
    void aSplitCommunesCountsAreAllocatedAndItsTotalsConserved() {
        Row caDam = coverage("2025", "commune", "21136", "2024-11");
        Row tayTraBong = coverage("2025", "commune", "21157", "2024-11");
        assertFigures(caDam, 50, 1.5, 1, 0.5, 0.5);
        assertFigures(tayTraBong, 50, 1.5, 1, 0.5, 0.5);
        assertTrue(caDam.getBoolean(5) && tayTraBong.getBoolean(5), "allocated shares are approximate");
        Row old = coverage("2024", "commune", "21142", "2024-11");
        for (int i = 0; i < 5; i++) {
            assertEquals(d(old, i), d(caDam, i) + d(tayTraBong, i), "the parts add up to the old commune, column " + i);
        }
        Row konTum = coverage("2025", "commune", "23293", "2024-11");
        assertFigures(konTum, 50, 1, 1, 1, 0);
        assertFalse(konTum.getBoolean(5), "a whole old commune is re-expressed exactly");
        assertFigures(coverage("2025", "province", "51", "2024-11"), 150, 4, 3, 2, 1);
    }

    @Test
    void figuresAreCumulativeAsOfEachMonthAndACitizenCountsOnce() {
        assertFigures(coverage("2024", "commune", "21142", "2024-03"), 100, 2, 0, 0, 0);
        assertFigures(coverage("2024", "commune", "21142", "2024-09"), 100, 3, 1, 1, 0);
        assertFigures(coverage("2024", "commune", "21142", "2024-10"), 100, 3, 2, 1, 0);
        Row yearly = spark.sql("SELECT assessment_id, submissions FROM core.yearly_assessments WHERE account_id = 'A1'").first();
        assertEquals("P3", yearly.getString(0));
        assertEquals(3L, yearly.getLong(1));
        Row rates = spark.sql("SELECT registered_rate, achieved_rate, assessed_of_registered FROM mart.coverage"
                + " WHERE geography = '2024' AND level = 'commune' AND commune_code = '21142' AND as_of_month = '2024-11'").first();
        assertEquals(0.03, rates.getDouble(0), 1e-9);
        assertEquals(0.01, rates.getDouble(1), 1e-9);
        assertEquals(2.0 / 3, rates.getDouble(2), 1e-9);
    }

    @Test
    void trendShowsWhatEachMonthAdded() {
        Row march = spark.sql("SELECT new_registrations, cumulative_registrations FROM mart.trend WHERE geography = '2024'"
                + " AND level = 'commune' AND commune_code = '21142' AND month = '2024-03'").first();
        assertEquals(2.0, ((BigDecimal) march.get(0)).doubleValue());
        Row october = spark.sql("SELECT new_registrations, new_assessed, new_achieved FROM mart.trend WHERE geography = '2024'"
                + " AND level = 'commune' AND commune_code = '21142' AND month = '2024-10'").first();
        assertEquals(List.of(0.0, 1.0, 0.0), List.of(((BigDecimal) october.get(0)).doubleValue(),
                ((BigDecimal) october.get(1)).doubleValue(), ((BigDecimal) october.get(2)).doubleValue()));
    }

    @Test
    void unitProgress() {
        Row u = spark.sql("SELECT members, registered, assessed, achieved, recognised, achieved_rate, unit_category, commune_code_2025"
                + " FROM mart.unit_progress WHERE unit_code = 'UnitTB01' AND year = 2024").first();
        assertEquals(List.of(10L, 3L, 2L, 1L, 1L), List.of(u.getLong(0), u.getLong(1), u.getLong(2), u.getLong(3), u.getLong(4)));
        assertEquals(0.1, u.getDouble(5), 1e-9);
        assertEquals("school", u.getString(6));
    }

    @Test
    void criteriaSharesMeansAndTheWeakest() {
        Row c1 = spark.sql("SELECT assessed, meeting, share, mean_score FROM mart.criteria WHERE geography = '2024' AND level = 'province'"
                + " AND province_code = '51' AND year = 2024 AND citizen_group = 'III' AND criterion_no = 1").first();
        assertEquals(2.0, ((BigDecimal) c1.get(0)).doubleValue());
        assertEquals(1.0, ((BigDecimal) c1.get(1)).doubleValue());
        assertEquals(0.5, c1.getDouble(2), 1e-9);
        assertEquals(5.5, c1.getDouble(3), 1e-9);
        Row weakest = spark.sql("SELECT criterion_no, share FROM mart.criteria WHERE geography = '2024' AND level = 'province'"
                + " AND province_code = '51' AND year = 2024 AND citizen_group = 'III' AND weakness_rank = 1").first();
        assertEquals(4, weakest.getInt(0));
        assertEquals(0.0, weakest.getDouble(1), 1e-9);
    }

    @Test
    void dataQualityCountsTheQuarantinedRowWhereItWasWritten() {
        List<Row> rows = spark.sql("SELECT entity, code, province_code, commune_code, unit_code, rows FROM mart.data_quality"
                + " WHERE finding = 'quarantined'").collectAsList();
        assertEquals(1, rows.size(), rows.toString());
        Row r = rows.get(0);
        assertEquals(List.of("accounts", "BAD_CCCD", "51", "21142", "UnitTB01"),
                List.of(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
        assertEquals(1L, r.getLong(5));
    }

    @Test
    void targetsAndEveryMartRunRecordedWithItsInputs() {
        Row adults = spark.sql("SELECT current_value, gap, status FROM mart.targets WHERE level = 'province' AND province_code = '51'"
                + " AND target_code = 'D677-2025-ADULTS'").first();
        assertEquals(2.0 / 150, adults.getDouble(0), 1e-9);
        assertEquals(0.40 - 2.0 / 150, adults.getDouble(1), 1e-9);
        // one year of data only (2024): no pace across years to project 2025 from
        assertEquals("no_trend", adults.getString(2));
        List<MartRunLedger.MartRun> runs = new MartRunLedger(SharedWarehouse.control()).latest().stream()
                .filter(r -> !r.mart().startsWith("agg.")).toList();
        assertEquals(IndicatorsJob.marts().size(), runs.stream().map(MartRunLedger.MartRun::mart).distinct().count());
        // each mart's inputs are what its SQL (and the intermediate models it reads) names: trend reads mart.coverage
        // only, unit_categories mart.unit_progress only; coverage reads the reference geography, which a hand-kept
        // list once left out
        for (MartRunLedger.MartRun r : runs) {
            String input = switch (r.mart()) {
                case "trend" -> "mart.coverage=";
                case "unit_categories" -> "mart.unit_progress=";
                // the marts computed from the stored sums of agg/
                case "criteria" -> "agg.criteria_sums=";
                case "unit_progress" -> "agg.unit_sums=";
                case "targets" -> "agg.digital_sums=";
                default -> "core.accounts=";
            };
            assertTrue(r.inputSnapshots().contains(input), r.toString());
        }
        assertTrue(runs.stream().filter(r -> r.mart().equals("coverage"))
                .allMatch(r -> r.inputSnapshots().contains("ref.communes_2024=") && r.inputSnapshots().contains("ref.provinces_2025=")),
                runs.toString());
    }

    @Test
    void printedCountsAddUpToThePrintedTotalAndRatesUseTheUnroundedCounts() {
        // 2025 geography, 2024-11: 21136 and 21157 registered 1.5 each, 23293 1: whole parts 1 + 1 + 1, one more to
        // the largest remainder (a tie: the lower code), so the communes print 2, 1, 1 and add up to the province's 4
        List<Row> rows = spark.sql("SELECT commune_code, registered_printed, registered_rate, registered FROM mart.coverage"
                + " WHERE geography = '2025' AND level = 'commune' AND as_of_month = '2024-11' AND registered > 0"
                + " ORDER BY commune_code").collectAsList();
        assertEquals(List.of("21136", "21157", "23293"), rows.stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of(2L, 1L, 1L), rows.stream().map(r -> r.getLong(1)).toList());
        assertEquals(1.5 / 50, rows.get(0).getDouble(2), 1e-9);
        assertEquals(0L, spark.sql("SELECT count(*) FROM (SELECT c.geography, c.as_of_month, c.province_code,"
                + " sum(c.eligible_printed) - max(p.eligible_printed) AS e, sum(c.registered_printed) - max(p.registered_printed) AS r,"
                + " sum(c.assessed_printed) - max(p.assessed_printed) AS a, sum(c.achieved_printed) - max(p.achieved_printed) AS d,"
                + " sum(c.recognised_printed) - max(p.recognised_printed) AS g"
                + " FROM mart.coverage c JOIN mart.coverage p ON p.level = 'province' AND p.geography = c.geography"
                + " AND p.as_of_month = c.as_of_month AND p.province_code = c.province_code WHERE c.level = 'commune'"
                + " GROUP BY c.geography, c.as_of_month, c.province_code) WHERE e <> 0 OR r <> 0 OR a <> 0 OR d <> 0 OR g <> 0")
                .first().getLong(0));
    }

    @Test
    void aCommuneWithoutAPredecessorHasNoDataAndNoRank() {
        // Đặc khu Lý Sơn (51, 2025) has no old commune in the crosswalk
        Row r = spark.sql("SELECT no_data_reason, rank_in_province, reaches_threshold, achieved_rate FROM mart.coverage"
                + " WHERE geography = '2025' AND level = 'commune' AND commune_name LIKE '%Lý Sơn%' AND as_of_month = '2024-11'")
                .first();
        assertEquals("no_predecessor", r.getString(0));
        assertTrue(r.isNullAt(1) && r.isNullAt(2) && r.isNullAt(3), r.toString());
    }

    @Test
    void aSecondRunWithTheSameInputsLeavesEveryMartAsItIs() {
        List<IndicatorsJob.MartResult> again = new IndicatorsJob(SharedWarehouse.spark(), SharedWarehouse.inventory(),
                new MartRunLedger(SharedWarehouse.control()), m -> { }).run(null);
        assertTrue(again.stream().allMatch(IndicatorsJob.MartResult::unchanged), again.toString());
        assertEquals(results.stream().map(IndicatorsJob.MartResult::snapshotId).toList(),
                again.stream().map(IndicatorsJob.MartResult::snapshotId).toList());
    }

    @Test
    void docsMartsSchemaStatesEveryMartsColumnsAndTypesAsComputed() throws IOException {
        MartsSchemaDoc doc = MartsSchemaDoc.read(Path.of("..", "docs", "marts-schema.md"));
        assertEquals(new TreeSet<>(IndicatorsJob.marts()), new TreeSet<>(doc.marts().keySet()),
                "docs/marts-schema.md has one section per mart");
        for (Map.Entry<String, Map<String, Optional<String>>> mart : doc.marts().entrySet()) {
            StructType schema = spark.table("mart." + mart.getKey()).schema();
            assertEquals(new TreeSet<>(List.of(schema.fieldNames())), new TreeSet<>(mart.getValue().keySet()),
                    "columns of mart." + mart.getKey() + " in docs/marts-schema.md");
            mart.getValue().forEach((column, type) -> type.ifPresent(t -> assertEquals(t,
                    schema.apply(column).dataType().sql(),
                    "type of mart." + mart.getKey() + "." + column + " in docs/marts-schema.md")));
        }
    }
}
