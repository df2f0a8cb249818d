package vn.cdht.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cdht.warehouse.source.SourceEntity;
import vn.cdht.warehouse.source.SourceField;

/**
 * Writes rows to export files, one per entity, with the contract's Vietnamese headers in field order; through a
 * {@link DirtInjector} when the batch is dirty.
 */
final class ExportSink implements RowSink {

    private final Map<SourceEntity, TableWriter> writers = new EnumMap<>(SourceEntity.class);
    private final Map<SourceEntity, Long> written = new EnumMap<>(SourceEntity.class);
    private final DirtInjector dirt;

    /**
     * @param entities  the files to write (others are ignored)
     * @param dirt      null for clean files
     * @param areaName  the province's name, for XLSX title blocks
     * @param asOf      the last day the export covers, for XLSX title and signature blocks
     */
    ExportSink(Path dir, OutputFormat format, Set<SourceEntity> entities, DirtInjector dirt, DirtReport report,
               long seed, String areaName, LocalDate asOf) throws IOException {
        this.dirt = dirt;
        Files.createDirectories(dir);
        for (SourceEntity e : SourceEntity.values()) {
            if (!entities.contains(e)) {
                continue;
            }
            FileForm form = dirt == null ? FileForm.CLEAN : FileForm.dirty(e.ordinal(), seed);
            Path file = dir.resolve(e.fileStem() + "." + format.extension());
            TableWriter w;
            if (format == OutputFormat.CSV) {
                w = new CsvBatchWriter(file, form);
                if (dirt != null) {
                    if (form.bom()) {
                        report.add(e, DirtKind.FILE_BOM);
                    }
                    if (form.separator() == ';') {
                        report.add(e, DirtKind.FILE_SEMICOLON);
                    }
                    if (form.crlf()) {
                        report.add(e, DirtKind.FILE_CRLF);
                    }
                }
            } else {
                w = new XlsxBatchWriter(file, e.fileStem(), form, title(e, areaName, asOf), asOf);
                if (dirt != null) {
                    report.add(e, DirtKind.XLSX_TITLE_BLOCK);
                    report.add(e, DirtKind.XLSX_SIGNATURE_BLOCK);
                }
            }
            w.header(e.fields().stream().map(SourceField::header).toList());
            writers.put(e, w);
            written.put(e, 0L);
        }
    }

    private static List<String> title(SourceEntity e, String areaName, LocalDate asOf) {
        String what = switch (e) {
            case ACCOUNTS -> "DANH SÁCH TÀI KHOẢN CÔNG DÂN HỌC TẬP";
            case UNITS -> "DANH SÁCH ĐƠN VỊ";
            case SELF_ASSESSMENTS -> "DANH SÁCH PHIẾU TỰ ĐÁNH GIÁ CÔNG DÂN HỌC TẬP";
            case RECOGNITIONS -> "DANH SÁCH CÔNG DÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CÔNG DÂN HỌC TẬP";
            case POPULATION -> "DANH SÁCH SỐ NGƯỜI TRONG ĐỘ TUỔI THEO XÃ";
        };
        return List.of(what, areaName.toUpperCase(java.util.Locale.ROOT),
                "(Dữ liệu trích xuất đến ngày " + CsvBatchWriter.DATE.format(asOf) + ")");
    }

    /** Rows written per entity, extra dirty rows included. */
    Map<SourceEntity, Long> written() {
        return written;
    }

    private void write(SourceEntity e, List<Object[]> rows) throws IOException {
        TableWriter w = writers.get(e);
        if (w == null) {
            return;
        }
        for (Object[] row : rows) {
            w.row(row);
        }
        written.merge(e, (long) rows.size(), Long::sum);
    }

    private void write(SourceEntity e, Object[] row) throws IOException {
        TableWriter w = writers.get(e);
        if (w != null) {
            w.row(row);
            written.merge(e, 1L, Long::sum);
        }
    }

    @Override
    public void unit(UnitRow row, Unit unit) throws IOException {
        if (writers.containsKey(SourceEntity.UNITS)) {
            if (dirt == null) {
                write(SourceEntity.UNITS, row.values());
            } else {
                write(SourceEntity.UNITS, dirt.unit(row));
            }
        }
    }

    @Override
    public void account(AccountRow row, Unit unit) throws IOException {
        if (writers.containsKey(SourceEntity.ACCOUNTS)) {
            if (dirt == null) {
                write(SourceEntity.ACCOUNTS, row.values());
            } else {
                write(SourceEntity.ACCOUNTS, dirt.account(row, unit));
            }
        }
    }

    @Override
    public void assessment(AssessmentRow row) throws IOException {
        if (writers.containsKey(SourceEntity.SELF_ASSESSMENTS)) {
            if (dirt == null) {
                write(SourceEntity.SELF_ASSESSMENTS, row.values());
            } else {
                write(SourceEntity.SELF_ASSESSMENTS, dirt.assessment(row));
            }
        }
    }

    @Override
    public void recognition(RecognitionRow row) throws IOException {
        if (writers.containsKey(SourceEntity.RECOGNITIONS)) {
            if (dirt == null) {
                write(SourceEntity.RECOGNITIONS, row.values());
            } else {
                write(SourceEntity.RECOGNITIONS, dirt.recognition(row));
            }
        }
    }

    @Override
    public void population(PopulationRow row) throws IOException {
        write(SourceEntity.POPULATION, row.values());
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (TableWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
