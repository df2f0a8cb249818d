package vn.cdht.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.rules.AchievementRules;
import vn.cdht.warehouse.source.SourceEntity;
import vn.cdht.warehouse.source.SourceField;

/** A clean export of province 51 (new: old Quảng Ngãi and Kon Tum) at a tiny scale, as of 1 December 2026, checked for realism. */
class CleanExportTest {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    static Path dir;
    static GenerationResult result;
    static Geography geography;
    static List<Map<String, String>> accounts;
    static List<Map<String, String>> units;
    static List<Map<String, String>> assessments;
    static List<Map<String, String>> recognitions;
    static List<Map<String, String>> population;

    @BeforeAll
    static void generate() throws Exception {
        OperationalDataGenerator generator = new OperationalDataGenerator(null);
        geography = generator.geography();
        result = generator.generate(GeneratorSpec.files("51", 2023, 2026, 0.004, 42, OutputFormat.CSV, dir, 0,
                LocalDate.of(2026, 12, 1)));
        accounts = ExportFiles.rows(dir, SourceEntity.ACCOUNTS);
        units = ExportFiles.rows(dir, SourceEntity.UNITS);
        assessments = ExportFiles.rows(dir, SourceEntity.SELF_ASSESSMENTS);
        recognitions = ExportFiles.rows(dir, SourceEntity.RECOGNITIONS);
        population = ExportFiles.rows(dir, SourceEntity.POPULATION);
    }

    @Test
    void filesHaveTheContractHeadersAndTheCountedRows() throws Exception {
        for (SourceEntity e : SourceEntity.values()) {
            assertEquals(e.fields().stream().map(SourceField::header).toList(), ExportFiles.headers(dir, e), e.fileStem());
            assertEquals(result.rows(e), result.written(e), e.fileStem());
            assertTrue(result.rows(e) > 0, e.fileStem());
        }
        assertEquals(result.rows(SourceEntity.ACCOUNTS), accounts.size());
        assertEquals(result.rows(SourceEntity.SELF_ASSESSMENTS), assessments.size());
        assertTrue(result.dirt().isEmpty());
        assertFalse(ExportFiles.text(dir, SourceEntity.ACCOUNTS).startsWith("\uFEFF"));
        assertFalse(ExportFiles.text(dir, SourceEntity.ACCOUNTS).contains("\r\n"));
    }

    @Test
    void citizenIdsAreTwelveDigitsConsistentWithBirthAndSexAndUnique() {
        Set<String> seen = new HashSet<>();
        for (Map<String, String> a : accounts) {
            String id = a.get("Số CCCD");
            assertTrue(id.matches("0[0-9]{11}"), id);
            assertTrue(seen.add(id), "duplicate " + id);
            LocalDate birth = LocalDate.parse(a.get("Ngày sinh"), DATE);
            assertTrue(birth.getYear() >= 1950 && birth.getYear() <= 2008, a.toString());
            int digit = id.charAt(3) - '0';
            assertEquals((birth.getYear() / 100 - 19) * 2 + (a.get("Giới tính").equals("Nữ") ? 1 : 0), digit, a.toString());
            assertEquals(String.format("%02d", birth.getYear() % 100), id.substring(4, 6));
            assertTrue(Set.of("Nam", "Nữ").contains(a.get("Giới tính")));
            assertTrue(a.get("Số điện thoại").matches("0[35789][0-9]{8}"), a.get("Số điện thoại"));
            assertEquals(Normalizer.normalize(a.get("Họ và tên"), Normalizer.Form.NFC), a.get("Họ và tên"));
            assertTrue(a.get("Họ và tên").split(" ").length >= 3);
            assertTrue(a.get("Mã tài khoản").matches("TK[0-9]{11}"));
            LocalDateTime registered = LocalDateTime.parse(a.get("Ngày đăng ký"), TS);
            assertFalse(LocalDateTime.parse(a.get("Ngày cập nhật"), TS).isBefore(registered));
        }
    }

    @Test
    void communeCodesExistInTheGeographyInForceAtTheRowsDate() {
        Set<String> unitCodes = new HashSet<>();
        int before = 0;
        int after = 0;
        for (List<Map<String, String>> rows : List.of(accounts, units)) {
            for (Map<String, String> r : rows) {
                LocalDateTime updated = LocalDateTime.parse(r.get("Ngày cập nhật"), TS);
                String commune = r.get("Mã xã");
                if (updated.isBefore(Geography.SWITCH)) {
                    before++;
                    OldCommune c = geography.oldCommune(commune).orElseThrow(() -> new AssertionError(r.toString()));
                    assertEquals(c.districtCode(), r.get("Mã huyện"));
                    assertEquals(c.provinceCode(), r.get("Mã tỉnh"));
                    assertTrue(Set.of("51", "62").contains(c.provinceCode()), r.toString());
                } else {
                    after++;
                    assertTrue(geography.isNewCommune(commune), r.toString());
                    assertEquals("", r.get("Mã huyện"));
                    assertEquals(geography.newCommuneProvince(commune), r.get("Mã tỉnh"));
                }
            }
        }
        for (Map<String, String> u : units) {
            assertTrue(u.get("Mã đơn vị").matches("[A-Za-z0-9]{8}"));
            assertTrue(unitCodes.add(u.get("Mã đơn vị")));
        }
        for (Map<String, String> a : accounts) {
            assertTrue(unitCodes.contains(a.get("Mã đơn vị")));
        }
        assertTrue(before > 0 && after > 0, before + " / " + after);
        Set<String> provincesBefore = new HashSet<>();
        for (Map<String, String> a : accounts) {
            if (LocalDateTime.parse(a.get("Ngày cập nhật"), TS).isBefore(Geography.SWITCH)) {
                provincesBefore.add(a.get("Mã tỉnh"));
            }
        }
        assertEquals(Set.of("51", "62"), provincesBefore);
    }

    @Test
    void unitsAreOfTheExpectedKinds() {
        Map<String, Integer> byType = new TreeMap<>();
        units.forEach(u -> byType.merge(u.get("Loại đơn vị"), 1, Integer::sum));
        assertEquals(Set.of("UBND xã", "Trường học", "Cơ quan nhà nước", "Chi hội khuyến học", "Doanh nghiệp",
                "Trung tâm GDNN-GDTX"), byType.keySet());
        // one People's Committee per commune of the geography in force on the as-of day (96 since 1 July 2025)
        assertEquals(geography.newCommunesOf(List.of("51", "62")).size(), byType.get("UBND xã"));
        assertEquals(96, byType.get("UBND xã"));
        assertTrue(units.stream().anyMatch(u -> u.get("Tên đơn vị").startsWith("Trường Tiểu học Xã ")));
    }

    @Test
    void scoresSumToTheTotalAndResultsFollowTheRule() {
        AchievementRules rules = AchievementRules.bundled();
        Set<String> accountIds = new HashSet<>();
        Map<String, String> groups = new HashMap<>();
        accounts.forEach(a -> {
            accountIds.add(a.get("Mã tài khoản"));
            groups.put(a.get("Mã tài khoản"), a.get("Nhóm đối tượng"));
        });
        int achieved = 0;
        boolean halfStep = false;
        for (Map<String, String> s : assessments) {
            assertTrue(accountIds.contains(s.get("Mã tài khoản")), "orphan " + s);
            int year = Integer.parseInt(s.get("Năm đánh giá"));
            assertEquals(year <= 2023 ? "244/QĐ-KHVN" : "324/QĐ-KHVN", s.get("Bộ tiêu chí"));
            assertEquals(groups.get(s.get("Mã tài khoản")), s.get("Nhóm đối tượng"));
            List<BigDecimal> scores = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                BigDecimal v = new BigDecimal(s.get("TC" + i));
                assertTrue(v.signum() >= 0 && v.compareTo(BigDecimal.TEN) <= 0, s.toString());
                halfStep |= v.scale() > 0;
                scores.add(v);
            }
            assertEquals(0, ScoreModel.total(scores).compareTo(new BigDecimal(s.get("Tổng điểm"))), s.toString());
            boolean ok = rules.ruleFor(year, s.get("Nhóm đối tượng")).achieved(scores);
            assertEquals(ok ? "Đạt" : "Không đạt", s.get("Kết quả"));
            achieved += ok ? 1 : 0;
            LocalDateTime submitted = LocalDateTime.parse(s.get("Ngày gửi"), TS);
            assertEquals(year, submitted.getYear());
            assertTrue(submitted.getMonthValue() <= 10, "after the deadline: " + s);
        }
        assertTrue(halfStep);
        double rate = achieved / (double) assessments.size();
        assertTrue(rate > 0.4 && rate < 0.97, "achieved rate " + rate);
    }

    @Test
    void someCitizensSubmitSeveralTimesAYearAndMostInSeptemberOctober() {
        Map<String, Integer> perAccountYear = new HashMap<>();
        int[] months = new int[13];
        for (Map<String, String> s : assessments) {
            perAccountYear.merge(s.get("Mã tài khoản") + "/" + s.get("Năm đánh giá"), 1, Integer::sum);
            months[LocalDateTime.parse(s.get("Ngày gửi"), TS).getMonthValue()]++;
        }
        long repeated = perAccountYear.values().stream().filter(n -> n >= 2).count();
        double share = repeated / (double) perAccountYear.size();
        assertTrue(share > 0.08 && share < 0.3, "repeated share " + share);
        assertTrue(perAccountYear.values().stream().anyMatch(n -> n == 3));
        assertTrue(months[9] + months[10] > assessments.size() / 2, "Sep-Oct " + (months[9] + months[10]));
        assertEquals(0, months[11] + months[12]);
    }

    @Test
    void registrationsFollowTheCampaign() {
        Map<String, Integer> byMonth = new TreeMap<>();
        int[] monthOfYear = new int[13];
        for (Map<String, String> a : accounts) {
            LocalDateTime t = LocalDateTime.parse(a.get("Ngày đăng ký"), TS);
            byMonth.merge(t.getYear() + "-" + t.getMonthValue(), 1, Integer::sum);
            monthOfYear[t.getMonthValue()]++;
        }
        assertTrue(monthOfYear[9] + monthOfYear[10] > 2 * (monthOfYear[7] + monthOfYear[8]), byMonth.toString());
        assertTrue(byMonth.getOrDefault("2023-11", 0) > byMonth.getOrDefault("2023-10", 0), byMonth.toString());
        assertTrue(byMonth.getOrDefault("2024-3", 0) > byMonth.getOrDefault("2024-2", 0), byMonth.toString());
        assertTrue(byMonth.getOrDefault("2024-12", 0) > byMonth.getOrDefault("2025-1", 0), byMonth.toString());
        int y2023 = 0;
        int y2024 = 0;
        for (Map.Entry<String, Integer> e : byMonth.entrySet()) {
            y2023 += e.getKey().startsWith("2023") ? e.getValue() : 0;
            y2024 += e.getKey().startsWith("2024") ? e.getValue() : 0;
        }
        assertTrue(y2024 > 2 * y2023, y2023 + " / " + y2024);
    }

    @Test
    void recognitionsAreInNovemberForAchievedCitizens() {
        Map<String, Map<String, String>> latest = new HashMap<>();
        for (Map<String, String> s : assessments) {
            String key = s.get("Mã tài khoản") + "/" + s.get("Năm đánh giá");
            Map<String, String> prev = latest.get(key);
            if (prev == null || LocalDateTime.parse(s.get("Ngày gửi"), TS).isAfter(LocalDateTime.parse(prev.get("Ngày gửi"), TS))) {
                latest.put(key, s);
            }
        }
        Map<String, String> unitOf = new HashMap<>();
        accounts.forEach(a -> unitOf.put(a.get("Mã tài khoản"), a.get("Mã đơn vị")));
        for (Map<String, String> g : recognitions) {
            LocalDate decided = LocalDate.parse(g.get("Ngày quyết định"), DATE);
            assertEquals(11, decided.getMonthValue());
            assertEquals(Integer.parseInt(g.get("Năm")), decided.getYear());
            Map<String, String> s = latest.get(g.get("Mã tài khoản") + "/" + g.get("Năm"));
            assertEquals("Đạt", s.get("Kết quả"), g.toString());
            assertEquals(unitOf.get(g.get("Mã tài khoản")), g.get("Mã đơn vị"));
            assertTrue(g.get("Số quyết định").matches("[0-9]+/QĐ-\\S+"), g.get("Số quyết định"));
        }
        long achievedLatest = latest.values().stream().filter(s -> s.get("Kết quả").equals("Đạt")).count();
        assertTrue(recognitions.size() > achievedLatest * 0.7, recognitions.size() + " of " + achievedLatest);
    }

    @Test
    void populationIsOnOldCodesUntil2024AndNewCodesFrom2025() {
        long old2024 = 0;
        long new2025 = 0;
        for (Map<String, String> p : population) {
            int year = Integer.parseInt(p.get("Năm"));
            String code = p.get("Mã xã");
            long eligible = Long.parseLong(p.get("Số người trong độ tuổi"));
            assertTrue(eligible > 0);
            if (year <= 2024) {
                assertTrue(geography.isOldCommune(code), code);
                old2024 += year == 2024 ? eligible : 0;
            } else {
                assertTrue(geography.isNewCommune(code), code);
                new2025 += year == 2025 ? eligible : 0;
            }
        }
        assertTrue(new2025 >= old2024 && new2025 < old2024 * 1.02, old2024 + " → " + new2025);
        assertEquals(result.communes(), population.stream().filter(p -> p.get("Năm").equals("2023")).count());
    }
}
