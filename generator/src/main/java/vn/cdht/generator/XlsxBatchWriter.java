package vn.cdht.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.util.Collections;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An XLSX export file written with POI's streaming workbook (about 100 rows in memory). Dates are real Excel dates.
 * A dirty form adds a title block (merged "DANH SÁCH …" rows 1–3, header on row 5) and a signature block after the
 * data. A table longer than a sheet continues on sheets named {@code <stem>_2}, … with the header repeated. The
 * file's bytes depend only on its content: fixed document dates and zip entry times.
 */
final class XlsxBatchWriter implements TableWriter {

    private final Path file;
    private final FileForm form;
    private final List<String> title;
    private final LocalDate signedOn;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    /** Excel's last row index, less room for the signature block: a longer table continues on another sheet. */
    static final int MAX_ROW = 1_048_575 - 5;

    private final String sheetName;
    private SXSSFSheet sheet;
    private List<String> headers;
    private int sheets = 1;
    private final CellStyle dateStyle;
    private final CellStyle timestampStyle;
    private final CellStyle boldStyle;
    private int nextRow;
    private int columns;

    /**
     * @param title    the title block's three lines (used when the form asks for one)
     * @param signedOn the date of the signature block and the document's fixed creation date
     */
    XlsxBatchWriter(Path file, String sheetName, FileForm form, List<String> title, LocalDate signedOn) {
        this.file = file;
        this.form = form;
        this.title = title;
        this.signedOn = signedOn;
        workbook.setCompressTempFiles(true);
        this.sheetName = sheetName;
        sheet = workbook.createSheet(sheetName);
        short dateFormat = workbook.createDataFormat().getFormat("dd/mm/yyyy");
        short timestampFormat = workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss");
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(dateFormat);
        timestampStyle = workbook.createCellStyle();
        timestampStyle.setDataFormat(timestampFormat);
        Font bold = workbook.createFont();
        bold.setBold(true);
        boldStyle = workbook.createCellStyle();
        boldStyle.setFont(bold);
        Date created = Date.from(signedOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(created));
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("cdht generate");
    }

    @Override
    public void header(List<String> headers) throws IOException {
        this.headers = List.copyOf(headers);
        columns = headers.size();
        if (form.titleBlock()) {
            for (int i = 0; i < 3; i++) {
                Row row = sheet.createRow(i);
                Cell cell = row.createCell(0);
                cell.setCellValue(title.get(i));
                cell.setCellStyle(boldStyle);
                if (columns > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(i, i, 0, columns - 1));
                }
            }
            nextRow = 4; // row 4 left empty, header on row 5
        }
        headerRow();
    }

    private void headerRow() {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(boldStyle);
        }
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (nextRow > MAX_ROW) {
            sheet = workbook.createSheet(sheetName + "_" + ++sheets);
            nextRow = 0;
            headerRow();
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof LocalDateTime t) {
                cell.setCellValue(t);
                cell.setCellStyle(timestampStyle);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (v instanceof BigDecimal b) {
                cell.setCellValue(b.doubleValue());
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (form.signatureBlock()) {
                nextRow++;
                sheet.createRow(nextRow++).createCell(Math.max(0, columns - 3))
                        .setCellValue("Ngày " + signedOn.getDayOfMonth() + " tháng " + signedOn.getMonthValue()
                                + " năm " + signedOn.getYear());
                Cell who = sheet.createRow(nextRow++).createCell(Math.max(0, columns - 3));
                who.setCellValue("Người lập biểu");
                who.setCellStyle(boldStyle);
                sheet.createRow(nextRow++).createCell(Math.max(0, columns - 3)).setCellValue("(Ký, ghi rõ họ tên)");
            }
            Path raw = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(raw)) {
                workbook.write(out);
            }
            normalizeZip(raw, file);
            Files.delete(raw);
        } finally {
            workbook.close();
        }
    }

    /** Rewrites the zip with fixed entry times, so that the same content gives the same bytes. */
    private static void normalizeZip(Path in, Path out) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (ZipFile zin = new ZipFile(in.toFile());
             ZipOutputStream zout = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            for (ZipEntry e : Collections.list(zin.entries())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(LocalDateTime.of(2020, 1, 1, 0, 0));
                zout.putNextEntry(copy);
                try (InputStream data = zin.getInputStream(e)) {
                    data.transferTo(zout);
                }
                zout.closeEntry();
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }
}
