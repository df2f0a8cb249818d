package vn.cdht.generator;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import vn.cdht.warehouse.rules.AchievementRule;
import vn.cdht.warehouse.rules.AchievementRules;

/**
 * The members of a unit who register: their accounts, their self-assessments year by year (the latest submission of a
 * year counts) and their recognitions in November. Never more accounts than the unit has members; nothing dated after
 * the calendar's end; an account that is locked or deleted never self-assessed (so that, per unit and year, the
 * citizens who self-assessed are always among its active registered accounts).
 */
final class CitizenGenerator {

    private static final List<String> PHONE_PREFIXES = List.of("032", "033", "034", "035", "036", "037", "038", "039",
            "056", "058", "059", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "088",
            "089", "090", "091", "093", "094", "096", "097", "098");
    static final String ACTIVE = "Hoạt động";
    static final String LOCKED = "Đã khóa";
    static final String DELETED = "Đã xóa";
    static final String ACHIEVED = "Đạt";
    static final String NOT_ACHIEVED = "Không đạt";

    private final long seed;
    private final int fromYear;
    private final int toYear;
    private final CampaignCalendar calendar;
    private final Locator locator;
    private final AchievementRules rules;
    private final List<String> birthProvinces;
    private final Set<Long> citizenIds = new HashSet<>(); // membership only, never iterated

    CitizenGenerator(long seed, int fromYear, int toYear, CampaignCalendar calendar, Locator locator,
                     AchievementRules rules) {
        this.seed = seed;
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.calendar = calendar;
        this.locator = locator;
        this.rules = rules;
        this.birthProvinces = List.copyOf(locator.geography().oldProvinces().keySet());
    }

    /** The accounts of a unit's registered members; {@code sequence} numbers accounts within the commune. */
    void members(Unit unit, int[] sequence, RowSink sink) throws IOException {
        SplittableRandom ur = Seeds.random(seed, "members", unit.code());
        for (int i = 0; i < unit.members(); i++) {
            if (ur.nextDouble() >= unit.uptake()) {
                continue;
            }
            String accountId = "TK" + unit.placeCode() + String.format("%06d", ++sequence[0]);
            citizen(unit, accountId, sink);
        }
    }

    private void citizen(Unit unit, String accountId, RowSink sink) throws IOException {
        SplittableRandom r = Seeds.random(seed, "account", accountId);
        LocalDateTime registered = calendar.registration(r, unit.since());
        if (!calendar.happened(registered)) {
            return; // a member who registers later than the as-of day
        }
        String group = unit.kind().groupThree() ? "III" : r.nextDouble() < 0.12 ? "II" : "I";
        boolean female = r.nextDouble() < (group.equals("III") ? 0.56 : 0.52);
        int birthYear = switch (group) {
            case "III" -> Seeds.between(r, 1965, 2002);
            case "II" -> Seeds.between(r, 2003, 2008);
            default -> r.nextDouble() < 0.7 ? Seeds.between(r, 1960, 1995) : Seeds.between(r, 1950, 2006);
        };
        LocalDate birth = Year.of(birthYear).atDay(1 + r.nextInt(Year.of(birthYear).length()));
        String homeProvince = unit.home() != null ? unit.home().provinceCode() : unit.row().location().provinceCode();
        String birthProvince = r.nextDouble() < 0.88 ? homeProvince : Seeds.pick(r, birthProvinces);
        String cccd = citizenId(r, birthProvince, birthYear, female);
        String name = VietnameseNames.fullName(r, female);
        String phone = Seeds.pick(r, PHONE_PREFIXES) + String.format("%07d", r.nextInt(10_000_000));
        double u = r.nextDouble();
        String status = u < 0.03 ? LOCKED : u < 0.05 ? DELETED : ACTIVE;
        LocalDateTime updated = !status.equals(ACTIVE) || r.nextDouble() < 0.3
                ? CampaignCalendar.between(r, registered, calendar.end()) : registered;
        AccountRow account = new AccountRow(accountId, cccd, name, birth, female ? "Nữ" : "Nam", phone,
                unit.at(locator, updated), unit.code(), group, registered, updated, status);
        sink.account(account, unit);
        if (status.equals(ACTIVE)) {
            assessments(r, unit, account, sink);
        }
    }

    private String citizenId(SplittableRandom r, String birthProvince, int birthYear, boolean female) {
        int century = (birthYear / 100 - 19) * 2 + (female ? 1 : 0);
        String prefix = "0" + birthProvince + century + String.format("%02d", birthYear % 100);
        while (true) {
            String id = prefix + String.format("%06d", r.nextInt(1_000_000));
            if (citizenIds.add(Long.parseLong(id))) {
                return id;
            }
        }
    }

    private void assessments(SplittableRandom r, Unit unit, AccountRow a, RowSink sink) throws IOException {
        double ability = Seeds.gaussian(r);
        LocalDate lastDay = calendar.end().toLocalDate();
        for (int year = Math.max(fromYear, a.registeredAt().getYear()); year <= toYear; year++) {
            LocalDateTime from = later(a.registeredAt(), LocalDateTime.of(year, 1, 1, 0, 0));
            LocalDateTime to = CampaignCalendar.deadline(year);
            if (!from.isBefore(to) || r.nextDouble() >= participation(year, a.citizenGroup())) {
                continue;
            }
            double u = r.nextDouble();
            int submissions = u < 0.03 ? 3 : u < 0.18 ? 2 : 1;
            AchievementRule rule = rules.ruleFor(year, a.citizenGroup());
            LocalDateTime at = calendar.submission(r, year, from, to);
            String lastResult = null;
            // a submission after the as-of day has not happened yet, nor anything after it
            for (int k = 1; k <= submissions && calendar.happened(at); k++) {
                List<BigDecimal> scores = ScoreModel.scores(r, rule, year, ability, 0.5 * (k - 1));
                lastResult = rule.achieved(scores) ? ACHIEVED : NOT_ACHIEVED;
                LocalDateTime updated = r.nextDouble() < 0.1 ? calendar.cap(at.plusMinutes(1 + r.nextInt(30))) : at;
                sink.assessment(new AssessmentRow("PD" + year + a.accountId().substring(2) + k, a.accountId(), year,
                        rule.setCode(), a.citizenGroup(), scores, ScoreModel.total(scores), lastResult, at, updated,
                        ACTIVE));
                LocalDateTime next = at.plusMinutes(5);
                at = next.isBefore(to) ? CampaignCalendar.between(r, next, to) : null;
            }
            if (ACHIEVED.equals(lastResult) && r.nextDouble() < 0.9) {
                SplittableRandom d = Seeds.random(seed, "decision", unit.code() + "/" + year);
                int number = Seeds.between(d, 1, 250);
                LocalDate decided = LocalDate.of(year, 11, Seeds.between(d, 5, 28));
                if (!decided.isAfter(lastDay)) { // decided by the as-of day
                    sink.recognition(new RecognitionRow(a.accountId(), year, number + "/QĐ-" + unit.abbrev(), decided,
                            unit.code(), decided.atTime(16, Seeds.between(d, 0, 59)), ACTIVE));
                }
            }
        }
    }

    static double participation(int year, String group) {
        double base = year <= 2023 ? 0.3 : year == 2024 ? 0.5 : year == 2025 ? 0.62 : 0.7;
        return Math.min(0.95, base + switch (group) {
            case "III" -> 0.2;
            case "II" -> 0.05;
            default -> 0.0;
        });
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

}
