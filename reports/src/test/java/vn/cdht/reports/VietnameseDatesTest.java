package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VietnameseDatesTest {

    @Test
    void placeAndDateAsAdministrativeDocumentsWriteThem() {
        assertEquals("Ninh Bình, ngày 01 tháng 11 năm 2026",
                VietnameseDates.placeAndDate(VietnameseDates.placeName("Tỉnh Ninh Bình"), LocalDate.of(2026, 11, 1)));
        assertEquals("ngày 24 tháng 11 năm 2026", VietnameseDates.longDate(LocalDate.of(2026, 11, 24)));
        assertEquals("Hải Phòng", VietnameseDates.placeName("Thành phố Hải Phòng"));
        assertEquals("Quảng Ngãi", VietnameseDates.placeName("Quảng Ngãi"));
    }
}
