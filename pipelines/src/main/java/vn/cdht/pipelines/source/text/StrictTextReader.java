package vn.cdht.pipelines.source.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.util.Objects;

/**
 * Strict decoding that knows where it is: every character before bytes that are not text in the encoding is handed
 * out first, then {@link UndecodableTextException} names the physical line of the bad bytes. (InputStreamReader drops
 * the characters it decoded in the read that fails, and the readers above it read far ahead, so no line count above
 * it is right.)
 */
final class StrictTextReader extends Reader {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final TextEncoding encoding;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private boolean endOfInput;
    private boolean finished;
    private boolean invalid;
    private long lineBreaks;
    private boolean afterCr;

    StrictTextReader(InputStream in, TextEncoding encoding) {
        this.in = in;
        this.encoding = encoding;
        this.decoder = encoding.strictDecoder();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            if (invalid) {
                throw new UndecodableTextException(encoding, lineBreaks + 1);
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
