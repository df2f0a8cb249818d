package vn.cdht.pipelines.source.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import vn.cdht.pipelines.source.text.LegacyFontCells;
import vn.cdht.warehouse.source.FieldType;

/**
 * SAX handler for one worksheet part: hands each {@code <row>} to the consumer as it ends, cells placed by their
 * column (rows may be sparse). Shared strings, inline strings (as SXSSF writes them), formula results, booleans and
 * numbers are read; only {@code <v>} is looked at for formulas, i.e. the cached value. Text typed in a legacy font
 * is converted ({@link LegacyFontCells}).
 */
final class XlsxSheetHandler extends DefaultHandler {

    private final SharedStrings sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Consumer<PhysicalRow> rows;
    private final LegacyFontCells legacyFont;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    private long rowNumber;
    private final List<XlsxCell> cells = new ArrayList<>();
    private int column = -1;
    private String cellType;
    private int cellStyle;
    private boolean hasValue;
    private boolean inValue;
    private boolean inInline;
    private boolean inText;
    private boolean inPhonetic;
    private final StringBuilder value = new StringBuilder();

    XlsxSheetHandler(SharedStrings sharedStrings, StylesTable styles, boolean date1904, LegacyFontCells legacyFont,
                     Consumer<PhysicalRow> rows) {
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
        this.legacyFont = legacyFont;
        this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attrs) {
        switch (localName) {
            case "row" -> {
                String r = attrs.getValue("r");
                rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                cells.clear();
                column = -1;
            }
            case "c" -> {
                String r = attrs.getValue("r");
                column = r == null ? column + 1 : columnIndex(r);
                cellType = attrs.getValue("t");
                String s = attrs.getValue("s");
                cellStyle = s == null ? 0 : Integer.parseInt(s);
                hasValue = false;
                value.setLength(0);
            }
            case "v" -> {
                inValue = true;
                value.setLength(0);
            }
            case "is" -> {
                inInline = true;
                value.setLength(0);
            }
            case "t" -> inText = inInline && !inPhonetic;
            case "rPh" -> inPhonetic = true;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || inText) {
            value.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v" -> {
                inValue = false;
                hasValue = true;
            }
            case "t" -> {
                if (inText) {
                    hasValue = true;
                }
                inText = false;
            }
            case "rPh" -> inPhonetic = false;
            case "is" -> inInline = false;
            case "c" -> endCell();
            case "row" -> rows.accept(new XlsxRow(rowNumber, cells.toArray(new XlsxCell[0]), date1904));
            default -> {
            }
        }
    }

    private void endCell() {
        if (!hasValue) {
            return;
        }
        String v = value.toString();
        XlsxCell cell = switch (cellType == null ? "n" : cellType) {
            case "s" -> XlsxCell.text(legacyFont.convert(sharedString(v)));
            case "b" -> XlsxCell.text("1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip()) ? "TRUE" : "FALSE");
            case "n" -> v.isBlank() ? null : XlsxCell.number(v, isDateStyle(cellStyle));
            // inlineStr, str (formula text), e (error such as #N/A), d (ISO date)
            default -> XlsxCell.text(legacyFont.convert(v));
        };
        while (cells.size() <= column) {
            cells.add(null);
        }
        cells.set(column, cell);
    }

    private String sharedString(String index) {
        int i = Integer.parseInt(index.strip());
        return sharedStrings.getItemAt(i).getString();
    }

    private boolean isDateStyle(int styleIndex) {
        if (styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(styleIndex, i -> {
            if (i < 0 || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle style = styles.getStyleAt(i);
            String format = style.getDataFormatString();
            return format != null && DateUtil.isADateFormat(style.getDataFormat(), format);
        });
    }

    /** "AB12" → 27. */
    static int columnIndex(String reference) {
        int col = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    /** 27 → "AB", as the column is named in the spreadsheet. */
    static String columnName(int index) {
        StringBuilder sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            sb.append((char) ('A' + (n - 1) % 26));
        }
        return sb.reverse().toString();
    }

    private record XlsxRow(long number, XlsxCell[] cells, boolean date1904) implements PhysicalRow {

        @Override
        public int size() {
            return cells.length;
        }

        @Override
        public String raw(int column) {
            return text(column, null);
        }

        @Override
        public String text(int column, FieldType type) {
            XlsxCell cell = column < cells.length ? cells[column] : null;
            return cell == null ? null : cell.render(type, date1904);
        }

        @Override
        public String columnLabel(int column) {
            return columnName(column);
        }
    }
}
