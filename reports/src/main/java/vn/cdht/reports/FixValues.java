package vn.cdht.reports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fix-list prints of a value as it was written in the file: the unit's manager must recognise the row to
 * correct it in the software, but the fix-list shows no more personal data than the unit list does.
 * <ul>
 *   <li>the CCCD (field {@code citizen_id}) only through {@link CccdMask#mask}: its first three and last two
 *       characters, as on the unit list;</li>
 *   <li>the phone (field {@code phone}, and only when it is the field to correct: no other value carries it) only its
 *       last three digits;</li>
 *   <li>in every other value (and in account ids, record keys, names), any number of nine or more digits standing
 *       on its own, also written in groups with one separator (a CCCD or a phone typed in the wrong column, an
 *       account id that is a bare CCCD), masked as a CCCD is; ids of letters and digits ("TK51001000123",
 *       "PD2026991234567891") and dates and times stay as written, the manager looks them up in the software;</li>
 *   <li>a value longer than {@value #MAX_CHARS} characters (a pasted paragraph) cut, with "…".</li>
 * </ul>
 * The fix-list template prints values, account ids and names through these functions only.
 */
public final class FixValues {

    /** The longest value printed whole. */
    public static final int MAX_CHARS = 60;
    /** The longest name printed whole (a name that is a pasted paragraph is itself the finding). */
    public static final int MAX_NAME_CHARS = 40;
    /** What an empty cell prints as. */
    public static final String EMPTY = "(để trống)";
    private static final int PHONE_KEEP = 3;
    /**
     * A run of digits, or groups of digits joined by one and the same separator (a space, a dot, a dash or an
     * apostrophe): "051 304 123 453", "0905.123.456"; a date and time ("2026-11-24 09:30") is two runs, not one.
     */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])\\d+(?:([ .'-])\\d+(?:\\1\\d+)*)?(?![\\p{L}\\d])");
    private static final int LONG_DIGITS = 9;

    private FixValues() {
    }

    /**
     * The value of {@code field} as written, masked and shortened: {@code citizen_id} "051304123453" →
     * "051*******53", {@code phone} "0905 123 456" → "*******456", an empty cell → "(để trống)".
     */
    public static String shown(String field, String value) {
        if (value == null || value.isBlank()) {
            return EMPTY;
        }
        String v = value.strip();
        if ("citizen_id".equals(field)) {
            return shorten(CccdMask.mask(v));
        }
        if ("phone".equals(field)) {
            return phone(v);
        }
        return text(v);
    }

    /** A phone number: every digit a star but the last three, whatever was around them dropped: "*******456". */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return text(phone.strip()); // no number at all ("không có"): nothing to hide
        }
        int n = digits.length();
        return n <= PHONE_KEEP ? "*".repeat(n) : "*".repeat(n - PHONE_KEEP) + digits.substring(n - PHONE_KEEP);
    }

    /**
     * Free text (a name, an account id, a record key, any other value): every long run of digits masked, cut at
     * {@value #MAX_CHARS} characters; NULL stays NULL.
     */
    public static String text(String s) {
        if (s == null) {
            return null;
        }
        return shorten(maskNumbers(s.strip()));
    }

    /** A citizen's name, as {@link #text}, cut at {@value #MAX_NAME_CHARS} characters. */
    public static String name(String s) {
        String t = text(s);
        return t == null ? null : shorten(t, MAX_NAME_CHARS);
    }

    /** Every number of nine or more digits on its own (one separator allowed) masked as a CCCD: "051304123453" → "051*******53". */
    static String maskNumbers(String s) {
        Matcher m = NUMBER.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            m.appendReplacement(out, Matcher.quoteReplacement(digits.length() >= LONG_DIGITS ? CccdMask.mask(digits) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The finding as the fix-list names it: "Không được nhận" (quarantined) or "Cần kiểm tra" (a flag). */
    public static String finding(String finding) {
        if (finding == null) {
            return null;
        }
        return switch (finding) {
            case "quarantined" -> "Không được nhận";
            case "flag" -> "Cần kiểm tra";
            default -> finding;
        };
    }

    /** The kind of record, as the software's screens name it: "Tài khoản", "Phiếu tự đánh giá", ... */
    public static String entity(String entity) {
        if (entity == null) {
            return null;
        }
        return switch (entity) {
            case "accounts" -> "Tài khoản";
            case "units" -> "Đơn vị";
            case "self_assessments" -> "Phiếu tự đánh giá";
            case "recognitions" -> "Công nhận";
            case "population" -> "Dân số trong độ tuổi";
            default -> entity;
        };
    }

    /**
     * The record to open in the software: "Tài khoản", "Phiếu tự đánh giá PDG00012", "Công nhận năm 2026" (key
     * {@code account/year}), "Thông tin đơn vị", "Dân số trong độ tuổi năm 2026, xã 21211" (key {@code year/commune}).
     */
    public static String record(String entity, String recordKey) {
        if (entity == null) {
            return null;
        }
        String key = recordKey == null ? "" : text(recordKey);
        String last = key.contains("/") ? key.substring(key.lastIndexOf('/') + 1) : key;
        String first = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
        return switch (entity) {
            case "accounts" -> "Tài khoản";
            case "units" -> "Thông tin đơn vị";
            case "self_assessments" -> key.isEmpty() ? "Phiếu tự đánh giá" : "Phiếu tự đánh giá\n" + key;
            case "recognitions" -> last.isEmpty() ? "Công nhận" : "Công nhận năm " + last;
            case "population" -> key.isEmpty() ? "Dân số trong độ tuổi"
                    : "Dân số trong độ tuổi năm " + first + (last.equals(first) ? "" : ", xã " + last);
            default -> key.isEmpty() ? entity : entity + " " + key;
        };
    }

    private static String shorten(String s) {
        return shorten(s, MAX_CHARS);
    }

    private static String shorten(String s, int max) {
        int n = s.codePointCount(0, s.length());
        if (n <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }
}
