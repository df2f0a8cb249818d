package vn.cdht.warehouse.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

class CatalogSettingsTest {

    @TempDir
    Path home;

    @Test
    void embeddedCatalogIsASqliteFileAndALocalWarehouse() {
        CatalogSettings s = CatalogSettings.from(CdhtConfig.of(home, Map.of()));
        assertEquals("jdbc", s.type());
        assertEquals(home.toAbsolutePath().resolve("catalog.db"), s.sqliteFile().orElseThrow());
        assertTrue(s.warehouse().startsWith("file:"), s.warehouse());
        assertEquals("org.apache.iceberg.spark.SparkCatalog", s.sparkConf().get("spark.sql.catalog.cdht"));
        assertEquals("V1", s.sparkConf().get("spark.sql.catalog.cdht.jdbc.schema-version"));
    }

    @Test
    void productionIsConfigurationOnly() {
        CatalogSettings pg = CatalogSettings.from(CdhtConfig.of(home, Map.of(
                "catalog.uri", "jdbc:postgresql://db:5432/iceberg", "catalog.user", "ice", "catalog.password", "pw",
                "catalog.warehouse", "s3a://cdht-warehouse/prod")));
        assertEquals("s3a://cdht-warehouse/prod", pg.warehouse());
        assertEquals("ice", pg.properties().get("jdbc.user"));
        assertFalse(pg.properties().containsKey("jdbc.journal_mode"));
        assertTrue(pg.sqliteFile().isEmpty());

        CatalogSettings rest = CatalogSettings.from(CdhtConfig.of(home, Map.of(
                "catalog.type", "rest", "catalog.uri", "https://catalog.example/api",
                "catalog.warehouse", "s3://bucket/wh")));
        assertEquals("rest", rest.type());
        assertEquals("https://catalog.example/api", rest.properties().get("uri"));
        assertFalse(rest.properties().containsKey("jdbc.schema-version"));

        assertThrows(ConfigException.class, () -> CatalogSettings.from(CdhtConfig.of(home, Map.of("catalog.type", "glue2"))));
    }
}
