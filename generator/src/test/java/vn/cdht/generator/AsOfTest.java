package vn.cdht.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Time as of a day: nothing in a clean export is dated on or after the as-of day (the export is taken at its start),
 * every row is consistent with the others in time, and an export taken in the middle of a campaign shows that
 * campaign only as far as it has come.
 */
class AsOfTest {

    static final OperationalDataGenerator GENERATOR = new OperationalDataGenerator(null);

    @TempDir
    Path dir;

    private Export export(String sub, int toYear, LocalDate asOf) throws Exception {
        Path out = dir.resolve(sub);
        GenerationResult r = GENERATOR.generate(GeneratorSpec.files("51", 2023, toYear, 0.003, 42, OutputFormat.CSV, out, 0,
                asOf));
        return new Export(r, out);
    }

    private record Export(GenerationResult result, Path dir) {
        List<Map<String, String>> rows(SourceEntity e) throws Exception {
            return ExportFiles.rows(dir, e);
        }
    }

    /** Every date of a clean export is before the as-of day, no year after its year, and rows agree in time. */
    static void assertNothingAfter(LocalDate asOf, Path dir) throws Exception {
        LocalDateTime end = asOf.atStartOfDay().minusSeconds(1);
        List<Map<String, String>> accounts = ExportFiles.rows(dir, SourceEntity.ACCOUNTS);
        Map<String, LocalDateTime> registered = new HashMap<>();
        for (Map<String, String> a : accounts) {
            LocalDateTime reg = ts(a.get("Ngày đăng ký"));
            LocalDateTime upd = ts(a.get("Ngày cập nhật"));
            assertFalse(reg.isAfter(end), "registered after the as-of day: " + a);
            assertFalse(upd.isAfter(end), "updated after the as-of day: " + a);
            assertFalse(upd.isBefore(reg), "updated before registered: " + a);
            assertTrue(reg.getYear() >= 2023, a.toString());
            registered.put(a.get("Mã tài khoản"), reg);
        }
        for (Map<String, String> u : ExportFiles.rows(dir, SourceEntity.UNITS)) {
            assertFalse(ts(u.get("Ngày cập nhật")).isAfter(end), "unit updated after the as-of day: " + u);
        }
        Map<String, LocalDateTime> lastSubmission = new HashMap<>();
        for (Map<String, String> s : ExportFiles.rows(dir, SourceEntity.SELF_ASSESSMENTS)) {
            LocalDateTime sent = ts(s.get("Ngày gửi"));
            LocalDateTime upd = ts(s.get("Ngày cập nhật"));
            int year = Integer.parseInt(s.get("Năm đánh giá"));
            assertFalse(sent.isAfter(end), "submitted after the as-of day: " + s);
            assertFalse(upd.isAfter(end), "updated after the as-of day: " + s);
            assertFalse(upd.isBefore(sent), s.toString());
            assertTrue(year <= asOf.getYear() && year == sent.getYear(), s.toString());
            LocalDateTime reg = registered.get(s.get("Mã tài khoản"));
            assertTrue(reg != null && !sent.isBefore(reg), "submitted before its account was registered: " + s);
            lastSubmission.merge(s.get("Mã tài khoản") + "/" + year, sent, (x, y) -> x.isAfter(y) ? x : y);
        }
        for (Map<String, String> g : ExportFiles.rows(dir, SourceEntity.RECOGNITIONS)) {
            LocalDate decided = LocalDate.parse(g.get("Ngày quyết định"), CleanExportTest.DATE);
            assertTrue(decided.isBefore(asOf), "decided on or after the as-of day: " + g);
            assertFalse(ts(g.get("Ngày cập nhật")).isAfter(end), g.toString());
            LocalDateTime sent = lastSubmission.get(g.get("Mã tài khoản") + "/" + g.get("Năm"));
            assertTrue(sent != null && sent.toLocalDate().isBefore(decided), "recognised without a prior submission: " + g);
        }
        for (Map<String, String> p : ExportFiles.rows(dir, SourceEntity.POPULATION)) {
            assertTrue(Integer.parseInt(p.get("Năm")) <= asOf.getYear(), p.toString());
        }
    }

    static LocalDateTime ts(String s) {
        return LocalDateTime.parse(s, CleanExportTest.TS);
    }

    @Test
    void nothingIsDatedAfterTheAsOfDay() throws Exception {
        for (LocalDate asOf : List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 10, 15), LocalDate.of(2025, 5, 20))) {
            Export e = export(asOf.toString(), asOf.getYear(), asOf);
            assertNothingAfter(asOf, e.dir());
            assertTrue(e.result().rows(SourceEntity.ACCOUNTS) > 100, asOf + ": " + e.result().rows());
        }
    }

    @Test
    void aCampaignIsSeenOnlyAsFarAsItHasCome() throws Exception {
        Export mid = export("mid", 2026, LocalDate.of(2026, 10, 15));
        Export after = export("after", 2026, LocalDate.of(2026, 12, 1));
        Map<Integer, Integer> midByYear = byYear(mid.rows(SourceEntity.SELF_ASSESSMENTS));
        Map<Integer, Integer> afterByYear = byYear(after.rows(SourceEntity.SELF_ASSESSMENTS));
        // mid-October: most of the year's self-assessments are still to come (they gather in Sep-Oct) ...
        assertTrue(midByYear.get(2026) < 0.85 * afterByYear.get(2026), midByYear + " / " + afterByYear);
        assertTrue(midByYear.get(2026) > 0.3 * afterByYear.get(2026), midByYear + " / " + afterByYear);
        // ... and none of its recognitions (decided in November); earlier years are complete
        assertEquals(0, mid.rows(SourceEntity.RECOGNITIONS).stream().filter(g -> g.get("Năm").equals("2026")).count());
        assertTrue(after.rows(SourceEntity.RECOGNITIONS).stream().anyMatch(g -> g.get("Năm").equals("2026")));
        assertTrue(mid.result().rows(SourceEntity.ACCOUNTS) <= after.result().rows(SourceEntity.ACCOUNTS),
                "fewer registrations by an earlier day");
        Export early = export("early", 2025, LocalDate.of(2025, 5, 20));
        // (not strictly fewer: before 1 July 2025 every old commune had its own committee, 272 against 96 after, and a
        // small old commune's units register no more than 80% of its adults)
        assertTrue(early.result().rows(SourceEntity.ACCOUNTS) < after.result().rows(SourceEntity.ACCOUNTS) * 2,
                early.result().rows() + " / " + after.result().rows());
        Map<Integer, Integer> earlyByYear = byYear(early.rows(SourceEntity.SELF_ASSESSMENTS));
        assertTrue(earlyByYear.getOrDefault(2025, 0) < 0.3 * earlyByYear.get(2024), earlyByYear.toString());
    }

    @Test
    void theLastYearCannotBeAfterTheAsOfDay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.files("51", 2023,
                2027, 0.01, 42, OutputFormat.CSV, dir, 0, LocalDate.of(2026, 12, 1)));
        assertTrue(e.getMessage().contains("2027") && e.getMessage().contains("2026-12-01"), e.getMessage());
        assertEquals(LocalDate.of(2026, 1, 1), GeneratorSpec.files("51", 2023, 2025, 0.01, 42, OutputFormat.CSV, dir, 0).asOf());
        assertEquals(LocalDateTime.of(2026, 11, 30, 23, 59, 59),
                GeneratorSpec.files("51", 2023, 2026, 0.01, 42, OutputFormat.CSV, dir, 0, LocalDate.of(2026, 12, 1)).end());
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.files("51", 2023, 2023, 0.01, 42,
                OutputFormat.CSV, dir, 0, LocalDate.of(2023, 1, 1)));
        assertEquals(LocalDateTime.of(2025, 12, 31, 23, 59, 59),
                GeneratorSpec.files("51", 2023, 2025, 0.01, 42, OutputFormat.CSV, dir, 0, LocalDate.of(2026, 3, 1)).end());
    }

    private static Map<Integer, Integer> byYear(List<Map<String, String>> assessments) {
        Map<Integer, Integer> out = new HashMap<>();
        assessments.forEach(s -> out.merge(Integer.parseInt(s.get("Năm đánh giá")), 1, Integer::sum));
        return out;
    }
}
