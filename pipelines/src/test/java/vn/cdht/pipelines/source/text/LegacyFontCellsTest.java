package vn.cdht.pipelines.source.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyFontCellsTest {

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("Nguyễn Thị Ngọc Ánh", "Đặng Quốc Huy", "Lê Văn Hoà",
                "NGUYỄN THỊ NGỌC ÁNH", "Trường Tiểu học Quang Trung", "Thị"));
        texts.addAll(VietnameseEncoders.vowelLines());
        return texts;
    }

    @Test
    void cellsTypedInTcvn3AreConvertedToTheExactText() {
        LegacyFontCells cells = new LegacyFontCells();
        int converted = 0;
        for (String text : texts()) {
            String typed = VietnameseEncoders.asWindows1252(VietnameseEncoders.tcvn3(text));
            if (!typed.equals(text)) {
                assertEquals(text, cells.convert(typed), typed);
                converted++;
            }
        }
        assertEquals(new LegacyFontCounts(converted, 0), cells.counts());
        // typed on a Vietnamese Windows, a font byte may show as its Windows-1258 character: 0xA8 (ă) as ¨ or ă
        assertEquals("Lê Văn Hoà", cells.convert("Lª V¨n Hoµ"));
    }

    @Test
    void cellsTypedInVniAreConvertedToTheExactText() {
        LegacyFontCells cells = new LegacyFontCells();
        int converted = 0;
        for (String text : texts()) {
            String typed = VietnameseEncoders.asWindows1252(VietnameseEncoders.vni(text));
            if (text.equals("Thị")) {
                assertEquals("Thò", typed);
                assertEquals("Thò", cells.convert(typed), "thò is a word: one word alone cannot be told");
            } else if (!typed.equals(text)) {
                assertEquals(text, cells.convert(typed), typed);
                converted++;
            }
        }
        assertEquals(new LegacyFontCounts(0, converted), cells.counts());
    }

    @Test
    void aCellThatFitsBothFontsTakesTheFontOfTheFilesOtherCells() {
        String ambiguous = VietnameseEncoders.asWindows1252(VietnameseEncoders.vni("bin bín bìn bỉn bĩn bịn"));
        assertEquals(ambiguous, new LegacyFontCells().convert(ambiguous), "bớn bỡn bổn bún bũn in TCVN3: unsure");
        LegacyFontCells vniFile = new LegacyFontCells();
        vniFile.convert(VietnameseEncoders.asWindows1252(VietnameseEncoders.vni("Nguyễn Thị Ngọc Ánh")));
        assertEquals("bin bín bìn bỉn bĩn bịn", vniFile.convert(ambiguous));
        LegacyFontCells tcvn3File = new LegacyFontCells();
        tcvn3File.convert(VietnameseEncoders.asWindows1252(VietnameseEncoders.tcvn3("Nguyễn Thị Ngọc Ánh")));
        assertEquals("bin bớn bỡn bổn bún bũn", tcvn3File.convert(ambiguous));
    }

    @Test
    void unicodeAsciiAndWhatCannotBeToldAreLeftAsTheyAre() {
        LegacyFontCells cells = new LegacyFontCells();
        for (String text : List.of("Nguyễn Thị Ngọc Ánh", "Tài", "Nguyen Van An", "TK1", "José Müller", "Ánh",
                "Thò", // VNI for Thị, or the word thò: a word that is a syllable as it is stays
                "NguyÔn Văn A", // partly retyped in Unicode: not taken for a legacy font
                "€ 100", "")) {
            assertSame(text, cells.convert(text), text);
        }
        assertEquals(LegacyFontCounts.NONE, cells.counts());
        assertEquals(null, cells.convert(null));
    }
}
