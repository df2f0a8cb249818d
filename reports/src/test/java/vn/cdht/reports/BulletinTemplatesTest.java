package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bulletin templates compile (expressions included), are A4 portrait and declare what ReportService passes. */
class BulletinTemplatesTest {

    private static final ReportEngine ENGINE = new ReportEngine();

    @ParameterizedTest
    @ValueSource(strings = {"bulletin_province", "bulletin_commune"})
    void compilesAsAnA4PortraitReport(String name) {
        JasperReport report = ENGINE.template(name);

        assertEquals(name, report.getName());
        assertEquals(595, report.getPageWidth());
        assertEquals(842, report.getPageHeight());
        Set<String> declared = Arrays.stream(report.getParameters()).filter(p -> !p.isSystemDefined())
                .map(JRParameter::getName).collect(Collectors.toSet());
        for (String p : new String[] {"P_SCOPE", "P_AREA_NAME", "P_GEOGRAPHY", "P_YEAR", "P_PERIOD", "P_PREVIOUS_PERIOD",
                "P_PERIOD_LABEL", "P_MONTH_LABEL", "P_PREVIOUS_LABEL", "P_ANNUAL", "P_ISSUE_LINE", "P_FOOTER"}) {
            assertTrue(declared.contains(p), name + " declares " + p);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulletin_province", "bulletin_commune"})
    void kindsNameTheirTemplates(String name) {
        assertTrue(Arrays.stream(ReportKind.values()).anyMatch(k -> k.template().equals(name)));
    }
}
