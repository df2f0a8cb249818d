package vn.cdht.pipelines.source.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;

/** A row's original cells as one RFC 4180 line with {@code ,}, for the quarantine. */
public final class RawLine {

    private RawLine() {
    }

    static String of(PhysicalRow row) {
        java.util.List<String> cells = new java.util.ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.raw(i));
        }
        return of(cells);
    }

    /** Cells as one RFC 4180 line (also for rows read from the operational database). */
    public static String of(java.util.List<String> cells) {
        StringBuilder sb = new StringBuilder();
        try {
            for (int i = 0; i < cells.size(); i++) {
                CSVFormat.RFC4180.print(cells.get(i), sb, i == 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }
}
