package vn.cdht.pipelines.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.ingest.BatchIngestion;
import vn.cdht.warehouse.control.MartRunLedger;

/**
 * mart.fix_list and mart.fix_summary over three batches: the fixture's quarantined account A9 (a CCCD of 10 digits)
 * is on its unit's list; the second batch corrects A9 and brings A20 with an 11-digit CCCD (kept, flagged
 * CCCD_REPAIRED); the third corrects A20. Each correction takes its row off the list and counts as fixed once.
 */
class FixListTest {

    private static final String HEADER = "Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã huyện,Mã xã,Mã đơn vị,"
            + "Nhóm đối tượng,Ngày đăng ký,Ngày cập nhật,Trạng thái\n";

    @TempDir
    static Path dir;
    static String first;
    static String second;
    static String third;
    static List<String> afterFirst;
    static List<String> summaryAfterFirst;
    static List<String> afterSecond;
    static List<String> summaryAfterSecond;
    static List<String> afterThird;
    static List<String> summaryAfterThird;

    @BeforeAll
    static void threeBatches() throws IOException {
        SharedWarehouse.clearIngestedData();
        SharedWarehouse.control().migrate();
        Path b1 = IndicatorsFixture.write(dir.resolve("fix-1"));
        // a unit and an account more than IndicatorsTest's batch: not the same bytes, so not skipped as ingested before
        Files.writeString(b1.resolve("don_vi.csv"), "UnitFX01,Trường Mầm non Hoa Sen,Trường học,51,525,21142,5,10/01/2024\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(b1.resolve("tai_khoan.csv"),
                "A30,051090000030,Đặng Quốc Huy,01/01/1990,Nam,51,525,21142,UnitTB01,III,01/04/2024,01/04/2024,Hoạt động\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        first = ingest(b1);
        afterFirst = fixList();
        summaryAfterFirst = summary();

        Path b2 = Files.createDirectories(dir.resolve("fix-2"));
        Files.writeString(b2.resolve("tai_khoan.csv"), HEADER
                + "A9,051090000009,Hồ Văn Chín,01/01/1990,Nam,51,525,21142,UnitTB01,III,01/04/2024,02/05/2024,Hoạt động\n"
                + "A20,51190000020,Nguyễn Thị Ngọc Ánh,01/01/1990,Nữ,51,525,21142,UnitTB01,III,02/05/2024,02/05/2024,Hoạt động\n",
                StandardCharsets.UTF_8);
        second = ingest(b2);
        afterSecond = fixList();
        summaryAfterSecond = summary();

        Path b3 = Files.createDirectories(dir.resolve("fix-3"));
        Files.writeString(b3.resolve("tai_khoan.csv"), HEADER
                + "A20,051190000020,Nguyễn Thị Ngọc Ánh,01/01/1990,Nữ,51,525,21142,UnitTB01,III,02/05/2024,03/05/2024,Hoạt động\n",
                StandardCharsets.UTF_8);
        third = ingest(b3);
        afterThird = fixList();
        summaryAfterThird = summary();
    }

    private static String ingest(Path batch) {
        var report = new BatchIngestion(SharedWarehouse.spark(), SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { })
                .run(batch);
        new IndicatorsJob(SharedWarehouse.spark(), SharedWarehouse.inventory(), new MartRunLedger(SharedWarehouse.control()),
                m -> { }).run(null);
        return report.batchId();
    }

    private static List<String> fixList() {
        return rows("SELECT unit_code, entity, record_key, account_id, finding, code, field, field_label, is_new, file_name,"
                + " row_number, province_code_2025, as_of_batch FROM mart.fix_list ORDER BY record_key, code");
    }

    private static List<String> summary() {
        return rows("SELECT unit_code, entity, code, rows_open, rows_new, rows_fixed, previous_batch FROM mart.fix_summary"
                + " ORDER BY unit_code, code");
    }

    private static List<String> rows(String sql) {
        SparkSession spark = SharedWarehouse.spark();
        return spark.sql(sql).collectAsList().stream()
                .map(r -> r.toSeq().mkString("|")).collect(Collectors.toList());
    }

    @Test
    void aQuarantinedAccountIsOnItsUnitsList() {
        assertEquals(List.of("UnitTB01|accounts|A9|A9|quarantined|BAD_CCCD|citizen_id|Số CCCD|true|tai_khoan.csv|7|51|" + first),
                afterFirst);
        assertEquals(List.of("UnitTB01|accounts|BAD_CCCD|1|1|0|null"), summaryAfterFirst);
    }

    @Test
    void aCorrectedRowLeavesTheListAndCountsAsFixed() {
        assertEquals(List.of("UnitTB01|accounts|A20|A20|flag|CCCD_REPAIRED|citizen_id|Số CCCD|true|tai_khoan.csv|3|51|" + second),
                afterSecond);
        assertEquals(List.of("UnitTB01|accounts|BAD_CCCD|0|0|1|" + first, "UnitTB01|accounts|CCCD_REPAIRED|1|1|0|" + first),
                summaryAfterSecond);
    }

    @Test
    void aCorrectedFlagLeavesTheListToo() {
        assertEquals(List.of(), afterThird);
        assertEquals(List.of("UnitTB01|accounts|CCCD_REPAIRED|0|0|1|" + second), summaryAfterThird);
    }
}
