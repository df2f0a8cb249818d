package vn.cdht.generator;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.cdht.warehouse.source.SourceEntity;

/** Reads generated CSV export files back for tests: header → value per row (BOM and ';' handled). */
final class ExportFiles {

    private ExportFiles() {
    }

    static List<String> headers(Path dir, SourceEntity e) throws IOException {
        try (CSVParser p = parser(dir, e)) {
            return p.getHeaderNames();
        }
    }

    static List<Map<String, String>> rows(Path dir, SourceEntity e) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (CSVParser p = parser(dir, e)) {
            List<String> headers = p.getHeaderNames();
            for (CSVRecord r : p) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    row.put(headers.get(i), r.get(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    static String text(Path dir, SourceEntity e) throws IOException {
        return Files.readString(dir.resolve(e.fileStem() + ".csv"), StandardCharsets.UTF_8);
    }

    private static CSVParser parser(Path dir, SourceEntity e) throws IOException {
        String text = text(dir, e);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char sep = firstLine.contains(";") ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setHeader().setSkipHeaderRecord(true).get();
        return CSVParser.parse(new StringReader(text), format);
    }
}
