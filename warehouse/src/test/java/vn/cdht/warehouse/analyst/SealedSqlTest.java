package vn.cdht.warehouse.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SealedSqlTest {

    @Test
    void findsTheFirstWordOfEveryStatement() {
        assertEquals(Optional.of("COPY"), SealedSql.refused("copy t TO 'x.csv'"));
        assertEquals(Optional.of("ATTACH"), SealedSql.refused("SELECT 1;\n-- then\n  Attach 'x.duckdb'"));
        assertEquals(Optional.of("LOAD"), SealedSql.refused("/* a /* nested */ comment */ LOAD httpfs"));
        assertEquals(Optional.of("FORCE INSTALL"), SealedSql.refused("FORCE INSTALL httpfs"));
        assertEquals(Optional.of("EXPORT"), SealedSql.refused("SELECT 'a;b'; EXPORT DATABASE 'd'"));
        assertEquals(Optional.of("enable_logging"), SealedSql.refused("CALL enable_logging(storage = 'file')"));
    }

    @Test
    void leavesQueriesThatOnlyMentionThoseWords() {
        for (String sql : List.of("SELECT 'COPY x TO y' AS s", "SELECT 1 -- ; load httpfs", "SELECT 1 /* ; attach */",
                "SELECT \"load\" FROM (SELECT 1 AS \"load\")", "SELECT $$; ATTACH 'x'$$", "SELECT $tag$; COPY$tag$",
                "SELECT E'it\\'s; LOAD x'", "SELECT 'it''s; install' AS s", "FROM mart.coverage WHERE level = 'province';",
                "SELECT load_date FROM t", "")) {
            assertEquals(Optional.empty(), SealedSql.refused(sql), sql);
        }
    }
}
