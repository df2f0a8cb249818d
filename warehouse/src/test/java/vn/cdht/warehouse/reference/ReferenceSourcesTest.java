package vn.cdht.warehouse.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceSourcesTest {

    @Test
    void bundledFilesAreReadWithCodesAsText() {
        List<SourceTable> all = new ReferenceSources(Optional.empty()).readAll();
        SourceTable units = all.stream().filter(t -> t.name().equals("admin_units_2024")).findFirst().orElseThrow();
        assertEquals(10_047, units.rows().size());
        assertEquals("00001", units.rows().get(0).get(units.columns().indexOf("commune_code")));
        SourceTable criteria = all.stream().filter(t -> t.name().equals("criteria_sets")).findFirst().orElseThrow();
        assertEquals(60, criteria.rows().size());
        assertTrue(ReferenceSources.geographyNotice().contains("MIT License"));
    }

    @Test
    void decomposedTextAndByteOrderMarkAreNormalised() {
        String nfd = Normalizer.normalize("Phường Hoà Bình", Normalizer.Form.NFD);
        byte[] bytes = ("\uFEFFcode,name\n01, " + nfd + " \n02,\n").getBytes(StandardCharsets.UTF_8);
        SourceTable t = ReferenceSources.parse("x", "test", bytes);
        assertEquals(List.of("code", "name"), t.columns());
        assertEquals("Phường Hoà Bình", t.rows().get(0).get(1));
        assertTrue(Normalizer.isNormalized(t.rows().get(0).get(1), Normalizer.Form.NFC));
        assertEquals(null, t.rows().get(1).get(1));
    }

    @Test
    void aDeploymentsRulesFolderReplacesTheBundledFile(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("targets.csv"),
                "target_code,version,source,scope,indicator,year,target_rate,title_vi\n"
                        + "LOCAL-100-OFFICIALS,1,Kế hoạch tỉnh,unit,registered_of_members,2026,1.00,100% cán bộ đăng ký\n");
        SourceTable targets = new ReferenceSources(Optional.of(rules)).readAll().stream()
                .filter(t -> t.name().equals("targets")).findFirst().orElseThrow();
        assertEquals(1, targets.rows().size());
        assertTrue(targets.origin().startsWith(rules.toString()));
    }
}
