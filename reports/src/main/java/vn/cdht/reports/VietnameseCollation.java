package vn.cdht.reports;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of Vietnamese names, in Java and in the reports' SQL alike: the alphabet of Vietnamese (a ă â b c d đ e ê
 * … o ô ơ … u ư … y, tones after the letter: "Ba" &lt; "Bắc" &lt; "Bình", "Dương" &lt; "Đà", "Em" &lt; "Ê"), and numbers
 * inside names by value ("số 6" &lt; "số 10", "Phường 2" &lt; "Phường 10").
 *
 * <p>Both sides compare the same key with the same rules: {@link #sortKey} left-pads every run of digits with zeros to
 * {@value #DIGITS} digits, and the key is compared by ICU's collation for {@code vi} (ICU4J here, DuckDB's ICU
 * extension in SQL, where {@link ReportData} creates the macro {@value #SQL_MACRO} on every connection). A template
 * sorts names with {@code ORDER BY vi_sort_key(name) COLLATE vi, name}; a plain {@code ORDER BY name COLLATE vi}
 * still works, with numbers compared digit by digit. java.text.Collator is not used: the JDK's Vietnamese rules
 * are older than CLDR's and do not order spaces and punctuation as ICU does, so Java and SQL would disagree.
 */
public final class VietnameseCollation implements Comparator<String> {

    /** Digit runs are padded to this many digits (longer runs are left as they are). */
    public static final int DIGITS = 20;
    /** The DuckDB macro that computes {@link #sortKey} in SQL. */
    public static final String SQL_MACRO = "vi_sort_key";
    /** Creates {@value #SQL_MACRO}(s) in a DuckDB database: NULL for NULL, else the same key as {@link #sortKey}. */
    public static final String CREATE_SQL_MACRO = "CREATE OR REPLACE MACRO " + SQL_MACRO + "(s) AS"
            + " CASE WHEN s = '' THEN '' ELSE array_to_string(list_transform(regexp_extract_all(s, '[0-9]+|[^0-9]+'),"
            + " lambda p: CASE WHEN regexp_full_match(p, '[0-9]+') AND length(p) < " + DIGITS
            + " THEN lpad(p, " + DIGITS + ", '0') ELSE p END), '') END";

    private static final VietnameseCollation INSTANCE = new VietnameseCollation();
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]+");

    /** ICU collators are not thread-safe: one frozen (immutable, shareable) instance. */
    private final Collator collator;

    private VietnameseCollation() {
        Collator c = Collator.getInstance(new ULocale("vi"));
        this.collator = c.freeze();
    }

    /**
     * The comparator of names (not null: wrap it in {@link Comparator#nullsLast} for SQL's default order of NULLs).
     * Names of equal keys are ordered by code point, as the templates' second sort key does, so the order is total.
     */
    public static VietnameseCollation names() {
        return INSTANCE;
    }

    /** The key names are sorted by: every run of ASCII digits left-padded with zeros to {@value #DIGITS} digits. */
    public static String sortKey(String name) {
        if (name == null) {
            return null;
        }
        Matcher m = DIGIT_RUN.matcher(name);
        StringBuilder out = new StringBuilder(name.length() + 8);
        int last = 0;
        while (m.find()) {
            out.append(name, last, m.start());
            int len = m.end() - m.start();
            if (len < DIGITS) {
                out.append("0".repeat(DIGITS - len));
            }
            out.append(name, m.start(), m.end());
            last = m.end();
        }
        return out.append(name, last, name.length()).toString();
    }

    @Override
    public int compare(String a, String b) {
        int c = collator.compare(sortKey(a), sortKey(b));
        return c != 0 ? c : a.compareTo(b);
    }
}
