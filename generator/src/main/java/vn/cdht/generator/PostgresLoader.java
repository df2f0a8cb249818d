package vn.cdht.generator;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import vn.cdht.warehouse.config.VietnamTime;

/**
 * Loads generated rows into the operational PostgreSQL database (schema {@code source/operational-schema.sql}, created
 * if missing) with batched inserts in one transaction. Rows that are already there (same key) are left as they are,
 * so loading the same spec twice changes nothing. Statuses are the database's: active | locked | deleted.
 */
public final class PostgresLoader implements RowSink {

    private static final int BATCH = 1000;

    private final Connection connection;
    private final PreparedStatement units;
    private final PreparedStatement accounts;
    private final PreparedStatement assessments;
    private final PreparedStatement scores;
    private final PreparedStatement recognitions;
    private int pending;
    private long scoreRows;

    public PostgresLoader(String url, String user, String password) throws SQLException {
        connection = DriverManager.getConnection(url, user, password);
        try {
            createSchema(connection);
            connection.setAutoCommit(false);
            units = connection.prepareStatement("INSERT INTO units (unit_code, unit_name, unit_type, province_code, "
                    + "district_code, commune_code, member_count, updated_at, status) VALUES (?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT DO NOTHING");
            accounts = connection.prepareStatement("INSERT INTO accounts (account_id, citizen_id, full_name, birth_date, "
                    + "sex, phone, province_code, district_code, commune_code, unit_code, citizen_group, registered_at, "
                    + "updated_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
            assessments = connection.prepareStatement("INSERT INTO self_assessments (assessment_id, account_id, year, "
                    + "criteria_set, citizen_group, total_score, result, submitted_at, updated_at, status) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
            scores = connection.prepareStatement("INSERT INTO assessment_scores (assessment_id, criterion_no, score) "
                    + "VALUES (?,?,?) ON CONFLICT DO NOTHING");
            recognitions = connection.prepareStatement("INSERT INTO recognitions (account_id, year, decision_no, "
                    + "decided_on, unit_code, updated_at, status) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs the operational DDL (CREATE … IF NOT EXISTS). */
    public static void createSchema(Connection c) throws SQLException {
        String ddl;
        try (InputStream in = PostgresLoader.class.getClassLoader().getResourceAsStream("source/operational-schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("source/operational-schema.sql is missing from the classpath");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the operational schema", e);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : ddl.split("\n")) {
            int comment = line.indexOf("--");
            sql.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        try (Statement s = c.createStatement()) {
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    /** Score rows inserted (ten per assessment). */
    public long scoreRows() {
        return scoreRows;
    }

    static String dbStatus(String fileStatus) {
        return switch (fileStatus) {
            case CitizenGenerator.LOCKED -> "locked";
            case CitizenGenerator.DELETED -> "deleted";
            default -> "active";
        };
    }

    private static OffsetDateTime ts(LocalDateTime t) {
        // operational timestamps are Vietnam local time
        return t == null ? null : t.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    private static void text(PreparedStatement p, int i, String v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.VARCHAR);
        } else {
            p.setString(i, v);
        }
    }

    @Override
    public void unit(UnitRow u, Unit unit) throws IOException {
        sql(() -> {
            units.setString(1, u.unitCode());
            units.setString(2, u.unitName());
            text(units, 3, u.unitType());
            text(units, 4, u.location().provinceCode());
            text(units, 5, u.location().districtCode());
            text(units, 6, u.location().communeCode());
            units.setInt(7, u.memberCount());
            units.setObject(8, ts(u.updatedAt()));
            units.setString(9, dbStatus(u.status()));
            units.addBatch();
        });
    }

    @Override
    public void account(AccountRow a, Unit unit) throws IOException {
        sql(() -> {
            accounts.setString(1, a.accountId());
            accounts.setString(2, a.citizenId());
            accounts.setString(3, a.fullName());
            accounts.setDate(4, a.birthDate() == null ? null : Date.valueOf(a.birthDate()));
            text(accounts, 5, a.sex());
            text(accounts, 6, a.phone());
            text(accounts, 7, a.location().provinceCode());
            text(accounts, 8, a.location().districtCode());
            text(accounts, 9, a.location().communeCode());
            text(accounts, 10, a.unitCode());
            text(accounts, 11, a.citizenGroup());
            accounts.setObject(12, ts(a.registeredAt()));
            accounts.setObject(13, ts(a.updatedAt()));
            accounts.setString(14, dbStatus(a.status()));
            accounts.addBatch();
        });
    }

    @Override
    public void assessment(AssessmentRow s) throws IOException {
        sql(() -> {
            assessments.setString(1, s.assessmentId());
            assessments.setString(2, s.accountId());
            assessments.setInt(3, s.year());
            text(assessments, 4, s.criteriaSet());
            text(assessments, 5, s.citizenGroup());
            assessments.setBigDecimal(6, s.totalScore());
            text(assessments, 7, s.result());
            assessments.setObject(8, ts(s.submittedAt()));
            assessments.setObject(9, ts(s.updatedAt()));
            assessments.setString(10, dbStatus(s.status()));
            assessments.addBatch();
            for (int i = 0; i < s.scores().size(); i++) {
                BigDecimal score = s.scores().get(i);
                scores.setString(1, s.assessmentId());
                scores.setShort(2, (short) (i + 1));
                scores.setBigDecimal(3, score);
                scores.addBatch();
                scoreRows++;
            }
        });
    }

    @Override
    public void recognition(RecognitionRow g) throws IOException {
        sql(() -> {
            recognitions.setString(1, g.accountId());
            recognitions.setInt(2, g.year());
            text(recognitions, 3, g.decisionNo());
            recognitions.setDate(4, g.decidedOn() == null ? null : Date.valueOf(g.decidedOn()));
            text(recognitions, 5, g.unitCode());
            recognitions.setObject(6, ts(g.updatedAt()));
            recognitions.setString(7, dbStatus(g.status()));
            recognitions.addBatch();
        });
    }

    @Override
    public void population(PopulationRow row) {
        // not in the web application's database
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private void sql(SqlAction action) throws IOException {
        try {
            action.run();
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new IOException("loading into PostgreSQL failed: " + next(e).getMessage(), e);
        }
    }

    private static SQLException next(SQLException e) {
        return e.getNextException() != null ? e.getNextException() : e;
    }

    // Parents before children: self_assessments before assessment_scores (foreign key).
    private void flush() throws SQLException {
        units.executeBatch();
        accounts.executeBatch();
        assessments.executeBatch();
        scores.executeBatch();
        recognitions.executeBatch();
        pending = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw new IOException("loading into PostgreSQL failed: " + next(e).getMessage(), e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to do
            }
        }
    }
}
