package vn.cdht.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Which rows of the kind's tables a report loads. The unit list and the fix-list load only their unit's rows: the
 * personal data of other units' citizens is never read. Each filter may name the tables loaded before it (the kind's
 * order): the fix-list's raw rows are those its unit's mart.fix_list rows point at (batch, file, row number), its
 * accounts and citizens those its rows name.
 */
final class ReportTables {

    private ReportTables() {
    }

    static List<ReportData.TableLoad> loads(ReportRequest r) {
        List<ReportData.TableLoad> loads = new ArrayList<>();
        String scope = "'" + r.scope() + "'"; // a code of letters and digits only (ReportRequest checks it)
        int year = r.period().year();
        for (String table : r.kind().tables()) {
            String filter = switch (r.kind()) {
                case UNIT_LIST -> switch (table) {
                    case "core.units", "core.accounts" -> "unit_code = " + scope;
                    case "core.yearly_assessments", "core.recognitions" ->
                            "year = " + year + " AND account_id IN (SELECT account_id FROM core.accounts)";
                    case "restricted.citizens" -> "citizen_key IN (SELECT citizen_key FROM core.accounts)";
                    case "mart.unit_progress" -> "unit_code = " + scope + " AND year = " + year;
                    default -> null;
                };
                case FIX_LIST -> switch (table) {
                    case "core.units", "mart.fix_list", "mart.unit_progress" -> "unit_code = " + scope;
                    // the unit's own counts (new, fixed), and the batch the data runs to when the unit has none:
                    // aggregates of its province, no personal data
                    case "mart.fix_summary" -> "unit_code = " + scope + " OR province_code_2025 IN"
                            + " (SELECT province_code_2025 FROM core.units UNION SELECT province_code_2025 FROM mart.fix_list)";
                    case "core.accounts" -> "account_id IN (SELECT account_id FROM mart.fix_list)";
                    case "restricted.citizens" -> "citizen_key IN (SELECT citizen_key FROM core.accounts)";
                    default -> {
                        if (!table.startsWith("raw.")) {
                            throw new IllegalStateException("no filter for " + table + " of the fix-list");
                        }
                        yield "(batch_id, file_name, row_number) IN (SELECT batch_id, file_name, row_number"
                                + " FROM mart.fix_list WHERE entity = '" + table.substring("raw.".length()) + "')";
                    }
                };
                case FIX_SUMMARY -> switch (table) {
                    case "mart.fix_summary" -> "province_code_2025 = " + scope;
                    case "ref.provinces_2025" -> "province_code = " + scope;
                    default -> null;
                };
                case UNIT_REPORT -> "year = " + year;
                default -> null;
            };
            loads.add(new ReportData.TableLoad(table, filter));
        }
        return loads;
    }
}
