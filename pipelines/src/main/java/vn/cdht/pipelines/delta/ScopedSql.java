package vn.cdht.pipelines.delta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's SQL with some of the tables and views it names read through others ({@code core.accounts} through a view
 * of the accounts of a scope, {@code int_account_places} through the same model evaluated over that view): the same
 * rules over fewer rows, or over an older snapshot.
 */
final class ScopedSql {

    private final Map<String, String> replacements = new LinkedHashMap<>();

    /** Reads {@code name} (a table {@code core.accounts} or a view {@code int_account_places}) as {@code view}. */
    ScopedSql read(String name, String view) {
        replacements.put(name, view);
        return this;
    }

    Map<String, String> replacements() {
        return Map.copyOf(replacements);
    }

    String rewrite(String sql) {
        String out = sql;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            out = Pattern.compile("\\b" + Pattern.quote(r.getKey()) + "\\b").matcher(out)
                    .replaceAll(Matcher.quoteReplacement(r.getValue()));
        }
        return out;
    }
}
