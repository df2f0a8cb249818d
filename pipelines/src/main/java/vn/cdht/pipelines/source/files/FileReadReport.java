package vn.cdht.pipelines.source.files;

import java.util.List;
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
 */
public record FileReadReport(String fileName, SourceEntity entity, SourceFormat format, String sheetName,
                             long headerRowNumber, long rowsRead, long blankRowsSkipped, long trailerRowsSkipped,
                             List<ColumnMapping> columns, List<String> unknownColumns, Character separator) {

    public FileReadReport {
        columns = List.copyOf(columns);
        unknownColumns = List.copyOf(unknownColumns);
    }
}
