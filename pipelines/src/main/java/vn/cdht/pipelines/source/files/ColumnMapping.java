package vn.cdht.pipelines.source.files;

/**
 * One column of a file's header row that feeds a field.
 *
 * @param column 0-based column index
 * @param header the header as written in the file
 * @param field  the canonical field name
 */
public record ColumnMapping(int column, String header, String field) {
}
