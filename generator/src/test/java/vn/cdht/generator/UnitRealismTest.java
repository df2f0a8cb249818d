package vn.cdht.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * The units of the demo's sample (province 51, scale 0.01, seed 42, as of 1 December 2026), as a reader of the unit
 * report sees them: units by kind in proportion to the communes and the scaled population, real headcounts, never
 * more accounts than members nor more self-assessed citizens than registered ones, and officials' rates that mean
 * something.
 */
class UnitRealismTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    static final Set<String> OFFICIAL_KINDS = Set.of("Trường học", "Cơ quan nhà nước", "UBND xã", "Trung tâm GDNN-GDTX");

    @TempDir
    static Path dir;
    static Geography geography;
    static List<Map<String, String>> units;
    static List<Map<String, String>> accounts;
    static Map<String, Map<String, String>> unitByCode = new HashMap<>();
    static Map<String, Map<String, String>> accountById = new HashMap<>();
    /** unit code → year → [active accounts registered by the end of the year, citizens assessed, achieved]. */
    static Map<String, Map<Integer, int[]>> perUnitYear = new HashMap<>();
    static long adults2026;

    @BeforeAll
    static void generate() throws Exception {
        OperationalDataGenerator generator = new OperationalDataGenerator(null);
        geography = generator.geography();
        GenerationResult r = generator.generate(GeneratorSpec.files("51", 2023, 2026, 0.01, 42, OutputFormat.CSV, dir, 0,
                AS_OF));
        assertTrue(r.dirt().isEmpty());
        units = ExportFiles.rows(dir, SourceEntity.UNITS);
        accounts = ExportFiles.rows(dir, SourceEntity.ACCOUNTS);
        units.forEach(u -> unitByCode.put(u.get("Mã đơn vị"), u));
        accounts.forEach(a -> accountById.put(a.get("Mã tài khoản"), a));
        for (Map<String, String> a : accounts) {
            if (a.get("Trạng thái").equals("Hoạt động")) {
                int from = AsOfTest.ts(a.get("Ngày đăng ký")).getYear();
                for (int y = from; y <= 2026; y++) {
                    cell(a.get("Mã đơn vị"), y)[0]++;
                }
            }
        }
        Map<String, Map<String, String>> latest = new HashMap<>();
        for (Map<String, String> s : ExportFiles.rows(dir, SourceEntity.SELF_ASSESSMENTS)) {
            latest.merge(s.get("Mã tài khoản") + "/" + s.get("Năm đánh giá"), s,
                    (x, y) -> AsOfTest.ts(x.get("Ngày gửi")).isAfter(AsOfTest.ts(y.get("Ngày gửi"))) ? x : y);
        }
        for (Map<String, String> s : latest.values()) {
            int[] c = cell(accountById.get(s.get("Mã tài khoản")).get("Mã đơn vị"), Integer.parseInt(s.get("Năm đánh giá")));
            c[1]++;
            c[2] += s.get("Kết quả").equals("Đạt") ? 1 : 0;
        }
        for (Map<String, String> p : ExportFiles.rows(dir, SourceEntity.POPULATION)) {
            adults2026 += p.get("Năm").equals("2026") ? Long.parseLong(p.get("Số người trong độ tuổi")) : 0;
        }
    }

    private static int[] cell(String unit, int year) {
        return perUnitYear.computeIfAbsent(unit, k -> new TreeMap<>()).computeIfAbsent(year, k -> new int[3]);
    }

    private static int members(Map<String, String> u) {
        return Integer.parseInt(u.get("Số thành viên"));
    }

    @Test
    void nothingIsDatedAfterTheAsOfDay() throws Exception {
        AsOfTest.assertNothingAfter(AS_OF, dir);
    }

    @Test
    void exactlyOneCommuneCommitteePer2025CommuneOfTheProvince() {
        Set<String> communes2025 = new TreeSet<>();
        for (String code : geography.newCommuneCodes()) {
            if (geography.newCommuneProvince(code).equals("51")) {
                communes2025.add(code);
            }
        }
        assertEquals(96, communes2025.size(), "Quảng Ngãi since 1 July 2025");
        Map<String, Integer> committees = new TreeMap<>();
        for (Map<String, String> u : units) {
            if (u.get("Loại đơn vị").equals("UBND xã")) {
                committees.merge(u.get("Mã xã"), 1, Integer::sum);
                assertEquals("Hoạt động", u.get("Trạng thái"), u.toString());
                assertEquals("", u.get("Mã huyện"), "on the 2025 geography: " + u);
                assertEquals("Ủy ban nhân dân " + geography.newCommuneName(u.get("Mã xã")), u.get("Tên đơn vị"));
            }
        }
        assertEquals(communes2025, committees.keySet());
        assertEquals(Set.of(1), Set.copyOf(committees.values()), committees.toString());
    }

    @Test
    void unitsOfEachKindFollowTheScaledPopulationWithRealHeadcounts() {
        Map<String, List<Integer>> byKind = new TreeMap<>();
        units.forEach(u -> byKind.computeIfAbsent(u.get("Loại đơn vị"), k -> new ArrayList<>()).add(members(u)));
        assertEquals(Set.of("UBND xã", "Trường học", "Cơ quan nhà nước", "Chi hội khuyến học", "Doanh nghiệp",
                "Trung tâm GDNN-GDTX"), byKind.keySet());
        double per10k = adults2026 / 10_000.0; // about 20,000 adults at this scale
        // kind → {units per 10,000 adults, lowest and highest headcount}
        Map<String, double[]> expected = Map.of(
                "Trường học", new double[] {5.95, 20, 150},
                "Cơ quan nhà nước", new double[] {3.6, 10, 80},
                "Chi hội khuyến học", new double[] {12, 40, 450},
                "Doanh nghiệp", new double[] {1.2, 20, 500},
                "Trung tâm GDNN-GDTX", new double[] {0.1, 10, 40});
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            List<Integer> heads = byKind.get(e.getKey());
            double n = Math.max(1, e.getValue()[0] * per10k);
            assertTrue(heads.size() >= 0.75 * n - 2 && heads.size() <= 1.25 * n + 2,
                    e.getKey() + ": " + heads.size() + " units for " + adults2026 + " adults, expected about " + n);
            for (int h : heads) {
                assertTrue(h >= e.getValue()[1] && h <= e.getValue()[2], e.getKey() + " with " + h + " members");
            }
        }
        for (int h : byKind.get("UBND xã")) {
            assertTrue(h >= 20 && h <= 40, "UBND xã with " + h + " members");
        }
        double schoolMean = byKind.get("Trường học").stream().mapToInt(i -> i).average().orElse(0);
        assertTrue(schoolMean > 30 && schoolMean < 80, "mean school staff " + schoolMean);
        assertTrue(units.size() < accounts.size() / 10.0, units.size() + " units for " + accounts.size() + " accounts");
    }

    @Test
    void everyAccountIsInAUnitOfTheRightKindForItsGroup() {
        Map<String, Integer> groups = new TreeMap<>();
        for (Map<String, String> a : accounts) {
            Map<String, String> u = unitByCode.get(a.get("Mã đơn vị"));
            String kind = u.get("Loại đơn vị");
            String group = a.get("Nhóm đối tượng");
            groups.merge(kind + "/" + group, 1, Integer::sum);
            if (kind.equals("Chi hội khuyến học")) {
                assertTrue(group.equals("I") || group.equals("II"), a.toString());
            } else {
                assertEquals("III", group, kind + ": " + a);
            }
        }
        assertTrue(groups.getOrDefault("Chi hội khuyến học/I", 0) > groups.getOrDefault("Chi hội khuyến học/II", 0),
                groups.toString());
        assertTrue(groups.getOrDefault("Doanh nghiệp/III", 0) > 0, groups.toString());
    }

    @Test
    void noUnitHasMoreAccountsThanMembersNorMoreAssessedThanRegistered() {
        Map<String, Integer> accountsPerUnit = new HashMap<>();
        accounts.forEach(a -> accountsPerUnit.merge(a.get("Mã đơn vị"), 1, Integer::sum));
        for (Map<String, String> u : units) {
            int n = accountsPerUnit.getOrDefault(u.get("Mã đơn vị"), 0);
            assertTrue(n <= members(u), n + " accounts in " + u);
        }
        int unitYears = 0;
        for (Map.Entry<String, Map<Integer, int[]>> e : perUnitYear.entrySet()) {
            for (Map.Entry<Integer, int[]> y : e.getValue().entrySet()) {
                int[] c = y.getValue();
                assertTrue(c[1] <= c[0], e.getKey() + " in " + y.getKey() + ": " + c[1] + " assessed, " + c[0] + " registered");
                unitYears += c[1] > 0 ? 1 : 0;
            }
        }
        assertTrue(unitYears > 100, "unit-years with assessments: " + unitYears);
    }

    @Test
    void officialsAchieveAMeaningfulShareOfTheirUnitsMembers() {
        long members = 0;
        long achieved = 0;
        int units2026 = 0;
        int strictlyBetween = 0;
        for (Map<String, String> u : units) {
            if (!OFFICIAL_KINDS.contains(u.get("Loại đơn vị")) || !u.get("Trạng thái").equals("Hoạt động")) {
                continue;
            }
            members += members(u);
            int a = perUnitYear.getOrDefault(u.get("Mã đơn vị"), Map.of()).getOrDefault(2026, new int[3])[2];
            achieved += a;
            units2026++;
            strictlyBetween += a > 0 && a < members(u) ? 1 : 0;
        }
        double rate = achieved / (double) members;
        assertTrue(rate > 0.3 && rate < 0.7, "achieved / members of official units in 2026: " + rate);
        assertTrue(strictlyBetween > 0.9 * units2026, strictlyBetween + " of " + units2026 + " units neither 0% nor 100%");
        long registered = perUnitYear.values().stream().mapToLong(m -> m.getOrDefault(2026, new int[3])[0]).sum();
        double coverage = registered / (double) adults2026;
        assertTrue(coverage > 0.1 && coverage < 0.5, "registered / eligible adults in 2026: " + coverage);
    }
}
