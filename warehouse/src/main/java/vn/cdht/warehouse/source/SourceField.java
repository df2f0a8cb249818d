package vn.cdht.warehouse.source;

import java.util.List;

/**
 * One field of a source entity.
 *
 * @param name     the canonical name: the column of the operational database, and of the {@code raw} tables
 * @param type     how it is written
 * @param required a file without this column is rejected, and a row without a value is quarantined
 * @param headers  the headers an export file may use for it, as written in the contract (matched after trimming,
 *                 NFC normalisation and case folding; the canonical name is accepted too)
 */
public record SourceField(String name, FieldType type, boolean required, List<String> headers) {

    public SourceField {
        headers = List.copyOf(headers);
    }

    /** The header to write in an export file: the first one. */
    public String header() {
        return headers.get(0);
    }

    static SourceField required(String name, FieldType type, String... headers) {
        return new SourceField(name, type, true, List.of(headers));
    }

    static SourceField optional(String name, FieldType type, String... headers) {
        return new SourceField(name, type, false, List.of(headers));
    }
}
