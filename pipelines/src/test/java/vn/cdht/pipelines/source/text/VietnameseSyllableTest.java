package vn.cdht.pipelines.source.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseSyllableTest {

    @Test
    void wordsOfRealTextAreSyllables() {
        for (String word : ("Nguyễn Thị Ngọc Ánh Đặng Quốc Huy Trường Tiểu học Quang Trung Công dân học tập "
                + "Mã tài khoản Số Họ và tên Ngày sinh Giới tính điện thoại Nhóm đối tượng đăng ký cập nhật Trạng thái "
                + "Ghi chú Năm xã người trong độ tuổi khuya quýt Quỳnh giường gìn giữ thuở xoong rượu muối cứu gửi "
                + "nghiêng kìa Hoà Hòa Thuỷ Thủy Khánh Huế Xuân uyên yêu ĐẠT NGUYỄN").split(" ")) {
            assertTrue(VietnameseSyllable.isSyllable(word), word);
            assertTrue(VietnameseSyllable.isSyllable(Normalizer.normalize(word, Normalizer.Form.NFD)), word + " (NFD)");
        }
        for (String line : VietnameseEncoders.vowelLines()) {
            for (String word : line.split(" ")) {
                assertTrue(VietnameseSyllable.isSyllable(word), word);
            }
        }
    }

    @Test
    void glyphSoupAndMisspellingsAreNot() {
        List<String> notSyllables = List.of(
                "NguyÔn", "ThÞ", "Ngäc", "Quèc", "Nguyeãn", "Ngoïc", "AÙnh", "NguyÃªn", "Tháº", "Ä‘",
                "Nguyĕn", "tyêu", // letters Vietnamese has not, a rhyme it has not
                "kan", "ghan", "ngi", "ce", // k/gh/ngh only before e, ê, i; c/g/ng never there
                "tàc", "hảt", "bãp", // a stop ending (-c, -t, -p) takes only sắc or nặng
                "tiếếng", "ắá", "đ", "nguyôn");
        for (String word : notSyllables) {
            assertFalse(VietnameseSyllable.isSyllable(word), word);
        }
    }

    @Test
    void aTextIsScoredByItsWordsBeyondAscii() {
        VietnameseText.Score score = VietnameseText.score("Mã tài khoản,Số CCCD,Họ và tên\nTK1,\"NguyÔn V¨n An\",12");
        assertEquals(new VietnameseText.Score(7, 2), score, "ASCII words (CCCD, TK1, An) count for nothing");
        assertEquals(7 / 9.0, score.share(), 1e-9);
        assertEquals(new VietnameseText.Score(0, 2), VietnameseText.score("a\u0001b\uFFFD"));
        assertEquals(new VietnameseText.Score(1, 0), VietnameseText.score("“Đạt” – €"));
    }
}
