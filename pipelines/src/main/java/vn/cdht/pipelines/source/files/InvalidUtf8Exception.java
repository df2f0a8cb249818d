package vn.cdht.pipelines.source.files;

import java.nio.charset.CharacterCodingException;

/** Bytes that are not UTF-8, on this physical line (1-based, the BOM not counted). */
final class InvalidUtf8Exception extends CharacterCodingException {

    private final long line;

    InvalidUtf8Exception(long line) {
        this.line = line;
    }

    long line() {
        return line;
    }

    @Override
    public String getMessage() {
        return "invalid UTF-8 at line " + line;
    }
}
