package vn.cdht.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import vn.cdht.warehouse.config.VietnamTime;

/**
 * Compiles each JRXML template once per JVM, fills it from a DuckDB connection, and exports PDF or XLSX.
 * Fonts come from the bundled JasperReports font extension (DejaVu Sans, which covers Vietnamese), embedded in every PDF.
 */
public final class ReportEngine {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final String TEMPLATE_FOLDER = "/vn/cdht/reports/templates/";

    static {
        System.setProperty("java.awt.headless", "true");
        // Hadoop's shaded Woodstox registers itself as the StAX provider, and cannot do what JasperReports' Jackson
        // XML reader and writer ask of it; the real Woodstox (on the classpath through Jackson) can.
        setIfAbsent("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        setIfAbsent("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
    }

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    /** The compiled template of {@code name} (a file of {@code vn/cdht/reports/templates/} without {@code .jrxml}). */
    public JasperReport template(String name) {
        return compiled.computeIfAbsent(name, ReportEngine::compile);
    }

    /** The parameter naming Vietnam time to the queries (as {@code AT TIME ZONE $P{P_TIME_ZONE}}). */
    public static final String TIME_ZONE = "P_TIME_ZONE";

    /** Fills a template; the parameters get the Vietnamese locale and Vietnam time unless they name others. */
    public JasperPrint fill(String template, Map<String, Object> parameters, Connection connection) {
        Map<String, Object> params = new HashMap<>(parameters);
        params.putIfAbsent(JRParameter.REPORT_LOCALE, VIETNAMESE);
        params.putIfAbsent(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(VietnamTime.ZONE));
        params.putIfAbsent(TIME_ZONE, VietnamTime.ZONE.getId());
        try {
            return JasperFillManager.fillReport(template(template), params, connection);
        } catch (JRException e) {
            throw new ReportException("cannot fill the template " + template + ": " + rootMessage(e), e);
        }
    }

    public byte[] export(JasperPrint print, ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (format) {
                case PDF -> {
                    JRPdfExporter pdf = new JRPdfExporter();
                    SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
                    config.setMetadataTitle(print.getName());
                    config.setMetadataCreator("cdht");
                    config.setMetadataAuthor("cdht");
                    pdf.setConfiguration(config);
                    pdf.setExporterInput(new SimpleExporterInput(print));
                    pdf.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                    pdf.exportReport();
                }
                case XLSX -> {
                    JRXlsxExporter xlsx = new JRXlsxExporter();
                    SimpleXlsxReportConfiguration config = new SimpleXlsxReportConfiguration();
                    // numbers stay numbers (with the template's pattern as the cell format), one sheet for the table
                    config.setDetectCellType(true);
                    config.setOnePagePerSheet(false);
                    config.setRemoveEmptySpaceBetweenRows(true);
                    config.setRemoveEmptySpaceBetweenColumns(true);
                    config.setWhitePageBackground(false);
                    config.setCollapseRowSpan(false);
                    config.setIgnorePageMargins(true);
                    xlsx.setConfiguration(config);
                    xlsx.setExporterInput(new SimpleExporterInput(print));
                    xlsx.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                    xlsx.exportReport();
                }
                default -> throw new IllegalStateException(format.name());
            }
        } catch (JRException e) {
            throw new ReportException("cannot export " + print.getName() + " as " + format.code() + ": " + rootMessage(e), e);
        }
        return out.toByteArray();
    }

    private static JasperReport compile(String name) {
        String resource = TEMPLATE_FOLDER + name + ".jrxml";
        try (InputStream in = ReportEngine.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ReportException("template " + resource + " is missing from the reports module");
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException e) {
            throw new ReportException("template " + resource + " does not compile: " + rootMessage(e), e);
        } catch (IOException e) {
            throw new ReportException("cannot read template " + resource + ": " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
