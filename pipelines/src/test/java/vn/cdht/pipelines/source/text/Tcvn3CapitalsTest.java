package vn.cdht.pipelines.source.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class Tcvn3CapitalsTest {

    @Test
    void aNameStartsItsWordsWithCapitals() {
        assertEquals("Nguyễn Thị Ngọc Ánh", Tcvn3Capitals.restore("Nguyễn Thị Ngọc ánh"));
        assertEquals("Âu Thị Ấn", Tcvn3Capitals.restore("Âu Thị ấn"));
        assertEquals("âu Thị ấn", Tcvn3Capitals.restore("âu Thị ấn"), "â has a capital of its own: typed small");
        assertEquals("TK1,Nguyễn Thị Ngọc Ánh,Ông Văn Út", Tcvn3Capitals.restore("TK1,Nguyễn Thị Ngọc ánh,Ông Văn út"));
    }

    @Test
    void aPhraseInCapitalsIsAllCapitals() {
        assertEquals("NGUYỄN THỊ NGỌC ÁNH", Tcvn3Capitals.restore("NGUYễN THị NGọC áNH"));
        assertEquals("ĐẶNG QUỐC HUY", Tcvn3Capitals.restore("ĐặNG QUốC HUY"));
        assertEquals("BAN BÁN BÀN BẢN BÃN BẠN", Tcvn3Capitals.restore("BAN BáN BàN BảN BãN BạN"));
        assertEquals("NGUYỄN VĂN BÁ", Tcvn3Capitals.restore("NGUYễN VĂN Bá"));
    }

    @Test
    void otherTextIsLeftAsItIs() {
        for (String text : new String[] {"Đạt yêu cầu", "ánh", "ông Văn", "ba bá bà bả bã bạ", "Nguyễn Văn An", "Hồ",
                "Trường Tiểu học Quang Trung", "2024,ấp 3",
                "Số CCCD", "Bá"}) {
            assertEquals(text, Tcvn3Capitals.restore(text));
        }
    }

    @Test
    void theReaderRestoresPhrasesWhereverTheChunksEnd() throws IOException {
        String line = "TK,Nguyễn Thị Ngọc ánh,đạt yêu cầu\n";
        String expected = "TK,Nguyễn Thị Ngọc Ánh,đạt yêu cầu\n";
        String text = line.repeat(5_000);
        StringBuilder out = new StringBuilder();
        try (Reader r = Tcvn3Capitals.reader(new StringReader(text))) {
            char[] buf = new char[777];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                out.append(buf, 0, n);
            }
        }
        assertEquals(expected.repeat(5_000), out.toString());
    }
}
