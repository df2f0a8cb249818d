package vn.cdht.warehouse.source;

import static vn.cdht.warehouse.source.SourceField.optional;
import static vn.cdht.warehouse.source.SourceField.required;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The five entities of the operational source (contracts/operational-source.md): the export file each comes in, the
 * table of the operational database it is read from, and its fields. Field names are the database's column names and
 * the {@code raw} tables' columns; headers are the export files' Vietnamese headers.
 */
public enum SourceEntity {

    ACCOUNTS("tai_khoan", "accounts", List.of(
            required("account_id", FieldType.TEXT, "Mã tài khoản"),
            required("citizen_id", FieldType.CITIZEN_ID, "Số CCCD", "Số căn cước công dân", "CCCD"),
            required("full_name", FieldType.TEXT, "Họ và tên", "Họ tên"),
            optional("birth_date", FieldType.DATE, "Ngày sinh"),
            optional("sex", FieldType.TEXT, "Giới tính"),
            optional("phone", FieldType.TEXT, "Số điện thoại"),
            optional("province_code", FieldType.CODE, "Mã tỉnh"),
            optional("district_code", FieldType.CODE, "Mã huyện"),
            optional("commune_code", FieldType.CODE, "Mã xã"),
            optional("unit_code", FieldType.TEXT, "Mã đơn vị"),
            optional("citizen_group", FieldType.TEXT, "Nhóm đối tượng"),
            optional("registered_at", FieldType.TIMESTAMP, "Ngày đăng ký"),
            required("updated_at", FieldType.TIMESTAMP, "Ngày cập nhật"),
            optional("status", FieldType.TEXT, "Trạng thái"))),

    UNITS("don_vi", "units", List.of(
            required("unit_code", FieldType.TEXT, "Mã đơn vị"),
            required("unit_name", FieldType.TEXT, "Tên đơn vị"),
            optional("unit_type", FieldType.TEXT, "Loại đơn vị"),
            optional("province_code", FieldType.CODE, "Mã tỉnh"),
            optional("district_code", FieldType.CODE, "Mã huyện"),
            optional("commune_code", FieldType.CODE, "Mã xã"),
            optional("member_count", FieldType.INTEGER, "Số thành viên"),
            required("updated_at", FieldType.TIMESTAMP, "Ngày cập nhật"),
            optional("status", FieldType.TEXT, "Trạng thái"))),

    SELF_ASSESSMENTS("phieu_danh_gia", "self_assessments", assessmentFields()),

    RECOGNITIONS("cong_nhan", "recognitions", List.of(
            required("account_id", FieldType.TEXT, "Mã tài khoản"),
            required("year", FieldType.INTEGER, "Năm"),
            optional("decision_no", FieldType.TEXT, "Số quyết định"),
            optional("decided_on", FieldType.DATE, "Ngày quyết định"),
            optional("unit_code", FieldType.TEXT, "Mã đơn vị"),
            optional("updated_at", FieldType.TIMESTAMP, "Ngày cập nhật"),
            optional("status", FieldType.TEXT, "Trạng thái"))),

    POPULATION("dan_so", "population", List.of(
            required("year", FieldType.INTEGER, "Năm"),
            required("commune_code", FieldType.CODE, "Mã xã"),
            required("eligible", FieldType.INTEGER, "Số người trong độ tuổi")));

    private final String fileStem;
    private final String table;
    private final List<SourceField> fields;
    private final Map<String, SourceField> byHeader = new HashMap<>();

    SourceEntity(String fileStem, String table, List<SourceField> fields) {
        this.fileStem = fileStem;
        this.table = table;
        this.fields = Collections.unmodifiableList(fields);
        for (SourceField f : fields) {
            byHeader.put(normalizeHeader(f.name()), f);
            f.headers().forEach(h -> byHeader.put(normalizeHeader(h), f));
        }
    }

    private static List<SourceField> assessmentFields() {
        List<SourceField> f = new ArrayList<>(List.of(
                required("assessment_id", FieldType.TEXT, "Mã phiếu"),
                required("account_id", FieldType.TEXT, "Mã tài khoản"),
                required("year", FieldType.INTEGER, "Năm đánh giá", "Năm"),
                optional("criteria_set", FieldType.TEXT, "Bộ tiêu chí"),
                optional("citizen_group", FieldType.TEXT, "Nhóm đối tượng")));
        for (int i = 1; i <= 10; i++) {
            f.add(optional("score_" + i, FieldType.DECIMAL, "TC" + i, "TC " + i, "Tiêu chí " + i));
        }
        f.addAll(List.of(
                optional("total_score", FieldType.DECIMAL, "Tổng điểm"),
                optional("result", FieldType.TEXT, "Kết quả"),
                required("submitted_at", FieldType.TIMESTAMP, "Ngày gửi"),
                required("updated_at", FieldType.TIMESTAMP, "Ngày cập nhật"),
                optional("status", FieldType.TEXT, "Trạng thái")));
        return f;
    }

    /** The export file's name without extension, e.g. {@code tai_khoan}. */
    public String fileStem() {
        return fileStem;
    }

    /** The table name in the operational database and in the warehouse's {@code raw}/{@code core} layers. */
    public String table() {
        return table;
    }

    public List<SourceField> fields() {
        return fields;
    }

    public List<String> fieldNames() {
        return fields.stream().map(SourceField::name).toList();
    }

    public Optional<SourceField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The field a header names, after trimming, NFC normalisation, case folding and collapsing spaces. */
    public Optional<SourceField> fieldForHeader(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(byHeader.get(normalizeHeader(header)));
    }

    /**
     * The entity an export file holds, from its name matched case-insensitively: {@code tai_khoan.csv},
     * {@code TAI_KHOAN.xlsx}, and also {@code tai_khoan_2024-10.csv} (a stem followed by {@code _} or {@code -}).
     */
    public static Optional<SourceEntity> forFileName(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String stem = (dot < 0 ? base : base.substring(0, dot)).toLowerCase(Locale.ROOT);
        for (SourceEntity e : values()) {
            if (stem.equals(e.fileStem) || stem.startsWith(e.fileStem + "_") || stem.startsWith(e.fileStem + "-")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Header normal form: trimmed, NFC, lower case, inner white space collapsed, a trailing '*' dropped. */
    public static String normalizeHeader(String header) {
        String h = Normalizer.normalize(header, Normalizer.Form.NFC).replace('\u00A0', ' ').strip();
        if (h.startsWith("\uFEFF")) {
            h = h.substring(1).strip();
        }
        while (h.endsWith("*")) {
            h = h.substring(0, h.length() - 1).strip();
        }
        return h.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
