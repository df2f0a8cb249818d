package vn.cdht.warehouse.source;

/** How a source field is written; readers use it to turn spreadsheet cells into text, validation to parse it. */
public enum FieldType {
    /** Free text, NFC-normalised. */
    TEXT,
    /** A code of digits whose leading zeros matter (province 2, district 3, commune 5 digits). */
    CODE,
    /** A citizen identity number (CCCD): 12 digits, possibly typed as a number in Excel. */
    CITIZEN_ID,
    /** A date: dd/MM/yyyy, d/M/yyyy, yyyy-MM-dd, or an Excel date. */
    DATE,
    /** A date with or without a time. */
    TIMESTAMP,
    /** A whole number. */
    INTEGER,
    /** A number that may have decimals (scores). */
    DECIMAL
}
