package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Every kind's template compiles, once. */
class TemplatesTest {

    @Test
    void everyTemplateCompilesAndIsCompiledOnce() {
        ReportEngine engine = new ReportEngine();
        for (ReportKind kind : ReportKind.values()) {
            assertNotNull(engine.template(kind.template()), kind.code());
            assertSame(engine.template(kind.template()), engine.template(kind.template()), kind.code());
        }
    }
}
