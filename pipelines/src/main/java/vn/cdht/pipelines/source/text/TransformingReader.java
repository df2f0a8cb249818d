package vn.cdht.pipelines.source.text;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * A reader that rewrites the text of the reader below it piece by piece, each piece cut where the rewriting of what
 * follows cannot change it (after the last character a mark may still attach to, after the last phrase), so that a
 * file of any size is rewritten in bounded memory.
 */
abstract class TransformingReader extends Reader {

    /** Text with no cut in it is rewritten anyway past this length (never in real text). */
    private static final int MAX_PENDING = 64 * 1024;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private final StringBuilder pending = new StringBuilder();
    private String ready = "";
    private int readyPos;
    private boolean endOfInput;

    TransformingReader(Reader in) {
        this.in = in;
    }

    /** Where {@code text} may be cut: its first {@code cut} characters can be rewritten now; 0 if none. */
    abstract int cut(CharSequence text);

    abstract String transform(String text);

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        while (readyPos == ready.length()) {
            if (endOfInput) {
                if (pending.isEmpty()) {
                    return -1;
                }
                take(pending.length());
                continue;
            }
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                endOfInput = true;
                continue;
            }
            pending.append(buffer, 0, n);
            int cut = cut(pending);
            if (cut == 0 && pending.length() > MAX_PENDING) {
                cut = pending.length();
            }
            if (cut > 0) {
                take(cut);
            }
        }
        int n = Math.min(len, ready.length() - readyPos);
        ready.getChars(readyPos, readyPos + n, cbuf, off);
        readyPos += n;
        return n;
    }

    private void take(int cut) {
        ready = transform(pending.substring(0, cut));
        readyPos = 0;
        pending.delete(0, cut);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
