package vn.cdht.pipelines.source.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.warehouse.source.FieldType;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Reads a CSV export streaming: UTF-8 with or without BOM (strictly: invalid UTF-8 rejects the file), {@code ,} or
 * {@code ;} detected, CRLF or LF, RFC 4180 quotes. Cells are kept as text; nothing is parsed here.
 */
public final class CsvSourceReader {

    /** Characters looked at to detect the separator: the first non-empty lines, at most this much. */
    private static final int LOOKAHEAD_CHARS = 128 * 1024;
    private static final int LOOKAHEAD_LINES = RowAssembler.HEADER_SEARCH_ROWS;

    private CsvSourceReader() {
    }

    public static FileReadReport read(SourceFile file, Consumer<SourceRow> sink) {
        return read(file, sink, ExtractionLimits.DEFAULTS.maxRecordChars());
    }

    /** Reads a CSV file whose records may be at most {@code maxRecordChars} long (ingest.limits.max-record-chars). */
    public static FileReadReport read(SourceFile file, Consumer<SourceRow> sink, int maxRecordChars) {
        try (InputStream in = file.open()) {
            return read(file.name(), file.requireEntity(), in, sink, maxRecordChars);
        } catch (IOException e) {
            throw new SourceFileException(file.name() + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a CSV stream (the caller closes it) named {@code fileName} in messages. */
    public static FileReadReport read(String fileName, SourceEntity entity, InputStream in,
                                      Consumer<SourceRow> sink) {
        return read(fileName, entity, in, sink, ExtractionLimits.DEFAULTS.maxRecordChars());
    }

    /** Reads a CSV stream (the caller closes it) named {@code fileName} in messages. */
    public static FileReadReport read(String fileName, SourceEntity entity, InputStream in,
                                      Consumer<SourceRow> sink, int maxRecordChars) {
        RowAssembler assembler = new RowAssembler(fileName, entity, sink);
        try {
            BufferedReader lookahead = new BufferedReader(new Utf8Reader(withoutBom(in)), 65536);
            char separator = SeparatorDetector.detect(entity, firstLines(lookahead));
            RecordLimitReader reader = new RecordLimitReader(lookahead, maxRecordChars);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    // the iterator parses on hasNext(): the line count before it is where the next record starts
                    long line = parser.getCurrentLineNumber() + 1;
                    CSVRecord record = next(records, fileName, line, maxRecordChars);
                    if (record == null) {
                        break;
                    }
                    reader.recordEnded();
                    assembler.accept(new CsvRow(line, record));
                }
            }
            return assembler.finish(SourceFormat.CSV, null, separator);
        } catch (HeaderNotFoundException e) {
            throw new SourceFileException(fileName + ": " + e.getMessage());
        } catch (IOException e) {
            throw problem(fileName, 0, maxRecordChars, e);
        }
    }

    /** The next record, null at the end; parse and decoding errors become a {@link SourceFileException}. */
    private static CSVRecord next(Iterator<CSVRecord> records, String fileName, long line, int maxRecordChars) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw problem(fileName, line, maxRecordChars, e.getCause());
        }
    }

    /** {@code line}: where the record being parsed starts; 0: somewhere in the first lines, read ahead. */
    private static SourceFileException problem(String fileName, long line, int maxRecordChars, IOException e) {
        if (e instanceof InvalidUtf8Exception bad) {
            return new SourceFileException(fileName + ": not valid UTF-8 text at line " + bad.line()
                    + "; save the file as UTF-8 (Excel: CSV UTF-8) and export again", e);
        }
        if (e instanceof RecordLimitReader.RecordTooLongException) {
            return new SourceFileException(fileName + ": the record starting at line " + line + " is longer than "
                    + maxRecordChars + " characters (" + ExtractionLimits.MAX_RECORD_CHARS + "); look for an unclosed"
                    + " quote there, or raise the limit", e);
        }
        String where = line > 0 ? "near line " + line : "in the first lines";
        return new SourceFileException(fileName + ": malformed CSV " + where + " (" + e.getMessage() + ")", e);
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream pin = new PushbackInputStream(in, 3);
        byte[] head = pin.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (!bom && head.length > 0) {
            pin.unread(head);
        }
        return pin;
    }

    /** The first non-empty lines, read ahead and then un-read. */
    private static List<String> firstLines(BufferedReader reader) throws IOException {
        reader.mark(LOOKAHEAD_CHARS + 1);
        char[] buf = new char[LOOKAHEAD_CHARS];
        int n = 0;
        while (n < buf.length) {
            int r = reader.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        reader.reset();
        List<String> lines = new ArrayList<>();
        for (String l : new String(buf, 0, n).split("\r\n|\r|\n")) {
            if (!l.isBlank()) {
                lines.add(l);
                if (lines.size() >= LOOKAHEAD_LINES) {
                    break;
                }
            }
        }
        return lines;
    }

    private record CsvRow(long number, CSVRecord record) implements PhysicalRow {

        @Override
        public int size() {
            return record.size();
        }

        @Override
        public String raw(int column) {
            return record.get(column);
        }

        @Override
        public String text(int column, FieldType type) {
            return record.get(column);
        }
    }
}
