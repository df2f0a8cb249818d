package vn.cdht.pipelines.source.files;

import java.util.function.Consumer;
import vn.cdht.pipelines.source.SourceRow;

/** Reads one export file, CSV or XLSX, into rows of its entity. */
public final class SourceFileReader {

    private SourceFileReader() {
    }

    /**
     * Hands every data row of {@code file} to {@code sink}, in file order, streaming.
     *
     * @throws SourceFileException when the file is not matched, unreadable, or has no usable header row
     */
    public static FileReadReport read(SourceFile file, Consumer<SourceRow> sink) {
        SourceFormat format = file.format().orElseThrow(() ->
                new SourceFileException(file.name() + ": " + file.ignoredReason().orElse("unknown format")));
        file.requireEntity();
        return switch (format) {
            case CSV -> CsvSourceReader.read(file, sink);
            case XLSX -> XlsxSourceReader.read(file, sink);
        };
    }
}
