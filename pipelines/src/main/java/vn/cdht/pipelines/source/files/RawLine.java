package vn.cdht.pipelines.source.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;

/** A row's original cells as one RFC 4180 line with {@code ,}, for the quarantine. */
final class RawLine {

    private RawLine() {
    }

    static String of(PhysicalRow row) {
        StringBuilder sb = new StringBuilder();
        try {
            for (int i = 0; i < row.size(); i++) {
                CSVFormat.RFC4180.print(row.raw(i), sb, i == 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }
}
