package vn.cdht.pipelines.source.files;

import java.util.ArrayList;
import java.util.List;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Chooses {@code ,}, {@code ;} or a tab (Excel's "Unicode Text") from the first non-empty lines of a CSV file: the
 * separator that makes some line match the most headers of the entity; without any match, the one that occurs more
 * often outside quotes (the first of them on a tie).
 */
final class SeparatorDetector {

    static final char[] CANDIDATES = {',', ';', '\t'};

    private SeparatorDetector() {
    }

    static char detect(SourceEntity entity, List<String> lines) {
        char bestSep = ',';
        int bestMatched = -1;
        long bestCount = -1;
        for (char sep : CANDIDATES) {
            int matched = 0;
            long count = 0;
            for (String line : lines) {
                List<String> cells = split(line, sep);
                count += cells.size() - 1;
                int m = (int) cells.stream().filter(c -> HeaderMatch.fieldFor(entity, c).isPresent()).distinct().count();
                matched = Math.max(matched, m);
            }
            if (matched > bestMatched || (matched == bestMatched && count > bestCount)) {
                bestSep = sep;
                bestMatched = matched;
                bestCount = count;
            }
        }
        return bestSep;
    }

    /** Splits one physical line on {@code sep} outside double quotes; quotes are dropped, good enough for headers. */
    static List<String> split(String line, char sep) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == sep && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
