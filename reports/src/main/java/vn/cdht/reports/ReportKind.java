package vn.cdht.reports;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reports cdht renders: one JRXML template each, under {@code vn/cdht/reports/templates/}, with the Iceberg tables
 * its queries read (loaded into an in-memory DuckDB database at recorded snapshots): declared here only, and checked
 * against the tables the template's queries name ({@code ReportTablesDeclaredTest}).
 */
public enum ReportKind {
    PROVINCE("province", "bulletin_province", "Bản tin tỉnh", EnumSet.of(ReportFormat.PDF),
            List.of("mart.coverage", "mart.trend", "mart.targets", "mart.criteria", "mart.unit_progress",
                    "mart.unit_categories", "mart.data_quality")),
    COMMUNE("commune", "bulletin_commune", "Bản tin xã", EnumSet.of(ReportFormat.PDF),
            List.of("mart.coverage", "mart.trend", "mart.targets", "mart.criteria", "mart.unit_progress",
                    "mart.data_quality")),
    STATS_TABLE("stats-table", "account_statistics", "Biểu thống kê tài khoản Công dân học tập",
            EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX), List.of("mart.coverage", "mart.targets")),
    UNIT_REPORT("unit-report", "unit_registration", "Báo cáo đăng ký của đơn vị",
            EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX), List.of("mart.unit_progress")),
    UNIT_LIST("unit-list", "unit_recognition_list", "Danh sách công dân tự đánh giá",
            EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX),
            List.of("core.units", "core.accounts", "core.yearly_assessments", "core.recognitions",
                    "restricted.citizens", "mart.unit_progress")),
    /*
     * The rows of one unit's citizens that were quarantined or kept with a flag, for the unit's manager to correct in
     * the software. Personal data (names, the value as written: CCCD masked). Load order matters: core.units and
     * mart.fix_list first, since the other tables load only the rows those point at (ReportTables).
     */
    FIX_LIST("fix-list", "unit_fix_list", "Danh sách dữ liệu cần sửa", EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX),
            List.of("core.units", "mart.fix_list", "mart.fix_summary", "mart.unit_progress", "core.accounts",
                    "restricted.citizens", "raw.accounts", "raw.units", "raw.self_assessments", "raw.recognitions",
                    "raw.population")),
    /** The department's view: rows to fix per unit and reason in a 2025 province, and the change since the last batch. */
    FIX_SUMMARY("fix-summary", "fix_summary", "Tổng hợp dữ liệu cần sửa", EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX),
            List.of("mart.fix_summary", "ref.provinces_2025"));

    private final String code;
    private final String template;
    private final String title;
    private final Set<ReportFormat> formats;
    private final List<String> tables;

    ReportKind(String code, String template, String title, Set<ReportFormat> formats, List<String> tables) {
        this.code = code;
        this.template = template;
        this.title = title;
        this.formats = formats;
        this.tables = tables;
    }

    public String code() {
        return code;
    }

    /** The template's resource name, without folder and {@code .jrxml}. */
    public String template() {
        return template;
    }

    /** The Vietnamese name of the report, as in e-mail subjects and listings. */
    public String title() {
        return title;
    }

    public Set<ReportFormat> formats() {
        return formats;
    }

    /** The tables the template's queries read, as {@code namespace.table}. */
    public List<String> tables() {
        return tables;
    }

    /**
     * Only the unit list and the fix-list hold personal data (names, masked CCCD, values as written); they are stored
     * and sent apart from the rest, only to the unit's manager.
     */
    public boolean personalData() {
        return this == UNIT_LIST || this == FIX_LIST;
    }

    /**
     * The fix-list and its summary show the data as of the latest batch ingested, not a month: the period only names
     * the rendering (file name, register), and they are on the 2025 geography.
     */
    public boolean asOfLatestBatch() {
        return this == FIX_LIST || this == FIX_SUMMARY;
    }

    public static ReportKind of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (ReportKind k : values()) {
            if (k.code.equals(c)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown report kind '" + code + "': use " + codes());
    }

    /** The codes of {@code kinds} in declaration order, comma-separated, as stored: {@code province,stats-table}. */
    public static String join(Collection<ReportKind> kinds) {
        return kinds.stream().sorted().distinct().map(ReportKind::code).collect(Collectors.joining(","));
    }

    /** Every code, for messages: {@code province|commune|...}. */
    public static String codes() {
        return Stream.of(values()).map(ReportKind::code).collect(Collectors.joining("|"));
    }
}
