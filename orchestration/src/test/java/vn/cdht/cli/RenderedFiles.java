package vn.cdht.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads rendered reports back as a reader's tools would: the text of a PDF, the cells of an XLSX. */
final class RenderedFiles {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private RenderedFiles() {
    }

    static String pdfText(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A count as the reports print it: 1.234.567. */
    static String count(BigDecimal value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(VI)).format(value);
    }

    /** A rate as the reports print it: 45,6%. */
    static String rate(double value) {
        return new DecimalFormat("#,##0.0%", DecimalFormatSymbols.getInstance(VI)).format(value);
    }

    /** Every row of the first sheet, as the cells' values: numbers as Double, text as String, blank as NULL. */
    static List<List<Object>> xlsxRows(Path xlsx) {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    values.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                            : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null);
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
