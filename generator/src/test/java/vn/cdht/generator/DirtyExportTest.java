package vn.cdht.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.source.SourceEntity;

/** A dirty CSV batch: every kind of mess appears, in the report and in the files. */
class DirtyExportTest {

    @TempDir
    static Path dir;
    static GenerationResult result;
    static Geography geography;
    static List<Map<String, String>> accounts;
    static List<Map<String, String>> assessments;

    @BeforeAll
    static void generate() throws Exception {
        OperationalDataGenerator generator = new OperationalDataGenerator(null);
        geography = generator.geography();
        result = generator.generate(GeneratorSpec.files("old:62", 2023, 2026, 0.01, 42, OutputFormat.CSV, dir, 0.05));
        accounts = ExportFiles.rows(dir, SourceEntity.ACCOUNTS);
        assessments = ExportFiles.rows(dir, SourceEntity.SELF_ASSESSMENTS);
    }

    @Test
    void everyKindOfMessIsInjected() {
        for (DirtKind k : DirtKind.values()) {
            if (k.name().startsWith("XLSX_")) {
                continue;
            }
            assertTrue(result.dirt().count(k) > 0, k.code() + " never injected:\n" + result.dirt());
        }
        for (SourceEntity e : SourceEntity.values()) {
            assertEquals(result.written(e), e == SourceEntity.ACCOUNTS ? accounts.size()
                    : e == SourceEntity.SELF_ASSESSMENTS ? assessments.size() : result.written(e));
        }
        long extras = result.dirt().count(SourceEntity.ACCOUNTS, DirtKind.DUPLICATE_ROW)
                + result.dirt().count(SourceEntity.ACCOUNTS, DirtKind.ACCOUNT_OLDER_VERSION);
        assertEquals(result.rows(SourceEntity.ACCOUNTS) + extras, accounts.size());
    }

    @Test
    void citizenIdsAreMessedAsTheContractSays() {
        Map<String, Integer> forms = new HashMap<>();
        for (Map<String, String> a : accounts) {
            String id = a.get("Số CCCD");
            String form = id.isEmpty() ? "empty" : id.matches("[1-9][0-9]{9,10}") ? "11" : id.startsWith("'0") ? "apostrophe"
                    : id.matches("[0-9]{3}[ .][0-9]{3}[ .][0-9]{3}[ .][0-9]{3}") ? "grouped" : id.matches("0[0-9]{11}") ? "ok" : "other";
            forms.merge(form, 1, Integer::sum);
        }
        for (String f : List.of("empty", "11", "apostrophe", "grouped", "ok")) {
            assertTrue(forms.getOrDefault(f, 0) > 0, f + " " + forms);
        }
        assertEquals(0, forms.getOrDefault("other", 0), forms.toString());
    }

    @Test
    void rowsCarryTheOtherMess() throws Exception {
        Set<String> accountIds = new HashSet<>();
        boolean nfd = false;
        boolean unknownCommune = false;
        boolean isoDate = false;
        boolean dmy = false;
        boolean unparseable = false;
        for (Map<String, String> a : accounts) {
            accountIds.add(a.get("Mã tài khoản"));
            String name = a.get("Họ và tên");
            nfd |= !name.equals(Normalizer.normalize(name, Normalizer.Form.NFC));
            unknownCommune |= a.get("Mã xã").startsWith("99");
            for (String f : List.of("Ngày sinh", "Ngày đăng ký", "Ngày cập nhật")) {
                String v = a.get(f);
                isoDate |= v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}.*");
                dmy |= v.matches("[0-9]/[0-9]{1,2}/[0-9]{4}.*|[0-9]{1,2}/[0-9]/[0-9]{4}.*");
                unparseable |= v.equals("abc") || v.startsWith("31/02/") || v.startsWith("00/13/");
            }
        }
        assertTrue(nfd && unknownCommune && isoDate && dmy && unparseable);
        boolean orphan = false;
        boolean outOfRange = false;
        boolean badTotal = false;
        for (Map<String, String> s : assessments) {
            orphan |= !s.get("Mã tài khoản").isEmpty() && !accountIds.contains(s.get("Mã tài khoản"));
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 1; i <= 10; i++) {
                BigDecimal v = new BigDecimal(s.get("TC" + i));
                outOfRange |= v.signum() < 0 || v.compareTo(BigDecimal.TEN) > 0;
                sum = sum.add(v);
            }
            badTotal |= sum.compareTo(new BigDecimal(s.get("Tổng điểm"))) != 0;
        }
        assertTrue(orphan && outOfRange && badTotal);
        List<String> lines = ExportFiles.text(dir, SourceEntity.ACCOUNTS).lines().toList();
        assertTrue(lines.size() > new HashSet<>(lines).size(), "an exact duplicate line");
        boolean bom = false;
        boolean semicolon = false;
        boolean crlf = false;
        for (SourceEntity e : SourceEntity.values()) {
            String text = ExportFiles.text(dir, e);
            bom |= text.startsWith("\uFEFF");
            semicolon |= text.lines().findFirst().orElse("").contains(";");
            crlf |= text.contains("\r\n");
        }
        assertTrue(bom && semicolon && crlf);
    }
}
