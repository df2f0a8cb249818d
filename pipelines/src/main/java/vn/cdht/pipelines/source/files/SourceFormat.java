package vn.cdht.pipelines.source.files;

import java.util.Locale;
import java.util.Optional;

/** The file formats an export batch may use, recognised by extension (case-insensitive). */
public enum SourceFormat {
    CSV, XLSX;

    public static Optional<SourceFormat> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }
}
