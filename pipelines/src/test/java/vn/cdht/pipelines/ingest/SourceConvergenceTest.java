package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.generator.GeneratorSpec;
import vn.cdht.generator.OperationalDataGenerator;
import vn.cdht.generator.OutputFormat;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.warehouse.testing.TestPostgres;

/**
 * The two ways in give the same warehouse: the same generated data as an export batch and as the operational
 * database end in the same core content (apart from lineage: which batch, file and row each came from).
 */
class SourceConvergenceTest {

    private static final String[] TABLES = {
        "SELECT * EXCEPT (batch_id, source_file, source_row) FROM core.units",
        "SELECT * EXCEPT (batch_id, source_file, source_row) FROM core.accounts",
        "SELECT * EXCEPT (batch_id, source_file, source_row) FROM core.self_assessments",
        "SELECT * EXCEPT (batch_id, source_file, source_row, version_at) FROM core.recognitions",
        "SELECT * EXCEPT (batch_id) FROM restricted.citizens",
        "SELECT * FROM core.yearly_assessments",
    };

    private final SparkSession spark = SharedWarehouse.spark();

    @Test
    void anExportBatchAndTheDatabaseGiveTheSameCore(@TempDir Path export) throws Exception {
        OperationalDataGenerator generator = new OperationalDataGenerator(m -> { });
        generator.generate(new GeneratorSpec("old:62", 2024, 2025, 0.002, 7, OutputFormat.CSV, export, 0, Optional.empty()));
        String url = TestPostgres.freshDatabase();
        generator.generate(new GeneratorSpec("old:62", 2024, 2025, 0.002, 7, OutputFormat.CSV, null, 0,
                Optional.of(new GeneratorSpec.JdbcTarget(url, TestPostgres.user(), TestPostgres.password()))));

        SharedWarehouse.clearIngestedData();
        IngestReport fromFiles = new BatchIngestion(spark, SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { }).run(export);
        assertTrue(fromFiles.reconciles());
        assertEquals(0, fromFiles.rowsQuarantined(), "clean data");
        List<List<Row>> viaFiles = contents();

        SharedWarehouse.clearIngestedData();
        IngestReport fromDatabase = SharedWarehouse.databaseIngestion()
                .run(new JdbcSource(url, TestPostgres.user(), TestPostgres.password()));
        assertTrue(fromDatabase.reconciles());
        List<List<Row>> viaDatabase = contents();

        for (int i = 0; i < TABLES.length; i++) {
            assertTrue(viaFiles.get(i).size() > 0, TABLES[i]);
            assertEquals(viaFiles.get(i), viaDatabase.get(i), TABLES[i]);
        }
    }

    private List<List<Row>> contents() {
        return java.util.Arrays.stream(TABLES)
                .map(sql -> spark.sql(sql).orderBy(spark.sql(sql).columns()[0], spark.sql(sql).columns()[1]).collectAsList())
                .toList();
    }
}
