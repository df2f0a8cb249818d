package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tables a report kind declares ({@link ReportKind#tables()}, what is loaded for it) are exactly the tables its
 * template's queries name: a query reading an undeclared table would fail on a missing table, and a declared table
 * no query reads would be loaded for nothing.
 */
class ReportTablesDeclaredTest {

    private static final Pattern QUERY = Pattern.compile("<query[^>]*><!\\[CDATA\\[(.*?)]]></query>", Pattern.DOTALL);
    private static final Pattern TABLE =
            Pattern.compile("\\b(?:mart|core|ref|restricted|raw|quarantine)\\.[a-z_][a-z0-9_]*\\b");

    @Test
    void everyKindDeclaresTheTablesItsQueriesName() throws IOException {
        for (ReportKind kind : ReportKind.values()) {
            assertEquals(new TreeSet<>(kind.tables()), named(template(kind)), kind.code() + " (" + kind.template() + ")");
        }
    }

    static Set<String> named(String jrxml) {
        Set<String> tables = new TreeSet<>();
        Matcher q = QUERY.matcher(jrxml);
        while (q.find()) {
            String sql = q.group(1)
                    .replaceAll("--[^\\n]*", "")      // comments
                    .replaceAll("'(?:[^']|'')*'", "''"); // literals
            Matcher t = TABLE.matcher(sql);
            while (t.find()) {
                tables.add(t.group());
            }
        }
        return tables;
    }

    private static String template(ReportKind kind) throws IOException {
        String path = "vn/cdht/reports/templates/" + kind.template() + ".jrxml";
        try (InputStream in = ReportTablesDeclaredTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
