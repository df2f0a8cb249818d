package vn.cdht.pipelines.reference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.cdht.pipelines.spark.SqlModel;
import vn.cdht.pipelines.spark.TableMaterializer;
import vn.cdht.warehouse.reference.SourceTable;

/**
 * Loads the reference geography and the versioned rules into the Iceberg namespace {@code ref}, one SQL model per
 * table. Idempotent: a table whose inputs (source files and SQL) are unchanged is left as it is; a changed one is
 * replaced in one atomic commit. The anomalies found are reported, never fatal.
 */
public final class ReferenceLoad {

    public static final String NAMESPACE = "ref";

    /** Tables of {@code ref}, in load order; each is {@code sql/ref/<name>.sql}. */
    public static final List<String> TABLES = List.of(
            "provinces_2024", "districts_2024", "communes_2024",
            "provinces_2025", "communes_2025",
            "province_crosswalk", "commune_crosswalk", "commune_lookup", "commune_readings", "allocation_weights",
            "citizen_groups", "criteria_sets", "achievement_rules", "digital_skills", "targets", "fix_reasons", "source_fields",
            "anomalies");

    private final SparkSession spark;
    private final TableMaterializer materializer;
    private final Consumer<String> progress;

    public ReferenceLoad(SparkSession spark, Consumer<String> progress) {
        this.spark = spark;
        this.materializer = new TableMaterializer(spark);
        this.progress = progress;
    }

    /**
     * Whether every table of {@code ref} holds what a load of {@code sources} would write (the fingerprints it recorded
     * match), read from the catalog without Spark: a run with nothing new to ingest starts Spark only when not.
     */
    public static boolean upToDate(List<SourceTable> sources, Catalog catalog) {
        String inputs = digest(sources);
        for (String table : TABLES) {
            SqlModel model = SqlModel.load(NAMESPACE, table);
            TableIdentifier id = TableIdentifier.of(NAMESPACE, table);
            if (!catalog.tableExists(id)
                    || !sha256(inputs + "\n" + model.sql()).equals(catalog.loadTable(id).properties().get(TableMaterializer.FINGERPRINT))) {
                return false;
            }
        }
        return true;
    }

    public ReferenceLoadResult run(List<SourceTable> sources) {
        String inputs = registerSources(sources);
        materializer.ensureNamespace(NAMESPACE);
        List<ReferenceLoadResult.TableLoad> loads = new ArrayList<>();
        for (String table : TABLES) {
            SqlModel model = SqlModel.load(NAMESPACE, table);
            String fingerprint = sha256(inputs + "\n" + model.sql());
            boolean unchanged = materializer.fingerprint(model.qualifiedName()).map(fingerprint::equals).orElse(false);
            if (!unchanged) {
                progress.accept("loading " + model.qualifiedName());
                materializer.replace(model, fingerprint);
            }
            long rows = spark.table(model.qualifiedName()).count();
            loads.add(new ReferenceLoadResult.TableLoad(model.qualifiedName(), rows, !unchanged));
        }
        return new ReferenceLoadResult(loads, anomalies());
    }

    private Map<String, List<String>> anomalies() {
        Map<String, List<String>> byCheck = new LinkedHashMap<>();
        for (Row r : spark.sql("SELECT check_name, detail FROM ref.anomalies ORDER BY check_name, subject_code").collectAsList()) {
            byCheck.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        }
        return byCheck;
    }

    /** Registers each source file as the temporary view {@code src_<name>}; returns a digest of all inputs. */
    private String registerSources(List<SourceTable> sources) {
        for (SourceTable source : sources) {
            List<StructField> fields = source.columns().stream()
                    .map(c -> DataTypes.createStructField(c, DataTypes.StringType, true))
                    .toList();
            List<Row> rows = source.rows().stream().map(r -> RowFactory.create(r.toArray())).toList();
            spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
                    .createOrReplaceTempView("src_" + source.name());
        }
        return digest(sources);
    }

    /** What a load reads, as the fingerprints record it: each source's name and hash. */
    private static String digest(List<SourceTable> sources) {
        StringBuilder digest = new StringBuilder();
        for (SourceTable source : sources) {
            digest.append(source.name()).append('=').append(source.sha256()).append('\n');
        }
        return digest.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
