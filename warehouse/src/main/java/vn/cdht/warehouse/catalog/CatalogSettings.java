package vn.cdht.warehouse.catalog;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/**
 * The Iceberg catalog as configured: its name and the catalog properties that both Spark
 * ({@code spark.sql.catalog.<name>.*}) and the Iceberg Java API ({@link IcebergCatalogs}) are given.
 */
public record CatalogSettings(String name, Map<String, String> properties) {

    public CatalogSettings {
        properties = Map.copyOf(properties);
    }

    public static CatalogSettings from(CdhtConfig config) {
        String name = config.require("catalog.name");
        String type = config.require("catalog.type").toLowerCase(Locale.ROOT);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("warehouse", warehouseLocation(config.require("catalog.warehouse")));
        switch (type) {
            case "jdbc" -> {
                String uri = config.require("catalog.uri");
                p.put("uri", uri);
                config.find("catalog.user").ifPresent(u -> p.put("jdbc.user", u));
                config.find("catalog.password").ifPresent(pw -> p.put("jdbc.password", pw));
                // V1 schema: the catalog can also hold views.
                p.put("jdbc.schema-version", "V1");
                if (uri.startsWith("jdbc:sqlite:")) {
                    // SQLite has one writer: wait for the lock instead of failing at once.
                    p.put("jdbc.busy_timeout", "30000");
                    p.put("jdbc.journal_mode", "WAL");
                }
            }
            case "rest" -> p.put("uri", config.require("catalog.uri"));
            case "hadoop" -> { }
            default -> throw new ConfigException(
                    "catalog.type must be jdbc, rest or hadoop, not '" + type + "'");
        }
        p.putAll(config.subset("catalog.property"));
        return new CatalogSettings(name, p);
    }

    public String type() {
        return properties.get("type");
    }

    public String warehouse() {
        return properties.get("warehouse");
    }

    /** A file path inside the SQLite catalog URI, if the catalog is an embedded SQLite file. */
    public java.util.Optional<Path> sqliteFile() {
        String uri = properties.get("uri");
        if (uri != null && uri.startsWith("jdbc:sqlite:")) {
            String path = uri.substring("jdbc:sqlite:".length());
            int q = path.indexOf('?');
            return java.util.Optional.of(Path.of(q < 0 ? path : path.substring(0, q)));
        }
        return java.util.Optional.empty();
    }

    /** The catalog properties for Spark, each under {@code spark.sql.catalog.<name>.}. */
    public Map<String, String> sparkConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.sql.catalog." + name, "org.apache.iceberg.spark.SparkCatalog");
        properties.forEach((k, v) -> conf.put("spark.sql.catalog." + name + "." + k, v));
        return conf;
    }

    private static String warehouseLocation(String configured) {
        // A plain path is a local folder; anything with a scheme (s3a://, file:, hdfs://) is used as given.
        if (configured.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !configured.matches("^[A-Za-z]:\\\\.*")) {
            return configured;
        }
        return Path.of(configured).toAbsolutePath().normalize().toUri().toString();
    }
}
