package vn.cdht.pipelines.delta;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cdht.pipelines.spark.SqlModel;

/**
 * A model of {@code sql/agg/} as its delta maintenance reads it: the group it sums by, from its header line
 * {@code -- keys: a, b, c}; every other column is a measure summed over the group's rows, {@value #CONTRIBUTIONS}
 * among them (the rows summed: a group whose count falls to 0 is removed).
 */
record DeltaModel(SqlModel sql, List<String> keys) {

    static final String CONTRIBUTIONS = "contributions";
    private static final Pattern KEYS = Pattern.compile("(?m)^--\\s*keys:\\s*(.+)$");

    static DeltaModel of(SqlModel sql) {
        Matcher m = KEYS.matcher(sql.sql());
        if (!m.find()) {
            throw new IllegalStateException("sql/" + sql.layer() + "/" + sql.table() + ".sql has no '-- keys: ...' line:"
                    + " the columns it sums by");
        }
        return new DeltaModel(sql, Arrays.stream(m.group(1).split(",")).map(String::strip).toList());
    }
}
