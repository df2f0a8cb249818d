package vn.cdht.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A warehouse shaped as the fix-list's tables are (mart.fix_list, mart.fix_summary and the raw, core and restricted
 * rows they point at), as the SQL models of issue 18 write them: unit {@value #UNIT} with {@value #LISTED} open
 * findings of every kind (quarantined accounts, assessments and recognitions, flags, the unit's own row, an orphan, a
 * whole-row duplicate, a phone to correct, a pasted paragraph), another unit of the province ({@value #OTHER}) whose
 * rows must never show, and a unit with nothing to fix ({@value #CLEAN}).
 *
 * <p>Every CCCD and phone number written anywhere (raw rows, raw_line, restricted.citizens) is in {@link #secrets}:
 * none may be printed whole.
 */
final class FixFixture {

    static final String UNIT = "B51pzCjW";
    static final String UNIT_NAME = "Trường Tiểu học Nghĩa Hành số 2";
    static final String OTHER = "Xk9OTHER";
    static final String CLEAN = "C51clean";
    static final String PENDING = "P51pendg";
    static final String BATCH = "f-3333cccc4444dddd";
    static final String PREVIOUS = "f-1111aaaa2222bbbb";
    static final int LISTED = 41;

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Bùi", "Đỗ"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thu"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hương", "Khánh",
        "Lộc", "Mỹ", "Nhung", "Oanh", "Phúc", "Quyên", "Sơn", "Thảo", "Uyên", "Vĩnh", "Yến"};

    final List<String> secrets = new ArrayList<>();
    /** The account ids of the unit's findings, and of the other unit's. */
    final List<String> unitAccounts = new ArrayList<>();
    final List<String> otherAccounts = new ArrayList<>();
    /** The masked values a reader must find: "051*******53" (the CCCD of Nguyễn Thị Ngọc Ánh, repaired), ... */
    final Map<String, String> expectedValues = new LinkedHashMap<>();

    private final Connection c;
    private final String prefix;
    private int listed;
    private final Map<String, Integer> rowNumbers = new LinkedHashMap<>();

    private FixFixture(Connection c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** Creates the tables under {@code prefix} ("" or "src." for an attached database) and fills them. */
    static FixFixture build(Connection c, String prefix) {
        FixFixture f = new FixFixture(c, prefix);
        try {
            f.create();
            f.fill();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return f;
    }

    private void create() throws SQLException {
        sql("CREATE SCHEMA IF NOT EXISTS " + prefix + "core", "CREATE SCHEMA IF NOT EXISTS " + prefix + "restricted",
                "CREATE SCHEMA IF NOT EXISTS " + prefix + "mart", "CREATE SCHEMA IF NOT EXISTS " + prefix + "raw",
                "CREATE TABLE " + prefix + "core.units (unit_code VARCHAR, unit_name VARCHAR, unit_category VARCHAR,"
                        + " status VARCHAR, province_code_2025 VARCHAR, commune_code_2025 VARCHAR)",
                "CREATE TABLE " + prefix + "core.accounts (account_id VARCHAR, citizen_key VARCHAR, citizen_group VARCHAR,"
                        + " unit_code VARCHAR, status VARCHAR)",
                "CREATE TABLE " + prefix + "restricted.citizens (citizen_key VARCHAR, citizen_id VARCHAR, full_name VARCHAR,"
                        + " birth_date DATE, sex VARCHAR, phone VARCHAR, account_id VARCHAR,"
                        + " updated_at TIMESTAMP WITH TIME ZONE, batch_id VARCHAR)",
                "CREATE TABLE " + prefix + "mart.unit_progress (year INTEGER, unit_code VARCHAR, unit_name VARCHAR,"
                        + " commune_name_2025 VARCHAR, province_name_2025 VARCHAR)",
                "CREATE TABLE " + prefix + "mart.fix_list (as_of_batch VARCHAR, as_of_date DATE, unit_code VARCHAR,"
                        + " unit_name VARCHAR, province_code_2025 VARCHAR, province_name_2025 VARCHAR,"
                        + " commune_code_2025 VARCHAR, commune_name_2025 VARCHAR, entity VARCHAR, record_key VARCHAR,"
                        + " account_id VARCHAR, finding VARCHAR, code VARCHAR, field VARCHAR, field_label VARCHAR,"
                        + " reason_vi VARCHAR, action_vi VARCHAR, batch_id VARCHAR, file_name VARCHAR,"
                        + " row_number BIGINT, is_new BOOLEAN)",
                "CREATE TABLE " + prefix + "mart.fix_summary (province_code_2025 VARCHAR, province_name_2025 VARCHAR,"
                        + " unit_code VARCHAR, unit_name VARCHAR, entity VARCHAR, finding VARCHAR, code VARCHAR,"
                        + " reason_vi VARCHAR, rows_open BIGINT, rows_new BIGINT, rows_fixed BIGINT,"
                        + " as_of_batch VARCHAR, as_of_date DATE, previous_batch VARCHAR)",
                "CREATE TABLE " + prefix + "raw.accounts (account_id VARCHAR, citizen_id VARCHAR, full_name VARCHAR,"
                        + " birth_date VARCHAR, sex VARCHAR, phone VARCHAR, province_code VARCHAR, district_code VARCHAR,"
                        + " commune_code VARCHAR, unit_code VARCHAR, citizen_group VARCHAR, registered_at VARCHAR,"
                        + " updated_at VARCHAR, status VARCHAR, batch_id VARCHAR, file_name VARCHAR, row_number BIGINT,"
                        + " raw_line VARCHAR, ingested_at TIMESTAMP WITH TIME ZONE)",
                "CREATE TABLE " + prefix + "raw.units (unit_code VARCHAR, unit_name VARCHAR, unit_type VARCHAR,"
                        + " province_code VARCHAR, district_code VARCHAR, commune_code VARCHAR, member_count VARCHAR,"
                        + " updated_at VARCHAR, status VARCHAR, batch_id VARCHAR, file_name VARCHAR, row_number BIGINT,"
                        + " raw_line VARCHAR, ingested_at TIMESTAMP WITH TIME ZONE)",
                "CREATE TABLE " + prefix + "raw.self_assessments (assessment_id VARCHAR, account_id VARCHAR, year VARCHAR,"
                        + " criteria_set VARCHAR, citizen_group VARCHAR, score_1 VARCHAR, score_2 VARCHAR, score_3 VARCHAR,"
                        + " score_4 VARCHAR, score_5 VARCHAR, score_6 VARCHAR, score_7 VARCHAR, score_8 VARCHAR,"
                        + " score_9 VARCHAR, score_10 VARCHAR, total_score VARCHAR, result VARCHAR, submitted_at VARCHAR,"
                        + " updated_at VARCHAR, status VARCHAR, batch_id VARCHAR, file_name VARCHAR, row_number BIGINT,"
                        + " raw_line VARCHAR, ingested_at TIMESTAMP WITH TIME ZONE)",
                "CREATE TABLE " + prefix + "raw.recognitions (account_id VARCHAR, year VARCHAR, decision_no VARCHAR,"
                        + " decided_on VARCHAR, unit_code VARCHAR, updated_at VARCHAR, status VARCHAR, batch_id VARCHAR,"
                        + " file_name VARCHAR, row_number BIGINT, raw_line VARCHAR, ingested_at TIMESTAMP WITH TIME ZONE)",
                "CREATE TABLE " + prefix + "raw.population (year VARCHAR, commune_code VARCHAR, eligible VARCHAR,"
                        + " batch_id VARCHAR, file_name VARCHAR, row_number BIGINT, raw_line VARCHAR,"
                        + " ingested_at TIMESTAMP WITH TIME ZONE)");
    }

    private void fill() throws SQLException {
        sql("INSERT INTO " + prefix + "core.units VALUES ('" + UNIT + "', '" + UNIT_NAME + "', 'school', 'active', '51', '51001'),"
                        + " ('" + OTHER + "', 'Trường THCS Khác', 'school', 'active', '51', '51002'),"
                        + " ('" + CLEAN + "', 'Chi hội khuyến học thôn Đông', 'association_branch', 'active', '51', '51001')",
                "INSERT INTO " + prefix + "mart.unit_progress VALUES (2026, '" + UNIT + "', '" + UNIT_NAME + "', 'Xã Nghĩa Hành',"
                        + " 'Tỉnh Quảng Ngãi'), (2026, '" + CLEAN + "', 'Chi hội khuyến học thôn Đông', 'Xã Nghĩa Hành',"
                        + " 'Tỉnh Quảng Ngãi')");
        // 30 citizens of the unit taken in, each with one finding, every 7th with a second one
        for (int i = 1; i <= 30; i++) {
            String name = i == 1 ? "Nguyễn Thị Ngọc Ánh"
                    : SURNAMES[i % SURNAMES.length] + " " + MIDDLE[i % MIDDLE.length] + " " + GIVEN[i % GIVEN.length];
            String account = String.format("TK51%06d", 100 + i);
            String cccd = String.format("051%d%02d%06d", i % 2, 70 + i % 30, 123453 + i * 7919 % 100000);
            if (i == 1) {
                cccd = "051304123453";
            }
            String phone = String.format("0905%06d", 100000 + i * 313);
            citizen(UNIT, account, cccd, name, phone, i == 1);
            switch (i % 5) {
                case 0 -> account(UNIT, account, cccd.substring(1), name, phone, "flag", "CCCD_REPAIRED", "citizen_id",
                        "Số CCCD", "Số CCCD có 11 chữ số (mất chữ số 0 đầu tiên khi mở bằng Excel); đã được tự sửa",
                        "Số CCCD có 11 chữ số: kiểm tra chữ số 0 đầu tiên", i);
                case 1 -> {
                    if (i == 1) {
                        // Nguyễn Thị Ngọc Ánh: her CCCD typed with spaces, repaired and kept
                        account(UNIT, account, "051 304 123 453", name, phone, "flag", "CCCD_REPAIRED", "citizen_id",
                                "Số CCCD", "Số CCCD có dấu cách; đã được tự sửa",
                                "Nhập lại Số CCCD liền, không có dấu cách", i);
                    } else {
                        assessment(UNIT, account, "PDG26" + String.format("%05d", i), "total_score", "85,5", "quarantined",
                                "TOTAL_NOT_SUM", "Tổng điểm", "Tổng điểm khác tổng điểm của 10 tiêu chí",
                                "Mở phiếu tự đánh giá, kiểm tra điểm từng tiêu chí và Tổng điểm", i);
                    }
                }
                // no single field at fault (rules/fix_reasons.csv): the mart has no field, a label for the scores
                case 2 -> assessment(UNIT, account, "PDG26" + String.format("%05d", i), "score_3", "12", "quarantined",
                        "SCORE_OUT_OF_RANGE", "Điểm tiêu chí", "Điểm một tiêu chí vượt quá thang điểm của Bộ tiêu chí",
                        "Nhập lại điểm từng tiêu chí trong thang điểm rồi lưu lại phiếu", i);
                case 3 -> recognition(UNIT, account, "decided_on", "31/11/2026", "quarantined", "BAD_DATE",
                        "Ngày quyết định", "Ngày quyết định không có thật (31/11/2026)",
                        "Sửa Ngày quyết định công nhận theo quyết định đã ký", i);
                default -> account(UNIT, account, cccd, name, phone, "flag", "COMMUNE_OTHER_GEOGRAPHY", "commune_code",
                        "Mã xã", "Mã xã là mã trước ngày 01/7/2025", "Chọn lại xã, phường theo địa giới mới", i);
            }
            if (i % 7 == 0) {
                account(UNIT, account, cccd, name, phone, "flag", "FUTURE_DATED", "updated_at", "Ngày cập nhật",
                        "Ngày cập nhật sau ngày xuất dữ liệu", "Kiểm tra ngày giờ của máy tính khi cập nhật tài khoản", i + 100);
            }
        }
        // an account not taken in: its name only as written, its CCCD with a letter O for a zero
        account(UNIT, "TK51000901", "0513O4123455", "Đặng Quốc Huy", "0905777111", "quarantined", "BAD_CCCD",
                "citizen_id", "Số CCCD", "Số CCCD không phải 12 chữ số", "Nhập lại Số CCCD đúng 12 chữ số như trên thẻ", 201);
        account(UNIT, "TK51000902", "051190123456", null, "0905777222", "quarantined", "MISSING_REQUIRED",
                "full_name", "Họ và tên", "Thiếu Họ và tên", "Nhập Họ và tên của công dân", 202);
        account(UNIT, "TK51000903", "051090123457", "Trương Văn Điện", "0905 123 456", "flag", "BAD_PHONE", "phone",
                "Số điện thoại", "Số điện thoại thiếu chữ số", "Nhập lại Số điện thoại đủ 10 chữ số", 203);
        account(UNIT, "TK51000904", "051090123458", "Lê Văn Dài (liên hệ 0912 345 678, CCCD 051090123458, nhà ở thôn"
                + " Đông, gần trường, đã chuyển công tác từ năm 2020 về đơn vị)", "0905777444", "flag", "TOO_LONG",
                "full_name", "Họ và tên", "Họ và tên dài hơn 200 ký tự", "Chỉ ghi Họ và tên, bỏ phần ghi chú", 204);
        account(UNIT, "TK51000905", "051090123459", "Phan Thị Lặp", "0905777555", "quarantined", "DUPLICATE_ROW",
                null, null, "Dòng giống hệt một dòng trước trong cùng tệp", "Không cần sửa: xóa dòng lặp khi xuất lại", 205);
        assessment(UNIT, "TK51999999", "PDG2699999", "account_id", "TK51999999", "flag", "ORPHAN", "Mã tài khoản",
                "Chưa có tài khoản với mã này", "Kiểm tra Mã tài khoản trên phiếu", 206);
        unitRow(UNIT, UNIT_NAME, "commune_code", "99999", "quarantined", "UNKNOWN_COMMUNE", "Mã xã",
                "Mã xã không có trong danh mục", "Chọn lại xã, phường của đơn vị", 207);
        if (listed != LISTED) {
            throw new IllegalStateException("the fixture has " + listed + " findings of the unit, not " + LISTED);
        }
        // a unit whose own row was not taken in: not in core.units, its citizens' unit code unknown until it is corrected
        unitRow(PENDING, "Chi hội khuyến học thôn Bắc", "updated_at", "31/02/2026", "quarantined", "BAD_DATE",
                "Ngày cập nhật", "Ngày không đúng định dạng hoặc không có thật", "Nhập lại ngày theo dạng ngày/tháng/năm", 401);
        for (int k = 1; k <= 2; k++) {
            account(PENDING, "TK5100080" + k, "05119012345" + k, "Lý Thị Chờ " + k, "090500080" + k, "flag", "UNKNOWN_UNIT",
                    "unit_code", "Mã đơn vị", "Mã đơn vị không có trong danh sách đơn vị",
                    "Chọn lại đơn vị trong danh mục của phần mềm", 401 + k);
        }
        // the other unit of the province: never on the unit's list
        citizen(OTHER, "TK52000001", "051099999999", "Hoàng Văn Khác", "0988777666", false);
        account(OTHER, "TK52000001", "51099999999", "Hoàng Văn Khác", "0988777666", "flag", "CCCD_REPAIRED",
                "citizen_id", "Số CCCD", "Số CCCD có 11 chữ số", "Số CCCD có 11 chữ số: kiểm tra chữ số 0 đầu tiên", 301);
        account(OTHER, "TK52000002", "05109999888X", "Vũ Thị Ngoài", "0988777555", "quarantined", "BAD_CCCD",
                "citizen_id", "Số CCCD", "Số CCCD không phải 12 chữ số", "Nhập lại Số CCCD", 302);
        // no known unit
        account(null, "TK00000003", "051099999777", "Mạc Văn Lạc", "0988777444", "flag", "UNKNOWN_UNIT",
                "unit_code", "Mã đơn vị", "Mã đơn vị không có", "Nhập Mã đơn vị", 303);
        sql("INSERT INTO " + prefix + "mart.fix_summary SELECT province_code_2025, province_name_2025, unit_code, unit_name,"
                        + " entity, finding, code, max(reason_vi), count(*), count(*) FILTER (WHERE is_new), 0,"
                        + " max(as_of_batch), max(as_of_date), '" + PREVIOUS + "' FROM " + prefix + "mart.fix_list GROUP BY ALL",
                // two assessments of the unit corrected by the latest batch: one reason still open, one gone
                "UPDATE " + prefix + "mart.fix_summary SET rows_fixed = 1 WHERE unit_code = '" + UNIT + "'"
                        + " AND code = 'TOTAL_NOT_SUM'",
                "INSERT INTO " + prefix + "mart.fix_summary VALUES ('51', 'Tỉnh Quảng Ngãi', '" + UNIT + "', '" + UNIT_NAME
                        + "', 'self_assessments', 'quarantined', 'BAD_DATE', 'Ngày gửi không có thật', 0, 0, 1, '"
                        + BATCH + "', DATE '2026-11-24', '" + PREVIOUS + "')");
    }

    private void citizen(String unit, String account, String cccd, String name, String phone, boolean oldName)
            throws SQLException {
        String key = "k" + account;
        sql("INSERT INTO " + prefix + "core.accounts VALUES ('" + account + "', '" + key + "', 'I', '" + unit + "', 'active')",
                "INSERT INTO " + prefix + "restricted.citizens VALUES ('" + key + "', '" + cccd + "', '" + name + "',"
                        + " DATE '1980-05-06', 'Nữ', '" + phone + "', '" + account + "', TIMESTAMPTZ '2026-01-01 00:00:00+07', '"
                        + PREVIOUS + "')");
        if (oldName) {
            sql("INSERT INTO " + prefix + "restricted.citizens VALUES ('" + key + "', '" + cccd + "', 'Nguyễn Thị Ánh Cũ',"
                    + " DATE '1980-05-06', 'Nữ', '0909000111', '" + account + "', TIMESTAMPTZ '2024-01-01 00:00:00+07', '"
                    + PREVIOUS + "')");
            secrets.add("0909000111");
        }
        secrets.add(cccd);
        secrets.add(phone);
    }

    private void account(String unit, String account, String cccd, String name, String phone, String finding,
                         String code, String field, String label, String reason, String action, int n) throws SQLException {
        int row = row("tai_khoan.csv");
        String line = account + "," + cccd + "," + (name == null ? "" : name) + ",06/05/1980,Nữ," + phone + ",51,,51001,"
                + (unit == null ? "" : unit) + ",I,01/01/2026,20/11/2026,Hoạt động";
        insert("raw.accounts", List.of("account_id", "citizen_id", "full_name", "birth_date", "sex", "phone",
                "province_code", "district_code", "commune_code", "unit_code", "citizen_group", "registered_at",
                "updated_at", "status"), new String[] {account, cccd, name, "06/05/1980", "Nữ", phone, "51", null,
                code.equals("COMMUNE_OTHER_GEOGRAPHY") ? "21211" : "51001", unit, "I",
                "01/01/2026", "20/11/2026", "Hoạt động"}, "tai_khoan.csv", row, line, n);
        secrets.add(cccd);
        secrets.add(cccd.replaceAll("\\D", ""));
        secrets.add(phone.replaceAll("\\D", ""));
        finding(unit, "accounts", account, account, finding, code, field, label, reason, action, "tai_khoan.csv", row, n);
    }

    private void assessment(String unit, String account, String id, String field, String value, String finding,
                            String code, String label, String reason, String action, int n) throws SQLException {
        int row = row("phieu_danh_gia.csv");
        List<String> columns = List.of("assessment_id", "account_id", "year", "criteria_set", "citizen_group", "score_1",
                "score_2", "score_3", "score_4", "score_5", "score_6", "score_7", "score_8", "score_9", "score_10",
                "total_score", "result", "submitted_at", "updated_at", "status");
        String[] values = {id, account, "2026", "324/QĐ-KHVN", "I", "8", "8", "8", "8", "8", "8", "8", "8", "8", "8",
            "80", "Đạt", "15/10/2026 09:00", "15/10/2026 09:00", "Hoạt động"};
        values[columns.indexOf(field)] = value;
        insert("raw.self_assessments", columns, values, "phieu_danh_gia.csv", row, String.join(",", values), n);
        finding(unit, "self_assessments", id, account, finding, code, code.equals("SCORE_OUT_OF_RANGE") ? null : field,
                label, reason, action, "phieu_danh_gia.csv", row, n);
    }

    private void recognition(String unit, String account, String field, String value, String finding, String code,
                             String label, String reason, String action, int n) throws SQLException {
        int row = row("cong_nhan.csv");
        List<String> columns = List.of("account_id", "year", "decision_no", "decided_on", "unit_code", "updated_at", "status");
        String[] values = {account, "2026", "12/QĐ-KH", "20/11/2026", unit, "21/11/2026", "Hoạt động"};
        values[columns.indexOf(field)] = value;
        insert("raw.recognitions", columns, values, "cong_nhan.csv", row, String.join(",", values), n);
        finding(unit, "recognitions", account + "/2026", account, finding, code, field, label, reason, action,
                "cong_nhan.csv", row, n);
    }

    private void unitRow(String unit, String name, String field, String value, String finding, String code, String label,
                         String reason, String action, int n) throws SQLException {
        int row = row("don_vi.csv");
        List<String> columns = List.of("unit_code", "unit_name", "unit_type", "province_code", "district_code",
                "commune_code", "member_count", "updated_at", "status");
        String[] values = {unit, name, "Trường học", "51", null, "51001", "35", "01/11/2026", "Hoạt động"};
        values[columns.indexOf(field)] = value;
        insert("raw.units", columns, values, "don_vi.csv", row, unit + "," + name, n);
        finding(unit, "units", unit, null, finding, code, field, label, reason, action, "don_vi.csv", row, n);
    }

    private void insert(String table, List<String> columns, String[] values, String file, int row, String line, int n)
            throws SQLException {
        String batch = n % 3 == 0 ? PREVIOUS : BATCH;
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(prefix).append(table).append(" (")
                .append(String.join(", ", columns)).append(", batch_id, file_name, row_number, raw_line, ingested_at) VALUES (");
        sql.append("?, ".repeat(columns.size())).append("?, ?, ?, ?, ?)");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String v : values) {
                ps.setString(i++, v);
            }
            ps.setString(i++, batch);
            ps.setString(i++, file);
            ps.setLong(i++, row);
            ps.setString(i++, line);
            ps.setObject(i, java.time.OffsetDateTime.parse(batch.equals(BATCH) ? "2026-11-24T02:00:00+07:00"
                    : "2026-10-24T02:00:00+07:00"));
            ps.executeUpdate();
        }
    }

    private void finding(String unit, String entity, String key, String account, String finding, String code,
                         String field, String label, String reason, String action, String file, int row, int n)
            throws SQLException {
        String batch = n % 3 == 0 ? PREVIOUS : BATCH;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix + "mart.fix_list VALUES (?, DATE '2026-11-24',"
                + " ?, ?, '51', 'Tỉnh Quảng Ngãi', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, BATCH);
            ps.setString(2, unit);
            ps.setString(3, unit == null || unit.equals(PENDING) ? null : unit.equals(UNIT) ? UNIT_NAME : "Trường THCS Khác");
            ps.setString(4, unit == null ? null : unit.equals(UNIT) ? "51001" : "51002");
            ps.setString(5, unit == null ? null : unit.equals(UNIT) ? "Xã Nghĩa Hành" : "Xã Khác");
            ps.setString(6, entity);
            ps.setString(7, key);
            ps.setString(8, account);
            ps.setString(9, finding);
            ps.setString(10, code);
            ps.setString(11, field);
            ps.setString(12, label);
            ps.setString(13, reason);
            ps.setString(14, action);
            ps.setString(15, batch);
            ps.setString(16, file);
            ps.setLong(17, row);
            ps.setBoolean(18, batch.equals(BATCH));
            ps.executeUpdate();
        }
        if (UNIT.equals(unit)) {
            listed++;
            if (account != null && !unitAccounts.contains(account)) {
                unitAccounts.add(account);
            }
        } else if (account != null) {
            otherAccounts.add(account);
        }
    }

    private int row(String file) {
        return rowNumbers.merge(file, 1, Integer::sum) + 1; // row 1 is the header
    }

    private void sql(String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
