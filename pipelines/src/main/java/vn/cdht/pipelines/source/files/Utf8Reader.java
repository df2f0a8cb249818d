package vn.cdht.pipelines.source.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict UTF-8 decoding that knows where it is: every character before invalid bytes is handed out first, then
 * {@link InvalidUtf8Exception} names the physical line of the bad bytes. (InputStreamReader drops the characters it
 * decoded in the read that fails, and the readers above it read far ahead, so no line count above it is right.)
 */
final class Utf8Reader extends Reader {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private boolean endOfInput;
    private boolean finished;
    private boolean invalid;
    private long lineBreaks;
    private boolean afterCr;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            if (invalid) {
                throw new InvalidUtf8Exception(lineBreaks + 1);
            }
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        count(cbuf, off, n);
        return n;
    }

    /** Decodes the next characters; false when there are none (the end, or invalid bytes next). */
    private boolean fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0 && !invalid && !finished) {
                var result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    invalid = true;
                } else if (result.isOverflow()) {
                    break;
                } else if (endOfInput) {
                    decoder.flush(chars);
                    finished = true;
                } else {
                    readBytes();
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Line breaks as the CSV parser counts them: LF, CR LF and a lone CR. */
    private void count(char[] cbuf, int off, int n) {
        for (int i = off; i < off + n; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                if (!afterCr) {
                    lineBreaks++;
                }
                afterCr = false;
            } else {
                afterCr = c == '\r';
                if (afterCr) {
                    lineBreaks++;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
