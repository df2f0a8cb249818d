package vn.cdht.warehouse.migration;

import java.util.Arrays;
import java.util.List;

/** The statements of a SQL script: each ends with ';' at the end of a line; whole-line {@code --} comments dropped. */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static List<String> split(String script) {
        return Arrays.stream(script.split(";\\s*(\\r?\\n|$)"))
                .map(SqlStatements::withoutCommentLines)
                .filter(s -> !s.isBlank())
                .toList();
    }

    private static String withoutCommentLines(String statement) {
        return statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
    }
}
