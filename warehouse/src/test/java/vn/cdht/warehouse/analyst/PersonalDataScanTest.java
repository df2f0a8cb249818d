package vn.cdht.warehouse.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataScanTest {

    @TempDir
    Path dir;

    private Path database(String... statements) throws Exception {
        Path db = dir.resolve("scan.duckdb");
        try (Connection c = DuckDb.open(db); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA core");
            st.execute("CREATE TABLE core.accounts (account_id VARCHAR, citizen_key VARCHAR, note VARCHAR,"
                    + " flags VARCHAR[], n BIGINT)");
            st.execute("INSERT INTO core.accounts VALUES ('TK0001', "
                    + "'3f8a0123456789012b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809100', 'số 12/QĐ-UBND', ['ORPHAN'],"
                    + " 123456789012)");
            for (String s : statements) {
                st.execute(s);
            }
        }
        return db;
    }

    @Test
    void findsNothingInCleanData() throws Exception {
        Path db = database("CREATE VIEW v AS SELECT '012345678901' AS x");
        assertEquals(List.of(), new PersonalDataScan(Set.of("Nguyễn Văn An")).scan(db));
    }

    @Test
    void findsAPlantedCccdWithOrWithoutItsLeadingZero() throws Exception {
        Path db = database("INSERT INTO core.accounts VALUES ('TK2', 'k', 'CCCD 051234567890', [], 1)",
                "CREATE TABLE main.other (a VARCHAR, b VARCHAR[])",
                "INSERT INTO main.other VALUES ('x', ['y', '51234567890'])");
        List<PersonalDataScan.Finding> findings = new PersonalDataScan().scan(db);
        assertEquals(List.of(new PersonalDataScan.Finding("core.accounts", "note", "CCCD", "CCCD 051234567890"),
                new PersonalDataScan.Finding("main.other", "b", "CCCD", "51234567890")), findings);
        assertEquals("CCCD 051…", PersonalDataScan.mask(findings.get(0).sample()));
    }

    @Test
    void findsAPlantedName() throws Exception {
        Path db = database("INSERT INTO core.accounts VALUES ('TK2', 'k', NULL, ['họ tên: Nguyễn Văn An'], 1)");
        assertEquals(List.of(new PersonalDataScan.Finding("core.accounts", "flags", "listed string", "họ tên: Nguyễn Văn An")),
                new PersonalDataScan(Set.of("Nguyễn Văn An", " ")).scan(db));
    }
}
