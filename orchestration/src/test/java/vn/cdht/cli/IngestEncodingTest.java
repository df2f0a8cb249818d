package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text encoding of each file, in the batch report of cdht ingest and in cdht batches. */
class IngestEncodingTest {

    @TempDir
    Path home;

    private Map<String, String> env() {
        return CliRun.testEnv(home);
    }

    @Test
    void theBatchReportAndCdhtBatchesShowEachFilesEncoding() throws Exception {
        Path batch = Files.createDirectories(home.resolve("export"));
        // Windows-1258 as Excel writes it: "Trường Tiểu học Quang Trung" with ể as ê (0xEA) + combining hook (0xD2)
        Charset cp1258 = Charset.forName("windows-1258");
        ByteArrayOutputStream units = new ByteArrayOutputStream();
        units.writeBytes("Ma\u0303 \u0111\u01a1n vi\u0323,T\u00ean \u0111\u01a1n vi\u0323,Nga\u0300y c\u00e2\u0323p nh\u00e2\u0323t\r\n"
                .getBytes(cp1258));
        assertTrue(new String(units.toByteArray(), cp1258).indexOf('?') < 0);
        units.writeBytes("DV0001,Tr\u01b0\u01a1\u0300ng Ti\u00ea\u0309u ho\u0323c Quang Trung,01/12/2025\r\n".getBytes(cp1258));
        Files.write(batch.resolve("don_vi.csv"), units.toByteArray());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(batch.resolve("tai_khoan.xlsx"))) {
            Sheet sheet = wb.createSheet("DS");
            String[][] rows = {{"Mã tài khoản", "Số CCCD", "Họ và tên", "Ngày cập nhật"},
                    {"TK1", "062190000001", "NguyÔn ThÞ Ngäc ¸nh", "01/12/2025"}}; // typed in .VnTime (TCVN3)
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }

        CliRun ingest = CliRun.of(env(), "ingest", batch.toString());
        assertEquals(0, ingest.exitCode(), ingest.out() + ingest.err());
        assertTrue(ingest.out().contains("ENCODING"), ingest.out());
        assertTrue(ingest.out().matches("(?s).*don_vi\\.csv\\s+units\\s+ingested\\s+1\\s+1\\s+0\\s+0\\s+Windows-1258.*"),
                ingest.out());
        assertTrue(ingest.out().contains("XLSX (Unicode); TCVN3 font: 1 cell converted"), ingest.out());

        CliRun batches = CliRun.of(env(), "batches");
        assertEquals(0, batches.exitCode(), batches.err());
        assertTrue(batches.out().matches("(?s).*don_vi\\.csv\\s+units\\s+ingested\\s+\\S+\\s+1\\s+1\\s+0\\s+0\\s+yes\\s+Windows-1258.*"),
                batches.out());
        assertTrue(batches.out().contains("XLSX (Unicode); TCVN3 font: 1 cell converted"), batches.out());
    }
}
