package vn.cdht.warehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdhtConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsLiveUnderTheHomeFolder() {
        CdhtConfig c = CdhtConfig.load(dir.resolve("h"), null, Map.of());
        assertEquals(dir.resolve("h").toAbsolutePath().toString(), c.home().toString());
        assertEquals("jdbc:sqlite:" + dir.resolve("h").toAbsolutePath() + "/catalog.db", c.require("catalog.uri"));
        assertEquals("local[*]", c.require("spark.master"));
    }

    @Test
    void fileThenEnvironmentThenHomeOption() throws IOException {
        Path file = dir.resolve("cdht.properties");
        Files.writeString(file, "spark.master=spark://file:7077\ncontrol.url=jdbc:postgresql://db/cdht\nhome=/from/file\n"
                + "catalog.property.s3.endpoint=http://minio:9000\n");
        CdhtConfig fileOnly = CdhtConfig.load(null, file, Map.of());
        assertEquals("spark://file:7077", fileOnly.require("spark.master"));
        assertEquals("/from/file", fileOnly.home().toString());
        assertEquals("http://minio:9000", fileOnly.subset("catalog.property").get("s3.endpoint"));

        CdhtConfig withEnv = CdhtConfig.load(null, file, Map.of(
                "CDHT_SPARK_MASTER", "spark://env:7077", "CDHT_HOME", "/from/env",
                "CDHT_CATALOG_PROPERTY_S3_ENDPOINT", "http://other:9000"));
        assertEquals("spark://env:7077", withEnv.require("spark.master"));
        assertEquals("/from/env", withEnv.home().toString());
        assertEquals("http://other:9000", withEnv.subset("catalog.property").get("s3.endpoint"));

        CdhtConfig withOption = CdhtConfig.load(Path.of("/from/option"), file, Map.of("CDHT_HOME", "/from/env"));
        assertEquals("/from/option", withOption.home().toString());
    }

    @Test
    void everyKeyHasItsEnvironmentVariable() {
        assertEquals("CDHT_CATALOG_URI", CdhtConfig.envName("catalog.uri"));
        assertEquals("CDHT_SPARK_SHUFFLE_PARTITIONS", CdhtConfig.envName("spark.shuffle-partitions"));
        assertEquals("CDHT_HOME", CdhtConfig.envName("home"));
    }

    @Test
    void secretsAreMaskedWhenDescribed() {
        CdhtConfig c = CdhtConfig.of(dir, Map.of("control.password", "hunter2"));
        assertEquals("hunter2", c.require("control.password"));
        assertEquals("****", c.describe().get("control.password"));
    }

    @Test
    void mistakesSayWhatToDo() throws IOException {
        ConfigException missing = assertThrows(ConfigException.class, () -> CdhtConfig.load(null, dir.resolve("nope"), Map.of()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "catalog.uri=${nope}\n");
        ConfigException unknown = assertThrows(ConfigException.class, () -> CdhtConfig.load(dir, file, Map.of()));
        assertTrue(unknown.getMessage().contains("${nope}"), unknown.getMessage());

        CdhtConfig c = CdhtConfig.of(dir, Map.of("spark.shuffle-partitions", "many"));
        ConfigException notNumber = assertThrows(ConfigException.class, () -> c.getInt("spark.shuffle-partitions", 1));
        assertTrue(notNumber.getMessage().contains("whole number"), notNumber.getMessage());
        ConfigException unset = assertThrows(ConfigException.class, () -> c.require("control.user"));
        assertTrue(unset.getMessage().contains("CDHT_CONTROL_USER"), unset.getMessage());
    }

    @Test
    void aLongValueBeyondIntIsRead() {
        CdhtConfig c = CdhtConfig.of(dir, Map.of("ingest.limits.max-zip-bytes", "8589934592"));
        assertEquals(8_589_934_592L, c.getLong("ingest.limits.max-zip-bytes", 1));
        assertEquals(2_147_483_648L, CdhtConfig.of(dir, Map.of()).getLong("ingest.limits.max-zip-bytes", 1));
        assertEquals(7L, c.getLong("no.such.key", 7));
        CdhtConfig bad = CdhtConfig.of(dir, Map.of("ingest.limits.max-zip-bytes", "2 GiB"));
        ConfigException e = assertThrows(ConfigException.class, () -> bad.getLong("ingest.limits.max-zip-bytes", 1));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }
}
