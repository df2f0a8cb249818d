package vn.cdht.warehouse.catalog;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

/** Opens the configured Iceberg catalog through the Iceberg Java API, for code that does not need Spark. */
public final class IcebergCatalogs {

    private IcebergCatalogs() {
    }

    public static Catalog open(CatalogSettings settings) {
        settings.sqliteFile().ifPresent(file -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the folder of the catalog file " + file, e);
            }
        });
        return CatalogUtil.buildIcebergCatalog(settings.name(), settings.properties(), new Configuration());
    }
}
