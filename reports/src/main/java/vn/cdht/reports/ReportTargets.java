package vn.cdht.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request's scope into the reports to render, checking against the loaded data that the area or unit exists
 * and that the period has figures; each failure says what exists instead.
 */
final class ReportTargets {

    private final Connection duck;

    ReportTargets(Connection duck) {
        this.duck = duck;
    }

    List<ReportTarget> resolve(ReportRequest r) {
        String geo = r.effectiveGeography();
        return switch (r.kind()) {
            case PROVINCE -> {
                requirePeriod(r, geo);
                yield List.of(one(r, "SELECT province_name, province_name FROM mart.coverage WHERE geography = ?"
                        + " AND level = 'province' AND province_code = ? LIMIT 1", geo, r.scope()));
            }
            case STATS_TABLE -> {
                requirePeriod(r, geo);
                yield List.of(one(r, "SELECT coalesce(district_name, province_name), province_name FROM mart.coverage"
                        + " WHERE geography = ? AND ((level = 'province' AND province_code = ?)"
                        + " OR (level = 'district' AND district_code = ?)) LIMIT 1", geo, r.scope(), r.scope()));
            }
            case COMMUNE -> {
                requirePeriod(r, geo);
                if (r.all()) {
                    List<ReportTarget> all = list("SELECT DISTINCT commune_code, commune_name, province_name"
                            + " FROM mart.coverage WHERE geography = ? AND level = 'commune' AND province_code = ?"
                            + " AND year = ? ORDER BY commune_code", geo, r.scope(), r.period().year());
                    if (all.isEmpty()) {
                        throw new ReportException("no commune of province " + r.scope() + " has figures for "
                                + r.period().year() + " on the " + geo + " geography: check --scope (a province code"
                                + " with --all)" + knownProvinces(geo));
                    }
                    yield all;
                }
                yield List.of(one(r, "SELECT commune_name, province_name FROM mart.coverage WHERE geography = ?"
                        + " AND level = 'commune' AND commune_code = ? LIMIT 1", geo, r.scope()));
            }
            case UNIT_REPORT -> List.of(one(r, "SELECT CASE WHEN province_code_2025 = ? THEN province_name_2025"
                    + " WHEN commune_code_2025 = ? THEN commune_name_2025 ELSE district_name_2024 END, province_name_2025"
                    + " FROM mart.unit_progress WHERE year = ? AND (province_code_2025 = ? OR commune_code_2025 = ?"
                    + " OR district_code_2024 = ?) LIMIT 1", r.scope(), r.scope(), r.period().year(), r.scope(),
                    r.scope(), r.scope()));
            case UNIT_LIST -> List.of(one(r, "SELECT u.unit_name, coalesce(p.province_name_2025, '')"
                    + " FROM core.units u LEFT JOIN mart.unit_progress p ON p.unit_code = u.unit_code"
                    + " WHERE u.unit_code = ? LIMIT 1", r.scope()));
            // a unit known to core, or only to its findings (its own row was quarantined); one with nothing to fix
            // still gets its page, saying so
            case FIX_LIST -> List.of(one(r, "SELECT coalesce(u.unit_name, f.unit_name, w.unit_name, ?),"
                    + " coalesce(f.province_name_2025, p.province_name_2025, '')"
                    + " FROM (SELECT ? AS unit_code) s"
                    + " LEFT JOIN (SELECT * FROM core.units WHERE unit_code = ? LIMIT 1) u ON true"
                    + " LEFT JOIN (SELECT * FROM mart.fix_list WHERE unit_code = ? LIMIT 1) f ON true"
                    + " LEFT JOIN (SELECT * FROM mart.unit_progress WHERE unit_code = ? ORDER BY year DESC LIMIT 1) p ON true"
                    // the name as the unit's own row was written, when that row was not taken in
                    + " LEFT JOIN (SELECT unit_name FROM raw.units WHERE unit_code = ? AND unit_name IS NOT NULL"
                    + " ORDER BY ingested_at DESC LIMIT 1) w ON true"
                    + " WHERE u.unit_code IS NOT NULL OR f.unit_code IS NOT NULL",
                    r.scope(), r.scope(), r.scope(), r.scope(), r.scope(), r.scope()));
            case FIX_SUMMARY -> List.of(one(r, "SELECT province_name, province_name FROM ref.provinces_2025"
                    + " WHERE province_code = ? LIMIT 1", r.scope()));
        };
    }

    private ReportTarget one(ReportRequest r, String sql, Object... args) {
        List<String[]> rows = query(sql, args);
        if (rows.isEmpty()) {
            String what = switch (r.kind()) {
                case PROVINCE -> "province " + r.scope() + " has no figures on the " + r.effectiveGeography()
                        + " geography" + knownProvinces(r.effectiveGeography());
                case STATS_TABLE -> "no province or district " + r.scope() + " on the " + r.effectiveGeography()
                        + " geography" + knownProvinces(r.effectiveGeography());
                case COMMUNE -> "commune " + r.scope() + " has no figures on the " + r.effectiveGeography()
                        + " geography (to render every commune of a province, give the province code and --all)";
                case UNIT_REPORT -> "no unit in area " + r.scope() + " for " + r.period().year()
                        + ": give a 2025 province or commune code, or a 2024 district code";
                case UNIT_LIST -> "unit " + r.scope() + " is unknown (unit codes are case-sensitive, e.g. B51pzCjW)";
                case FIX_LIST -> "unit " + r.scope() + " is unknown: neither a unit of the warehouse nor one with data"
                        + " to fix (a unit code is the 8 letters and digits the unit hands out, case-sensitive,"
                        + " e.g. B51pzCjW)";
                case FIX_SUMMARY -> "province " + r.scope() + " is not a province of the 2025 geography: give its"
                        + " two-digit code (34 provinces since 1 July 2025, e.g. 51 for Quảng Ngãi, 01 for Hà Nội)";
            };
            throw new ReportException(what);
        }
        String[] row = rows.get(0);
        return new ReportTarget(r.scope(), row[0], VietnameseDates.placeName(row[1] == null ? "" : row[1]));
    }

    private List<ReportTarget> list(String sql, Object... args) {
        List<ReportTarget> out = new ArrayList<>();
        for (String[] row : query(sql, args)) {
            out.add(new ReportTarget(row[0], row[1], VietnameseDates.placeName(row[2])));
        }
        return out;
    }

    private void requirePeriod(ReportRequest r, String geo) {
        List<String[]> rows = query("SELECT max(as_of_month) FROM mart.coverage WHERE geography = ? AND year = ?",
                geo, r.period().year());
        String latest = rows.isEmpty() ? null : rows.get(0)[0];
        if (latest == null) {
            throw new ReportException("mart.coverage has no figures for " + r.period().year() + " on the " + geo
                    + " geography: ingest that year's data and run cdht indicators, or ask for another --period");
        }
        if (r.period().code().compareTo(latest) > 0) {
            throw new ReportException("mart.coverage has figures for " + r.period().year() + " up to " + latest
                    + " only: ask for --period " + latest + " or earlier, or ingest newer data and run cdht indicators");
        }
    }

    private String knownProvinces(String geo) {
        List<String[]> rows = query("SELECT DISTINCT province_code || ' ' || province_name FROM mart.coverage"
                + " WHERE geography = ? AND level = 'province' ORDER BY 1 LIMIT 12", geo);
        return rows.isEmpty() ? "" : " (provinces with figures: "
                + String.join(", ", rows.stream().map(x -> x[0]).toList()) + ")";
    }

    private List<String[]> query(String sql, Object... args) {
        try (PreparedStatement ps = duck.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = rs.getString(c + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ReportException("cannot read the report's data: " + ReportEngine.rootMessage(e), e);
        }
    }
}
