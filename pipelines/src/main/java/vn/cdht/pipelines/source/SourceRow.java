package vn.cdht.pipelines.source;

import java.util.Map;

/**
 * One data row of a source file or table, as read: canonical field name → text (trimmed, NFC; null when empty).
 *
 * @param rowNumber where a person finds the row: the line of a CSV record, the row of a spreadsheet, the ordinal of a
 *                  database row in the extraction
 * @param values    the entity's fields present in the file; spreadsheet dates are ISO text
 *                  ({@code yyyy-MM-dd} or {@code yyyy-MM-dd'T'HH:mm:ss}), numbers plain decimal text
 * @param raw       the row as received (its cells as one CSV line), for the quarantine
 */
public record SourceRow(long rowNumber, Map<String, String> values, String raw) {
}
