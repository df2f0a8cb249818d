package vn.cdht.pipelines.source.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * A legacy Vietnamese font encoding, TCVN3 (ABC) or VNI, as a decode-only {@link Charset}: every byte stands for a
 * fixed piece of Unicode text, read from the mapping table {@code encodings/<name>.csv}. A VNI mark byte decodes to
 * combining marks, so the output is composed to NFC by the reader above ({@link NfcReader}).
 */
final class LegacyFontCharset extends Charset {

    static final LegacyFontCharset TCVN3 = new LegacyFontCharset("x-cdht-tcvn3", "tcvn3.csv", false);
    static final LegacyFontCharset VNI = new LegacyFontCharset("x-cdht-vni", "vni.csv", true);

    /** What each byte decodes to; null where the encoding has nothing. */
    private final String[] bytes = new String[256];

    /** {@code windows1252Rest}: bytes the table does not list are what Windows-1252 has there (the VNI fonts). */
    private LegacyFontCharset(String name, String table, boolean windows1252Rest) {
        super(name, null);
        for (int b = 0; b < 0x80; b++) {
            bytes[b] = String.valueOf((char) b);
        }
        if (windows1252Rest) {
            CharsetDecoder cp1252 = Charset.forName("windows-1252").newDecoder();
            for (int b = 0x80; b < 0x100; b++) {
                try {
                    bytes[b] = cp1252.decode(ByteBuffer.wrap(new byte[] {(byte) b})).toString();
                } catch (java.nio.charset.CharacterCodingException undefined) {
                    bytes[b] = null; // 0x81, 0x8D, 0x8F, 0x90, 0x9D
                }
            }
        }
        read(table);
    }

    private void read(String table) {
        String resource = "/encodings/" + table;
        try (InputStream in = LegacyFontCharset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("byte,")) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                StringBuilder text = new StringBuilder();
                for (String codePoint : cells[1].strip().split(" +")) {
                    text.appendCodePoint(Integer.parseInt(codePoint, 16));
                }
                bytes[Integer.parseInt(cells[0].strip(), 16)] = text.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** What byte {@code b} (0-255) decodes to, null if nothing. */
    String decode(int b) {
        return bytes[b];
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this;
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder();
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException(name() + " is read, never written");
    }

    private final class Decoder extends CharsetDecoder {

        Decoder() {
            // a VNI mark byte can be two combining marks
            super(LegacyFontCharset.this, 1.0f, 2.0f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                String text = bytes[in.get(in.position()) & 0xFF];
                if (text == null) {
                    return CoderResult.malformedForLength(1);
                }
                if (out.remaining() < text.length()) {
                    return CoderResult.OVERFLOW;
                }
                out.put(text);
                in.position(in.position() + 1);
            }
            return CoderResult.UNDERFLOW;
        }
    }
}
