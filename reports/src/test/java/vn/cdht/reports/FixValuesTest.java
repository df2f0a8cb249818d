package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FixValuesTest {

    @Test
    void theCccdIsMaskedAsOnTheUnitList() {
        assertEquals("051*******53", FixValues.shown("citizen_id", "051304123453"));
        assertEquals("051*******53", FixValues.shown("citizen_id", " 051 304 123 453 "));
        assertEquals("513******53", FixValues.shown("citizen_id", "51304123453"), "11 digits: the lost zero");
        assertEquals("051*******55", FixValues.shown("citizen_id", "0513O4123455"));
        assertEquals("****", FixValues.shown("citizen_id", "0513"));
        assertEquals(FixValues.EMPTY, FixValues.shown("citizen_id", "  "));
        assertEquals(FixValues.EMPTY, FixValues.shown("full_name", null));
    }

    @Test
    void thePhoneKeepsItsLastThreeDigitsOnly() {
        assertEquals("*******456", FixValues.shown("phone", "0905 123 456"));
        assertEquals("*******456", FixValues.phone("0905-123-456"));
        assertEquals("**", FixValues.phone("12"));
        assertEquals("không có", FixValues.shown("phone", "không có"));
    }

    @Test
    void longNumbersAnywhereElseAreMaskedAndLongTextCut() {
        assertEquals("051*******53", FixValues.text("051304123453"), "an account id that is a bare CCCD");
        assertEquals("TK51001000123", FixValues.text("TK51001000123"), "an id of letters and digits, as the software shows it");
        assertEquals("PD2026991234567891", FixValues.text("PD2026991234567891"));
        assertEquals("gọi 091*****78 nhé", FixValues.text("gọi 0912 345 678 nhé"));
        assertEquals("TK51000123", FixValues.text("TK51000123"), "eight digits stay");
        assertEquals("051*******53 và 090*****56", FixValues.text("051.304.123.453 và 0905-123-456"));
        assertEquals("2026-11-24 09:30:00", FixValues.shown("updated_at", "2026-11-24 09:30:00"), "a date and time");
        assertEquals("24/11/2026 09:30", FixValues.shown("submitted_at", "24/11/2026 09:30"));
        assertEquals("31/11/2026", FixValues.shown("decided_on", "31/11/2026"));
        assertEquals("85,5", FixValues.shown("total_score", "85,5"));
        String cut = FixValues.shown("full_name", "Lê Văn Dài ".repeat(20));
        assertEquals(FixValues.MAX_CHARS, cut.codePointCount(0, cut.length()));
        assertEquals('…', cut.charAt(cut.length() - 1));
        assertNull(FixValues.text(null));
    }

    @Test
    void labels() {
        assertEquals("Không được nhận", FixValues.finding("quarantined"));
        assertEquals("Cần kiểm tra", FixValues.finding("flag"));
        assertEquals("Phiếu tự đánh giá", FixValues.entity("self_assessments"));
        assertEquals("Tài khoản", FixValues.record("accounts", "TK51000123"));
        assertEquals("Phiếu tự đánh giá\nPDG26001", FixValues.record("self_assessments", "PDG26001"));
        assertEquals("Công nhận năm 2026", FixValues.record("recognitions", "TK51000123/2026"));
        assertEquals("Thông tin đơn vị", FixValues.record("units", "B51pzCjW"));
        assertEquals("Dân số trong độ tuổi năm 2026, xã 21211", FixValues.record("population", "2026/21211"));
    }
}
