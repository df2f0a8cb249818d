package vn.cdht.generator;

/** A kind of mess a dirty batch carries (contracts/operational-source.md, "What real files look like"). */
public enum DirtKind {
    CCCD_11_DIGITS("CCCD typed as a number: leading zero lost, 11 digits (a number cell in XLSX)"),
    CCCD_APOSTROPHE("CCCD written with a leading apostrophe, as '036…"),
    CCCD_SPACES_DOTS("CCCD with spaces or dots between digit groups"),
    CCCD_INCONSISTENT("CCCD whose sex/century digit or year digits contradict the birth date or sex"),
    NAME_NFD("Vietnamese text in decomposed (NFD) form"),
    DATE_D_M_YYYY("date written d/M/yyyy"),
    DATE_ISO("date written yyyy-MM-dd"),
    DATE_NO_TIME("timestamp without its time"),
    UNPARSEABLE_DATE("a date that cannot be parsed (31/02/yyyy, abc)"),
    MISSING_REQUIRED("a required value left empty"),
    DUPLICATE_ROW("the same row twice"),
    ACCOUNT_OLDER_VERSION("the same account again with an older updated_at"),
    COMMUNE_OTHER_GEOGRAPHY("a commune code of the other geography than the row's date implies"),
    UNKNOWN_COMMUNE("a commune code in neither geography"),
    UNKNOWN_UNIT_CODE("an account whose unit code is not a unit"),
    ORPHAN_ASSESSMENT("an assessment whose account does not exist"),
    SCORE_OUT_OF_RANGE("a criterion score below 0 or above its maximum"),
    TOTAL_NOT_SUM("a total that is not the sum of the scores"),
    RESULT_INCONSISTENT("a result that the configured rule contradicts"),
    FILE_BOM("CSV file with a UTF-8 byte-order mark"),
    FILE_SEMICOLON("CSV file separated by ';'"),
    FILE_CRLF("CSV file with CRLF line ends"),
    XLSX_TITLE_BLOCK("XLSX file with a merged title block above the header (header on row 5)"),
    XLSX_SIGNATURE_BLOCK("XLSX file with a signature block after the data");

    private final String description;

    DirtKind(String description) {
        this.description = description;
    }

    /** The kind's stable code, lower case, e.g. {@code cccd_11_digits}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** Whether the kind is about a whole file rather than rows (counted once per file). */
    public boolean fileLevel() {
        return name().startsWith("FILE_") || name().startsWith("XLSX_");
    }
}
