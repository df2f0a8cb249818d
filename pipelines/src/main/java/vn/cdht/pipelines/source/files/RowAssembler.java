package vn.cdht.pipelines.source.files;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.pipelines.source.text.LegacyFontCounts;
import vn.cdht.warehouse.source.FieldType;
import vn.cdht.warehouse.source.SourceEntity;
import vn.cdht.warehouse.source.SourceField;

/**
 * Turns the physical rows of one file (or sheet), in order, into {@link SourceRow}s: finds the header row, maps
 * columns to fields, skips blank rows, and holds back rows without the key field until it knows whether they are data
 * or the file's trailer (totals row, signature block).
 *
 * <p>The key field is the entity's first required field. Rows without it, and rows where it is the only required
 * field filled (a signature line such as "Ngày 01 tháng 10 năm 2024" written in the key's column), are held in a
 * bounded buffer: a later complete row releases them as data; the end of the file discards them as trailer rows.
 */
final class RowAssembler {

    static final int HEADER_SEARCH_ROWS = 20;
    static final int MAX_HELD_ROWS = 1_000;

    private final String fileName;
    private final SourceEntity entity;
    private final Consumer<SourceRow> sink;

    private int examined;
    private HeaderMatch best;
    private HeaderMatch header;
    private long headerRowNumber;
    private int[] columns;
    private String[] fields;
    private FieldType[] types;
    private String keyField;
    private String[] otherRequired;

    private final ArrayDeque<SourceRow> held = new ArrayDeque<>();
    private long rowsRead;
    private long blankRows;

    RowAssembler(String fileName, SourceEntity entity, Consumer<SourceRow> sink) {
        this.fileName = fileName;
        this.entity = entity;
        this.sink = sink;
    }

    boolean headerFound() {
        return header != null;
    }

    /**
     * Takes the next row.
     *
     * @throws HeaderNotFoundException when this row ends the header search without a header
     */
    void accept(PhysicalRow row) {
        if (header == null) {
            searchHeader(row);
            return;
        }
        if (isBlank(row)) {
            blankRows++;
            return;
        }
        SourceRow data = toSourceRow(row);
        if (mayBeTrailer(data)) {
            held.addLast(data);
            if (held.size() > MAX_HELD_ROWS) {
                releaseHeld();
            }
            return;
        }
        releaseHeld();
        emit(data);
    }

    /**
     * Ends the file: rows still held are its trailer.
     *
     * @throws HeaderNotFoundException when no header row was found
     */
    FileReadReport finish(SourceFormat format, String sheetName, Character separator, String encoding,
                          LegacyFontCounts legacyFontCells) {
        if (header == null) {
            throw notFound();
        }
        long trailer = held.size();
        held.clear();
        return new FileReadReport(fileName, entity, format, sheetName, headerRowNumber, rowsRead, blankRows, trailer,
                header.columns(), header.unknownColumns(), separator, encoding, legacyFontCells);
    }

    private void searchHeader(PhysicalRow row) {
        if (isBlank(row)) {
            return;
        }
        examined++;
        HeaderMatch candidate = HeaderMatch.of(entity, row);
        if (candidate.complete()) {
            useHeader(candidate, row.number());
            return;
        }
        if (best == null || candidate.matched() > best.matched()) {
            best = candidate;
        }
        if (examined >= HEADER_SEARCH_ROWS) {
            throw notFound();
        }
    }

    private HeaderNotFoundException notFound() {
        if (best != null && best.matched() > 0) {
            return new HeaderNotFoundException(best.matched(), best.missingMessage());
        }
        String expected = entity.fields().stream().filter(SourceField::required).limit(3)
                .map(f -> "'" + f.header() + "'").collect(Collectors.joining(", "));
        return new HeaderNotFoundException(0, "no header row found in the first " + HEADER_SEARCH_ROWS
                + " rows (expected headers such as " + expected + ")");
    }

    private void useHeader(HeaderMatch match, long rowNumber) {
        match.duplicateMessage().ifPresent(problem -> {
            throw new SourceFileException(fileName + ": " + problem);
        });
        header = match;
        headerRowNumber = rowNumber;
        List<ColumnMapping> mapped = match.columns();
        columns = new int[mapped.size()];
        fields = new String[mapped.size()];
        types = new FieldType[mapped.size()];
        for (int i = 0; i < mapped.size(); i++) {
            ColumnMapping m = mapped.get(i);
            columns[i] = m.column();
            fields[i] = m.field();
            types[i] = entity.field(m.field()).orElseThrow().type();
        }
        List<String> required = entity.fields().stream().filter(SourceField::required).map(SourceField::name).toList();
        keyField = required.get(0);
        otherRequired = required.subList(1, required.size()).toArray(new String[0]);
    }

    private boolean mayBeTrailer(SourceRow data) {
        if (data.values().get(keyField) == null) {
            return true;
        }
        for (String field : otherRequired) {
            if (data.values().get(field) != null) {
                return false;
            }
        }
        return otherRequired.length > 0;
    }

    private SourceRow toSourceRow(PhysicalRow row) {
        Map<String, String> values = new HashMap<>(columns.length * 2);
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] < row.size()) {
                String value = CellText.value(row.text(columns[i], types[i]));
                if (value != null) {
                    values.put(fields[i], value);
                }
            }
        }
        return new SourceRow(row.number(), Collections.unmodifiableMap(values), RawLine.of(row));
    }

    private void releaseHeld() {
        while (!held.isEmpty()) {
            emit(held.pollFirst());
        }
    }

    private void emit(SourceRow row) {
        rowsRead++;
        sink.accept(row);
    }

    private static boolean isBlank(PhysicalRow row) {
        for (int i = 0; i < row.size(); i++) {
            if (!CellText.isBlank(row.raw(i))) {
                return false;
            }
        }
        return true;
    }
}
