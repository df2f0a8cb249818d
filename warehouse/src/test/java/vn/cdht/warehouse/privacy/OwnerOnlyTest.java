package vn.cdht.warehouse.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.config.CdhtConfig;

/** Real folders under the test JVM's umask (022 by default): owner-only whatever it is. */
class OwnerOnlyTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFolderOwnerOnlyAndItsParentsAsUsual() throws Exception {
        Path folder = OwnerOnly.createDirectories(dir.resolve("home/warehouse/raw"));
        assertEquals("rwx------", mode(folder));
        assertEquals(mode(Files.createDirectory(dir.resolve("plain"))), mode(dir.resolve("home/warehouse")));

        Path existing = Files.createDirectories(dir.resolve("home/staging"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnerOnly.createDirectories(existing);
        assertEquals("rwx------", mode(existing));

        Path file = Files.writeString(existing.resolve("rows.jsonl"), "{}");
        OwnerOnly.restrict(file);
        assertEquals("rw-------", mode(file));
    }

    @Test
    void theGeneratedSecretIsInAnOwnerOnlyFolder() throws Exception {
        Path home = dir.resolve("home");
        PseudonymSecret.loadOrGenerate(CdhtConfig.of(home, Map.of()));
        assertEquals("rwx------", mode(home.resolve("secrets")));
        assertEquals("rw-------", mode(home.resolve("secrets/pseudonym.key")));
        assertTrue(mode(home).endsWith("r-x"), "the home stays readable: " + mode(home));
    }

    @Test
    void onlyLocalLocationsHaveAPath() {
        assertEquals(Optional.of(Path.of("/var/cdht/warehouse/raw")), OwnerOnly.localPath("file:///var/cdht/warehouse/raw"));
        assertEquals(Optional.of(Path.of("/var/cdht/staging")), OwnerOnly.localPath("file:/var/cdht/staging"));
        assertEquals(Optional.of(Path.of("var/staging")), OwnerOnly.localPath("var/staging"));
        assertEquals(Optional.empty(), OwnerOnly.localPath("s3a://bucket/warehouse/raw"));
        assertEquals(Optional.empty(), OwnerOnly.localPath("hdfs://nn:8020/cdht/staging"));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
