package vn.cdht.pipelines.source.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyFontCharsetTest {

    private static String decode(TextEncoding encoding, byte[] bytes) throws CharacterCodingException {
        String text = encoding.strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    @Test
    void byteStringsFromPublicReferencesDecodeToTheirText() throws CharacterCodingException {
        // TCVN3: place names from a public TCVN3 → Unicode converter's examples ("B¶o Th¾ng", "M­êng Kh­¬ng",
        // "B¸t X¸t"; ư is 0xAD, a soft hyphen on a Western Windows, so it does not show there)
        assertEquals("Bảo Thắng", decode(TextEncoding.TCVN3, bytes("B", 0xB6, "o Th", 0xBE, "ng")));
        assertEquals("Mường Khương", decode(TextEncoding.TCVN3, bytes("M", 0xAD, 0xEA, "ng Kh", 0xAD, 0xAC, "ng")));
        assertEquals("Bát Xát", decode(TextEncoding.TCVN3, bytes("B", 0xB8, "t X", 0xB8, "t")));
        // TCVN3: Đ is 0xA7 (§), đ 0xAE (®), ư 0xAD, ơ 0xAC, ê 0xAA, ô 0xAB, ă 0xA8, â 0xA9 (TCVN 5712:1993)
        assertEquals("Đường Đông", decode(TextEncoding.TCVN3, bytes(0xA7, 0xAD, 0xEA, "ng ", 0xA7, 0xAB, "ng")));
        // VNI: "Xin chaøo caùc baïn" (the README of a public VNI converter)
        assertEquals("Xin chào các bạn", decode(TextEncoding.VNI, bytes("Xin cha", 0xF8, "o ca", 0xF9, "c ba", 0xEF, "n")));
        // VNI: "Nguyeãn" (e + ã = ê with tilde), "Ñaëng" (Ñ = Đ, a + ë = ặ), "Thò" (ò = ị), "Quoác" (o + á = ố)
        assertEquals("Nguyễn", decode(TextEncoding.VNI, bytes("Nguye", 0xE3, "n")));
        assertEquals("Đặng Quốc Huy", decode(TextEncoding.VNI, bytes(0xD1, "a", 0xEB, "ng Quo", 0xE1, "c Huy")));
        assertEquals("Thị", decode(TextEncoding.VNI, bytes("Th", 0xF2)));
        // VNI capitals: "AÙNH" (Ù = acute for a capital), "ÑÖÔØNG" (Ö = Ư, Ô = Ơ, Ø = grave)
        assertEquals("ÁNH", decode(TextEncoding.VNI, bytes("A", 0xD9, "NH")));
        assertEquals("ĐƯỜNG", decode(TextEncoding.VNI, bytes(0xD1, 0xD6, 0xD4, 0xD8, "NG")));
    }

    @Test
    void tcvn3DecodesEveryVowelWithEveryToneAndDd() throws CharacterCodingException {
        for (String letter : VietnameseEncoders.tonedVowels()) {
            assertEquals(letter, decode(TextEncoding.TCVN3, VietnameseEncoders.tcvn3(letter)), letter);
        }
        assertEquals("đĐ", decode(TextEncoding.TCVN3, VietnameseEncoders.tcvn3("đĐ")));
        // the capitals of a, ă, â, e, ê, o, ô, ơ, u, ư have a byte of their own; with a tone they do not (see Tcvn3Capitals)
        assertEquals("ĂÂÊÔƠƯ", decode(TextEncoding.TCVN3, VietnameseEncoders.tcvn3("ĂÂÊÔƠƯ")));
        assertEquals(List.of(0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7),
                unsigned(VietnameseEncoders.tcvn3("ĂÂÊÔƠƯĐ")));
        assertEquals(List.of(0xB8), unsigned(VietnameseEncoders.tcvn3("Á")), "ABC writes Á as á");
    }

    @Test
    void tcvn3AlsoReadsTheCapitalsOfTcvn5712Vn1() throws CharacterCodingException {
        // VN1 puts capitals with tones where the ABC fonts have nothing: 0x80 À, 0x83 Á, 0x8C Ệ, 0x9F Ũ, 0xAF Ằ, 0xFF Ố
        assertEquals("ÀÁỆŨẰỐ", decode(TextEncoding.TCVN3, bytes(0x80, 0x83, 0x8C, 0x9F, 0xAF, 0xFF)));
    }

    @Test
    void vniDecodesEveryVowelWithEveryToneInBothCasesAndDd() throws CharacterCodingException {
        for (String letter : VietnameseEncoders.tonedVowels()) {
            String capital = letter.toUpperCase(java.util.Locale.ROOT);
            assertEquals(letter, decode(TextEncoding.VNI, VietnameseEncoders.vni(letter)), letter);
            assertEquals(capital, decode(TextEncoding.VNI, VietnameseEncoders.vni(capital)), capital);
        }
        assertEquals("đĐ", decode(TextEncoding.VNI, VietnameseEncoders.vni("đĐ")));
    }

    @Test
    void windows1258DecodesEveryVowelWithEveryToneInBothCasesOnceComposed() throws CharacterCodingException {
        for (String letter : VietnameseEncoders.tonedVowels()) {
            String capital = letter.toUpperCase(java.util.Locale.ROOT);
            assertEquals(letter, decode(TextEncoding.WINDOWS_1258, VietnameseEncoders.windows1258(letter)), letter);
            assertEquals(capital, decode(TextEncoding.WINDOWS_1258, VietnameseEncoders.windows1258(capital)), capital);
        }
        // as Excel writes it: ễ is ê (0xEA) + combining tilde (0xDE); Ánh keeps the precomposed Á (0xC1)
        assertEquals(List.of('N', 'g', 'u', 'y', 0xEA, 0xDE, 'n'), unsignedOrChar(VietnameseEncoders.windows1258("Nguyễn")));
        assertEquals(List.of(0xC1, 'n', 'h'), unsignedOrChar(VietnameseEncoders.windows1258("Ánh")));
        assertEquals("Nguyễn Thị Ngọc Ánh", decode(TextEncoding.WINDOWS_1258,
                bytes("Nguy", 0xEA, 0xDE, "n Thi", 0xF2, " Ngo", 0xF2, "c ", 0xC1, "nh")));
    }

    @Test
    void aByteVniDoesNotHaveIsReported() {
        // 0x81 is in neither VNI's letters nor Windows-1252
        assertThrows(CharacterCodingException.class, () -> decode(TextEncoding.VNI, bytes("a", 0x81)));
        assertThrows(UnsupportedOperationException.class, () -> LegacyFontCharset.TCVN3.newEncoder());
    }

    private static List<Integer> unsigned(byte[] bytes) {
        List<Integer> out = new java.util.ArrayList<>();
        for (byte b : bytes) {
            out.add(b & 0xFF);
        }
        return out;
    }

    private static List<Object> unsignedOrChar(byte[] bytes) {
        List<Object> out = new java.util.ArrayList<>();
        for (byte b : bytes) {
            out.add(b >= 0 ? (Object) (char) b : (Object) (b & 0xFF));
        }
        return out;
    }
}
