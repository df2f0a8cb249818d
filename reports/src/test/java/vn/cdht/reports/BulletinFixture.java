package vn.cdht.reports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The marts a bulletin reads, as the issue 13 contract defines them, in an in-memory DuckDB database: Quảng Ngãi
 * (province 51, 2025 geography) in November 2026, a month not over when the data was extracted (24/11/2026), with 24
 * communes with data (two tied at 20,0%, one with an allocated share), one new commune without data (Đặc khu Lý Sơn),
 * three years of the same month, and targets as mart.targets judges them.
 */
final class BulletinFixture {

    /** A commune of the fixture: code, name, eligible population, achieved in November 2026. */
    record Commune(String code, String name, int eligible, int achieved) {
    }

    static final List<Commune> COMMUNES = List.of(
            new Commune("21001", "Xã Ba Tơ", 1000, 650),
            new Commune("21002", "Xã Sơn Hà", 1000, 610),
            // the same printed rate (20,0%): the same rank; Vietnamese order puts Bắc before Bình (bytes would not)
            new Commune("21003", "Xã Bình Sơn", 1000, 200),
            new Commune("21004", "Xã Bắc Trà My", 3001, 600),
            new Commune("21005", "Xã Tịnh Khê", 1000, 190),
            new Commune("21006", "Xã Nghĩa Hành", 1000, 185),
            new Commune("21007", "Xã Minh Long", 1000, 180),
            new Commune("21008", "Xã Trà Bồng", 1000, 175),
            new Commune("21009", "Xã Mộ Đức", 1000, 170),
            new Commune("21010", "Phường Đức Phổ", 1000, 165),
            new Commune("21011", "Xã Sa Huỳnh", 1000, 160),
            new Commune("21012", "Xã Kon Plông", 1000, 155),
            new Commune("21013", "Xã Đăk Tô", 1000, 150),
            new Commune("21014", "Xã Ngọc Hồi", 1000, 145),
            new Commune("21015", "Xã Sa Thầy", 1000, 140),
            new Commune("21016", "Xã Tu Mơ Rông", 1000, 135),
            new Commune("21017", "Xã Đăk Glei", 1000, 130),
            new Commune("21018", "Xã Kon Rẫy", 1000, 125),
            new Commune("21019", "Xã Đăk Hà", 1000, 120),
            new Commune("21020", "Xã Ba Vì", 1000, 115),
            new Commune("21021", "Xã Sơn Tây", 1000, 110),
            new Commune("21022", "Xã Tây Trà", 1000, 105),
            new Commune("21023", "Xã Bình Châu", 1000, 100),
            new Commune("21024", "Xã Trường Giang", 1000, 50));

    static final String NO_DATA_CODE = "21099";
    static final String APPROXIMATE_CODE = "21005";

    private BulletinFixture() {
    }

    static Connection open() throws SQLException {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        UnitReportTest.sql(duck, "CREATE SCHEMA mart",
                "CREATE TABLE mart.coverage (geography VARCHAR, level VARCHAR, year INTEGER, as_of_month VARCHAR,"
                        + " is_latest_month BOOLEAN, province_code VARCHAR, province_name VARCHAR, district_code VARCHAR,"
                        + " district_name VARCHAR, commune_code VARCHAR, commune_name VARCHAR, eligible DECIMAL(18,4),"
                        + " registered DECIMAL(18,4), assessed DECIMAL(18,4), achieved DECIMAL(18,4), recognised DECIMAL(18,4),"
                        + " registered_rate DOUBLE, assessed_rate DOUBLE, achieved_rate DOUBLE, recognised_rate DOUBLE,"
                        + " assessed_of_registered DOUBLE, achieved_of_registered DOUBLE, recognised_of_registered DOUBLE,"
                        + " reaches_threshold BOOLEAN, approximate BOOLEAN, as_of_date DATE, month_complete BOOLEAN,"
                        + " is_reported_month BOOLEAN, eligible_printed BIGINT, registered_printed BIGINT,"
                        + " assessed_printed BIGINT, achieved_printed BIGINT, recognised_printed BIGINT,"
                        + " rank_in_province INTEGER, no_data_reason VARCHAR, achieved_of_assessed DOUBLE,"
                        + " threshold_gap DOUBLE, people_to_threshold BIGINT)",
                "CREATE TABLE mart.trend (geography VARCHAR, level VARCHAR, province_code VARCHAR, province_name VARCHAR,"
                        + " district_code VARCHAR, district_name VARCHAR, commune_code VARCHAR, commune_name VARCHAR,"
                        + " month VARCHAR, year INTEGER, new_registrations DECIMAL(18,4), cumulative_registrations DECIMAL(18,4),"
                        + " new_assessed DECIMAL(18,4), cumulative_assessed DECIMAL(18,4), new_achieved DECIMAL(18,4),"
                        + " cumulative_achieved DECIMAL(18,4), approximate BOOLEAN)",
                "CREATE TABLE mart.targets (level VARCHAR, province_code VARCHAR, province_name VARCHAR, commune_code VARCHAR,"
                        + " commune_name VARCHAR, target_code VARCHAR, source VARCHAR, indicator VARCHAR, title_vi VARCHAR,"
                        + " target_year INTEGER, target_rate DOUBLE, year INTEGER, as_of_month VARCHAR, as_of_date DATE,"
                        + " current_value DOUBLE, gap DOUBLE, monthly_pace DOUBLE, year_end_value DOUBLE, annual_pace DOUBLE,"
                        + " projected_year INTEGER, status VARCHAR)",
                "CREATE TABLE mart.criteria (geography VARCHAR, level VARCHAR, year INTEGER, province_code VARCHAR,"
                        + " province_name VARCHAR, district_code VARCHAR, district_name VARCHAR, commune_code VARCHAR,"
                        + " commune_name VARCHAR, citizen_group VARCHAR, criterion_no INTEGER, criterion_title VARCHAR,"
                        + " assessed DECIMAL(18,4), meeting DECIMAL(18,4), share DOUBLE, mean_score DOUBLE,"
                        + " weakness_rank INTEGER, approximate BOOLEAN)",
                "CREATE TABLE mart.unit_progress (year INTEGER, unit_code VARCHAR, unit_name VARCHAR, unit_type VARCHAR,"
                        + " unit_category VARCHAR, province_code_2025 VARCHAR, province_name_2025 VARCHAR,"
                        + " commune_code_2025 VARCHAR, commune_name_2025 VARCHAR, province_code_2024 VARCHAR,"
                        + " district_code_2024 VARCHAR, district_name_2024 VARCHAR, commune_code_2024 VARCHAR,"
                        + " members BIGINT, registered BIGINT, assessed BIGINT, achieved BIGINT, recognised BIGINT,"
                        + " registered_rate DOUBLE, assessed_rate DOUBLE, achieved_rate DOUBLE, recognised_rate DOUBLE,"
                        + " rank_in_commune INTEGER, rank_in_province INTEGER)",
                "CREATE TABLE mart.unit_categories (geography VARCHAR, province_code VARCHAR, year INTEGER,"
                        + " unit_category VARCHAR, units INTEGER, members BIGINT, assessed BIGINT, achieved BIGINT,"
                        + " assessed_rate DOUBLE, achieved_rate DOUBLE, without_achiever INTEGER)",
                "CREATE TABLE mart.data_quality (batch_id VARCHAR, entity VARCHAR, finding VARCHAR, code VARCHAR, field VARCHAR,"
                        + " province_code VARCHAR, commune_code VARCHAR, unit_code VARCHAR, rows BIGINT, year INTEGER)");
        communes(duck);
        UnitReportTest.sql(duck, provinceRows(), ranks(), trend(), targets(), criteria(), units(), unitCategories(),
                dataQuality());
        return duck;
    }

    /**
     * Commune rows: November 2026 (not over: as of 24/11/2026), October 2026 (the reported month), the same months of
     * 2025 and 2024 (a third of the rate per year back), and January 2026 (a slow start: an in-year pace extended across
     * years would look fast).
     */
    private static void communes(Connection duck) {
        StringBuilder values = new StringBuilder();
        String[][] months = {
                // month, share of November's achieved, complete, reported, latest, as of
                {"2026-11", "1.0", "false", "false", "true", "2026-11-24"},
                {"2026-10", "0.9", "true", "true", "false", "2026-10-31"},
                {"2026-01", "0.1", "true", "false", "false", "2026-01-31"},
                {"2025-11", "0.6", "true", "false", "false", "2025-11-30"},
                {"2025-12", "0.62", "true", "true", "true", "2025-12-31"},
                {"2024-11", "0.3", "true", "true", "true", "2024-11-30"},
        };
        for (String[] m : months) {
            for (Commune c : COMMUNES) {
                double achieved = Math.round(c.achieved() * Double.parseDouble(m[1]));
                if (values.length() > 0) {
                    values.append(",\n");
                }
                values.append(communeRow(m, c.code(), c.name(), c.eligible(), achieved, c.code().equals(APPROXIMATE_CODE), null));
            }
            values.append(",\n").append(communeRow(m, NO_DATA_CODE, "Đặc khu Lý Sơn", 0, 0, false, "no_predecessor"));
        }
        UnitReportTest.sql(duck, "INSERT INTO mart.coverage VALUES " + values);
    }

    private static String communeRow(String[] m, String code, String name, int eligible, double achieved,
                                     boolean approximate, String noData) {
        int year = Integer.parseInt(m[0].substring(0, 4));
        double registered = Math.min(eligible, achieved * 2), assessed = Math.round(achieved * 1.3);
        double recognised = Math.round(achieved * 0.8);
        String rate = noData == null ? "%s / " + eligible + ".0" : "NULL";
        return "('2025', 'commune', " + year + ", '" + m[0] + "', " + m[4] + ", '51', 'Tỉnh Quảng Ngãi', NULL, NULL, '"
                + code + "', '" + name + "', " + eligible + ", " + registered + ", " + assessed + ", " + achieved + ", "
                + recognised + ", " + rate.formatted(registered) + ", " + rate.formatted(assessed) + ", "
                + rate.formatted(achieved) + ", " + rate.formatted(recognised) + ", NULL, NULL, NULL, "
                + (noData == null ? achieved / eligible >= 0.6 : "NULL") + ", " + approximate + ", DATE '" + m[5] + "', "
                + m[2] + ", " + m[3] + ", " + eligible + ", " + (long) registered + ", " + (long) assessed + ", "
                + (long) achieved + ", " + (long) recognised + ", NULL, " + (noData == null ? "NULL" : "'" + noData + "'")
                + ", " + (assessed == 0 ? "NULL" : achieved / assessed)
                + ", " + (noData == null ? 0.6 - achieved / eligible : "NULL")
                + ", " + (noData == null ? (long) Math.max(Math.ceil(0.6 * eligible - achieved), 0) : "NULL") + ")";
    }

    /** The province rows: sums of its communes, rates of the sums. */
    private static String provinceRows() {
        return "INSERT INTO mart.coverage SELECT geography, 'province', year, as_of_month, any_value(is_latest_month),"
                + " province_code, province_name, NULL, NULL, NULL, NULL, sum(eligible), sum(registered), sum(assessed),"
                + " sum(achieved), sum(recognised), sum(registered) / sum(eligible), sum(assessed) / sum(eligible),"
                + " sum(achieved) / sum(eligible), sum(recognised) / sum(eligible), NULL, NULL, NULL, NULL, bool_or(approximate),"
                + " any_value(as_of_date), any_value(month_complete), any_value(is_reported_month), sum(eligible_printed),"
                + " sum(registered_printed), sum(assessed_printed), sum(achieved_printed), sum(recognised_printed), NULL, NULL,"
                + " sum(achieved) / nullif(sum(assessed), 0), NULL, NULL FROM mart.coverage GROUP BY ALL";
    }

    /** rank_in_province as the mart computes it: by the rate rounded to 0,1 point, communes with data only. */
    private static String ranks() {
        return "UPDATE mart.coverage c SET rank_in_province = r.rnk FROM (SELECT as_of_month, commune_code,"
                + " rank() OVER (PARTITION BY as_of_month ORDER BY round(achieved_rate, 3) DESC) AS rnk FROM mart.coverage"
                + " WHERE level = 'commune' AND no_data_reason IS NULL) r"
                + " WHERE c.level = 'commune' AND c.as_of_month = r.as_of_month AND c.commune_code = r.commune_code";
    }

    private static String trend() {
        return "INSERT INTO mart.trend SELECT geography, level, province_code, province_name, NULL, NULL, commune_code,"
                + " commune_name, as_of_month, year, 0, registered, 0, assessed, 0, achieved, approximate FROM mart.coverage"
                + " WHERE year = 2026";
    }

    /**
     * The province's targets as mart.targets judges them: the 2030 target behind (4,1 points a year since 2024, reached
     * in 2038), the 2025 target missed, one that cannot be measured, one without a trend; the commune threshold.
     */
    private static String targets() {
        String p = "('province', '51', 'Tỉnh Quảng Ngãi', NULL, NULL, ";
        return "INSERT INTO mart.targets VALUES "
                + p + "'D677-2025-ADULTS', '677/QĐ-TTg', 'achieved_of_eligible', '40% người trưởng thành tự đánh giá đạt (mục tiêu 2025)', 2025, 0.40, 2025, '2025-12', DATE '2025-12-31', 0.098, 0.302, NULL, 0.098, 0.03, NULL, 'not_met'),\n"
                + p + "'D677-2030-ADULTS', '677/QĐ-TTg', 'achieved_of_eligible', '60% người trưởng thành tự đánh giá đạt (mục tiêu 2030)', 2030, 0.60, 2026, '2026-10', DATE '2026-10-31', 0.122, 0.478, 0.011, 0.133, 0.041, 2038, 'behind'),\n"
                + p + "'D677-2030-OFFICIALS', '677/QĐ-TTg', 'achieved_of_members_group_iii', '80% cán bộ, công chức, viên chức, người lao động (mục tiêu 2030)', 2030, 0.80, 2026, NULL, NULL, 0.5, 0.3, NULL, 0.5, NULL, NULL, 'no_trend'),\n"
                + p + "'D677-2030-DIGITAL-PROFICIENT', '677/QĐ-TTg', 'proficient_of_achieved', '80% người tự đánh giá đạt thành thạo kỹ năng số (mục tiêu 2030)', 2030, 0.80, 2026, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'not_measured'),\n"
                + "('commune', '51', 'Tỉnh Quảng Ngãi', '21003', 'Xã Bình Sơn', 'TT25-COMMUNE-60', '25/2023/TT-BGDĐT', 'achieved_of_eligible', 'Cộng đồng học tập cấp xã: 60%', NULL, 0.60, 2026, '2026-10', DATE '2026-10-31', 0.18, 0.42, 0.009, 0.19, 0.05, 2034, 'behind')";
    }

    private static String criteria() {
        StringBuilder s = new StringBuilder("INSERT INTO mart.criteria VALUES ");
        String[] titles = {"Tự học thường xuyên", "Học tập suốt đời", "Kỹ năng số", "Học tập ngoại ngữ hoặc tiếng dân tộc",
                "Tham gia học tập cộng đồng", "Chia sẻ kiến thức", "Tham gia các hoạt động học tập tại cộng đồng",
                "Ứng dụng kiến thức", "Tham gia xây dựng gia đình học tập", "Tham gia khuyến học"};
        double[] shares = {0.95, 0.93, 0.796, 0.569, 0.91, 0.92, 0.872, 0.94, 0.921, 0.96};
        for (int i = 0; i < 10; i++) {
            int weakness = 1;
            for (double other : shares) {
                if (other < shares[i]) {
                    weakness++;
                }
            }
            for (String level : new String[] {"province", "commune"}) {
                s.append(i + (level.equals("province") ? 0 : 10) == 0 ? "" : ", ")
                        .append("('2025', '").append(level).append("', 2026, '51', 'Tỉnh Quảng Ngãi', NULL, NULL, ")
                        .append(level.equals("province") ? "NULL" : "'21003'").append(", NULL, 'ALL', ").append(i + 1)
                        .append(", '").append(titles[i]).append("', 3345, ").append(Math.round(3345 * shares[i])).append(", ")
                        .append(shares[i]).append(", 6.5, ").append(weakness).append(", false)");
            }
        }
        return s.toString();
    }

    private static String units() {
        return "INSERT INTO mart.unit_progress VALUES"
                + " (2026, 'Ent00001', 'Công ty TNHH Sao Việt', 'x', 'enterprise', '51', 'Tỉnh Quảng Ngãi', '21003', 'Xã Bình Sơn', NULL, NULL, NULL, NULL, 100, 60, 30, 10, 5, 0.6, 0.3, 0.1, 0.05, 1, 1),"
                + " (2026, 'Cbr00002', 'Chi hội khuyến học thôn Bắc', 'x', 'association_branch', '51', 'Tỉnh Quảng Ngãi', '21003', 'Xã Bình Sơn', NULL, NULL, NULL, NULL, 50, 40, 20, 0, 0, 0.8, 0.4, 0.0, 0.0, 1, 2),"
                + " (2026, 'Sch00003', 'Trường THCS Ba Tơ', 'x', 'school', '51', 'Tỉnh Quảng Ngãi', '21001', 'Xã Ba Tơ', NULL, NULL, NULL, NULL, 80, 80, 70, 60, 50, 1.0, 0.875, 0.75, 0.625, 1, 1)";
    }

    /** mart.unit_categories as the mart sums mart.unit_progress. */
    private static String unitCategories() {
        return "INSERT INTO mart.unit_categories SELECT '2025', province_code_2025, year, unit_category, count(*),"
                + " sum(members), sum(assessed), sum(achieved), sum(assessed) / sum(members), sum(achieved) / sum(members),"
                + " count(*) FILTER (WHERE achieved = 0) FROM mart.unit_progress WHERE members > 0 GROUP BY ALL";
    }

    /** Seven recognitions of 2026 without a Đạt self-assessment (two batches), others of 2025 and of another province. */
    private static String dataQuality() {
        return "INSERT INTO mart.data_quality VALUES"
                + " ('b1', 'recognitions', 'flag', 'RECOGNISED_WITHOUT_ACHIEVEMENT', NULL, '51', '21003', 'Cbr00002', 5, 2026),"
                + " ('b2', 'recognitions', 'flag', 'RECOGNISED_WITHOUT_ACHIEVEMENT', NULL, '51', '21001', 'Sch00003', 2, 2026),"
                + " ('b1', 'recognitions', 'flag', 'RECOGNISED_WITHOUT_ACHIEVEMENT', NULL, '51', '21001', 'Sch00003', 40, 2025),"
                + " ('b1', 'recognitions', 'flag', 'RECOGNISED_WITHOUT_ACHIEVEMENT', NULL, '52', '22001', 'Oth00009', 90, 2026),"
                + " ('b2', 'self_assessments', 'flag', 'FUTURE_DATED', NULL, '51', '21003', NULL, 3, 2026),"
                + " ('b2', 'accounts', 'quarantined', 'BAD_CCCD', 'cccd', '51', '21003', NULL, 11, NULL)";
    }

    /** The parameters ReportService passes for November 2026. */
    static Map<String, Object> parameters(String scope, String areaName) {
        Map<String, Object> p = new HashMap<>();
        p.put("P_SCOPE", scope);
        p.put("P_AREA_NAME", areaName);
        p.put("P_GEOGRAPHY", "2025");
        p.put("P_YEAR", 2026);
        p.put("P_PERIOD", "2026-11");
        p.put("P_PREVIOUS_PERIOD", "2026-10");
        p.put("P_PERIOD_LABEL", "tháng 11/2026");
        p.put("P_MONTH_LABEL", "tháng 11/2026");
        p.put("P_PREVIOUS_LABEL", "tháng 10/2026");
        p.put("P_ANNUAL", false);
        p.put("P_ISSUE_LINE", "Quảng Ngãi, ngày 01 tháng 12 năm 2026");
        p.put("P_ISSUE_DATE", java.sql.Date.valueOf("2026-12-01"));
        p.put("P_FOOTER", "Nguồn: cdht, kho dữ liệu Công dân học tập. Dữ liệu cập nhật lúc 24/11/2026 09:51.");
        return p;
    }
}
