package vn.cdht.pipelines.source.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.pipelines.source.text.LegacyFontCells;
import vn.cdht.pipelines.source.text.LegacyFontCounts;
import vn.cdht.pipelines.source.text.TextDecoding;
import vn.cdht.pipelines.source.text.UndecodableTextException;
import vn.cdht.pipelines.source.text.UnknownEncodingException;
import vn.cdht.warehouse.source.FieldType;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Reads a CSV export streaming: its encoding detected from its first bytes ({@link TextDecoding}: UTF-8 with or
 * without BOM, UTF-16, Windows-1258, TCVN3, VNI; bytes that are not text in it reject the file, as does an encoding
 * that cannot be told), {@code ,}, {@code ;} or tab detected, CRLF or LF, RFC 4180 quotes. In a UTF-8 or UTF-16 file,
 * cells typed in a legacy font are converted ({@link LegacyFontCells}). Cells are kept as text; nothing is parsed
 * here.
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
            TextDecoding.DecodedText text = TextDecoding.open(in);
            // a legacy 8-bit file is all in one encoding, decoded already; Unicode may hold cells typed in a legacy font
            LegacyFontCells legacyFont = text.encoding().encoding().legacy() ? null : new LegacyFontCells();
            BufferedReader lookahead = new BufferedReader(text.reader(), 65536);
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
                    assembler.accept(CsvRow.of(line, record, legacyFont));
                }
            }
            return assembler.finish(SourceFormat.CSV, null, separator, text.encoding().label(),
                    legacyFont == null ? LegacyFontCounts.NONE : legacyFont.counts());
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
        if (e instanceof UndecodableTextException bad) {
            return new SourceFileException(fileName + ": not valid " + bad.encoding().label() + " text at line "
                    + bad.line() + "; save the file as UTF-8 (Excel: CSV UTF-8) and export again", e);
        }
        if (e instanceof UnknownEncodingException unknown) {
            return new SourceFileException(fileName + ": " + unknown.getMessage() + "; in Excel choose File > Save As"
                    + " > \"CSV UTF-8 (Comma delimited) (*.csv)\" and export again", e);
        }
        if (e instanceof RecordLimitReader.RecordTooLongException) {
            return new SourceFileException(fileName + ": the record starting at line " + line + " is longer than "
                    + maxRecordChars + " characters (" + ExtractionLimits.MAX_RECORD_CHARS + "); look for an unclosed"
                    + " quote there, or raise the limit", e);
        }
        String where = line > 0 ? "near line " + line : "in the first lines";
        return new SourceFileException(fileName + ": malformed CSV " + where + " (" + e.getMessage() + ")", e);
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

    /** A record's cells, those typed in a legacy font converted (each counted once). */
    private record CsvRow(long number, String[] cells) implements PhysicalRow {

        static CsvRow of(long number, CSVRecord record, LegacyFontCells legacyFont) {
            String[] cells = record.values();
            if (legacyFont != null) {
                String[] converted = null;
                for (int i = 0; i < cells.length; i++) {
                    String cell = legacyFont.convert(cells[i]);
                    if (cell != cells[i]) {
                        converted = converted == null ? cells.clone() : converted;
                        converted[i] = cell;
                    }
                }
                cells = converted == null ? cells : converted;
            }
            return new CsvRow(number, cells);
        }

        @Override
        public int size() {
            return cells.length;
        }

        @Override
        public String raw(int column) {
            return cells[column];
        }

        @Override
        public String text(int column, FieldType type) {
            return cells[column];
        }
    }
}
