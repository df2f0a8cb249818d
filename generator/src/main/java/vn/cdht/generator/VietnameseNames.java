package vn.cdht.generator;

import java.text.Normalizer;
import java.util.List;
import java.util.SplittableRandom;

/** Vietnamese full names (NFC) for a sex, with surnames in roughly their real frequencies. */
final class VietnameseNames {

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Trịnh", "Đào", "Cao",
        "Lâm", "Hà", "Tạ", "Văn", "A"};
    private static final double[] SURNAME_WEIGHTS = {38, 11, 9.5, 7, 3.5, 2, 4.5, 2.5, 1.5, 2, 2, 1.4, 1.3, 1.3, 1,
        0.5, 0.8, 0.8, 0.6, 0.5, 0.5, 0.6, 0.4, 0.4, 0.6, 0.3, 0.3, 0.4};
    private static final List<String> MALE_MIDDLE = nfc("Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công",
        "Thành", "Xuân", "Ngọc", "Trọng", "Đình", "Tiến", "Anh", "Hoàng");
    private static final List<String> FEMALE_MIDDLE = nfc("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim",
        "Minh", "Hồng", "Phương", "Mai", "Bảo", "Khánh", "Diệu");
    private static final List<String> MALE_GIVEN = nfc("An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng",
        "Huy", "Khánh", "Long", "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung",
        "Tuấn", "Việt", "Vinh", "Khoa", "Lâm", "Hoàng", "Tùng", "Đức", "Quang", "Thịnh", "Lộc", "Nghĩa", "Kiên",
        "Hưng", "Tâm", "Trí", "Bảo", "Duy");
    private static final List<String> FEMALE_GIVEN = nfc("Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa",
        "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh",
        "Thảo", "Thủy", "Trang", "Uyên", "Vân", "Yến", "Hiền", "Thu", "Hồng", "Liên", "Tuyết", "Xuân", "Ánh", "Diệp",
        "Nhàn", "Thơ", "Trâm", "Vy", "Lệ");
    private static final List<String> SURNAME_LIST = nfc(SURNAMES);

    private VietnameseNames() {
    }

    private static List<String> nfc(String... names) {
        return java.util.Arrays.stream(names).map(n -> Normalizer.normalize(n, Normalizer.Form.NFC)).toList();
    }

    static String fullName(SplittableRandom r, boolean female) {
        double total = 0;
        for (double w : SURNAME_WEIGHTS) {
            total += w;
        }
        double x = r.nextDouble() * total;
        int i = 0;
        while (i < SURNAME_WEIGHTS.length - 1 && (x -= SURNAME_WEIGHTS[i]) >= 0) {
            i++;
        }
        String surname = SURNAME_LIST.get(i);
        String middle = Seeds.pick(r, female ? FEMALE_MIDDLE : MALE_MIDDLE);
        String given = Seeds.pick(r, female ? FEMALE_GIVEN : MALE_GIVEN);
        if (r.nextDouble() < 0.12) { // a second middle name, as in "Nguyễn Thị Thu Hà"
            String second = Seeds.pick(r, female ? FEMALE_MIDDLE : MALE_MIDDLE);
            if (!second.equals(middle) && !second.equals(given)) {
                middle = middle + " " + second;
            }
        }
        if (given.equals(middle)) {
            given = Seeds.pick(r, female ? FEMALE_GIVEN : MALE_GIVEN);
        }
        return surname + " " + middle + " " + given;
    }
}
