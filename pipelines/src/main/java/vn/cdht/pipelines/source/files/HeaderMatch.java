package vn.cdht.pipelines.source.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.cdht.pipelines.source.text.LegacyFontCells;
import vn.cdht.warehouse.source.SourceEntity;
import vn.cdht.warehouse.source.SourceField;

/**
 * A candidate header row matched against an entity's fields.
 *
 * @param duplicates one problem per later column that maps to a field an earlier column already feeds, such as
 *                   {@code columns 3 "Họ và tên" and 7 "Họ tên" both map to full_name}
 */
record HeaderMatch(List<ColumnMapping> columns, List<String> unknownColumns, List<String> duplicates,
                   List<SourceField> missingRequired) {

    /** A trailing hint such as {@code Ngày sinh (dd/mm/yyyy)}, possibly followed by '*'. */
    private static final Pattern TRAILING_HINT = Pattern.compile("\\s*\\([^()]*\\)[\\s*]*$");

    static HeaderMatch of(SourceEntity entity, PhysicalRow row) {
        List<ColumnMapping> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Map<String, ColumnMapping> byField = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String header = row.raw(i);
            if (CellText.isBlank(header)) {
                continue;
            }
            Optional<SourceField> field = fieldFor(entity, header);
            if (field.isEmpty()) {
                unknown.add(CellText.value(header));
                continue;
            }
            ColumnMapping mapping = new ColumnMapping(i, CellText.value(header), field.get().name());
            ColumnMapping first = byField.putIfAbsent(mapping.field(), mapping);
            if (first == null) {
                columns.add(mapping);
            } else {
                duplicates.add("columns " + row.columnLabel(first.column()) + " \"" + first.header() + "\" and "
                        + row.columnLabel(i) + " \"" + mapping.header() + "\" both map to " + mapping.field());
            }
        }
        List<SourceField> missing = entity.fields().stream()
                .filter(f -> f.required() && !byField.containsKey(f.name())).toList();
        return new HeaderMatch(columns, unknown, duplicates, missing);
    }

    static Optional<SourceField> fieldFor(SourceEntity entity, String header) {
        Optional<SourceField> field = fieldForText(entity, header);
        // a header typed in a legacy font that is Vietnamese as it is too ("Sè CCCD"), so not converted as a cell
        for (String reading : LegacyFontCells.readings(header)) {
            if (field.isPresent()) {
                break;
            }
            field = fieldForText(entity, reading);
        }
        return field;
    }

    private static Optional<SourceField> fieldForText(SourceEntity entity, String header) {
        Optional<SourceField> field = entity.fieldForHeader(header);
        if (field.isEmpty()) {
            String plain = TRAILING_HINT.matcher(header).replaceFirst("");
            if (!plain.isBlank() && !plain.equals(header)) {
                field = entity.fieldForHeader(plain);
            }
        }
        return field;
    }

    boolean complete() {
        return missingRequired.isEmpty();
    }

    int matched() {
        return columns.size();
    }

    /** The one-line problem when this header is used and two of its columns feed the same field; empty if none. */
    Optional<String> duplicateMessage() {
        if (duplicates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", duplicates)
                + (duplicates.size() == 1 ? "; remove one and export again" : "; remove one of each and export again"));
    }

    /** The one-line problem when this is the best candidate and is not complete. */
    String missingMessage() {
        String list = missingRequired.stream().map(f -> "'" + f.header() + "' (" + f.name() + ")")
                .collect(Collectors.joining(", "));
        return missingRequired.size() == 1
                ? "required column " + list + " is missing"
                : "required columns " + list + " are missing";
    }
}
