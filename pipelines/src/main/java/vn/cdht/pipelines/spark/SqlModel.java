package vn.cdht.pipelines.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One transformation: a SELECT statement in {@code sql/<layer>/<table>.sql} whose result becomes the table
 * {@code <layer>.<table>}. The SQL file is the documentation of how the table is computed.
 */
public record SqlModel(String layer, String table, String sql) {

    public static SqlModel load(String layer, String table) {
        return load(SqlModel.class.getClassLoader(), layer, table);
    }

    public static SqlModel load(ClassLoader loader, String layer, String table) {
        String path = "sql/" + layer + "/" + table + ".sql";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new SqlModel(layer, table, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    public String qualifiedName() {
        return layer + "." + table;
    }

    /** The SELECT without a trailing semicolon, ready to be wrapped in CREATE ... AS. */
    public String select() {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }
}
