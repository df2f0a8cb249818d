package vn.cdht.pipelines.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.cdht.warehouse.migration.SqlStatements;

/** A file of several SQL statements, each ending with ';' at the end of a line (function definitions, DDL). */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<String> statements(String resourcePath) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new IllegalStateException(resourcePath + " is missing from the classpath");
            }
            return SqlStatements.split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resourcePath, e);
        }
    }

    public static void run(SparkSession spark, String resourcePath) {
        run(spark, resourcePath, Map.of());
    }

    /** Runs the script with each {@code ${name}} replaced by its value (a fact read from a reference file). */
    public static void run(SparkSession spark, String resourcePath, Map<String, String> values) {
        for (String statement : statements(resourcePath)) {
            String sql = statement;
            for (Map.Entry<String, String> v : values.entrySet()) {
                sql = sql.replace("${" + v.getKey() + "}", v.getValue());
            }
            if (sql.contains("${")) {
                throw new IllegalStateException(resourcePath + ": a ${...} has no value in " + values.keySet());
            }
            spark.sql(sql);
        }
    }
}
