package vn.cdht.warehouse.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The statements a sealed analyst connection refuses before DuckDB sees them: those whose point is a file or an
 * extension. DuckDB's own settings ({@link DuckDb#SEALED}) are what keeps files out; this only answers them plainly,
 * so it reads just enough SQL to find each statement's first words (outside strings, quoted names and comments).
 */
final class SealedSql {

    private static final Set<String> REFUSED_FIRST = Set.of("ATTACH", "COPY", "INSTALL", "LOAD", "EXPORT", "IMPORT");

    /** Logging to a file fails only later, and then on every statement until the connection closes. */
    private static final String FILE_LOGGING = "ENABLE_LOGGING";

    private SealedSql() {
    }

    /** The first refused word of {@code sql} (ATTACH, COPY, ...), if any of its statements is refused. */
    static Optional<String> refused(String sql) {
        for (List<String> words : statements(sql)) {
            if (words.isEmpty()) {
                continue;
            }
            String first = words.get(0);
            if (REFUSED_FIRST.contains(first)) {
                return Optional.of(first);
            }
            if (first.equals("FORCE") && words.size() > 1 && words.get(1).equals("INSTALL")) {
                return Optional.of("FORCE INSTALL");
            }
            if (words.contains(FILE_LOGGING)) {
                return Optional.of(FILE_LOGGING.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** The bare words (upper case) of each statement, split at ';'. */
    static List<List<String>> statements(String sql) {
        List<List<String>> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == ';') {
                out.add(words);
                words = new ArrayList<>();
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
            } else if (c == '\'') {
                i = skipQuoted(sql, i, '\'', false);
            } else if (c == '"') {
                i = skipQuoted(sql, i, '"', false);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                String word = sql.substring(start, i);
                if (i < n && sql.charAt(i) == '\'' && word.equalsIgnoreCase("E")) {
                    i = skipQuoted(sql, i, '\'', true);
                } else {
                    words.add(word.toUpperCase(Locale.ROOT));
                }
            } else {
                i++;
            }
        }
        out.add(words);
        return out;
    }

    /** Past a quoted text starting at {@code i}; a doubled quote is one quote, and with backslashes {@code \'} too. */
    private static int skipQuoted(String sql, int i, char quote, boolean backslashes) {
        int j = i + 1;
        while (j < sql.length()) {
            char c = sql.charAt(j);
            if (backslashes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return sql.length();
    }

    /** Block comments nest, as in PostgreSQL, whose grammar DuckDB's parser comes from. */
    private static int skipBlockComment(String sql, int i) {
        int depth = 0;
        int j = i;
        while (j < sql.length()) {
            if (sql.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (sql.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} at {@code i} (a dollar-quoted string), or NULL ({@code $1} is a parameter). */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }
}
