package vn.cdht.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Which rows of the kind's tables a report loads. The unit list loads only its unit's rows: the personal data of
 * other units' citizens is never read.
 */
final class ReportTables {

    private ReportTables() {
    }

    static List<ReportData.TableLoad> loads(ReportRequest r) {
        List<ReportData.TableLoad> loads = new ArrayList<>();
        String unit = "'" + r.scope() + "'"; // a code of letters and digits only (ReportRequest checks it)
        int year = r.period().year();
        for (String table : r.kind().tables()) {
            String filter = switch (r.kind()) {
                case UNIT_LIST -> switch (table) {
                    case "core.units", "core.accounts" -> "unit_code = " + unit;
                    case "core.yearly_assessments", "core.recognitions" ->
                            "year = " + year + " AND account_id IN (SELECT account_id FROM core.accounts)";
                    case "restricted.citizens" -> "citizen_key IN (SELECT citizen_key FROM core.accounts)";
                    case "mart.unit_progress" -> "unit_code = " + unit + " AND year = " + year;
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
