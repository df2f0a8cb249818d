package vn.cdht.reports.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.reports.registry.RenderedReport;

class ReportMessageTest {

    private static final ReportMessage MESSAGES = new ReportMessage(new PlaceNames());

    @TempDir
    Path dir;

    @Test
    void theSubjectSaysWhatWhereAndWhenInVietnamese() {
        Path pdf = TestReports.pdf(dir.resolve("ban-tin.pdf"));
        assertEquals("[Công dân học tập] Bản tin tỉnh — Quảng Ngãi — tháng 10/2026",
                MESSAGES.subject(TestReports.unregistered(pdf, "province", "51", "2026-10")));
        assertEquals("[Công dân học tập] Bản tin xã — Xã Tịnh Khê, Quảng Ngãi — tháng 01/2027",
                MESSAGES.subject(TestReports.unregistered(pdf, "commune", "21211", "2027-01")));
        assertEquals("[Công dân học tập] Biểu thống kê tài khoản Công dân học tập — Hà Nội — tháng 10/2026",
                MESSAGES.subject(TestReports.unregistered(pdf, "stats-table", "01", "2026-10")));
        assertEquals("[Công dân học tập] Báo cáo đăng ký của đơn vị — Quảng Ngãi (school) — tháng 10/2026",
                MESSAGES.subject(TestReports.unregistered(pdf, "unit-report", "51:school", "2026-10")));
        assertEquals("[Công dân học tập] Danh sách công dân tự đánh giá — đơn vị DV001 — tháng 10/2026",
                MESSAGES.subject(TestReports.unregistered(pdf, "unit-list", "DV001", "2026-10")));
        assertEquals("[Công dân học tập] Bản tin tỉnh — 99 — tháng 10/2026",
                MESSAGES.subject(TestReports.unregistered(pdf, "province", "99", "2026-10")), "unknown codes as they are");
    }

    @Test
    void theBodyGreetsNamesTheFileAndWarnsAboutPersonalData() {
        Path pdf = TestReports.pdf(dir.resolve("danh-sach.pdf"));
        RenderedReport province = TestReports.unregistered(pdf, "province", "51", "2026-10");
        String body = MESSAGES.body(province, "Nguyễn Văn An");
        assertTrue(body.startsWith("Kính gửi Nguyễn Văn An,"), body);
        assertTrue(body.contains("danh-sach.pdf (1 trang), lập ngày 05/11/2026"), body);
        assertFalse(body.contains("dữ liệu cá nhân"), body);
        assertTrue(MESSAGES.body(province, null).startsWith("Kính gửi Quý cơ quan, đơn vị,"));
        String list = MESSAGES.body(TestReports.unregistered(pdf, "unit-list", "DV001", "2026-10"), null);
        assertTrue(list.contains("chứa dữ liệu cá nhân của công dân và chỉ dành cho người quản lý đơn vị DV001"), list);
    }

    @Test
    void aFixListOrSummaryIsDatedByItsIssueDateNotAMonth() {
        Path pdf = TestReports.pdf(dir.resolve("fix-list-B51pzCjW-2026-10.pdf"));
        RenderedReport list = TestReports.unregistered(pdf, "fix-list", "B51pzCjW", "2026-10");
        assertEquals("[Công dân học tập] Danh sách dữ liệu cần sửa — đơn vị B51pzCjW — lập ngày 05/11/2026",
                MESSAGES.subject(list));
        assertEquals("[Công dân học tập] Tổng hợp dữ liệu cần sửa — Quảng Ngãi — lập ngày 05/11/2026",
                MESSAGES.subject(TestReports.unregistered(pdf, "fix-summary", "51", "2026-10")));
        String body = MESSAGES.body(list, "Trần Thị Bình");
        assertTrue(body.contains("gửi kèm Danh sách dữ liệu cần sửa — đơn vị B51pzCjW của chương trình Công dân học tập:"
                + " tệp fix-list-B51pzCjW-2026-10.pdf (1 trang), lập ngày 05/11/2026."), body);
        assertFalse(body.contains("tháng 10/2026"), body);
        assertTrue(body.contains("chưa được nhận vào kho dữ liệu"), body);
        assertTrue(body.contains("Tệp này chứa dữ liệu cá nhân của công dân và chỉ dành cho người quản lý đơn vị B51pzCjW"
                + " để sửa dữ liệu trên phần mềm. Xin không chuyển tiếp thư này"), body);
        String summary = MESSAGES.body(TestReports.unregistered(pdf, "fix-summary", "51", "2026-10"), null);
        assertFalse(summary.contains("dữ liệu cá nhân"), summary);
    }

    @Test
    void mimeTypes() {
        assertEquals(ReportMessage.PDF, ReportMessage.mimeType(TestReports.unregistered(TestReports.pdf(dir.resolve("a.pdf")),
                "province", "51", "2026-10")));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReportMessage.mimeType(
                TestReports.unregistered(TestReports.xlsx(dir.resolve("a.xlsx")), "stats-table", "51", "2026-10")));
    }
}
