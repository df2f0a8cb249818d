package vn.cdht.warehouse.analyst;

import java.util.stream.Collectors;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** The DuckDB type of an Iceberg type. */
final class DuckDbTypes {

    private DuckDbTypes() {
    }

    static String of(Type type) {
        return switch (type.typeId()) {
            case STRING -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
            case TIMESTAMP_NANO -> ((Types.TimestampNanoType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP_NS";
            case DECIMAL -> {
                Types.DecimalType d = (Types.DecimalType) type;
                yield "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
            }
            case UUID -> "UUID";
            case BINARY, FIXED -> "BLOB";
            case LIST -> of(((Types.ListType) type).elementType()) + "[]";
            case MAP -> "MAP(" + of(((Types.MapType) type).keyType()) + ", " + of(((Types.MapType) type).valueType()) + ")";
            case STRUCT -> "STRUCT(" + ((Types.StructType) type).fields().stream()
                    .map(f -> DuckDb.ident(f.name()) + " " + of(f.type()))
                    .collect(Collectors.joining(", ")) + ")";
            default -> throw new AnalystException("the Iceberg type " + type
                    + " has no DuckDB equivalent in the analyst database; leave it out of published tables");
        };
    }
}
