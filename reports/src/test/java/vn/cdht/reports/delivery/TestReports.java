package vn.cdht.reports.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.cdht.reports.registry.NewReport;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.reports.registry.ReportRegistry;

/** Small real report files, registered as a renderer would. */
final class TestReports {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 5);

    private TestReports() {
    }

    /** A one-page PDF written by PDFBox. */
    static Path pdf(Path file) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);   // rendered again: a new file, as a renderer writes it
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook with one sheet, written by POI. */
    static Path xlsx(Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            wb.createSheet("Biểu").createRow(0).createCell(0).setCellValue("Tỉnh");
            wb.write(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RenderedReport register(ReportRegistry registry, Path file, String kind, String scope, String period) {
        return register(registry, file, kind, scope, period, null);
    }

    static RenderedReport register(ReportRegistry registry, Path file, String kind, String scope, String period,
                                   Long reproduces) {
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1);
        return registry.register(new NewReport(kind, scope, period, format, "2025", "mart.coverage=1", ISSUED, file,
                sha256(file), size(file), format.equals("pdf") ? 1 : null, personal(kind), 12L, reproduces));
    }

    /** A report that is not in any database, for the mailer alone. */
    static RenderedReport unregistered(Path file, String kind, String scope, String period) {
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1);
        return new RenderedReport(1, kind, scope, period, format, "2025", "mart.coverage=1", ISSUED, file, sha256(file),
                size(file), 1, personal(kind), Instant.now(), 12L, null);
    }

    private static boolean personal(String kind) {
        return kind.equals("unit-list") || kind.equals("fix-list");
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
