package vn.cdht.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.source.SourceEntity;

class DeterminismTest {

    static final OperationalDataGenerator GENERATOR = new OperationalDataGenerator(null);

    @TempDir
    Path dir;

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    private GenerationResult run(String sub, OutputFormat format, double dirty, long seed) throws Exception {
        return run(sub, format, dirty, seed, AS_OF);
    }

    private GenerationResult run(String sub, OutputFormat format, double dirty, long seed, LocalDate asOf) throws Exception {
        return GENERATOR.generate(GeneratorSpec.files("old:62", 2023, asOf.getYear(), 0.003, seed, format, dir.resolve(sub),
                dirty, asOf));
    }

    private void assertSameBytes(String a, String b, OutputFormat format) throws Exception {
        for (SourceEntity e : SourceEntity.values()) {
            String name = e.fileStem() + "." + format.extension();
            assertArrayEquals(Files.readAllBytes(dir.resolve(a).resolve(name)), Files.readAllBytes(dir.resolve(b).resolve(name)),
                    name + " differs between two runs of the same spec");
        }
    }

    @Test
    void sameSpecGivesTheSameCsvBytes() throws Exception {
        run("a", OutputFormat.CSV, 0, 7);
        run("b", OutputFormat.CSV, 0, 7);
        assertSameBytes("a", "b", OutputFormat.CSV);
        run("c", OutputFormat.CSV, 0.05, 7);
        run("d", OutputFormat.CSV, 0.05, 7);
        assertSameBytes("c", "d", OutputFormat.CSV);
    }

    @Test
    void sameSpecGivesTheSameXlsxBytes() throws Exception {
        run("a", OutputFormat.XLSX, 0.02, 7);
        run("b", OutputFormat.XLSX, 0.02, 7);
        assertSameBytes("a", "b", OutputFormat.XLSX);
        assertFalse(Files.list(dir.resolve("a")).anyMatch(p -> p.toString().endsWith(".tmp")));
    }

    @Test
    void anotherSeedGivesOtherDataAndDirtOnlyAddsMess() throws Exception {
        GenerationResult clean = run("a", OutputFormat.CSV, 0, 7);
        GenerationResult other = run("b", OutputFormat.CSV, 0, 8);
        GenerationResult dirty = run("c", OutputFormat.CSV, 0.2, 7);
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a/tai_khoan.csv")),
                Files.readAllBytes(dir.resolve("b/tai_khoan.csv"))));
        assertEquals(clean.rows(), dirty.rows(), "the clean content does not depend on the dirty rate");
        assertTrue(dirty.written(SourceEntity.ACCOUNTS) > clean.written(SourceEntity.ACCOUNTS));
        assertTrue(other.rows(SourceEntity.UNITS) > 0);
        run("e", OutputFormat.CSV, 0, 7, AS_OF.minusDays(20));
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a/tai_khoan.csv")),
                Files.readAllBytes(dir.resolve("e/tai_khoan.csv"))), "another as-of day gives other data");
    }

    @Test
    void provinceCodesResolveToTheRightArea() {
        Geography g = GENERATOR.geography();
        assertEquals(java.util.List.of("51", "62"), ProvinceArea.resolve("51", g).oldProvinces());
        assertEquals(java.util.List.of("51"), ProvinceArea.resolve("old:51", g).oldProvinces());
        assertEquals(java.util.List.of("62"), ProvinceArea.resolve("62", g).oldProvinces());
        assertTrue(ProvinceArea.resolve("37", g).oldProvinces().contains("36"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProvinceArea.resolve("00", g));
        assertTrue(e.getMessage().contains("unknown province code '00'") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
