package vn.cdht.pipelines.source.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    /** An accounts export: Vietnamese headers, names, and every vowel with every tone in both cases. */
    static final String TEXT = "Mã tài khoản,Số CCCD,Họ và tên,Giới tính,Ngày cập nhật\r\n"
            + "TK1,001190000001,Nguyễn Thị Ngọc Ánh,Nữ,01/10/2025\r\n"
            + "TK2,001090000002,Đặng Quốc Huy,Nam,01/10/2025\r\n"
            + String.join("\r\n", VietnameseEncoders.vowelLines().stream()
                    .map(l -> "TK," + l + ",Nam,01/10/2025").toList()) + "\r\n";

    private static DecodedResult read(byte[] bytes) throws IOException {
        TextDecoding.DecodedText decoded = TextDecoding.open(new ByteArrayInputStream(bytes));
        StringBuilder out = new StringBuilder();
        try (Reader r = decoded.reader()) {
            char[] buf = new char[1000];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                out.append(buf, 0, n);
            }
        }
        return new DecodedResult(decoded.encoding().label(), out.toString());
    }

    private record DecodedResult(String encoding, String text) {
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void utf8WithAndWithoutBomAndPureAscii() throws IOException {
        assertEquals(new DecodedResult("UTF-8", TEXT), read(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertEquals(new DecodedResult("UTF-8 with BOM", TEXT),
                read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8))));
        assertEquals(new DecodedResult("UTF-8", "Nam,2024\n"), read("Nam,2024\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(new DecodedResult("UTF-8", ""), read(new byte[0]));
        String nfd = Normalizer.normalize(TEXT, Normalizer.Form.NFD);
        assertEquals(new DecodedResult("UTF-8", nfd), read(nfd.getBytes(StandardCharsets.UTF_8)),
                "UTF-8 is kept as written (NFC comes later, per cell)");
    }

    @Test
    void utf16ByBomOrByItsNulBytes() throws IOException {
        assertEquals(new DecodedResult("UTF-16LE with BOM", TEXT),
                read(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE))));
        assertEquals(new DecodedResult("UTF-16BE with BOM", TEXT),
                read(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE))));
        assertEquals(new DecodedResult("UTF-16LE", TEXT), read(TEXT.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(new DecodedResult("UTF-16BE", TEXT), read(TEXT.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void theEightBitEncodingsAreToldApartAndComposedToNfc() throws IOException {
        assertEquals(new DecodedResult("Windows-1258", TEXT), read(VietnameseEncoders.windows1258(TEXT)));
        assertEquals(new DecodedResult("TCVN3", TEXT), read(VietnameseEncoders.tcvn3(TEXT)));
        assertEquals(new DecodedResult("VNI", TEXT), read(VietnameseEncoders.vni(TEXT)));
    }

    @Test
    void aFewLinesAreEnough() throws IOException {
        String header = "Năm,Mã xã,Số người trong độ tuổi\n2024,00001,5\n";
        assertEquals(new DecodedResult("Windows-1258", header), read(VietnameseEncoders.windows1258(header)));
        assertEquals(new DecodedResult("TCVN3", header), read(VietnameseEncoders.tcvn3(header)));
        assertEquals(new DecodedResult("VNI", header), read(VietnameseEncoders.vni(header)));
    }

    @Test
    void aLargeFileIsDecodedBeyondTheSampleAcrossEveryChunkBoundary() throws IOException {
        // the sample is 2 MiB; marks of Windows-1258 and VNI fall on every position of the readers' 8 KiB chunks
        StringBuilder big = new StringBuilder("Mã tài khoản,Họ và tên,Ngày cập nhật\n");
        int i = 0;
        while (big.length() < 3_000_000) {
            big.append("TK").append(i++).append(",Nguyễn Thị Ngọc Ánh,Đặng Quốc Huy ").append("x".repeat(i % 7)).append('\n');
        }
        String text = big.toString();
        for (Function<String, byte[]> encoder : java.util.List.<Function<String, byte[]>>of(
                VietnameseEncoders::windows1258, VietnameseEncoders::tcvn3, VietnameseEncoders::vni)) {
            assertEquals(text, read(encoder.apply(text)).text());
        }
    }

    @Test
    void unsureIsRefused() {
        // a byte or two beyond ASCII is not enough to tell
        assertThrows(UnknownEncodingException.class, () -> read(concat("Nam,".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE9, '\n'})));
        // not text at all
        assertThrows(UnknownEncodingException.class, () -> read(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 8, 0, 0, 0x12, 0x34}));
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        for (int j = 0; j < noise.length; j++) {
            noise[j] = noise[j] == 0 ? 1 : noise[j];
        }
        assertThrows(UnknownEncodingException.class, () -> read(noise));
        assertEquals("cannot tell the text encoding (tried UTF-8, UTF-16, Windows-1258, TCVN3, VNI)",
                new UnknownEncodingException().getMessage());
    }

    @Test
    void mostlyValidUtf8IsUtf8AndBadBytesAreReportedAtTheirLine() {
        byte[] bad = concat("Năm,Mã xã,Số người trong độ tuổi\n2024,00001,5\n2024,".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF, '\n'});
        UndecodableTextException e = assertThrows(UndecodableTextException.class, () -> read(bad));
        assertEquals(TextEncoding.UTF_8, e.encoding());
        assertEquals(3, e.line());
        // an unpaired surrogate in UTF-16
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Năm\nMã\n".getBytes(StandardCharsets.UTF_16LE),
                new byte[] {0x00, (byte) 0xD8, 'x', 0});
        UndecodableTextException e16 = assertThrows(UndecodableTextException.class, () -> read(utf16));
        assertEquals(TextEncoding.UTF_16LE, e16.encoding());
        assertEquals(3, e16.line());
    }
}
