package vn.cdht.pipelines.source.files;

import java.util.function.Consumer;
import vn.cdht.pipelines.source.SourceRow;

/** Reads one export file, CSV or XLSX, into rows of its entity. */
public final class SourceFileReader {

    private SourceFileReader() {
    }

    /**
     * Hands every data row of {@code file} to {@code sink}, in file order, streaming (default limits).
     *
     * @throws SourceFileException when the file is not matched, unreadable, or has no usable header row
     */
    public static FileReadReport read(SourceFile file, Consumer<SourceRow> sink) {
        return read(file, sink, ExtractionLimits.DEFAULTS);
    }

    /**
     * Hands every data row of {@code file} to {@code sink}, in file order, streaming; a CSV record longer than
     * {@link ExtractionLimits#maxRecordChars()} rejects the file.
     *
     * @throws SourceFileException when the file is not matched, unreadable, or has no usable header row
     */
    public static FileReadReport read(SourceFile file, Consumer<SourceRow> sink, ExtractionLimits limits) {
        SourceFormat format = file.format().orElseThrow(() ->
                new SourceFileException(file.name() + ": " + file.ignoredReason().orElse("unknown format")));
        file.requireEntity();
        return switch (format) {
            case CSV -> CsvSourceReader.read(file, sink, limits.maxRecordChars());
            case XLSX -> XlsxSourceReader.read(file, sink);
        };
    }
}
