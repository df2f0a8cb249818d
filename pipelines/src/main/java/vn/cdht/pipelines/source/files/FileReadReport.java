package vn.cdht.pipelines.source.files;

import java.util.List;
import vn.cdht.pipelines.source.text.LegacyFontCounts;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * What reading one file did.
 *
 * @param fileName           the file's name
 * @param entity             the entity read
 * @param format             CSV or XLSX
 * @param sheetName          the sheet read (XLSX), null for CSV
 * @param headerRowNumber    the header's line (CSV) or spreadsheet row (XLSX), 1-based
 * @param rowsRead           data rows handed to the sink
 * @param blankRowsSkipped   completely empty rows after the header, never handed to the sink
 * @param trailerRowsSkipped rows at the end of the file without the entity's first required field, or with only
 *                           that one of the required fields (totals, signature block)
 * @param columns            the columns used, in file order
 * @param unknownColumns     headers that name no field (ignored)
 * @param separator          the CSV separator detected, null for XLSX
 * @param encoding           the text encoding detected (CSV: "UTF-8", "UTF-16LE with BOM", "Windows-1258", "TCVN3",
 *                           "VNI"...), {@value #XLSX_ENCODING} for XLSX
 * @param legacyFontCells    the cells typed in a legacy font and converted (XLSX, UTF-8 and UTF-16 CSV)
 */
public record FileReadReport(String fileName, SourceEntity entity, SourceFormat format, String sheetName,
                             long headerRowNumber, long rowsRead, long blankRowsSkipped, long trailerRowsSkipped,
                             List<ColumnMapping> columns, List<String> unknownColumns, Character separator,
                             String encoding, LegacyFontCounts legacyFontCells) {

    /** An XLSX file's text is Unicode by the format. */
    public static final String XLSX_ENCODING = "XLSX (Unicode)";

    public FileReadReport {
        columns = List.copyOf(columns);
        unknownColumns = List.copyOf(unknownColumns);
    }
}
