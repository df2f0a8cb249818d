package vn.cdht.pipelines.source.text;

import java.nio.charset.CharacterCodingException;

/** Bytes that are not text in the file's encoding, on this physical line (1-based, the BOM not counted). */
public final class UndecodableTextException extends CharacterCodingException {

    private final TextEncoding encoding;
    private final long line;

    UndecodableTextException(TextEncoding encoding, long line) {
        this.encoding = encoding;
        this.line = line;
    }

    public TextEncoding encoding() {
        return encoding;
    }

    public long line() {
        return line;
    }

    @Override
    public String getMessage() {
        return "invalid " + encoding.label() + " at line " + line;
    }
}
