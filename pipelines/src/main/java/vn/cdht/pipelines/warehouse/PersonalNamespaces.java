package vn.cdht.pipelines.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import vn.cdht.warehouse.privacy.OwnerOnly;

/** The namespaces whose tables hold personal data (CCCD, names, raw rows), and their folders kept owner-only. */
public final class PersonalNamespaces {

    public static final List<String> NAMES = List.of("raw", "restricted", "quarantine");

    private PersonalNamespaces() {
    }

    /**
     * Creates them if missing, each folder owner-only (rwx------) on a local warehouse, also one left readable by an
     * older version; before any migration creates a table in them, so that no file of theirs is ever readable by others.
     * Object storage keeps its own ACLs.
     */
    public static void prepare(SparkSession spark) {
        for (String ns : NAMES) {
            spark.sql("CREATE NAMESPACE IF NOT EXISTS " + ns);
            ownerOnly(spark, ns);
        }
    }

    private static void ownerOnly(SparkSession spark, String ns) {
        Optional<Path> folder = spark.sql("DESCRIBE NAMESPACE " + ns).collectAsList().stream()
                .filter(r -> "Location".equalsIgnoreCase(r.getString(0)) && r.getString(1) != null && !r.getString(1).isBlank())
                .findFirst().flatMap(r -> OwnerOnly.localPath(r.getString(1)));
        if (folder.isPresent()) {
            try {
                OwnerOnly.createDirectories(folder.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the folder of namespace " + ns + " (" + folder.get()
                        + ") readable by its owner only: " + e.getMessage(), e);
            }
        }
    }
}
