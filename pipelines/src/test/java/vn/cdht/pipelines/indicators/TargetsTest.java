package vn.cdht.pipelines.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.ingest.BatchIngestion;
import vn.cdht.warehouse.control.MartRunLedger;

/**
 * Targets judged across years, a recognition without achievement, and a row dated after its batch, on three years of
 * one commune (worked example of docs/indicators.md, "Mục tiêu"):
 * <pre>
 * Phường Kon Tum (23293, province 51 since 2025; old commune 23281 went wholly into it), eligible 100 every year.
 * Tự đánh giá đạt, all submitted on 15 October: 4 citizens in 2024, 8 in 2025, 12 in 2026.
 * The data is as of its ingestion (after November 2026), so 2026 is reported at 2026-11 (its last activity month):
 *   achieved rate at November: 0.04 (2024), 0.08 (2025), 0.12 (2026);
 *   monthly_pace 2026 = 0.12 / 11; year_end_value = 0.12 + 0.12 / 11 = 0.1309;
 *   annual_pace = slope of (2024, 0.04), (2025, 0.08), (2026, 0.12) = 0.04 per year;
 *   60% by 2030: 0.1309 + 4 × 0.04 = 0.29 &lt; 0.6: behind; projected_year = 2026 + ceil(0.4691 / 0.04) = 2038.
 *   (Extended across years, the in-year pace 0.0109 per month would reach 60% in July 2030: "on track". Wrong.)
 *   40% by 2025, a past year: 0.08 at its end: not_met.
 * Two 2026 title holders score 6 on criterion 3 (pass mark 5, "có kỹ năng số" mark 7): digital 10 / 12.
 * K13 is recognised in 2026 without any self-assessment: RECOGNISED_WITHOUT_ACHIEVEMENT.
 * K99 registers on 01/01/2099, after the batch: flagged FUTURE_DATED, not counted.
 * </pre>
 */
class TargetsTest {

    @TempDir
    static Path dir;
    private final SparkSession spark = SharedWarehouse.spark();

    @BeforeAll
    static void ingestAndCompute() throws IOException {
        SharedWarehouse.clearIngestedData();
        Path batch = write(dir.resolve("three-years"));
        new BatchIngestion(SharedWarehouse.spark(), SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { }).run(batch);
        SharedWarehouse.control().migrate();
        new IndicatorsJob(SharedWarehouse.spark(), SharedWarehouse.inventory(),
                new MartRunLedger(SharedWarehouse.control()), m -> { }).run(null, true);
    }

    private Row target(String level, String code) {
        List<Row> rows = spark.sql("SELECT current_value, monthly_pace, year_end_value, annual_pace, projected_year, status,"
                + " year, as_of_month FROM mart.targets WHERE level = '" + level + "' AND target_code = '" + code + "'"
                + " AND province_code = '51' AND (level = 'province' OR commune_code = '23293')").collectAsList();
        assertEquals(1, rows.size(), level + " " + code + ": " + rows);
        return rows.get(0);
    }

    @Test
    void aFutureTargetIsJudgedOnTheSameMonthOfEveryYearNotOnTheInYearPace() {
        Row t = target("province", "D677-2030-ADULTS");
        assertEquals(0.12, t.getDouble(0), 1e-9);
        assertEquals(0.12 / 11, t.getDouble(1), 1e-9);
        assertEquals(0.12 + 0.12 / 11, t.getDouble(2), 1e-9);
        assertEquals(0.04, t.getDouble(3), 1e-9);
        assertEquals(2038, t.getInt(4));
        assertEquals("behind", t.getString(5));
        assertEquals(2026, t.getInt(6));
        assertEquals("2026-11", t.getString(7));
    }

    @Test
    void aPastTargetYearIsMetOrNotMetNeverProjected() {
        Row t = target("province", "D677-2025-ADULTS");
        assertEquals("not_met", t.getString(5));
        assertEquals(2025, t.getInt(6));
        assertEquals(0.08, t.getDouble(0), 1e-9);
        assertTrue(t.isNullAt(1) && t.isNullAt(3) && t.isNullAt(4), t.toString());
    }

    @Test
    void theStandingThresholdIsJudgedOnThisYearsProjectedEnd() {
        Row t = target("commune", "TT25-COMMUNE-60");
        assertEquals("behind", t.getString(5));
        assertEquals(0.12 + 0.12 / 11, t.getDouble(2), 1e-9);
    }

    @Test
    void digitalSkillsCanDifferFromAHundredPercentAndProficiencyIsNotMeasured() {
        assertEquals(10.0 / 12, target("province", "D677-2030-DIGITAL").getDouble(0), 1e-9);
        Row proficient = target("province", "D677-2030-DIGITAL-PROFICIENT");
        assertEquals("not_measured", proficient.getString(5));
        assertTrue(proficient.isNullAt(0));
    }

    @Test
    void aRecognitionWithoutAchievementIsFlaggedWithItsYear() {
        Row r = spark.sql("SELECT sum(rows), max(year), max(province_code) FROM mart.data_quality"
                + " WHERE code = 'RECOGNISED_WITHOUT_ACHIEVEMENT'").first();
        assertEquals(1L, r.getLong(0));
        assertEquals(2026, r.getInt(1));
        assertEquals("51", r.getString(2));
    }

    @Test
    void aRowDatedAfterItsBatchIsFlaggedAndNotCounted() {
        assertEquals(1L, spark.sql("SELECT count(*) FROM core.accounts WHERE array_contains(flags, 'FUTURE_DATED')")
                .first().getLong(0));
        assertEquals(1L, spark.sql("SELECT sum(rows) FROM mart.data_quality WHERE code = 'FUTURE_DATED'").first().getLong(0));
        // 13 accounts counted at the end of 2026-11 (K1..K13); K99 is not, and no month after the as-of exists
        Row c = spark.sql("SELECT registered, as_of_month FROM mart.coverage WHERE geography = '2025' AND level = 'province'"
                + " AND province_code = '51' ORDER BY as_of_month DESC LIMIT 1").first();
        assertEquals(13, c.getDecimal(0).intValue());
        assertEquals("2026-11", c.getString(1));
        assertNull(spark.sql("SELECT max(as_of_month) FROM mart.coverage WHERE as_of_month > '2027-01'").first().get(0));
    }

    @Test
    void theReportedMonthIsTheLastCompleteMonth() {
        List<Row> rows = spark.sql("SELECT year, as_of_month, month_complete FROM mart.coverage WHERE geography = '2025'"
                + " AND level = 'province' AND is_reported_month ORDER BY year").collectAsList();
        assertEquals(List.of(2024, 2025, 2026), rows.stream().map(r -> r.getInt(0)).toList());
        assertEquals(List.of("2024-12", "2025-12", "2026-11"), rows.stream().map(r -> r.getString(1)).toList());
        assertTrue(rows.stream().allMatch(r -> r.getBoolean(2)));
    }

    static Path write(Path batch) throws IOException {
        Files.createDirectories(batch);
        write(batch.resolve("don_vi.csv"), "Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã tỉnh,Mã huyện,Mã xã,Số thành viên,Ngày cập nhật\n"
                + "UnitKT01,Trường THCS Kon Tum,Trường học,51,,23293,40,10/08/2025\n");
        StringBuilder accounts = new StringBuilder("Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã huyện,Mã xã,"
                + "Mã đơn vị,Nhóm đối tượng,Ngày đăng ký,Ngày cập nhật,Trạng thái\n");
        StringBuilder assessments = new StringBuilder("Mã phiếu,Mã tài khoản,Năm đánh giá,Bộ tiêu chí,Nhóm đối tượng,"
                + "TC1,TC2,TC3,TC4,TC5,TC6,TC7,TC8,TC9,TC10,Tổng điểm,Kết quả,Ngày gửi,Ngày cập nhật\n");
        for (int k = 1; k <= 13; k++) {
            // K1..K4 registered in 2024 on the old commune 23281 (province 62), the others after 1 July 2025 on 23293
            boolean old = k <= 4;
            String registered = old ? "10/01/2024" : k <= 8 ? "01/08/2025" : "01/03/2026";
            accounts.append(String.format("K%d,0510900%05d,Y Văn %d,01/01/1990,Nam,%s,%s,%s,UnitKT01,III,%s,%s,Hoạt động%n",
                    k, k, k, old ? "62" : "51", old ? "608" : "", old ? "23281" : "23293", registered, registered));
        }
        accounts.append("K99,051090099999,Y Văn Chín,01/01/1990,Nam,51,,23293,UnitKT01,III,01/01/2099,01/01/2099,Hoạt động\n");
        int[] achievers = {0, 4, 8, 12};
        for (int y = 1; y <= 3; y++) {
            int year = 2023 + y;
            for (int k = 1; k <= achievers[y]; k++) {
                int c3 = year == 2026 && k <= 2 ? 6 : 8;
                int total = 9 * 8 + c3;
                assessments.append(String.format("P%d-%d,K%d,%d,324/QĐ-KHVN,III,8,8,%d,8,8,8,8,8,8,8,%d,Đạt,15/10/%d,15/10/%d%n",
                        year, k, k, year, c3, total, year, year));
            }
        }
        write(batch.resolve("tai_khoan.csv"), accounts.toString());
        write(batch.resolve("phieu_danh_gia.csv"), assessments.toString());
        write(batch.resolve("cong_nhan.csv"), "Mã tài khoản,Năm,Số quyết định,Ngày quyết định,Mã đơn vị\n"
                + "K13,2026,7/QĐ-THCSKT,20/11/2026,UnitKT01\n");
        write(batch.resolve("dan_so.csv"), "Năm,Mã xã,Số người trong độ tuổi\n2024,23281,100\n2025,23293,100\n2026,23293,100\n");
        return batch;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
