package vn.cdht.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** An RFC 4180 CSV export file in UTF-8; dates {@code dd/MM/yyyy}, timestamps {@code dd/MM/yyyy HH:mm:ss}. */
final class CsvBatchWriter implements TableWriter {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final CSVPrinter printer;

    CsvBatchWriter(Path file, FileForm form) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        if (form.bom()) {
            out.write('\uFEFF');
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(form.separator())
                .setRecordSeparator(form.crlf() ? "\r\n" : "\n")
                .get();
        printer = new CSVPrinter(out, format);
    }

    @Override
    public void header(List<String> headers) throws IOException {
        printer.printRecord(headers);
    }

    @Override
    public void row(Object[] values) throws IOException {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = text(values[i]);
        }
        printer.printRecord((Object[]) cells);
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDateTime t) {
            return TIMESTAMP.format(t);
        }
        if (v instanceof LocalDate d) {
            return DATE.format(d);
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
