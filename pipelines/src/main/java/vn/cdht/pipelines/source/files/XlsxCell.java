package vn.cdht.pipelines.source.files;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import vn.cdht.warehouse.source.FieldType;

/**
 * One spreadsheet cell: either text (strings, booleans, errors) or a number as stored in the sheet, with whether its
 * style is a date format.
 */
record XlsxCell(String text, String number, boolean dateFormatted) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** Excel's display precision. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    /** 9999-12-31, the last day Excel knows. */
    private static final double LAST_SERIAL = 2_958_465.999;

    static XlsxCell text(String text) {
        return new XlsxCell(text, null, false);
    }

    static XlsxCell number(String number, boolean dateFormatted) {
        return new XlsxCell(null, number, dateFormatted);
    }

    /**
     * The cell's text for a field of {@code type} (null: as received, for {@code raw}): numbers as plain decimals,
     * date-formatted cells and numbers in DATE/TIMESTAMP fields as ISO dates.
     */
    String render(FieldType type, boolean date1904) {
        if (number == null) {
            return text;
        }
        boolean dateField = type == FieldType.DATE || type == FieldType.TIMESTAMP;
        if (dateField || dateFormatted) {
            String date = isoDate(type, date1904);
            if (date != null) {
                return date;
            }
        }
        return plainNumber(number);
    }

    private String isoDate(FieldType type, boolean date1904) {
        double serial;
        try {
            serial = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!(serial > 0 && serial <= LAST_SERIAL)) {
            return null;
        }
        LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904, true);
        if (type == FieldType.DATE) {
            return t.toLocalDate().toString();
        }
        if (type == FieldType.TIMESTAMP || !t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return t.format(TIMESTAMP);
        }
        return t.toLocalDate().toString();
    }

    /** 36123456789 → "36123456789", 7.5 → "7.5", 8.0 → "8"; rounded to Excel's 15 significant digits. */
    static String plainNumber(String number) {
        try {
            BigDecimal d = new BigDecimal(number.strip()).round(EXCEL_DIGITS).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }
}
