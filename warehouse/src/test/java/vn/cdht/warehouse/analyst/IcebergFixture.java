package vn.cdht.warehouse.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.catalog.IcebergCatalogs;
import vn.cdht.warehouse.config.CdhtConfig;

/**
 * Real Iceberg tables for tests, through the Iceberg Java API (no Spark): the embedded SQLite JDBC catalog, Parquet
 * data files written by Iceberg's generic writers, and position / equality delete files.
 */
final class IcebergFixture implements AutoCloseable {

    final Catalog catalog;

    IcebergFixture(Path home) {
        this.catalog = IcebergCatalogs.open(CatalogSettings.from(CdhtConfig.of(home, Map.of())));
    }

    /** A format-version 2 table; columns as {@code "name type, ..."} with Iceberg type names and {@code list<string>}. */
    Table create(String namespace, String name, String columns) {
        SupportsNamespaces sn = (SupportsNamespaces) catalog;
        if (!sn.namespaceExists(Namespace.of(namespace))) {
            sn.createNamespace(Namespace.of(namespace));
        }
        return catalog.createTable(TableIdentifier.of(namespace, name), schema(columns), PartitionSpec.unpartitioned(),
                Map.of("format-version", "2", "write.merge.mode", "merge-on-read"));
    }

    static Schema schema(String columns) {
        List<Types.NestedField> fields = new ArrayList<>();
        int id = 1;
        for (String col : columns.strip().split(",\\s*(?![^()]*\\))")) {
            String[] p = col.strip().split("\\s+", 2);
            fields.add(Types.NestedField.optional(id, p[0], type(p[1].strip(), 1000 + id)));
            id++;
        }
        return new Schema(fields);
    }

    private static Type type(String name, int elementId) {
        if (name.startsWith("list<")) {
            return Types.ListType.ofOptional(elementId, type(name.substring(5, name.length() - 1), elementId + 1));
        }
        return switch (name) {
            case "timestamptz" -> Types.TimestampType.withZone();
            case "timestamp" -> Types.TimestampType.withoutZone();
            default -> Types.fromPrimitiveString(name);
        };
    }

    /** Rows as alternating column names and values; columns not named are NULL. */
    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** Writes one Parquet data file with the rows and commits it; returns the file. */
    @SafeVarargs
    final DataFile append(Table table, Map<String, Object>... rows) {
        Schema schema = table.schema();
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
        try {
            DataWriter<Record> w = Parquet.writeData(out).schema(schema).createWriterFunc(GenericParquetWriter::create)
                    .withSpec(PartitionSpec.unpartitioned()).overwrite().build();
            try (w) {
                for (Map<String, Object> r : rows) {
                    w.write(record(schema, r));
                }
            }
            DataFile file = w.toDataFile();
            table.newAppend().appendFile(file).commit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes rows of a data file by position (0-based), as Spark's merge-on-read does. */
    void deletePositions(Table table, DataFile file, long... positions) {
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation("delete-" + UUID.randomUUID() + ".parquet"));
        try {
            PositionDeleteWriter<Record> w = Parquet.writeDeletes(out)
                    .withSpec(PartitionSpec.unpartitioned()).overwrite().buildPositionWriter();
            try (w) {
                for (long pos : positions) {
                    w.write(PositionDelete.<Record>create().set(file.location(), pos));
                }
            }
            DeleteFile delete = w.toDeleteFile();
            table.newRowDelta().addDeletes(delete).commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the rows whose {@code column} equals {@code value}, with an equality delete file. */
    void deleteEqual(Table table, String column, Object value) {
        Schema deleteSchema = table.schema().select(column);
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation("eq-" + UUID.randomUUID() + ".parquet"));
        try {
            EqualityDeleteWriter<Record> w = Parquet.writeDeletes(out).forTable(table).rowSchema(deleteSchema)
                    .createWriterFunc(GenericParquetWriter::create)
                    .equalityFieldIds(table.schema().findField(column).fieldId())
                    .withSpec(PartitionSpec.unpartitioned()).overwrite().buildEqualityWriter();
            try (w) {
                w.write(record(deleteSchema, row(column, value)));
            }
            table.newRowDelta().addDeletes(w.toDeleteFile()).commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Record record(Schema schema, Map<String, Object> values) {
        GenericRecord r = GenericRecord.create(schema);
        for (Types.NestedField f : schema.columns()) {
            Object v = values.get(f.name());
            if (v != null && f.type() instanceof Types.DecimalType d) {
                v = new BigDecimal(v.toString()).setScale(d.scale(), RoundingMode.UNNECESSARY);
            }
            r.setField(f.name(), v);
        }
        return r;
    }

    @Override
    public void close() throws Exception {
        if (catalog instanceof AutoCloseable c) {
            c.close();
        }
    }
}
