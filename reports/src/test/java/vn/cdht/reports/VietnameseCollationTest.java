package vn.cdht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/** Vietnamese order of names, numbers by value: the same in Java (ICU4J) and in the templates' SQL (DuckDB's ICU). */
class VietnameseCollationTest {

    /** The expected order, exactly. */
    private static final List<String> ORDERED = List.of("An", "Ánh", "Ăn", "Âu", "Ba", "Bắc", "Bình", "Dương", "Đà",
            "Đặng Quốc Huy", "Em", "Ê", "Nguyễn Thị Ngọc Ánh", "Ô", "Ơn", "Phường 2", "Phường 10", "số 6", "số 10",
            "thôn Ba", "thôn Bắc", "thôn Bình", "Trường Tiểu học số 2", "Trường Tiểu học số 12", "Ư", "Yên");

    private static List<String> shuffled() {
        List<String> names = new ArrayList<>(ORDERED);
        Collections.shuffle(names, new Random(13));
        return names;
    }

    @Test
    void javaSortsVietnameseNamesWithNumbersByValue() {
        List<String> names = shuffled();
        names.sort(VietnameseCollation.names());
        assertEquals(ORDERED, names);
    }

    @Test
    void sqlSortsThemTheSameWayOnEveryConnection() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            ReportData.installFunctions(duck);
            String values = shuffled().stream().map(n -> "('" + n + "')").collect(Collectors.joining(", "));
            try (Statement s = duck.createStatement()) {
                s.execute("CREATE TABLE names AS SELECT * FROM (VALUES " + values + ") t(name)");
            }
            // a duplicate (as FillPool opens) sees the macro
            try (Connection other = duck.unwrap(DuckDBConnection.class).duplicate()) {
                assertEquals(ORDERED, column(other, "SELECT name FROM names ORDER BY vi_sort_key(name) COLLATE vi, name"));
                // plain COLLATE vi (the bulletins' ORDER BY) still works: numbers digit by digit
                List<String> plain = column(other, "SELECT name FROM names ORDER BY name COLLATE vi");
                assertEquals(List.of("số 10", "số 6"), plain.subList(plain.indexOf("số 10"), plain.indexOf("số 10") + 2));
                assertEquals(List.of("Ba", "Bắc", "Bình", "Dương", "Đà"), plain.subList(plain.indexOf("Ba"), plain.indexOf("Ba") + 5));
            }
        }
    }

    @Test
    void theSqlKeyIsTheJavaKey() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            ReportData.installFunctions(duck);
            for (String name : List.of("số 6", "Phường 10", "12 Nguyễn Huệ 3a", "Thôn 1, xã 2", "", "không số",
                    "x123456789012345678901234")) {
                assertEquals(VietnameseCollation.sortKey(name),
                        column(duck, "SELECT vi_sort_key('" + name + "')").get(0), name);
            }
            assertNull(column(duck, "SELECT vi_sort_key(NULL)").get(0));
            assertEquals("số 00000000000000000006", VietnameseCollation.sortKey("số 6"));
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
