package vn.cdht.pipelines.source.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.cdht.pipelines.source.SourceEntity;
import vn.cdht.pipelines.source.SourceField;

/** A candidate header row matched against an entity's fields. */
record HeaderMatch(List<ColumnMapping> columns, List<String> unknownColumns, List<String> duplicateColumns,
                   List<SourceField> missingRequired) {

    /** A trailing hint such as {@code Ngày sinh (dd/mm/yyyy)}, possibly followed by '*'. */
    private static final Pattern TRAILING_HINT = Pattern.compile("\\s*\\([^()]*\\)[\\s*]*$");

    static HeaderMatch of(SourceEntity entity, PhysicalRow row) {
        List<ColumnMapping> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < row.size(); i++) {
            String header = row.raw(i);
            if (CellText.isBlank(header)) {
                continue;
            }
            Optional<SourceField> field = fieldFor(entity, header);
            if (field.isEmpty()) {
                unknown.add(CellText.value(header));
            } else if (!seen.add(field.get().name())) {
                duplicates.add(CellText.value(header));
            } else {
                columns.add(new ColumnMapping(i, CellText.value(header), field.get().name()));
            }
        }
        List<SourceField> missing = entity.fields().stream()
                .filter(f -> f.required() && !seen.contains(f.name())).toList();
        return new HeaderMatch(columns, unknown, duplicates, missing);
    }

    static Optional<SourceField> fieldFor(SourceEntity entity, String header) {
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

    /** The one-line problem when this is the best candidate and is not complete. */
    String missingMessage() {
        String list = missingRequired.stream().map(f -> "'" + f.header() + "' (" + f.name() + ")")
                .collect(Collectors.joining(", "));
        return missingRequired.size() == 1
                ? "required column " + list + " is missing"
                : "required columns " + list + " are missing";
    }
}
