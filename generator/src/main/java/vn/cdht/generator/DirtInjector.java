package vn.cdht.generator;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * Turns clean rows into the rows a real export would hold: each applicable kind of mess happens to a row with
 * probability {@code rate}. It draws from its own random stream, so the clean content is the same at any rate.
 */
final class DirtInjector {

    private static final DateTimeFormatter D_M_Y = DateTimeFormatter.ofPattern("d/M/yyyy");
    private static final DateTimeFormatter D_M_Y_TIME = DateTimeFormatter.ofPattern("d/M/yyyy H:mm:ss");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final double rate;
    private final SplittableRandom r;
    private final Locator locator;
    private final DirtReport report;

    DirtInjector(double rate, long seed, Locator locator, DirtReport report) {
        this.rate = rate;
        this.r = Seeds.random(seed, "dirt", "rows");
        this.locator = locator;
        this.report = report;
    }

    private boolean roll() {
        return r.nextDouble() < rate;
    }

    private void count(SourceEntity e, DirtKind k) {
        report.add(e, k);
    }

    List<Object[]> account(AccountRow row, Unit unit) {
        SourceEntity e = SourceEntity.ACCOUNTS;
        Object[] v = row.values();
        int cccd = idx(e, "citizen_id");
        List<Object[]> out = new ArrayList<>(2);
        if (roll() && row.updatedAt().isAfter(row.registeredAt())) {
            LocalDateTime older = CampaignCalendar.between(r, row.registeredAt(), row.updatedAt().minusSeconds(1));
            out.add(row.withVersion(older, unit.at(locator, older), CitizenGenerator.ACTIVE).values());
            count(e, DirtKind.ACCOUNT_OLDER_VERSION);
        }
        if (roll()) {
            v[cccd] = inconsistentCccd((String) v[cccd]);
            count(e, DirtKind.CCCD_INCONSISTENT);
        }
        if (roll()) {
            v[cccd] = Long.parseLong((String) v[cccd]);
            count(e, DirtKind.CCCD_11_DIGITS);
        } else if (roll()) {
            v[cccd] = "'" + v[cccd];
            count(e, DirtKind.CCCD_APOSTROPHE);
        } else if (roll()) {
            String s = (String) v[cccd];
            String sep = r.nextBoolean() ? " " : ".";
            v[cccd] = s.substring(0, 3) + sep + s.substring(3, 6) + sep + s.substring(6, 9) + sep + s.substring(9);
            count(e, DirtKind.CCCD_SPACES_DOTS);
        }
        nfd(e, v, "full_name");
        commune(e, v, row.updatedAt());
        if (roll()) {
            StringBuilder sb = new StringBuilder("ZZ");
            for (int i = 0; i < 6; i++) {
                sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
            }
            v[idx(e, "unit_code")] = sb.toString();
            count(e, DirtKind.UNKNOWN_UNIT_CODE);
        }
        dates(e, v, "birth_date", "registered_at", "updated_at");
        missing(e, v, "citizen_id", "full_name", "updated_at");
        out.add(v);
        duplicate(e, out);
        return out;
    }

    List<Object[]> unit(UnitRow row) {
        SourceEntity e = SourceEntity.UNITS;
        Object[] v = row.values();
        nfd(e, v, "unit_name");
        commune(e, v, row.updatedAt());
        dates(e, v, "updated_at");
        missing(e, v, "unit_name", "updated_at");
        List<Object[]> out = new ArrayList<>(2);
        out.add(v);
        duplicate(e, out);
        return out;
    }

    List<Object[]> assessment(AssessmentRow row) {
        SourceEntity e = SourceEntity.SELF_ASSESSMENTS;
        List<Object[]> out = new ArrayList<>(3);
        Object[] v = row.values();
        if (roll()) {
            Object[] orphan = row.values();
            String digits = String.format("99%09d", r.nextInt(1_000_000_000));
            orphan[idx(e, "account_id")] = "TK" + digits;
            orphan[idx(e, "assessment_id")] = "PD" + row.year() + digits + "1";
            out.add(orphan);
            count(e, DirtKind.ORPHAN_ASSESSMENT);
        }
        int total = idx(e, "total_score");
        if (roll()) {
            int k = r.nextInt(row.scores().size());
            BigDecimal bad = r.nextBoolean() ? new BigDecimal("12") : new BigDecimal("-1");
            v[idx(e, "score_" + (k + 1))] = bad;
            v[total] = row.totalScore().subtract(row.scores().get(k)).add(bad);
            count(e, DirtKind.SCORE_OUT_OF_RANGE);
        } else if (roll()) {
            BigDecimal delta = BigDecimal.valueOf((1 + r.nextInt(10)) / 2.0);
            v[total] = row.totalScore().add(r.nextBoolean() ? delta : delta.negate()).stripTrailingZeros().max(BigDecimal.ZERO);
            if (((BigDecimal) v[total]).compareTo(row.totalScore()) == 0) {
                v[total] = row.totalScore().add(delta);
            }
            count(e, DirtKind.TOTAL_NOT_SUM);
        } else if (roll()) {
            v[idx(e, "result")] = CitizenGenerator.ACHIEVED.equals(row.result())
                    ? CitizenGenerator.NOT_ACHIEVED : CitizenGenerator.ACHIEVED;
            count(e, DirtKind.RESULT_INCONSISTENT);
        }
        dates(e, v, "submitted_at", "updated_at");
        missing(e, v, "account_id", "submitted_at", "updated_at");
        out.add(v);
        duplicate(e, out);
        return out;
    }

    List<Object[]> recognition(RecognitionRow row) {
        SourceEntity e = SourceEntity.RECOGNITIONS;
        Object[] v = row.values();
        dates(e, v, "decided_on", "updated_at");
        List<Object[]> out = new ArrayList<>(2);
        out.add(v);
        duplicate(e, out);
        return out;
    }

    private void duplicate(SourceEntity e, List<Object[]> out) {
        if (roll()) {
            out.add(out.get(out.size() - 1).clone());
            count(e, DirtKind.DUPLICATE_ROW);
        }
    }

    private void nfd(SourceEntity e, Object[] v, String field) {
        if (roll()) {
            int i = idx(e, field);
            String nfd = Normalizer.normalize((String) v[i], Normalizer.Form.NFD);
            if (!nfd.equals(v[i])) {
                v[i] = nfd;
                count(e, DirtKind.NAME_NFD);
            }
        }
    }

    private void commune(SourceEntity e, Object[] v, LocalDateTime rowDate) {
        int i = idx(e, "commune_code");
        if (roll()) {
            var other = locator.otherGeographyCode((String) v[i], Locator.newGeographyAt(rowDate));
            if (other.isPresent()) {
                v[i] = other.get();
                count(e, DirtKind.COMMUNE_OTHER_GEOGRAPHY);
                return;
            }
        }
        if (roll()) {
            v[i] = "99" + String.format("%03d", r.nextInt(1000));
            count(e, DirtKind.UNKNOWN_COMMUNE);
        }
    }

    private void dates(SourceEntity e, Object[] v, String... fields) {
        if (roll()) {
            int i = typedDate(e, v, false, fields);
            if (i >= 0) {
                v[i] = v[i] instanceof LocalDateTime t ? D_M_Y_TIME.format(t) : D_M_Y.format((LocalDate) v[i]);
                count(e, DirtKind.DATE_D_M_YYYY);
            }
        }
        if (roll()) {
            int i = typedDate(e, v, false, fields);
            if (i >= 0) {
                v[i] = v[i] instanceof LocalDateTime t ? ISO_TIME.format(t) : ISO_DATE.format((LocalDate) v[i]);
                count(e, DirtKind.DATE_ISO);
            }
        }
        if (roll()) {
            int i = typedDate(e, v, true, fields);
            if (i >= 0) {
                v[i] = CsvBatchWriter.DATE.format((LocalDateTime) v[i]);
                count(e, DirtKind.DATE_NO_TIME);
            }
        }
        if (roll()) {
            int i = typedDate(e, v, false, fields);
            if (i >= 0) {
                int year = v[i] instanceof LocalDateTime t ? t.getYear() : ((LocalDate) v[i]).getYear();
                v[i] = switch (r.nextInt(3)) {
                    case 0 -> "31/02/" + year;
                    case 1 -> "abc";
                    default -> "00/13/" + year;
                };
                count(e, DirtKind.UNPARSEABLE_DATE);
            }
        }
    }

    /** A random field among those still holding a typed date (a timestamp when asked), or -1. */
    private int typedDate(SourceEntity e, Object[] v, boolean timestampOnly, String... fields) {
        List<Integer> candidates = new ArrayList<>();
        for (String f : fields) {
            int i = idx(e, f);
            if (v[i] instanceof LocalDateTime || (!timestampOnly && v[i] instanceof LocalDate)) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? -1 : candidates.get(r.nextInt(candidates.size()));
    }

    private void missing(SourceEntity e, Object[] v, String... fields) {
        if (roll()) {
            v[idx(e, fields[r.nextInt(fields.length)])] = null;
            count(e, DirtKind.MISSING_REQUIRED);
        }
    }

    /** Flips the sex of the sex/century digit, or shifts the year digits. */
    private String inconsistentCccd(String id) {
        char[] c = id.toCharArray();
        if (r.nextBoolean()) {
            c[3] = (char) ('0' + ((c[3] - '0') ^ 1));
        } else {
            int yy = (c[4] - '0') * 10 + (c[5] - '0');
            yy = (yy + 1 + r.nextInt(20)) % 100;
            c[4] = (char) ('0' + yy / 10);
            c[5] = (char) ('0' + yy % 10);
        }
        return new String(c);
    }

    private static final java.util.Map<SourceEntity, List<String>> NAMES = new java.util.EnumMap<>(SourceEntity.class);

    static {
        for (SourceEntity e : SourceEntity.values()) {
            NAMES.put(e, e.fieldNames());
        }
    }

    private static int idx(SourceEntity e, String field) {
        int i = NAMES.get(e).indexOf(field);
        if (i < 0) {
            throw new IllegalStateException(e + " has no field " + field);
        }
        return i;
    }
}
