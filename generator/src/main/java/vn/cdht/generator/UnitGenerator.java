package vn.cdht.generator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The units of an area. One People's Committee per commune of the geography in force at the end of the period (the
 * 2025 communes once it is after 1 July 2025), whatever the scale; every other kind in proportion to the scaled adult
 * population, at real rates per 10,000 adults and with real headcounts: schools (MN, TH, THCS, THPT), commune and
 * district agencies, continuing-education centres, one association branch per village or residential group, and
 * enterprises. Units are spread over the communes in proportion to their adults (towns weigh more for agencies,
 * centres, upper secondary schools and enterprises) by systematic sampling, so that a small scale gives few units of
 * real size rather than many units of one member.
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
        {"Phòng Văn hóa và Thông tin", "PVHTT"}, {"Trung tâm Y tế", "TTYT"}, {"Phòng Nội vụ", "PNV"},
        {"Phòng Tài chính - Kế hoạch", "PTCKH"}, {"Phòng Nông nghiệp và Môi trường", "PNNMT"},
        {"Phòng Kinh tế - Hạ tầng", "PKTHT"}, {"Chi cục Thuế", "CCT"}, {"Kho bạc Nhà nước", "KBNN"},
        {"Bảo hiểm xã hội", "BHXH"}, {"Tòa án nhân dân", "TAND"}, {"Viện Kiểm sát nhân dân", "VKSND"},
        {"Chi cục Thi hành án dân sự", "CCTHADS"}, {"Ban Quản lý dự án đầu tư xây dựng", "BQLDA"}};
    private static final List<String> FIRM_WORDS = List.of("Hoàng Long", "Minh Phát", "Thành Đạt", "Phú Thịnh",
            "Việt Hưng", "An Khang", "Tân Tiến", "Đại Phát", "Hòa Bình", "Sông Trà", "Trường Sơn", "Bình Minh",
            "Kim Ngân", "Hưng Thịnh", "Phương Nam", "Ngọc Linh", "Thiên Ân", "Đông Á", "Sao Việt", "Tây Nguyên");
    private static final List<String> FIRM_KINDS = List.of("Công ty TNHH", "Công ty TNHH", "Công ty Cổ phần",
            "Doanh nghiệp tư nhân");

    /** What is spread over the communes: units per 10,000 adults, and how much a commune weighs per adult. */
    private enum Quota {
        CENTRE(0.1, UnitGenerator::townWeight),
        DISTRICT_AGENCY(0.6, UnitGenerator::townWeight),
        PRESCHOOL(2.2, c -> 1),
        PRIMARY(1.9, c -> 1),
        LOWER_SECONDARY(1.45, c -> 1),
        UPPER_SECONDARY(0.4, c -> c.urban() || "Thị trấn".equals(c.type()) ? 2.5 : 1),
        COMMUNE_AGENCY(3.0, c -> c.urban() ? 1.5 : 1),
        BRANCH(12.0, c -> 1),
        ENTERPRISE(1.2, c -> c.urban() ? 3 : "Thị trấn".equals(c.type()) ? 2 : 0.6);

        final double per10k;
        final ToDoubleFunction<OldCommune> weight;

        Quota(double per10k, ToDoubleFunction<OldCommune> weight) {
            this.per10k = per10k;
            this.weight = weight;
        }
    }

    /** District seats are towns: a phường or thị trấn weighs much more than a rural xã. */
    private static double townWeight(OldCommune c) {
        return c.urban() ? 4 : "Thị trấn".equals(c.type()) ? 6 : 0.3;
    }

    private final long seed;
    private final double scale;
    private final CampaignCalendar calendar;
    private final Locator locator;
    private final Set<String> codes = new HashSet<>(); // membership only, never iterated
    private final Map<String, Set<String>> districtNames = new HashMap<>(); // membership only, never iterated

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

    /**
     * Every unit of the area, by the commune that numbers its members' accounts, in the order of the area's communes
     * (then the People's Committees of 2025 communes without a predecessor).
     *
     * @param eligibleAtScaleOne each old commune's adults at scale 1
     */
    /** The most a commune's registered citizens may be, as a share of its (scaled) adults. */
    static final double MOST_REGISTERED_OF_ADULTS = 0.8;

    /**
     * At a small scale a commune's adults shrink but its units keep their real headcounts (a committee of 27 and a
     * school of 54 in a commune of 37 adults at scale 0.01): fewer of their members register then, so that a commune
     * never has more accounts than adults.
     */
    private static void capRegistrations(List<Unit> units, double adults) {
        double expected = units.stream().mapToDouble(u -> u.members() * u.uptake()).sum();
        double most = MOST_REGISTERED_OF_ADULTS * adults;
        if (expected > most) {
            double factor = most / expected;
            units.replaceAll(u -> u.withUptakeAtMost(u.uptake() * factor));
        }
    }

    Map<String, List<Unit>> units(ProvinceArea area, Map<String, Long> eligibleAtScaleOne) {
        List<OldCommune> communes = area.communes();
        Map<Quota, int[]> counts = new HashMap<>();
        for (Quota q : Quota.values()) {
            double[] weights = new double[communes.size()];
            double adults = 0;
            for (int i = 0; i < weights.length; i++) {
                double e = eligibleAtScaleOne.get(communes.get(i).code()) * scale;
                adults += e;
                weights[i] = e * q.weight.applyAsDouble(communes.get(i));
            }
            counts.put(q, allocate(weights, Math.max(1, adults * q.per10k / 10_000),
                    Seeds.random(seed, "allocation", q.name())));
        }
        Map<String, List<String>> committeesBySeat = new HashMap<>();
        List<String> withoutSeat = new ArrayList<>();
        boolean newGeography = Locator.newGeographyAt(calendar.end());
        if (newGeography) {
            Set<String> inArea = new HashSet<>();
            communes.forEach(c -> inArea.add(c.code()));
            for (String n : locator.geography().newCommunesOf(area.oldProvinces())) {
                String seat = seat(n, inArea);
                if (seat == null) {
                    withoutSeat.add(n);
                } else {
                    committeesBySeat.computeIfAbsent(seat, k -> new ArrayList<>()).add(n);
                }
            }
        }
        Map<String, List<Unit>> out = new LinkedHashMap<>();
        for (int i = 0; i < communes.size(); i++) {
            OldCommune c = communes.get(i);
            SplittableRandom r = Seeds.random(seed, "units", c.code());
            List<Unit> units = new ArrayList<>();
            if (newGeography) {
                for (String n : committeesBySeat.getOrDefault(c.code(), List.of())) {
                    units.add(newCommittee(r, c, n));
                }
            } else {
                add(units, r, c, Unit.Kind.PEOPLES_COMMITTEE, "Ủy ban nhân dân " + c.name(), "UBND", 20, 40, false);
            }
            commune(units, r, c, i, counts);
            capRegistrations(units, eligibleAtScaleOne.get(c.code()) * scale);
            out.put(c.code(), units);
        }
        for (String n : withoutSeat) {
            out.put(n, List.of(newCommittee(Seeds.random(seed, "units", n), null, n)));
        }
        return out;
    }

    /**
     * The old commune that was the seat of a 2025 commune's committee: one of its predecessors in the area that went
     * wholly into it and whose rows the locator moves to it, else any predecessor in the area; null when none.
     */
    private String seat(String newCommune, Set<String> inArea) {
        String fallback = null;
        for (String p : locator.geography().predecessors(newCommune)) {
            if (!inArea.contains(p)) {
                continue;
            }
            fallback = fallback == null ? p : fallback;
            if (locator.geography().successors(p).size() == 1) {
                return p;
            }
        }
        return fallback;
    }

    /** The other units of a commune, as many of each kind as the allocation gave it. */
    private void commune(List<Unit> out, SplittableRandom r, OldCommune c, int i, Map<Quota, int[]> counts) {
        String place = c.name();
        boolean urban = c.urban() || "Thị trấn".equals(c.type());
        Set<String> usedInDistrict = districtNames.computeIfAbsent(c.districtCode(), k -> new HashSet<>());
        for (int k = 0; k < counts.get(Quota.CENTRE)[i]; k++) {
            String name = "Trung tâm GDNN-GDTX " + c.districtName();
            for (int n = 2; !usedInDistrict.add(name); n++) {
                name = "Trung tâm GDNN-GDTX " + c.districtName() + " cơ sở " + n;
            }
            add(out, r, c, Unit.Kind.CONTINUING_EDUCATION, name, "TTGDNN-GDTX", 10, 40, false);
        }
        for (int k = 0; k < counts.get(Quota.DISTRICT_AGENCY)[i]; k++) {
            List<String[]> pool = new ArrayList<>();
            for (String[] a : DISTRICT_AGENCIES) {
                if (!usedInDistrict.contains(a[0] + " " + c.districtName())) {
                    pool.add(a);
                }
            }
            if (pool.isEmpty()) {
                String[] a = AGENCIES[r.nextInt(AGENCIES.length)];
                add(out, r, c, Unit.Kind.AGENCY, a[0] + " " + place + " số " + (k + 2), a[1], 10, 30, false);
            } else {
                String[] a = pool.get(r.nextInt(pool.size()));
                usedInDistrict.add(a[0] + " " + c.districtName());
                add(out, r, c, Unit.Kind.AGENCY, a[0] + " " + c.districtName(), a[1], 25, 80, false);
            }
        }
        schools(out, r, c, "Trường Mầm non " + c.name(), "MN", counts.get(Quota.PRESCHOOL)[i], 20, 60);
        schools(out, r, c, "Trường Tiểu học " + c.name(), "TH", counts.get(Quota.PRIMARY)[i], 25, 70);
        schools(out, r, c, "Trường THCS " + c.name(), "THCS", counts.get(Quota.LOWER_SECONDARY)[i], 25, 80);
        schools(out, r, c, "Trường THPT " + c.shortName(), "THPT", counts.get(Quota.UPPER_SECONDARY)[i], 50, 150);
        List<String[]> pool = new ArrayList<>(List.of(AGENCIES));
        for (int k = 0; k < counts.get(Quota.COMMUNE_AGENCY)[i]; k++) {
            String[] a = pool.isEmpty() ? AGENCIES[r.nextInt(AGENCIES.length)] : pool.remove(r.nextInt(pool.size()));
            String suffix = k < AGENCIES.length ? "" : " số " + (k / AGENCIES.length + 1);
            add(out, r, c, Unit.Kind.AGENCY, a[0] + " " + place + suffix, a[1], 10, 30, false);
        }
        List<String> names = new ArrayList<>(VILLAGES);
        for (int k = 1; k <= counts.get(Quota.BRANCH)[i]; k++) {
            String village = urban ? "tổ dân phố số " + k
                    : "thôn " + (names.isEmpty() ? String.valueOf(k) : names.remove(r.nextInt(names.size())));
            add(out, r, c, Unit.Kind.ASSOCIATION, "Chi hội khuyến học " + village + ", " + place, "CHKH", 40, 450, true);
        }
        for (int k = 0; k < counts.get(Quota.ENTERPRISE)[i]; k++) {
            boolean coop = !urban && r.nextDouble() < 0.4;
            if (coop) {
                add(out, r, c, Unit.Kind.ENTERPRISE, "Hợp tác xã nông nghiệp " + c.shortName() + (k == 0 ? "" : " " + (k + 1)),
                        "HTX", 20, 80, false);
            } else {
                add(out, r, c, Unit.Kind.ENTERPRISE, Seeds.pick(r, FIRM_KINDS) + " " + Seeds.pick(r, FIRM_WORDS) + " "
                        + c.shortName(), "CT", 20, 500, true);
            }
        }
    }

    /**
     * Spreads {@code total} units over places in proportion to their weights: systematic sampling from a random start,
     * so that the count is {@code total} rounded up or down and each place gets its share, possibly none.
     */
    static int[] allocate(double[] weights, double total, SplittableRandom r) {
        int[] out = new int[weights.length];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (!(sum > 0) || !(total > 0)) {
            return out;
        }
        double start = r.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            double before = cumulative;
            cumulative += weights[i] / sum * total;
            out[i] = (int) (Math.floor(cumulative + start) - Math.floor(before + start));
        }
        return out;
    }

    private void schools(List<Unit> out, SplittableRandom r, OldCommune c, String name, String abbrev, int n,
                         int low, int high) {
        for (int i = 1; i <= n; i++) {
            add(out, r, c, Unit.Kind.SCHOOL, name + (i == 1 ? "" : " số " + i), abbrev, low, high, false);
        }
    }

    /**
     * The committee of a 2025 commune: the former committee of its seat, renamed at the merger (so it keeps the seat's
     * members' accounts), or a new unit from 1 July 2025 when the commune had no predecessor.
     */
    private Unit newCommittee(SplittableRandom r, OldCommune seat, String newCommune) {
        Geography g = locator.geography();
        String code = newCode(r);
        int members = Seeds.between(r, 20, 40);
        double uptake = uptake(r, Unit.Kind.PEOPLES_COMMITTEE);
        LocalDateTime renamed = CampaignCalendar.between(r, Geography.SWITCH, calendar.cap(Geography.SWITCH.plusDays(45)));
        LocalDateTime updated = r.nextDouble() < 0.3 ? CampaignCalendar.between(r, renamed, calendar.end()) : renamed;
        UnitRow row = new UnitRow(code, "Ủy ban nhân dân " + g.newCommuneName(newCommune), Unit.Kind.PEOPLES_COMMITTEE.label,
                new Location(g.newCommuneProvince(newCommune), null, newCommune), members, updated, CitizenGenerator.ACTIVE);
        return new Unit(row, seat, newCommune, Unit.Kind.PEOPLES_COMMITTEE, "UBND", members, uptake,
                seat == null ? Geography.SWITCH : calendar.start());
    }

    private void add(List<Unit> out, SplittableRandom r, OldCommune c, Unit.Kind kind, String name, String abbrev,
                     int low, int high, boolean logUniform) {
        String code = newCode(r);
        int members = logUniform
                ? (int) Math.round(Math.exp(Math.log(low) + r.nextDouble() * (Math.log(high) - Math.log(low))))
                : Seeds.between(r, low, high);
        double uptake = uptake(r, kind);
        // Units were set up early; a third were edited again later (name, headcount), possibly after the switch.
        LocalDateTime created = CampaignCalendar.between(r, calendar.start(), calendar.cap(calendar.start()
                .plusMonths(Math.min(12, (calendar.end().getYear() - calendar.start().getYear() + 1) * 6L))));
        LocalDateTime updated = r.nextDouble() < 0.35 ? CampaignCalendar.between(r, created, calendar.end()) : created;
        String status = kind != Unit.Kind.PEOPLES_COMMITTEE && r.nextDouble() < 0.02 ? CitizenGenerator.DELETED
                : CitizenGenerator.ACTIVE;
        UnitRow row = new UnitRow(code, name, kind.label, locator.at(c, updated), members, updated, status);
        out.add(new Unit(row, c, null, kind, abbrev, members, uptake, calendar.start()));
    }

    /**
     * The share of a unit's members who register by the end of the programme (about three quarters of them have by
     * the end of 2026): nearly all officials, fewer workers, about two thirds of the branch members.
     */
    private static double uptake(SplittableRandom r, Unit.Kind kind) {
        return switch (kind) {
            case ASSOCIATION -> 0.45 + 0.5 * r.nextDouble();
            case ENTERPRISE -> 0.35 + 0.55 * r.nextDouble();
            default -> 0.8 + 0.2 * r.nextDouble();
        };
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
