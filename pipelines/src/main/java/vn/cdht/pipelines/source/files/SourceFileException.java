package vn.cdht.pipelines.source.files;

/** A source file or batch that cannot be read; the message is one line naming the file and the problem. */
public class SourceFileException extends RuntimeException {

    public SourceFileException(String message) {
        super(oneLine(message));
    }

    public SourceFileException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
