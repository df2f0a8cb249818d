package vn.cdht.generator;

import java.util.Locale;

/** The export file format. */
public enum OutputFormat {
    CSV, XLSX;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + text + "': use csv or xlsx");
        }
    }
}
