package vn.cdht.warehouse.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A query's answer as text: column names, whether each column is a number (or a boolean: {@code numeric} is about
 * JSON, which writes both unquoted), and rows of formatted values, NULL for SQL NULL (shown empty).
 */
public record QueryResult(List<String> columns, List<Boolean> unquoted, List<List<String>> rows) {

    /** A statement without a result set. */
    static QueryResult empty() {
        return new QueryResult(List.of(), List.of(), List.of());
    }

    /** CSV with a header row, RFC 4180 quoting, NULL as an empty field. */
    public void writeCsv(Writer out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            csv.printRecord(columns);
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV: " + e.getMessage(), e);
        }
    }

    /** A JSON array of objects, one per row: numbers and booleans unquoted, NULL as null. */
    public void writeJson(Writer out) {
        try {
            out.write("[");
            for (int r = 0; r < rows.size(); r++) {
                out.write(r == 0 ? "\n  {" : ",\n  {");
                List<String> row = rows.get(r);
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        out.write(", ");
                    }
                    out.write(quote(columns.get(c)));
                    out.write(": ");
                    out.write(jsonValue(row.get(c), unquoted.get(c)));
                }
                out.write("}");
            }
            out.write(rows.isEmpty() ? "]\n" : "\n]\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static String jsonValue(String v, boolean unquoted) {
        if (v == null) {
            return "null";
        }
        if (unquoted) {
            // NaN and infinities are not JSON numbers
            return v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|true|false") ? v : "null";
        }
        return quote(v);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
