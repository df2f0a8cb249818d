package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commune bulletin, filled from the issue 13 marts (BulletinFixture): one page, the marts' figures. */
class BulletinCommuneTest extends UnitReportTest {

    private static Connection duck;

    @BeforeAll
    static void open() throws SQLException {
        duck = BulletinFixture.open();
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    private static byte[] render(String code, String name) {
        byte[] pdf = ENGINE.export(ENGINE.fill("bulletin_commune", BulletinFixture.parameters(code, name), duck),
                ReportFormat.PDF);
        keep("bulletin-commune-" + code + "-2026-11.pdf", pdf);
        return pdf;
    }

    @Test
    void aCommuneWithItsThresholdAsTheMartJudgesIt() {
        byte[] pdf = render("21003", "Xã Bình Sơn");
        assertEquals(1, pdfPages(pdf));
        String flat = pdfText(pdf).replaceAll("\\s+", " ");
        // the mart's rank, shared with Xã Bắc Trà My, among the 24 communes with data
        assertTrue(flat.contains("Xếp thứ 3/24 xã, phường có số liệu"), flat);
        assertTrue(flat.contains("3/24"));
        // the threshold: behind, reached in 2034 at 5,0 points a year; the year's end as projected by the mart
        assertTrue(flat.contains("Chậm tiến độ"));
        assertFalse(flat.contains("Đúng tiến độ"));
        assertTrue(flat.contains("tăng bình quân 5,0 điểm %/năm; với tốc độ đó, xã đạt ngưỡng vào năm 2034"), flat);
        assertTrue(flat.contains("Dự kiến cuối năm 2026: 19,0% (theo số liệu đến hết tháng 10/2026)"));
        assertFalse(flat.contains("điểm %/tháng"));
        // the words, the as-of date, the data note
        assertTrue(flat.contains("người tự đánh giá đạt"));
        assertFalse(flat.contains("đạt danh hiệu"));
        assertTrue(flat.contains("số liệu lũy kế tính đến ngày 24/11/2026"));
        assertTrue(flat.contains("5 trường hợp được công nhận năm 2026 dù trong dữ liệu không có phiếu tự đánh giá Đạt"), flat);
        assertTrue(flat.contains("3 dòng dữ liệu ghi ngày sau thời điểm trích xuất"));
        // Đề nghị: 60% of 1.000 − 200 = 400 people; the lagging units; the weakest criteria
        assertTrue(flat.contains("Vận động thêm khoảng 400 người tự đánh giá đạt"), flat);
        assertTrue(flat.contains("Chi hội khuyến học thôn Bắc (0,0%), Công ty TNHH Sao Việt (10,0%)"));
        assertTrue(flat.contains("4. Học tập ngoại ngữ hoặc tiếng dân tộc (56,9%); 3. Kỹ năng số (79,6%)"));
        assertTrue(flat.contains("Cùng kỳ 2025"));
    }

    @Test
    void aCommuneAboveTheThreshold() {
        byte[] pdf = render("21001", "Xã Ba Tơ");
        assertEquals(1, pdfPages(pdf));
        String flat = pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(flat.contains("ĐÃ ĐẠT"), flat);
        assertTrue(flat.contains("Tỷ lệ tự đánh giá đạt 65,0%, vượt ngưỡng 5,0 điểm %."));
        assertTrue(flat.contains("Xếp thứ 1/24"));
        assertFalse(flat.contains("Vận động thêm"));
    }

    @Test
    void aCommuneWithoutDataSaysWhy() {
        byte[] pdf = render(BulletinFixture.NO_DATA_CODE, "Đặc khu Lý Sơn");
        assertEquals(1, pdfPages(pdf));
        String flat = pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(flat.contains("Đặc khu Lý Sơn: xã mới không có xã cũ tương ứng trong bảng chuyển đổi, chưa có số liệu"), flat);
        assertFalse(flat.contains("Xếp thứ"));
    }
}
