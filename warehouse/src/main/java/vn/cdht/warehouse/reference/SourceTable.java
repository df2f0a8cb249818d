package vn.cdht.warehouse.reference;

import java.util.List;

/**
 * A small CSV file read whole into memory: reference data or a rules file. Values are strings (codes keep their
 * leading zeros), NFC-normalised, trimmed, empty as null.
 *
 * @param name    the file name without {@code .csv}, e.g. {@code admin_units_2024}
 * @param origin  where it was read from, for messages
 * @param sha256  hash of the file's bytes, to tell whether a load would change anything
 */
public record SourceTable(String name, String origin, List<String> columns, List<List<String>> rows, String sha256) {

    public SourceTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
