package vn.cdht.pipelines.source.files;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters the CSV parser takes and stops a record that grows past the limit (typically an unclosed
 * quote swallowing the rest of the file) before the parser's buffers fill the heap.
 */
final class RecordLimitReader extends FilterReader {

    /**
     * The parser reads ahead of the record it returns (commons-csv: 8 KiB); allowing more than that on top of the
     * limit keeps "longer than the limit" true when the reader refuses.
     */
    static final int READ_AHEAD_ALLOWANCE = 64 * 1024;

    private final long allowed;
    private long taken;
    private long recordEnd;

    RecordLimitReader(Reader in, int maxRecordChars) {
        super(in);
        this.allowed = (long) maxRecordChars + READ_AHEAD_ALLOWANCE;
    }

    /** The parser has returned a record: the next one starts here, give or take its read-ahead. */
    void recordEnded() {
        recordEnd = taken;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            take(1);
        }
        return c;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = super.read(cbuf, off, len);
        if (n > 0) {
            take(n);
        }
        return n;
    }

    private void take(int n) throws RecordTooLongException {
        taken += n;
        if (taken - recordEnd > allowed) {
            throw new RecordTooLongException();
        }
    }

    /** A record longer than the limit; the caller knows the line where it starts. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("record too long", null);
        }
    }
}
