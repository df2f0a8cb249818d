package vn.cdht.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.source.SourceEntity;
import vn.cdht.warehouse.source.SourceField;

class XlsxExportTest {

    @TempDir
    Path dir;

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell c = row.getCell(i);
            out.add(c == null ? "" : c.toString());
        }
        return out;
    }

    @Test
    void cleanWorkbooksHaveTheHeaderOnTheFirstRowAndRealDates() throws Exception {
        GenerationResult r = new OperationalDataGenerator(null).generate(
                GeneratorSpec.files("old:62", 2024, 2025, 0.003, 3, OutputFormat.XLSX, dir, 0));
        for (SourceEntity e : SourceEntity.values()) {
            try (InputStream in = Files.newInputStream(dir.resolve(e.fileStem() + ".xlsx"));
                 XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet sheet = wb.getSheetAt(0);
                assertEquals(e.fields().stream().map(SourceField::header).toList(), cells(sheet.getRow(0)), e.fileStem());
                assertEquals(r.written(e), sheet.getLastRowNum(), e.fileStem());
            }
        }
        try (InputStream in = Files.newInputStream(dir.resolve("tai_khoan.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Row first = wb.getSheetAt(0).getRow(1);
            Cell cccd = first.getCell(1);
            assertEquals(CellType.STRING, cccd.getCellType());
            assertTrue(cccd.getStringCellValue().matches("0[0-9]{11}"));
            Cell updated = first.getCell(12);
            assertEquals(CellType.NUMERIC, updated.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(updated));
            assertTrue(DateUtil.isCellDateFormatted(first.getCell(3)));
        }
    }

    @Test
    void dirtyWorkbooksHaveATitleBlockAndASignature() throws Exception {
        GenerationResult r = new OperationalDataGenerator(null).generate(
                GeneratorSpec.files("old:62", 2024, 2025, 0.003, 3, OutputFormat.XLSX, dir, 0.05));
        assertEquals(5, r.dirt().count(DirtKind.XLSX_TITLE_BLOCK));
        for (SourceEntity e : SourceEntity.values()) {
            try (InputStream in = Files.newInputStream(dir.resolve(e.fileStem() + ".xlsx"));
                 XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet sheet = wb.getSheetAt(0);
                assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().startsWith("DANH SÁCH"));
                assertTrue(sheet.getNumMergedRegions() >= 3);
                assertEquals(e.fields().stream().map(SourceField::header).toList(), cells(sheet.getRow(4)), e.fileStem());
                boolean signed = false;
                for (int i = sheet.getLastRowNum(); i > sheet.getLastRowNum() - 4; i--) {
                    signed |= sheet.getRow(i) != null && cells(sheet.getRow(i)).contains("Người lập biểu");
                }
                assertTrue(signed, e.fileStem());
            }
        }
    }
}
