package vn.cdht.pipelines.source.text;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

/**
 * Converts the cells of one file that were typed in a legacy font. A spreadsheet (or a UTF-8 export of one) holds
 * Unicode, but a clerk who typed in a .VnTime (TCVN3) or VNI-Times (VNI) font stored the font's bytes as the Windows
 * characters they are there: "NguyÔn" (TCVN3) or "Nguyeãn" (VNI) for "Nguyễn". A cell is converted when, as it is,
 * some of its words beyond ASCII are not Vietnamese syllables, and, read back as bytes and decoded in one of the two
 * encodings (the one with more syllables if both fit), all of them are, and more of them. Plain ASCII and text whose
 * every word is a syllable are never touched. Counts what it converted.
 */
public final class LegacyFontCells {

    /** Character → the byte a Windows code page (1252, else 1258) has it at; -1 for none. */
    private static final int[] BYTE_OF = byteOf();

    private long tcvn3;
    private long vni;

    private static int[] byteOf() {
        int[] byteOf = new int[0x2200];
        Arrays.fill(byteOf, -1);
        for (int b = 0x80; b < 0xA0; b++) {
            byteOf[b] = b; // C1 controls: what a font byte becomes read as ISO-8859-1
        }
        for (String page : new String[] {"windows-1258", "windows-1252"}) { // 1252 last: it wins
            Charset charset = Charset.forName(page);
            for (int b = 0x80; b < 0x100; b++) {
                String s = new String(new byte[] {(byte) b}, charset);
                char c = s.charAt(0);
                if (s.length() == 1 && c != '\uFFFD' && c < byteOf.length) {
                    byteOf[c] = b;
                }
            }
        }
        return byteOf;
    }

    /** {@code cell} as Unicode: converted if it was typed in a legacy font, else unchanged (also null). */
    public String convert(String cell) {
        if (cell == null || cell.chars().allMatch(c -> c < 0x80)) {
            return cell;
        }
        byte[] bytes = bytes(cell);
        if (bytes == null) {
            return cell; // a character no font byte becomes (ễ, ư...): Unicode already
        }
        VietnameseText.Score asIs = VietnameseText.score(cell);
        if (asIs.others() == 0 || (asIs.share() >= 0.5 && typedInUnicode(cell))) {
            return cell;
        }
        String inTcvn3 = Tcvn3Capitals.restore(decode(TextEncoding.TCVN3, bytes));
        String inVni = decode(TextEncoding.VNI, bytes);
        VietnameseText.Score tcvn3Score = VietnameseText.score(inTcvn3);
        VietnameseText.Score vniScore = VietnameseText.score(inVni);
        boolean tcvn3Fits = fits(tcvn3Score, asIs);
        boolean vniFits = fits(vniScore, asIs);
        // both fit ("bín bòn" is bớn bũn in TCVN3, bín bịn in VNI): the font this file's other cells were typed in
        int preference = tcvn3Fits && vniFits
                ? Long.compare(tcvn3Score.syllables(), vniScore.syllables()) * 2 + Long.compare(tcvn3, vni)
                : tcvn3Fits ? 1 : vniFits ? -1 : 0;
        if (preference > 0) {
            tcvn3++;
            return inTcvn3;
        }
        if (preference < 0) {
            vni++;
            return inVni;
        }
        return cell;
    }

    /**
     * What {@code text} reads as if it was typed in TCVN3, then in VNI; empty if it cannot have been (ASCII, or a
     * character no font byte becomes). For text that must match something known, such as a header: "Sè CCCD" is a
     * syllable as it is, and "Số CCCD" in TCVN3.
     */
    public static List<String> readings(String text) {
        if (text == null || text.chars().allMatch(c -> c < 0x80)) {
            return List.of();
        }
        byte[] bytes = bytes(text);
        if (bytes == null) {
            return List.of();
        }
        return List.of(Tcvn3Capitals.restore(decode(TextEncoding.TCVN3, bytes)), decode(TextEncoding.VNI, bytes));
    }

    public LegacyFontCounts counts() {
        return new LegacyFontCounts(tcvn3, vni);
    }

    /**
     * A cell with ă, ơ, ư or đ was typed in Unicode, at least in part: a font byte shows as one of them only on a
     * Vietnamese Windows. Without them, a cell half of whose words are syllables as it is (VNI's "Thò", "bín")
     * may still be VNI or TCVN3.
     */
    private static boolean typedInUnicode(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if ("ăơưđĂƠƯĐ".indexOf(cell.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean fits(VietnameseText.Score decoded, VietnameseText.Score asIs) {
        return decoded.others() == 0 && decoded.syllables() > asIs.syllables();
    }

    /** The cell's characters as the font bytes they were; null if one of them is not a Windows character. */
    private static byte[] bytes(String cell) {
        byte[] bytes = new byte[cell.length()];
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            int b = c < 0x80 ? c : c < BYTE_OF.length ? BYTE_OF[c] : -1;
            if (b < 0) {
                return null;
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }

    private static String decode(TextEncoding encoding, byte[] bytes) {
        return EncodingDetector.decode(encoding, bytes, bytes.length);
    }
}
