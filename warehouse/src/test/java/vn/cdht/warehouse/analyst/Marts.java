package vn.cdht.warehouse.analyst;

import static vn.cdht.warehouse.analyst.IcebergFixture.row;

import org.apache.iceberg.Table;

/** The mart tables of docs/marts-schema.md, with a few rows for Quảng Ngãi (51). */
final class Marts {

    static final String COVERAGE = "geography string, level string, year int, as_of_month string, is_latest_month boolean,"
            + " province_code string, province_name string, district_code string, district_name string,"
            + " commune_code string, commune_name string, eligible decimal(16,2), registered decimal(16,2),"
            + " assessed decimal(16,2), achieved decimal(16,2), recognised decimal(16,2), registered_rate double,"
            + " assessed_rate double, achieved_rate double, recognised_rate double, assessed_of_registered double,"
            + " achieved_of_registered double, recognised_of_registered double, reaches_threshold boolean,"
            + " approximate boolean, as_of_date date, month_complete boolean, is_reported_month boolean,"
            + " eligible_printed long, registered_printed long, assessed_printed long, achieved_printed long,"
            + " recognised_printed long, rank_in_province int, no_data_reason string";
    static final String UNIT_PROGRESS = "year int, unit_code string, unit_name string, unit_type string,"
            + " unit_category string, province_code_2025 string, province_name_2025 string, commune_code_2025 string,"
            + " commune_name_2025 string, province_code_2024 string, district_code_2024 string,"
            + " district_name_2024 string, commune_code_2024 string, members long, registered long, assessed long,"
            + " achieved long, recognised long, registered_rate double, assessed_rate double, achieved_rate double,"
            + " recognised_rate double, rank_in_commune int, rank_in_province int";
    static final String CRITERIA = "geography string, level string, year int, province_code string,"
            + " province_name string, district_code string, district_name string, commune_code string,"
            + " commune_name string, citizen_group string, criterion_no int, criterion_title string,"
            + " assessed decimal(16,2), meeting decimal(16,2), share double, mean_score double, weakness_rank int,"
            + " approximate boolean";
    static final String TREND = "geography string, level string, province_code string, province_name string,"
            + " district_code string, district_name string, commune_code string, commune_name string, month string,"
            + " year int, new_registrations decimal(16,2), cumulative_registrations decimal(16,2),"
            + " new_assessed decimal(16,2), cumulative_assessed decimal(16,2), new_achieved decimal(16,2),"
            + " cumulative_achieved decimal(16,2), approximate boolean";
    static final String TARGETS = "level string, province_code string, province_name string, commune_code string,"
            + " commune_name string, target_code string, source string, indicator string, title_vi string,"
            + " target_year int, target_rate double, year int, as_of_month string, as_of_date date,"
            + " current_value double, gap double, monthly_pace double, year_end_value double, annual_pace double,"
            + " projected_year int, status string";
    static final String DATA_QUALITY = "batch_id string, entity string, finding string, code string, field string,"
            + " province_code string, commune_code string, unit_code string, rows long, year int";

    private Marts() {
    }

    static void createAll(IcebergFixture f) {
        Table coverage = f.create("mart", "coverage", COVERAGE);
        f.append(coverage,
                commune("2026-03", true, "23293", "Phường Cẩm Thành", 1000, 700, 0.55),
                commune("2026-03", true, "23302", "Phường Nghĩa Lộ", 800, 600, 0.65),
                commune("2026-02", false, "23293", "Phường Cẩm Thành", 1000, 650, 0.50),
                row("geography", "2025", "level", "province", "year", 2026, "as_of_month", "2026-03", "is_latest_month", true,
                        "province_code", "51", "province_name", "Quảng Ngãi", "eligible", "1800", "registered", "1300",
                        "achieved", "1030", "registered_rate", 0.72, "achieved_rate", 0.57, "approximate", false,
                        "is_reported_month", true, "eligible_printed", 1800L, "achieved_printed", 1030L),
                row("geography", "2025", "level", "province", "year", 2026, "as_of_month", "2026-02", "is_latest_month", false,
                        "province_code", "51", "province_name", "Quảng Ngãi", "eligible", "1800", "registered", "1200",
                        "achieved", "980", "registered_rate", 0.67, "achieved_rate", 0.54, "approximate", false,
                        "is_reported_month", false),
                row("geography", "2024", "level", "district", "year", 2024, "as_of_month", "2024-12", "is_latest_month", true,
                        "province_code", "51", "province_name", "Quảng Ngãi", "district_code", "522",
                        "district_name", "Thành phố Quảng Ngãi", "eligible", "5000.5", "registered", "3000",
                        "achieved", "2000.25", "registered_rate", 0.6, "achieved_rate", 0.4, "approximate", true,
                        "is_reported_month", true));
        Table units = f.create("mart", "unit_progress", UNIT_PROGRESS);
        f.append(units,
                row("year", 2026, "unit_code", "DV001", "unit_name", "Trường THCS Lê Khiết", "unit_category", "school",
                        "province_code_2025", "51", "province_name_2025", "Quảng Ngãi", "commune_code_2025", "23293",
                        "commune_name_2025", "Phường Cẩm Thành", "members", 40L, "registered", 30L, "achieved", 10L,
                        "achieved_rate", 0.25, "assessed_rate", 0.5, "rank_in_commune", 2, "rank_in_province", 7),
                row("year", 2026, "unit_code", "DV002", "unit_name", "Sở Giáo dục và Đào tạo", "unit_category",
                        "state_agency", "province_code_2025", "51", "province_name_2025", "Quảng Ngãi",
                        "commune_code_2025", "23293", "members", 120L, "assessed", 90L, "assessed_rate", 0.75,
                        "achieved_rate", 0.7, "rank_in_commune", 1, "rank_in_province", 1));
        f.append(f.create("mart", "criteria", CRITERIA),
                row("geography", "2025", "level", "province", "year", 2026, "province_code", "51", "province_name",
                        "Quảng Ngãi", "citizen_group", "I", "criterion_no", 4, "criterion_title", "Kỹ năng số",
                        "assessed", "100", "meeting", "40", "share", 0.4, "mean_score", 6.5, "weakness_rank", 1,
                        "approximate", false));
        f.append(f.create("mart", "trend", TREND),
                row("geography", "2025", "level", "province", "province_code", "51", "province_name", "Quảng Ngãi",
                        "month", "2026-02", "year", 2026, "new_registrations", "100", "cumulative_registrations", "1200"),
                row("geography", "2025", "level", "province", "province_code", "51", "province_name", "Quảng Ngãi",
                        "month", "2026-03", "year", 2026, "new_registrations", "100", "cumulative_registrations", "1300"));
        f.append(f.create("mart", "targets", TARGETS),
                row("level", "province", "province_code", "51", "province_name", "Quảng Ngãi", "target_code", "QD677_2030",
                        "title_vi", "Tỷ lệ công dân học tập", "target_year", 2030, "target_rate", 0.8, "year", 2026,
                        "as_of_month", "2026-03", "current_value", 0.57, "gap", 0.23, "monthly_pace", 0.01,
                        "year_end_value", 0.6, "annual_pace", 0.05, "projected_year", 2030, "status", "on_track"),
                row("level", "commune", "province_code", "51", "province_name", "Quảng Ngãi", "commune_code", "23293",
                        "commune_name", "Phường Cẩm Thành", "target_code", "TT25-COMMUNE-60", "target_rate", 0.6,
                        "year", 2026, "as_of_month", "2026-03", "current_value", 0.55, "gap", 0.05, "status", "behind"));
        f.append(f.create("mart", "data_quality", DATA_QUALITY),
                row("batch_id", "b-1", "entity", "accounts", "finding", "quarantined", "code", "BAD_CCCD",
                        "province_code", "51", "rows", 3L));
    }

    private static java.util.Map<String, Object> commune(String month, boolean latest, String code, String name,
                                                         int eligible, int registered, double achievedRate) {
        return row("geography", "2025", "level", "commune", "year", 2026, "as_of_month", month, "is_latest_month", latest,
                "province_code", "51", "province_name", "Quảng Ngãi", "commune_code", code, "commune_name", name,
                "eligible", eligible, "registered", registered, "achieved", Math.round(eligible * achievedRate),
                "registered_rate", registered / (double) eligible, "achieved_rate", achievedRate,
                "reaches_threshold", achievedRate >= 0.6, "approximate", false, "is_reported_month", latest,
                "eligible_printed", (long) eligible, "registered_printed", (long) registered,
                "achieved_printed", Math.round(eligible * achievedRate));
    }
}
