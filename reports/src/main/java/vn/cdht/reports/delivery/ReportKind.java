package vn.cdht.reports.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of report the register holds ({@code report.kind}), with their Vietnamese names for e-mails. */
public enum ReportKind {
    PROVINCE("province", "Bản tin tỉnh"),
    COMMUNE("commune", "Bản tin xã"),
    STATS_TABLE("stats-table", "Biểu thống kê tài khoản Công dân học tập"),
    UNIT_REPORT("unit-report", "Báo cáo đăng ký của đơn vị"),
    UNIT_LIST("unit-list", "Danh sách công dân tự đánh giá");

    private final String code;
    private final String label;

    ReportKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Vietnamese name, as in an e-mail's subject. */
    public String label() {
        return label;
    }

    public static ReportKind of(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (ReportKind k : values()) {
            if (k.code.equals(c)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown report kind '" + code + "': use " + codes());
    }

    /** The codes of {@code kinds} in declaration order, comma-separated, as stored: {@code province,stats-table}. */
    public static String join(java.util.Collection<ReportKind> kinds) {
        return kinds.stream().sorted().distinct().map(ReportKind::code).collect(Collectors.joining(","));
    }

    /** Every code, for messages: {@code province|commune|...}. */
    public static String codes() {
        return Arrays.stream(values()).map(ReportKind::code).collect(Collectors.joining("|"));
    }
}
