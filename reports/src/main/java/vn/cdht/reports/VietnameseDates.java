package vn.cdht.reports;

import java.time.LocalDate;

/** Dates as Vietnamese documents write them. */
public final class VietnameseDates {

    private VietnameseDates() {
    }

    /** "Quảng Ngãi, ngày 01 tháng 11 năm 2026": the place and date line under a document's title. */
    public static String placeAndDate(String place, LocalDate date) {
        return place + ", " + longDate(date);
    }

    /** "ngày 01 tháng 11 năm 2026" (day and month below 10 with a leading zero, as administrative documents do). */
    public static String longDate(LocalDate date) {
        return String.format("ngày %02d tháng %02d năm %d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** The place name without its administrative prefix: "Tỉnh Quảng Ngãi" → "Quảng Ngãi". */
    public static String placeName(String areaName) {
        String n = areaName.strip();
        for (String prefix : new String[] {"Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ", "Thị trấn "}) {
            if (n.startsWith(prefix)) {
                return n.substring(prefix.length());
            }
        }
        return n;
    }
}
