package vn.cdht.pipelines.source.files;

import vn.cdht.warehouse.source.FieldType;

/** One row as a reader sees it, before any header mapping: cells by 0-based column index. */
interface PhysicalRow {

    /** The CSV line where the record starts, or the spreadsheet row, 1-based. */
    long number();

    /** The number of cells, trailing missing cells included up to the last one present. */
    int size();

    /** The cell as received (null when missing), as it goes into {@code raw}. */
    String raw(int column);

    /** The cell's text for a field of this type, before trimming and NFC (null when missing). */
    String text(int column, FieldType type);

    /** The column as the file's users see it, for messages: 1-based in a CSV file. */
    default String columnLabel(int column) {
        return String.valueOf(column + 1);
    }
}
