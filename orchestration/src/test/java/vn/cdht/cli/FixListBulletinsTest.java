package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.orchestration.app.Installation;
import vn.cdht.orchestration.pipeline.BulletinsStage;
import vn.cdht.reports.registry.RenderedReport;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;

/**
 * Issue 18 end to end without Spark: real Iceberg tables shaped as the fix-list's contract (written with Iceberg's
 * Parquet writer, one raw row removed by a position delete), the bulletins stage rendering the fix-list of the unit
 * whose manager subscribed and the fix summary of the province, cdht bulletin rendering them again (the same reports),
 * and cdht deliver sending each only to its reader through the ledger.
 */
class FixListBulletinsTest {

    private static final String UNIT = "B51pzCjW";
    private static final String OTHER = "Xk9OTHER";
    private static final String BATCH = "f-3333cccc4444dddd";
    private static final String CCCD = "051304123453";

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path home;

    private CliRun cdht(Map<String, String> env, String... args) {
        return CliRun.inHome(home, env, args);
    }

    @Test
    void theUnitsManagerGetsItsFixListAndTheDepartmentTheSummary() throws Exception {
        warehouse();
        assertEquals(0, cdht(Map.of(), "subscribers", "add", "--email", "quanly@truong.edu.vn", "--name", "Trần Thị Bình",
                "--role", "unit-manager", "--scope", UNIT, "--kinds", "fix-list").exitCode());
        assertEquals(0, cdht(Map.of(), "subscribers", "add", "--email", "quanly@khac.edu.vn", "--role", "unit-manager",
                "--scope", OTHER, "--kinds", "unit-report").exitCode());
        assertEquals(0, cdht(Map.of(), "subscribers", "add", "--email", "so@quangngai.gov.vn", "--role", "department",
                "--scope", "51", "--kinds", "fix-summary").exitCode());

        List<String> progress = new ArrayList<>();
        BulletinsStage.Result result;
        try (Installation app = new Installation(home, null, Map.of(), progress::add)) {
            result = new BulletinsStage(app).run(YearMonth.of(2026, 10));
        }
        List<String> rendered = result.rendered().stream().map(r -> r.kind() + " " + r.scope() + " " + r.format()).toList();
        assertTrue(rendered.containsAll(List.of("fix-summary 51 pdf", "fix-summary 51 xlsx", "fix-list " + UNIT + " pdf",
                "fix-list " + UNIT + " xlsx")), rendered + "\n" + result.failures());
        assertFalse(rendered.stream().anyMatch(r -> r.startsWith("fix-list " + OTHER)), "no manager asked for it");
        // this warehouse has no marts for the bulletin and the statistics table: those fail, one line each
        for (String failure : result.failures()) {
            assertTrue(failure.startsWith("province 51: ") || failure.startsWith("stats-table 51: ")
                    || failure.startsWith("unit-report " + OTHER + ": "), failure);
        }
        RenderedReport list = result.rendered().stream().filter(r -> r.kind().equals("fix-list") && r.format().equals("pdf"))
                .findFirst().orElseThrow();
        assertTrue(list.personalData());
        assertEquals(home.resolve("bulletins/restricted").toAbsolutePath().normalize(), list.file().getParent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(list.file())));
        assertEquals("fix-list-" + UNIT + "-2026-10.pdf", list.file().getFileName().toString());
        String text = RenderedFiles.pdfText(list.file());
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("DANH SÁCH DỮ LIỆU CẦN SỬA TRÊN PHẦN MỀM CÔNG DÂN HỌC TẬP"), flat);
        assertTrue(flat.contains("Dữ liệu đến đợt " + BATCH + ", nhận ngày 24/11/2026"), flat);
        assertTrue(flat.contains("Nguyễn Thị Ngọc Ánh") && flat.contains("Đặng Quốc Huy"), flat);
        assertTrue(flat.contains("051*******53"), flat);
        assertFalse(text.replaceAll("\\s+", "").contains(CCCD), "the CCCD whole");
        assertFalse(flat.contains("Hoàng Văn Khác"), "another unit's citizen");
        assertTrue(flat.contains("Tổng số mục cần sửa: 3"), flat);
        assertTrue(flat.contains("mart.fix_list") && flat.contains("raw.accounts #"), "the snapshots read: " + flat);
        RenderedReport summary = result.rendered().stream()
                .filter(r -> r.kind().equals("fix-summary") && r.format().equals("pdf")).findFirst().orElseThrow();
        assertFalse(summary.personalData());
        assertEquals(home.resolve("bulletins").toAbsolutePath().normalize(), summary.file().getParent());
        String summaryText = RenderedFiles.pdfText(summary.file()).replaceAll("\\s+", " ");
        assertTrue(summaryText.contains("So với đợt trước (f-1111aaaa2222bbbb): +2 mới, −1 đã sửa."), summaryText);

        // the command line renders the same report again: same snapshots, same report
        CliRun again = cdht(Map.of(), "bulletin", "--kind", "fix-list", "--scope", UNIT);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("rendering fix-list " + UNIT + " as of the latest batch"), again.err());
        assertTrue(again.out().matches("(?s).*\\n\\s*" + list.id() + "\\s+fix-list\\s+" + UNIT + "\\s+2026-10\\s.*"), again.out());
        CliRun xlsx = cdht(Map.of(), "bulletin", "--kind", "fix-summary", "--scope", "51", "--format", "xlsx",
                "--period", "2026-09");
        assertEquals(0, xlsx.exitCode(), xlsx.err());
        assertTrue(xlsx.out().contains("fix-summary-51-2026-09.xlsx"), "--period only names the file: " + xlsx.out());
        CliRun unknown = cdht(Map.of(), "bulletin", "--kind", "fix-list", "--scope", "b51pzcjw");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unit b51pzcjw is unknown") && unknown.err().contains("e.g. B51pzCjW"), unknown.err());
        CliRun province2024 = cdht(Map.of(), "bulletin", "--kind", "fix-summary", "--scope", "62");
        assertEquals(1, province2024.exitCode());
        assertTrue(province2024.err().contains("province 62 is not a province of the 2025 geography"), province2024.err());

        // delivered through the ledger: the fix-list to its unit's manager only, the summary to the department
        Map<String, String> mail = Map.of("CDHT_MAIL_HOST", "127.0.0.1", "CDHT_MAIL_PORT",
                Integer.toString(smtp.getSmtp().getPort()));
        CliRun deliver = cdht(mail, "deliver", "--period", "2026-10");
        assertEquals(0, deliver.exitCode(), deliver.err() + deliver.out());
        List<String> received = new ArrayList<>();
        MimeMessage toManager = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString().replaceAll(".*<|>", "");
            received.add(to + " " + ((Multipart) m.getContent()).getBodyPart(1).getFileName());
            if (to.equals("quanly@truong.edu.vn") && m.getSubject().contains("cần sửa")) {
                toManager = m;
            }
        }
        assertEquals(List.of("quanly@truong.edu.vn fix-list-" + UNIT + "-2026-10.pdf",
                "quanly@truong.edu.vn fix-list-" + UNIT + "-2026-10.xlsx", "so@quangngai.gov.vn fix-summary-51-2026-10.pdf",
                "so@quangngai.gov.vn fix-summary-51-2026-10.xlsx"), received.stream().sorted().toList());
        assertTrue(toManager.getSubject().startsWith("[Công dân học tập] Danh sách dữ liệu cần sửa — đơn vị " + UNIT
                + " — lập ngày "), toManager.getSubject());
        String body = (String) ((Multipart) toManager.getContent()).getBodyPart(0).getContent();
        assertTrue(body.startsWith("Kính gửi Trần Thị Bình,"), body);
        assertTrue(body.contains("chứa dữ liệu cá nhân"), body);
        CliRun twice = cdht(mail, "deliver", "--period", "2026-10");
        assertEquals(0, twice.exitCode(), twice.err());
        assertEquals(4, smtp.getReceivedMessages().length, "each once");
    }

    /** The tables the fix-list and the summary read, and a province with registrations in October 2026. */
    private void warehouse() {
        Catalog catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
        try {
            for (String ns : new String[] {"mart", "ref", "core", "restricted", "raw"}) {
                ((SupportsNamespaces) catalog).createNamespace(Namespace.of(ns));
            }
            append(create(catalog, "mart.coverage", "level string, geography string, as_of_month string, year int,"
                    + " province_code string, province_name string, registered long"),
                    row("level", "province", "geography", "2025", "as_of_month", "2026-10", "year", 2026,
                            "province_code", "51", "province_name", "Tỉnh Quảng Ngãi", "registered", 120L));
            append(create(catalog, "ref.provinces_2025", "province_code string, province_name string"),
                    row("province_code", "51", "province_name", "Tỉnh Quảng Ngãi"));
            append(create(catalog, "core.units", "unit_code string, unit_name string, status string,"
                    + " province_code_2025 string, commune_code_2025 string"),
                    row("unit_code", UNIT, "unit_name", "Trường Tiểu học Nghĩa Hành số 2", "status", "active",
                            "province_code_2025", "51"),
                    row("unit_code", OTHER, "unit_name", "Trường THCS Khác", "status", "active", "province_code_2025", "51"));
            append(create(catalog, "mart.unit_progress", "year int, unit_code string, commune_name_2025 string,"
                    + " province_name_2025 string"),
                    row("year", 2026, "unit_code", UNIT, "commune_name_2025", "Xã Nghĩa Hành", "province_name_2025", "Tỉnh Quảng Ngãi"));
            append(create(catalog, "core.accounts", "account_id string, citizen_key string, unit_code string, status string"),
                    row("account_id", "TK51000101", "citizen_key", "k1", "unit_code", UNIT, "status", "active"),
                    row("account_id", "TK52000001", "citizen_key", "k9", "unit_code", OTHER, "status", "active"));
            append(create(catalog, "restricted.citizens", "citizen_key string, citizen_id string, full_name string,"
                    + " phone string, account_id string, updated_at timestamptz"),
                    row("citizen_key", "k1", "citizen_id", CCCD, "full_name", "Nguyễn Thị Ngọc Ánh", "phone", "0905123456",
                            "account_id", "TK51000101", "updated_at", OffsetDateTime.parse("2026-01-01T00:00:00+07:00")),
                    row("citizen_key", "k9", "citizen_id", "051099999999", "full_name", "Hoàng Văn Khác",
                            "account_id", "TK52000001", "updated_at", OffsetDateTime.parse("2026-01-01T00:00:00+07:00")));
            String rawAccounts = "account_id string, citizen_id string, full_name string, birth_date string, sex string,"
                    + " phone string, province_code string, district_code string, commune_code string, unit_code string,"
                    + " citizen_group string, registered_at string, updated_at string, status string, batch_id string,"
                    + " file_name string, row_number long, raw_line string, ingested_at timestamptz";
            Table accounts = create(catalog, "raw.accounts", rawAccounts);
            OffsetDateTime received = OffsetDateTime.parse("2026-11-24T02:00:00+07:00");
            DataFile file = append(accounts,
                    row("account_id", "TK52000001", "citizen_id", "051099999999", "full_name", "Hoàng Văn Khác",
                            "unit_code", OTHER, "batch_id", BATCH, "file_name", "tai_khoan.csv", "row_number", 2L,
                            "raw_line", "TK52000001,051099999999,Hoàng Văn Khác", "ingested_at", received),
                    row("account_id", "TK51000101", "citizen_id", "051 304 123 453", "full_name", "Nguyễn Thị Ngọc Ánh",
                            "phone", "0905123456", "unit_code", UNIT, "batch_id", BATCH, "file_name", "tai_khoan.csv",
                            "row_number", 3L, "raw_line", "TK51000101,051 304 123 453,...", "ingested_at", received),
                    row("account_id", "TK51000901", "citizen_id", "0513O4123455", "full_name", "Đặng Quốc Huy",
                            "unit_code", UNIT, "batch_id", BATCH, "file_name", "tai_khoan.csv", "row_number", 4L,
                            "raw_line", "TK51000901,0513O4123455,Đặng Quốc Huy", "ingested_at", received));
            deletePosition(accounts, file, 0); // the other unit's row, as a merge-on-read delete leaves it
            create(catalog, "raw.units", "unit_code string, unit_name string, batch_id string, file_name string,"
                    + " row_number long, raw_line string, ingested_at timestamptz");
            append(create(catalog, "raw.self_assessments", "assessment_id string, account_id string, year string,"
                    + " criteria_set string, citizen_group string, score_1 string, score_2 string, score_3 string,"
                    + " score_4 string, score_5 string, score_6 string, score_7 string, score_8 string, score_9 string,"
                    + " score_10 string, total_score string, result string, submitted_at string, updated_at string,"
                    + " status string, batch_id string, file_name string, row_number long, raw_line string,"
                    + " ingested_at timestamptz"),
                    row("assessment_id", "PDG2600002", "account_id", "TK51000101", "year", "2026", "total_score", "85,5",
                            "batch_id", "f-1111aaaa2222bbbb", "file_name", "phieu_danh_gia.csv", "row_number", 7L,
                            "raw_line", "PDG2600002,TK51000101,2026,85,5", "ingested_at", received.minusMonths(1)));
            create(catalog, "raw.recognitions", "account_id string, year string, batch_id string, file_name string,"
                    + " row_number long, raw_line string, ingested_at timestamptz");
            create(catalog, "raw.population", "year string, commune_code string, batch_id string, file_name string,"
                    + " row_number long, raw_line string, ingested_at timestamptz");
            Table fixList = create(catalog, "mart.fix_list", "as_of_batch string, as_of_date date, unit_code string,"
                    + " unit_name string, province_code_2025 string, province_name_2025 string, commune_code_2025 string,"
                    + " commune_name_2025 string, entity string, record_key string, account_id string, finding string,"
                    + " code string, field string, field_label string, reason_vi string, action_vi string,"
                    + " batch_id string, file_name string, row_number long, is_new boolean");
            append(fixList,
                    finding(UNIT, "accounts", "TK51000101", "TK51000101", "flag", "CCCD_REPAIRED", "citizen_id", "Số CCCD",
                            "Số CCCD có dấu cách; đã được tự sửa", "Nhập lại Số CCCD liền, không có dấu cách", BATCH,
                            "tai_khoan.csv", 3L, true),
                    finding(UNIT, "accounts", "TK51000901", "TK51000901", "quarantined", "BAD_CCCD", "citizen_id", "Số CCCD",
                            "Số CCCD không phải 12 chữ số", "Nhập lại Số CCCD đúng 12 chữ số như trên thẻ", BATCH,
                            "tai_khoan.csv", 4L, true),
                    finding(UNIT, "self_assessments", "PDG2600002", "TK51000101", "quarantined", "TOTAL_NOT_SUM",
                            "total_score", "Tổng điểm", "Tổng điểm khác tổng điểm của 10 tiêu chí",
                            "Mở phiếu tự đánh giá, kiểm tra điểm từng tiêu chí và Tổng điểm", "f-1111aaaa2222bbbb",
                            "phieu_danh_gia.csv", 7L, false),
                    finding(OTHER, "accounts", "TK52000001", "TK52000001", "flag", "CCCD_REPAIRED", "citizen_id", "Số CCCD",
                            "Số CCCD có 11 chữ số", "Số CCCD có 11 chữ số: kiểm tra chữ số 0 đầu tiên", BATCH,
                            "tai_khoan.csv", 2L, false));
            Table summary = create(catalog, "mart.fix_summary", "province_code_2025 string, province_name_2025 string,"
                    + " unit_code string, unit_name string, entity string, finding string, code string, reason_vi string,"
                    + " rows_open long, rows_new long, rows_fixed long, as_of_batch string, as_of_date date,"
                    + " previous_batch string");
            append(summary,
                    sum(UNIT, "Trường Tiểu học Nghĩa Hành số 2", "accounts", "flag", "CCCD_REPAIRED", "Số CCCD có dấu cách", 1, 1, 0),
                    sum(UNIT, "Trường Tiểu học Nghĩa Hành số 2", "accounts", "quarantined", "BAD_CCCD", "Số CCCD không phải 12 chữ số", 1, 1, 1),
                    sum(UNIT, "Trường Tiểu học Nghĩa Hành số 2", "self_assessments", "quarantined", "TOTAL_NOT_SUM",
                            "Tổng điểm khác tổng điểm của 10 tiêu chí", 1, 0, 0),
                    sum(OTHER, "Trường THCS Khác", "accounts", "flag", "CCCD_REPAIRED", "Số CCCD có 11 chữ số", 1, 0, 0));
        } finally {
            try {
                ((AutoCloseable) catalog).close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, Object> finding(String unit, String entity, String key, String account, String finding,
                                               String code, String field, String label, String reason, String action,
                                               String batch, String file, long row, boolean fresh) {
        Map<String, Object> m = row("as_of_batch", BATCH, "as_of_date", LocalDate.of(2026, 11, 24), "unit_code", unit,
                "unit_name", unit.equals(UNIT) ? "Trường Tiểu học Nghĩa Hành số 2" : "Trường THCS Khác",
                "province_code_2025", "51", "province_name_2025", "Tỉnh Quảng Ngãi", "commune_name_2025", "Xã Nghĩa Hành",
                "entity", entity, "record_key", key, "account_id", account, "finding", finding, "code", code);
        m.putAll(row("field", field, "field_label", label, "reason_vi", reason, "action_vi", action, "batch_id", batch,
                "file_name", file, "row_number", row, "is_new", fresh));
        return m;
    }

    private static Map<String, Object> sum(String unit, String name, String entity, String finding, String code,
                                           String reason, long open, long fresh, long fixed) {
        Map<String, Object> m = row("province_code_2025", "51", "province_name_2025", "Tỉnh Quảng Ngãi", "unit_code", unit,
                "unit_name", name, "entity", entity, "finding", finding, "code", code, "reason_vi", reason);
        m.putAll(row("rows_open", open, "rows_new", fresh, "rows_fixed", fixed, "as_of_batch", BATCH,
                "as_of_date", LocalDate.of(2026, 11, 24), "previous_batch", "f-1111aaaa2222bbbb"));
        return m;
    }

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    private static Table create(Catalog catalog, String name, String columns) {
        List<Types.NestedField> fields = new ArrayList<>();
        int id = 1;
        for (String col : columns.split(",")) {
            String[] p = col.strip().split("\\s+");
            fields.add(Types.NestedField.optional(id++, p[0], p[1].equals("timestamptz") ? Types.TimestampType.withZone()
                    : Types.fromPrimitiveString(p[1])));
        }
        String[] n = name.split("\\.");
        return catalog.createTable(TableIdentifier.of(n[0], n[1]), new Schema(fields), PartitionSpec.unpartitioned(),
                Map.of("format-version", "2"));
    }

    @SafeVarargs
    private static DataFile append(Table table, Map<String, Object>... rows) {
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
        try {
            DataWriter<Record> w = Parquet.writeData(out).schema(table.schema()).createWriterFunc(GenericParquetWriter::create)
                    .withSpec(PartitionSpec.unpartitioned()).overwrite().build();
            try (w) {
                for (Map<String, Object> r : rows) {
                    GenericRecord record = GenericRecord.create(table.schema());
                    r.forEach(record::setField);
                    w.write(record);
                }
            }
            DataFile file = w.toDataFile();
            table.newAppend().appendFile(file).commit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deletePosition(Table table, DataFile file, long position) {
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation("delete-" + UUID.randomUUID() + ".parquet"));
        try {
            PositionDeleteWriter<Record> w = Parquet.writeDeletes(out).withSpec(PartitionSpec.unpartitioned()).overwrite()
                    .buildPositionWriter();
            try (w) {
                w.write(PositionDelete.<Record>create().set(file.location(), position));
            }
            table.newRowDelta().addDeletes(w.toDeleteFile()).commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
