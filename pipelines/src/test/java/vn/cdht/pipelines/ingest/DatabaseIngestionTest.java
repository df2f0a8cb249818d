package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.warehouse.testing.TestPostgres;

/** Incremental reads of a real PostgreSQL operational database: inserts, then updates and soft deletes. */
class DatabaseIngestionTest {

    private final SparkSession spark = SharedWarehouse.spark();

    @Test
    void incrementalRunsFollowInsertsUpdatesAndSoftDeletes() throws Exception {
        SharedWarehouse.clearIngestedData();
        String url = TestPostgres.freshDatabase();
        JdbcSource source = new JdbcSource(url, TestPostgres.user(), TestPostgres.password());
        execute(url, resource("source/operational-schema.sql"));
        execute(url, """
                INSERT INTO units VALUES ('B51pzCjW', 'Trường Tiểu học Quang Trung', 'Trường học', '62', '608', '23281', 30,
                                          '2024-03-01 08:00:00+07', 'active');
                INSERT INTO accounts VALUES
                  ('TK1', '062090123456', 'Nguyễn Văn An', '1990-05-01', 'Nam', '0912345678', '62', '608', '23281', 'B51pzCjW', 'III',
                   '2024-03-05 09:00:00+07', '2024-03-05 09:00:00+07', 'active'),
                  ('TK2', '062301654321', 'Trần Thị Bình', '2001-02-02', 'Nữ', NULL, '51', NULL, '23293', 'B51pzCjW', 'Nhóm III',
                   '2025-08-01 10:00:00+07', '2025-08-01 10:00:00+07', 'active'),
                  ('TK3', '062085000111', 'Lê Văn Cường', '1990-01-01', 'Nam', NULL, '62', '608', '23281', 'B51pzCjW', 'III',
                   '2024-04-01 10:00:00+07', '2024-04-01 10:00:00+07', 'active');
                INSERT INTO self_assessments VALUES
                  ('P1', 'TK1', 2024, '324/QĐ-KHVN', 'III', 80, 'Đạt', '2024-09-10 10:00:00+07', '2024-09-10 10:00:00+07', 'active'),
                  ('P2', 'TK1', 2024, '324/QĐ-KHVN', 'III', 60, 'Đạt', '2024-10-10 10:00:00+07', '2024-10-10 10:00:00+07', 'active'),
                  ('P3', 'TK2', 2025, '324/QĐ-KHVN', 'III', 99, 'Đạt', '2025-09-10 10:00:00+07', '2025-09-10 10:00:00+07', 'active'),
                  ('P4', 'TK-GHOST', 2025, '324/QĐ-KHVN', 'III', 80, 'Đạt', '2025-09-11 10:00:00+07', '2025-09-11 10:00:00+07', 'active');
                INSERT INTO assessment_scores SELECT 'P1', n, 8 FROM generate_series(1, 10) n;
                INSERT INTO assessment_scores SELECT 'P2', n, 6 FROM generate_series(1, 10) n;
                INSERT INTO assessment_scores SELECT 'P3', n, 8 FROM generate_series(1, 10) n;
                INSERT INTO assessment_scores SELECT 'P4', n, 8 FROM generate_series(1, 10) n;
                INSERT INTO recognitions VALUES ('TK1', 2024, '12/QĐ-THQT', '2024-11-20', 'B51pzCjW', '2024-11-20 15:00:00+07', 'active');
                """);

        IngestReport first = SharedWarehouse.databaseIngestion().run(source);
        assertTrue(first.reconciles(), first.toString());
        assertEquals(9, first.rowsRead());
        assertEquals(2, first.rowsQuarantined(), "TK3 (CCCD says born 1985) and P3 (total 99 is not the sum 80)");
        assertEquals(7, first.rowsAccepted());
        assertEquals(List.of("CCCD_BIRTH_YEAR_MISMATCH"), reasons("TK3"));
        assertEquals(2, count("SELECT * FROM core.accounts"));
        assertEquals(2, count("SELECT * FROM restricted.citizens"));
        assertEquals(0, count("SELECT * FROM core.accounts a JOIN restricted.citizens r ON a.citizen_key = r.citizen_id"));
        // TK1 was registered on the old geography: its commune went wholly into Phường Kon Tum (23293) of Quảng Ngãi.
        Row tk1 = spark.sql("SELECT geography, commune_code_2024, district_code_2024, commune_code_2025, province_code_2025"
                + " FROM core.accounts WHERE account_id = 'TK1'").first();
        assertEquals(List.of("2024", "23281", "608", "23293", "51"), List.of(tk1.getString(0), tk1.getString(1),
                tk1.getString(2), tk1.getString(3), tk1.getString(4)));
        assertEquals("2025", spark.sql("SELECT geography FROM core.accounts WHERE account_id = 'TK2'").first().getString(0));
        // P2 is TK1's latest submission of 2024, so it is the one that counts.
        assertEquals("P2", yearly("TK1", 2024));
        assertEquals(1L, first.orphanAssessmentsInCore(), "P4's account does not exist");

        execute(url, """
                UPDATE accounts SET status = 'deleted', updated_at = '2025-10-01 08:00:00+07' WHERE account_id = 'TK1';
                UPDATE self_assessments SET status = 'deleted', updated_at = '2025-10-01 08:00:00+07' WHERE assessment_id = 'P2';
                INSERT INTO accounts VALUES
                  ('TK4', '051195000777', 'Phạm Thị Dung', '1995-06-06', 'Nữ', NULL, '51', NULL, '23293', 'B51pzCjW', 'III',
                   '2025-10-02 08:00:00+07', '2025-10-02 08:00:00+07', 'active');
                """);
        IngestReport second = SharedWarehouse.databaseIngestion().run(source);
        assertTrue(second.reconciles(), second.toString());
        assertEquals(3, second.rowsAccepted(), second.toString());
        assertEquals("deleted", spark.sql("SELECT status FROM core.accounts WHERE account_id = 'TK1'").first().getString(0));
        assertEquals(3, count("SELECT * FROM core.accounts"));
        assertEquals("P1", yearly("TK1", 2024), "P2 was deleted: P1 counts again");

        List<Row> before = spark.sql("SELECT * FROM core.accounts ORDER BY account_id").collectAsList();
        IngestReport third = SharedWarehouse.databaseIngestion().run(source);
        assertTrue(third.reconciles(), third.toString());
        assertEquals(0, third.rowsAccepted(), "rows inside the safety overlap are read again but change nothing");
        assertEquals(before, spark.sql("SELECT * FROM core.accounts ORDER BY account_id").collectAsList());
    }

    private List<String> reasons(String accountId) {
        return spark.sql("SELECT reasons FROM quarantine.rows WHERE entity = 'accounts' AND raw_line LIKE '" + accountId + ",%'")
                .first().getList(0);
    }

    private String yearly(String accountId, int year) {
        return spark.sql("SELECT assessment_id FROM core.yearly_assessments WHERE account_id = '" + accountId
                + "' AND year = " + year).first().getString(0);
    }

    private long count(String sql) {
        return spark.sql(sql).count();
    }

    static String resource(String path) throws IOException {
        try (InputStream in = DatabaseIngestionTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
