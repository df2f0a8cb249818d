package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provincial bulletin, filled from the issue 13 marts (BulletinFixture): every figure as the marts compute it. */
class BulletinProvinceTest extends UnitReportTest {

    private static Connection duck;
    private static String text;
    private static String flat;
    private static JasperPrint print;

    @BeforeAll
    static void render() throws SQLException {
        duck = BulletinFixture.open();
        print = ENGINE.fill("bulletin_province", BulletinFixture.parameters("51", "Tỉnh Quảng Ngãi"), duck);
        // chart labels drawn as text, so that the PDF text holds them (the bulletins themselves draw them as shapes)
        print.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "false");
        byte[] pdf = ENGINE.export(print, ReportFormat.PDF);
        keep("bulletin-province-51-2026-11.pdf", pdf);
        text = pdfText(pdf);
        flat = text.replaceAll("\\s+", " ");
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    @Test
    void targetsAreTheMartsJudgement() {
        // three years of the same month: 4,1 points a year, the 2030 target reached in 2038: behind
        assertTrue(flat.contains("Chậm tiến độ"), flat);
        assertTrue(flat.contains("2038"));
        assertTrue(flat.contains("tăng bình quân 4,1 điểm %/năm; với tốc độ đó, mục tiêu 60% năm 2030 sẽ đạt vào năm 2038"), flat);
        assertTrue(flat.contains("Dự kiến cuối năm 2026: 13,3%"));
        // the in-year pace (fast since January) would have said on track: nothing is projected in the template
        assertFalse(flat.contains("Đúng tiến độ"), flat);
        assertFalse(flat.contains("điểm %/tháng"));
        // the past 2025 target
        assertTrue(flat.contains("Không đạt"));
        assertTrue(flat.contains("Mục tiêu 40% năm 2025: Không đạt (cuối năm 2025: 9,8%)"), flat);
        assertTrue(flat.contains("Chưa đủ số liệu để dự báo"));
        assertTrue(flat.contains("chưa đo được"));
        assertTrue(flat.contains("Chưa đo được"));
    }

    @Test
    void achievedIsASelfAssessmentAndRecognisedTheTitle() {
        assertTrue(flat.contains("người tự đánh giá đạt"), flat);
        assertTrue(flat.contains("được công nhận danh hiệu Công dân học tập"));
        assertFalse(flat.contains("người đạt danh hiệu"));
        assertFalse(flat.contains("Đạt danh hiệu"));
        // 5 + 2 recognitions of 2026 in province 51 (not those of 2025, nor of province 52)
        assertTrue(flat.contains("7 trường hợp được công nhận năm 2026 dù trong dữ liệu không có phiếu tự đánh giá Đạt"), flat);
        assertTrue(flat.contains("3 dòng dữ liệu (tài khoản, phiếu, quyết định công nhận) ghi ngày sau thời điểm trích xuất"));
    }

    @Test
    void aMonthNotOverIsLabelledWithTheDataDate() {
        assertTrue(flat.contains("số liệu lũy kế tính đến ngày 24/11/2026"), flat);
        assertTrue(flat.contains("Tính đến ngày 24/11/2026, "));
        assertFalse(flat.contains("đến hết tháng 11/2026"));
        // targets are judged on the reported (complete) month
        assertTrue(flat.contains("đánh giá theo số liệu đến hết tháng 10/2026"));
    }

    @Test
    void communesWithoutDataAreNamedAndLeftOutOfCounts() {
        // 24 communes with data, 2 of them at 60% or more; Đặc khu Lý Sơn has no data
        assertTrue(flat.contains("2/24 xã, phường có số liệu đạt ngưỡng 60%"), flat);
        assertTrue(flat.contains("22/24 xã, phường có số liệu chưa đạt ngưỡng 60%"));
        assertFalse(flat.contains("/25"));
        assertTrue(flat.contains("Đặc khu Lý Sơn: xã mới không có xã cũ tương ứng trong bảng chuyển đổi, chưa có số liệu"));
        assertTrue(appendixRanks().contains("– Đặc khu Lý Sơn – chưa có số liệu"), "in the appendix");
        assertTrue(flat.contains("– Đặc khu Lý Sơn: chưa có số liệu"), "in the chart");
        assertTrue(flat.contains("24 xã, phường có số liệu và 1 chưa có số liệu (cuối bảng)"));
    }

    @Test
    void tiesShareTheMartsRankInTheChartAndTheAppendix() {
        // chart labels: rank, name, rate; the tie in Vietnamese order (Bắc before Bình)
        int bac = flat.indexOf("3. Xã Bắc Trà My 20,0%");
        int binh = flat.indexOf("3. Xã Bình Sơn 20,0%");
        assertTrue(bac >= 0 && binh > bac, flat);
        assertTrue(flat.contains("5. Xã Tịnh Khê 19,0%"));
        // the appendix: the same ranks, the tie in the same order, no rank 4
        List<String> ranks = appendixRanks();
        assertTrue(ranks.containsAll(List.of("1 Xã Ba Tơ", "2 Xã Sơn Hà", "3 Xã Bắc Trà My", "3 Xã Bình Sơn",
                "5 Xã Tịnh Khê*", "24 Xã Trường Giang")), String.join("\n", ranks));
        assertTrue(ranks.indexOf("3 Xã Bắc Trà My") < ranks.indexOf("3 Xã Bình Sơn"));
        assertFalse(ranks.stream().anyMatch(r -> r.startsWith("4 ")), String.join("\n", ranks));
        assertEquals(24, ranks.stream().filter(r -> r.matches("\\d+ .*")).count(), "the commune without data has no rank");
        assertTrue(ranks.contains("– Đặc khu Lý Sơn – chưa có số liệu"));
    }

    @Test
    void counsellingDrawsOnTheData() {
        assertTrue(flat.contains("ĐỀ NGHỊ"));
        // 60% of 3.001 − 600 = 1.201 people; then 1.000 × 60% − 50 = 550, and − 100 = 500
        assertTrue(flat.contains("Xã Bắc Trà My (1.201 người), Xã Trường Giang (550 người), Xã Bình Châu (500 người)"), flat);
        assertTrue(flat.contains("chi hội khuyến học (0,0%), doanh nghiệp (10,0%)"));
        assertTrue(flat.contains("4. Học tập ngoại ngữ hoặc tiếng dân tộc (56,9%); 3. Kỹ năng số (79,6%); "
                + "7. Tham gia các hoạt động học tập tại cộng đồng (87,2%)"));
        // the same month of 2025 in the headline cards
        assertTrue(flat.contains("Cùng kỳ 2025"));
    }

    @Test
    void countsArePrintedWholeAndTheAllocationIsExplained() {
        assertTrue(flat.contains("số người được phân bổ và làm tròn sao cho các dòng cộng lại đúng bằng tổng của tỉnh; "
                + "tỷ lệ tính trên số chưa làm tròn"), flat);
    }

    @Test
    void theAnnualEditionComparesWithThePreviousYearsReportedMonth() {
        java.util.Map<String, Object> p = BulletinFixture.parameters("51", "Tỉnh Quảng Ngãi");
        p.put("P_YEAR", 2025);
        p.put("P_PERIOD", "2025-12");
        p.put("P_PREVIOUS_PERIOD", "2025-11");
        p.put("P_PERIOD_LABEL", "năm 2025");
        p.put("P_MONTH_LABEL", "tháng 12/2025");
        p.put("P_PREVIOUS_LABEL", "tháng 11/2025");
        p.put("P_ANNUAL", true);
        byte[] pdf = ENGINE.export(ENGINE.fill("bulletin_province", p, duck), ReportFormat.PDF);
        keep("bulletin-province-51-2025-12.pdf", pdf);
        String annual = pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(annual.contains("BẢN TIN CÔNG DÂN HỌC TẬP NĂM 2025"), annual);
        assertTrue(annual.contains("số liệu lũy kế đến hết tháng 12/2025"));
        // the previous year's figure is its reported month (November 2024 in the fixture)
        assertTrue(annual.contains("SO VỚI NĂM 2024"));
        assertTrue(annual.contains("Tự đánh giá đạt"));
        assertFalse(annual.contains("tính đến ngày"));
        // its targets: those judged on 2025 (missed), not the 2026 judgement of the 2030 target
        assertTrue(annual.contains("Mục tiêu 40% năm 2025: Không đạt (cuối năm 2025: 9,8%)"), annual);
        assertFalse(annual.contains("2038"));
    }

    /** "rank name" of the appendix rows, as filled: each name cell with the cell left of it on the same row. */
    static List<String> appendixRanks() {
        List<String> out = new ArrayList<>();
        for (JRPrintPage page : print.getPages()) {
            List<Cell> cells = new ArrayList<>();
            collect(page.getElements(), 0, 0, cells);
            for (Cell name : cells) {
                if (!name.text().matches("(Xã|Phường|Đặc khu) .*")) {
                    continue;
                }
                cells.stream().filter(c -> c.y() == name.y() && c.x() < name.x())
                        .max(java.util.Comparator.comparingInt(Cell::x))
                        .filter(rank -> rank.text().matches("\\d+|–"))
                        .ifPresent(rank -> out.add(rank.text() + " " + name.text()));
            }
        }
        return out;
    }

    private record Cell(int x, int y, String text) {
    }

    private static void collect(List<JRPrintElement> elements, int dx, int dy, List<Cell> out) {
        for (JRPrintElement e : elements) {
            if (e instanceof JRPrintFrame f) {
                collect(f.getElements(), dx + f.getX(), dy + f.getY(), out);
            } else if (e instanceof JRPrintText t && t.getFullText() != null) {
                out.add(new Cell(dx + t.getX(), dy + t.getY(), t.getFullText().strip()));
            }
        }
    }
}
