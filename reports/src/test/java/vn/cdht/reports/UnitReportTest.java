package vn.cdht.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What the unit report tests share: the parameters ReportService passes, SQL, PDF text and XLSX cells (abstract: no
 * tests of its own).
 */
abstract class UnitReportTest {

    /** One engine for the test JVM: each template is compiled once, as in production. */
    static final ReportEngine ENGINE = new ReportEngine();

    /** As ReportService writes it: the snapshot ids are 19-digit numbers. */
    static final String FOOTER = "Nguồn: cdht, kho dữ liệu Công dân học tập. Dữ liệu cập nhật lúc 24/11/2026 09:51."
            + " Ảnh chụp dữ liệu: core.accounts #8628181270135160098; core.recognitions #8492417540601664398;"
            + " core.units #2695201269230699053; core.yearly_assessments #746616930141744442;"
            + " mart.unit_progress #7999661752796990209; restricted.citizens #1503236503731636821.";

    static Map<String, Object> parameters(String scope, String areaName, String unitCategory) {
        Map<String, Object> p = new HashMap<>();
        p.put("P_SCOPE", scope);
        p.put("P_AREA_NAME", areaName);
        p.put("P_UNIT_CATEGORY", unitCategory);
        p.put("P_GEOGRAPHY", "2025");
        p.put("P_YEAR", 2026);
        p.put("P_PERIOD", "2026-10");
        p.put("P_PREVIOUS_PERIOD", "2026-09");
        p.put("P_PERIOD_LABEL", "tháng 10/2026");
        p.put("P_MONTH_LABEL", "tháng 10/2026");
        p.put("P_PREVIOUS_LABEL", "tháng 9/2026");
        p.put("P_ANNUAL", false);
        p.put("P_ISSUE_LINE", "Quảng Ngãi, ngày 24 tháng 11 năm 2026");
        p.put("P_ISSUE_DATE", java.sql.Date.valueOf("2026-11-24"));
        p.put("P_FOOTER", FOOTER);
        return p;
    }

    static void sql(Connection c, String... statements) {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The PDF's text, NFC, lines as PDFBox sorts them. */
    static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return Normalizer.normalize(stripper.getText(doc), Normalizer.Form.NFC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pdfPages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Workbook workbook(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first row of the sheet with a cell of exactly this text. */
    static Row rowWith(Sheet sheet, String text) {
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && text.equals(c.getStringCellValue().strip())) {
                    return r;
                }
            }
        }
        throw new AssertionError("no cell '" + text + "' in sheet " + sheet.getSheetName());
    }

    /** The column of the cell of exactly this text in the row. */
    static int columnOf(Row row, String text) {
        for (Cell c : row) {
            if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && text.equals(c.getStringCellValue().strip())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no cell '" + text + "' in row " + row.getRowNum());
    }

    /** The first numeric cell of the row right of column {@code after}. */
    static double firstNumber(Row row, int after) {
        for (Cell c : row) {
            if (c.getColumnIndex() > after && c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                return c.getNumericCellValue();
            }
        }
        throw new AssertionError("no number right of column " + after + " in row " + row.getRowNum());
    }

    /** Every string cell of the workbook. */
    static List<String> strings(Workbook wb) {
        List<String> out = new ArrayList<>();
        for (Sheet s : wb) {
            for (Row r : s) {
                for (Cell c : r) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        out.add(c.getStringCellValue());
                    }
                }
            }
        }
        return out;
    }

    /** Keeps a rendered file under target/unit-reports to look at (pdftoppm, a spreadsheet). */
    static void keep(String name, byte[] bytes) {
        try {
            Path dir = Path.of("target", "unit-reports");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
