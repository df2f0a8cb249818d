package vn.cdht.pipelines.generate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The units of a commune: its People's Committee, schools, one association branch per village, state agencies (more in
 * a phường), enterprises; and the district's continuing-education centre in the district's first commune.
 */
final class UnitGenerator {

    private static final String FIRST = "ABCDEFGHJKLMNPQRSTUVW";
    private static final String REST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> VILLAGES = List.of("Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "An Lạc",
            "Phú Mỹ", "Tân Lập", "Hòa Bình", "Thống Nhất", "Quyết Tiến", "Đồng Tâm", "Thành Công", "Tiến Bộ", "Vĩnh Phúc",
            "Xuân Hòa", "Bình An", "Phước Thọ", "Đại Đồng", "Thanh Xuân", "Hưng Long", "Kim Sơn");
    private static final String[][] AGENCIES = {{"Trạm Y tế", "TYT"}, {"Công an", "CA"},
        {"Ban Chỉ huy Quân sự", "BCHQS"}, {"Bưu điện văn hóa", "BĐVH"}, {"Trung tâm Học tập cộng đồng", "TTHTCĐ"},
        {"Hội Nông dân", "HND"}, {"Hội Liên hiệp Phụ nữ", "HLHPN"}, {"Đoàn Thanh niên", "ĐTN"},
        {"Mặt trận Tổ quốc", "MTTQ"}, {"Hội Cựu chiến binh", "HCCB"}};
    private static final String[][] DISTRICT_AGENCIES = {{"Phòng Giáo dục và Đào tạo", "PGDĐT"},
        {"Phòng Văn hóa và Thông tin", "PVHTT"}, {"Trung tâm Y tế", "TTYT"}, {"Phòng Nội vụ", "PNV"}};
    private static final List<String> FIRM_WORDS = List.of("Hoàng Long", "Minh Phát", "Thành Đạt", "Phú Thịnh",
            "Việt Hưng", "An Khang", "Tân Tiến", "Đại Phát", "Hòa Bình", "Sông Trà", "Trường Sơn", "Bình Minh",
            "Kim Ngân", "Hưng Thịnh", "Phương Nam", "Ngọc Linh", "Thiên Ân", "Đông Á", "Sao Việt", "Tây Nguyên");
    private static final List<String> FIRM_KINDS = List.of("Công ty TNHH", "Công ty TNHH", "Công ty Cổ phần",
            "Doanh nghiệp tư nhân");

    private final long seed;
    private final double scale;
    private final CampaignCalendar calendar;
    private final Locator locator;
    private final Set<String> codes = new HashSet<>(); // membership only, never iterated

    UnitGenerator(long seed, double scale, CampaignCalendar calendar, Locator locator) {
        this.seed = seed;
        this.scale = scale;
        this.calendar = calendar;
        this.locator = locator;
    }

    /** Whether a code is one of the generated units' (for the dirt, to invent codes that are not). */
    boolean known(String code) {
        return codes.contains(code);
    }

    List<Unit> units(OldCommune c, long eligibleAtScaleOne, boolean firstOfDistrict) {
        SplittableRandom r = Seeds.random(seed, "units", c.code());
        List<Unit> out = new ArrayList<>();
        String place = c.name();
        boolean urban = c.urban() || "Thị trấn".equals(c.type());
        add(out, r, c, Unit.Kind.PEOPLES_COMMITTEE, "Ủy ban nhân dân " + place, "UBND", 20, 40);
        if (firstOfDistrict) {
            add(out, r, c, Unit.Kind.CONTINUING_EDUCATION, "Trung tâm GDNN-GDTX " + c.districtName(), "TTGDNN-GDTX", 20, 60);
            for (String[] a : DISTRICT_AGENCIES) {
                add(out, r, c, Unit.Kind.AGENCY, a[0] + " " + c.districtName(), a[1], 15, 120);
            }
        }
        schools(out, r, c, "Trường Mầm non", "MN", c.urban() ? 1 + r.nextInt(2) : 1, 20, 60);
        schools(out, r, c, "Trường Tiểu học", "TH", c.urban() ? 1 + r.nextInt(2) : 1, 25, 70);
        schools(out, r, c, "Trường THCS", "THCS", 1, 25, 80);
        if (r.nextDouble() < (urban ? 0.5 : 0.2)) {
            add(out, r, c, Unit.Kind.SCHOOL, "Trường THPT " + c.shortName(), "THPT", 40, 90);
        }
        int agencies = urban ? Seeds.between(r, 3, 8) : Seeds.between(r, 1, 3);
        List<String[]> pool = new ArrayList<>(List.of(AGENCIES));
        for (int i = 0; i < agencies && !pool.isEmpty(); i++) {
            String[] a = pool.remove(r.nextInt(pool.size()));
            add(out, r, c, Unit.Kind.AGENCY, a[0] + " " + place, a[1], 15, 120);
        }
        int villages = (int) Math.max(3, Math.min(18, Math.round(eligibleAtScaleOne / 900.0)));
        List<String> names = new ArrayList<>(VILLAGES);
        for (int i = 1; i <= villages; i++) {
            String village = urban ? "tổ dân phố số " + i
                    : "thôn " + (names.isEmpty() ? String.valueOf(i) : names.remove(r.nextInt(names.size())));
            add(out, r, c, Unit.Kind.ASSOCIATION, "Chi hội khuyến học " + village + ", " + place, "CHKH", 50, 400);
        }
        int firms = urban ? Seeds.between(r, 2, 8) : Seeds.between(r, 0, 3);
        for (int i = 0; i < firms; i++) {
            boolean coop = !urban && r.nextDouble() < 0.4;
            String name = coop ? "Hợp tác xã nông nghiệp " + c.shortName() + (i == 0 ? "" : " " + (i + 1))
                    : Seeds.pick(r, FIRM_KINDS) + " " + Seeds.pick(r, FIRM_WORDS) + " " + c.shortName();
            add(out, r, c, Unit.Kind.ENTERPRISE, name, coop ? "HTX" : "CT", 10, 300);
        }
        return out;
    }

    private void schools(List<Unit> out, SplittableRandom r, OldCommune c, String prefix, String abbrev, int n,
                         int low, int high) {
        for (int i = 1; i <= n; i++) {
            add(out, r, c, Unit.Kind.SCHOOL, prefix + " " + c.name() + (i == 1 ? "" : " số " + i), abbrev, low, high);
        }
    }

    private void add(List<Unit> out, SplittableRandom r, OldCommune c, Unit.Kind kind, String name, String abbrev,
                     int low, int high) {
        String code = newCode(r);
        int members = (int) Math.max(1, Math.round(Seeds.between(r, low, high) * scale));
        double uptake = switch (kind) {
            case ASSOCIATION -> 0.35 + 0.45 * r.nextDouble();
            case ENTERPRISE -> 0.2 + 0.5 * r.nextDouble();
            default -> 0.6 + 0.38 * r.nextDouble();
        };
        // Units were set up early; a third were edited again later (name, headcount), possibly after the switch.
        LocalDateTime created = CampaignCalendar.between(r, calendar.start(),
                calendar.start().plusMonths(Math.min(12, (calendar.end().getYear() - calendar.start().getYear() + 1) * 6L)));
        LocalDateTime updated = r.nextDouble() < 0.35 ? CampaignCalendar.between(r, created, calendar.end()) : created;
        String status = r.nextDouble() < 0.02 ? "Đã xóa" : "Hoạt động";
        UnitRow row = new UnitRow(code, name, kind.label, locator.at(c, updated), members, updated, status);
        out.add(new Unit(row, c, kind, abbrev, members, uptake));
    }

    private String newCode(SplittableRandom r) {
        while (true) {
            StringBuilder sb = new StringBuilder(8);
            sb.append(FIRST.charAt(r.nextInt(FIRST.length())));
            for (int i = 1; i < 8; i++) {
                sb.append(REST.charAt(r.nextInt(REST.length())));
            }
            String code = sb.toString();
            if (codes.add(code)) {
                return code;
            }
        }
    }
}
