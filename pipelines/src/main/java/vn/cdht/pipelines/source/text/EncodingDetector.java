package vn.cdht.pipelines.source.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tells the encoding of a file from its first bytes: a byte-order mark first; then UTF-16 by its pattern of NUL
 * bytes; then UTF-8, which text in any other encoding is almost never valid as (pure ASCII is UTF-8); last the 8-bit
 * encodings, Windows-1258, TCVN3 and VNI, each decoding the sample, the one whose text is Vietnamese syllables, and
 * clearly more so than the others, chosen. Unsure: empty, and the file is refused.
 */
final class EncodingDetector {

    /** Enough text to tell, bounded so that a file of gigabytes costs no more. */
    static final int SAMPLE_BYTES = 2 << 20;

    /** A UTF-8 sample with this many valid multi-byte characters per invalid byte is UTF-8 gone wrong later. */
    private static final int UTF8_VALID_PER_INVALID = 3;
    /** An 8-bit encoding is chosen with at least this many words beyond ASCII that are syllables... */
    private static final int MIN_SYLLABLES = 3;
    /** ...making at least this share of those words... */
    private static final double MIN_SHARE = 0.8;
    /** ...and this much more than the next encoding's share. */
    private static final double MIN_LEAD = 0.2;

    private static final List<TextEncoding> EIGHT_BIT = List.of(TextEncoding.WINDOWS_1258, TextEncoding.TCVN3,
            TextEncoding.VNI);

    private EncodingDetector() {
    }

    /**
     * @param sample   the file's first bytes, {@code length} of them
     * @param complete whether they are the whole file (else the last character may be cut)
     */
    static Optional<DetectedEncoding> detect(byte[] sample, int length, boolean complete) {
        Optional<DetectedEncoding> bom = byteOrderMark(sample, length);
        if (bom.isPresent()) {
            return bom;
        }
        Optional<TextEncoding> utf16 = utf16(sample, length);
        if (utf16.isPresent()) {
            return Optional.of(new DetectedEncoding(utf16.get(), false));
        }
        for (int i = 0; i < length; i++) {
            if (sample[i] == 0) {
                return Optional.empty(); // NUL bytes but not UTF-16: not text
            }
        }
        if (looksUtf8(sample, length, complete)) {
            return Optional.of(new DetectedEncoding(TextEncoding.UTF_8, false));
        }
        return eightBit(sample, length).map(e -> new DetectedEncoding(e, false));
    }

    /** The length of the byte-order mark of {@code encoding}. */
    static int bomLength(TextEncoding encoding) {
        return encoding == TextEncoding.UTF_8 ? 3 : 2;
    }

    private static Optional<DetectedEncoding> byteOrderMark(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(new DetectedEncoding(TextEncoding.UTF_8, true));
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(new DetectedEncoding(TextEncoding.UTF_16LE, true));
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(new DetectedEncoding(TextEncoding.UTF_16BE, true));
        }
        return Optional.empty();
    }

    /**
     * UTF-16 without a BOM: the high byte of every ASCII character is NUL, so NULs fill one of the byte positions
     * (odd ones: little-endian) and never the other.
     */
    private static Optional<TextEncoding> utf16(byte[] b, int n) {
        long pairs = n / 2;
        if (pairs < 2) {
            return Optional.empty();
        }
        long evenNuls = 0;
        long oddNuls = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            if (b[i] == 0) {
                evenNuls++;
            }
            if (b[i + 1] == 0) {
                oddNuls++;
            }
        }
        if (oddNuls >= 0.3 * pairs && evenNuls <= 0.02 * pairs) {
            return Optional.of(TextEncoding.UTF_16LE);
        }
        if (evenNuls >= 0.3 * pairs && oddNuls <= 0.02 * pairs) {
            return Optional.of(TextEncoding.UTF_16BE);
        }
        return Optional.empty();
    }

    /**
     * Valid UTF-8; or a UTF-8 file broken further on: its multi-byte characters far outnumber its invalid bytes
     * (text in an 8-bit encoding has hardly any valid multi-byte sequence), so that the reader refuses it at the line
     * of the bad bytes rather than it being taken for another encoding.
     */
    private static boolean looksUtf8(byte[] b, int n, boolean complete) {
        CharsetDecoder decoder = TextEncoding.UTF_8.strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(b, 0, n);
        CharBuffer out = CharBuffer.allocate(8192);
        long multiByte = 0;
        long invalid = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, complete);
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (c >= 0x80 && !Character.isLowSurrogate(c)) {
                    multiByte++;
                }
            }
            out.clear();
            if (result.isError()) {
                invalid++;
                in.position(in.position() + result.length());
            } else if (result.isUnderflow()) {
                break; // the end, or a character cut by the end of the sample
            }
        }
        return invalid == 0 || multiByte >= UTF8_VALID_PER_INVALID * invalid;
    }

    private static Optional<TextEncoding> eightBit(byte[] b, int n) {
        record Candidate(TextEncoding encoding, VietnameseText.Score score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (TextEncoding encoding : EIGHT_BIT) {
            candidates.add(new Candidate(encoding, VietnameseText.score(decode(encoding, b, n))));
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> c.score().share())
                .thenComparingLong(c -> c.score().syllables()).reversed());
        Candidate best = candidates.get(0);
        Candidate next = candidates.get(1);
        boolean convincing = best.score().syllables() >= MIN_SYLLABLES && best.score().share() >= MIN_SHARE;
        boolean clear = best.score().share() - next.score().share() >= MIN_LEAD;
        return convincing && clear ? Optional.of(best.encoding()) : Optional.empty();
    }

    /** The sample in {@code encoding}, NFC, with U+FFFD for bytes it does not have. */
    static String decode(TextEncoding encoding, byte[] b, int n) {
        try {
            String text = encoding.lenientDecoder().decode(ByteBuffer.wrap(b, 0, n)).toString();
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder threw", e);
        }
    }
}
