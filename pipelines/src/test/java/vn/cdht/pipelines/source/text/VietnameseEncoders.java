package vn.cdht.pipelines.source.text;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Vietnamese text the way offices' software does, for fixtures: Windows-1258 as Excel writes it, TCVN3 as the
 * ABC fonts and keyboards write it and VNI, the last two from the inverse of the mapping tables (read here on their
 * own, not through the production code).
 */
public final class VietnameseEncoders {

    public static final List<String> VOWELS = List.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y");
    /** Level, sắc, huyền, hỏi, ngã, nặng as combining marks ("" for level). */
    public static final List<String> TONES = List.of("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323");

    private static final Map<String, byte[]> TCVN3 = inverseTcvn3();
    private static final Map<String, byte[]> VNI = inverseVni();

    private VietnameseEncoders() {
    }

    /** Every vowel with every tone (72, NFC), small. */
    public static List<String> tonedVowels() {
        List<String> letters = new ArrayList<>();
        for (String v : VOWELS) {
            for (String t : TONES) {
                letters.add(Normalizer.normalize(v + t, Normalizer.Form.NFC));
            }
        }
        return letters;
    }

    /**
     * Lines of syllables that use every vowel with every tone, small ("ban bán bàn bản bãn bạn") and in capitals,
     * and đ/Đ: well-formed syllables (many of them words), so that they read as Vietnamese.
     */
    public static List<String> vowelLines() {
        Map<String, String> frame = Map.of("ư", "b%sng", "y", "hu%s");
        List<String> lines = new ArrayList<>();
        for (String v : VOWELS) {
            List<String> words = new ArrayList<>();
            for (String t : TONES) {
                words.add(String.format(frame.getOrDefault(v, "b%sn"), Normalizer.normalize(v + t, Normalizer.Form.NFC)));
            }
            String line = String.join(" ", words);
            lines.add(line);
            lines.add(line.toUpperCase(java.util.Locale.ROOT));
        }
        lines.add("đan đàn đán Đan Đàn Đán");
        lines.add("ĐAN ĐÀN ĐÁN ĐỘN");
        return lines;
    }

    /** As Excel on a Vietnamese Windows saves "CSV": precomposed where Windows-1258 has it, else a combining tone. */
    public static byte[] windows1258(String text) {
        Charset cp1258 = Charset.forName("windows-1258");
        CharsetEncoder encoder = cp1258.newEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); i++) {
            String c = String.valueOf(nfc.charAt(i));
            if (encoder.canEncode(c)) {
                out.writeBytes(c.getBytes(cp1258));
                continue;
            }
            // the tone mark off, the letter with its circumflex, breve or horn composed again: ặ = ă + dot below
            String nfd = Normalizer.normalize(c, Normalizer.Form.NFD);
            String tone = nfd.replaceAll("[^\u0300\u0301\u0303\u0309\u0323]", "");
            String base = Normalizer.normalize(nfd.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", ""),
                    Normalizer.Form.NFC);
            if (!encoder.canEncode(base) || !encoder.canEncode(tone)) {
                throw new IllegalArgumentException("not in Windows-1258: " + c);
            }
            out.writeBytes(base.getBytes(cp1258));
            out.writeBytes(tone.getBytes(cp1258));
        }
        return out.toByteArray();
    }

    /** As the ABC fonts write it: a capital with a tone mark as its small letter (ABC has no such capital). */
    public static byte[] tcvn3(String text) {
        return encode(text, TCVN3, true);
    }

    /** As the VNI-Windows fonts write it. */
    public static byte[] vni(String text) {
        return encode(text, VNI, false);
    }

    /** The bytes as a Western Windows shows them (the characters an XLSX cell typed in the font holds). */
    public static String asWindows1252(byte[] bytes) {
        return new String(bytes, Charset.forName("windows-1252"));
    }

    private static byte[] encode(String text, Map<String, byte[]> table, boolean smallForCapital) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c < 0x80) {
                out.write(c);
                continue;
            }
            byte[] bytes = table.get(String.valueOf(c));
            if (bytes == null && smallForCapital) {
                bytes = table.get(String.valueOf(Character.toLowerCase(c)));
            }
            if (bytes == null) {
                throw new IllegalArgumentException("no bytes for " + c);
            }
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** Letter → byte from the rows of tcvn3.csv that ABC writes. */
    private static Map<String, byte[]> inverseTcvn3() {
        Map<String, byte[]> inverse = new HashMap<>();
        for (String[] row : rows("tcvn3.csv")) {
            if (row[2].equals("abc")) {
                inverse.putIfAbsent(text(row[1]), new byte[] {(byte) Integer.parseInt(row[0], 16)});
            }
        }
        return inverse;
    }

    /**
     * Letter → bytes from vni.csv: a letter byte alone, or an ASCII vowel or a letter byte followed by a mark byte of
     * the same case.
     */
    private static Map<String, byte[]> inverseVni() {
        Map<String, byte[]> inverse = new HashMap<>();
        Map<String, Integer> letters = new HashMap<>();
        List<String[]> rows = rows("vni.csv");
        for (String[] row : rows) {
            if (row[2].equals("letter")) {
                letters.put(text(row[1]), Integer.parseInt(row[0], 16));
                inverse.put(text(row[1]), new byte[] {(byte) Integer.parseInt(row[0], 16)});
            }
        }
        for (String[] row : rows) {
            if (!row[2].equals("mark")) {
                continue;
            }
            int mark = Integer.parseInt(row[0], 16);
            boolean capitalMark = mark < 0xE0;
            List<Map.Entry<String, Integer>> bases = new ArrayList<>(letters.entrySet());
            for (char v : "aeiouyAEIOUY".toCharArray()) {
                bases.add(Map.entry(String.valueOf(v), (int) v));
            }
            for (Map.Entry<String, Integer> base : bases) {
                if (Character.isUpperCase(base.getKey().charAt(0)) != capitalMark) {
                    continue;
                }
                String letter = Normalizer.normalize(base.getKey() + text(row[1]), Normalizer.Form.NFC);
                if (letter.length() == 1) {
                    inverse.putIfAbsent(letter, new byte[] {(byte) (int) base.getValue(), (byte) mark});
                }
            }
        }
        return inverse;
    }

    private static String text(String codePoints) {
        StringBuilder sb = new StringBuilder();
        for (String cp : codePoints.strip().split(" +")) {
            sb.appendCodePoint(Integer.parseInt(cp, 16));
        }
        return sb.toString();
    }

    private static List<String[]> rows(String table) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = VietnameseEncoders.class.getResourceAsStream("/encodings/" + table)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.startsWith("byte,") && !line.isBlank()) {
                    rows.add(line.split(",", 5));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
