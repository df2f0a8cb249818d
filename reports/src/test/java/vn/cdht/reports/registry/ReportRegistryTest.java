package vn.cdht.reports.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;
import vn.cdht.warehouse.testing.TestPostgres;

class ReportRegistryTest {

    @TempDir
    Path home;

    @Test
    void onSqlite() {
        ControlDatabase db = new ControlDatabase(ControlDatabaseSettings.from(CdhtConfig.of(home, Map.of())));
        db.migrate();
        sameReportKeepsItsIdAndAReproductionIsNew(new ReportRegistry(db));
    }

    @Test
    void onPostgres() {
        ControlDatabase db = new ControlDatabase(new ControlDatabaseSettings(
                TestPostgres.freshDatabase(), TestPostgres.user(), TestPostgres.password()));
        db.migrate();
        sameReportKeepsItsIdAndAReproductionIsNew(new ReportRegistry(db));
    }

    private void sameReportKeepsItsIdAndAReproductionIsNew(ReportRegistry registry) {
        RenderedReport first = registry.register(report("mart.coverage=1", "aa", null));
        RenderedReport again = registry.register(report("mart.coverage=1", "bb", null));
        assertEquals(first.id(), again.id(), "same kind, scope, period, format and snapshots: the same report");
        assertEquals("bb", again.sha256());
        RenderedReport newer = registry.register(report("mart.coverage=2", "cc", null));
        assertNotEquals(first.id(), newer.id(), "new data: a new report");
        RenderedReport copy = registry.register(report("mart.coverage=1", "aa", first.id()));
        assertEquals(first.id(), copy.reproducesId());
        assertEquals(2, registry.originals("2026-10").size());
        assertEquals(0, registry.originals("2026-09").size());
        assertEquals(3, registry.latest(10).size());
        RenderedReport read = registry.find(first.id()).orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 1), read.issueDate());
        assertTrue(read.file().toString().endsWith("province-51-2026-10.pdf"));
        assertEquals(3, read.pages());
    }

    private NewReport report(String snapshots, String sha, Long reproduces) {
        return new NewReport("province", "51", "2026-10", "pdf", "2025", snapshots, LocalDate.of(2026, 11, 1),
                home.resolve("province-51-2026-10.pdf"), sha, 1234, 3, false, 800, reproduces);
    }
}
