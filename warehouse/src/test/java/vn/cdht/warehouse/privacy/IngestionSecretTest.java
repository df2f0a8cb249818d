package vn.cdht.warehouse.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;
import vn.cdht.warehouse.control.ControlDatabase;
import vn.cdht.warehouse.control.ControlDatabaseSettings;

/** Which secret ingestion gets on the embedded installation, against the fingerprint register (SQLite). */
class IngestionSecretTest {

    @TempDir
    Path home;

    private PseudonymKeyRegistry registry() {
        ControlDatabase db = new ControlDatabase(ControlDatabaseSettings.from(CdhtConfig.of(home, Map.of())));
        db.migrate();
        return new PseudonymKeyRegistry(db);
    }

    @Test
    void aFreshEmbeddedHomeGetsANewSecretThatIsRecordedAndThenKept() throws Exception {
        PseudonymKeyRegistry registry = registry();
        CdhtConfig config = CdhtConfig.of(home, Map.of());
        Path file = home.resolve("secrets/pseudonym.key");
        List<String> said = new ArrayList<>();

        PseudonymSecret generated = IngestionSecret.resolve(config, () -> registry, said::add);
        assertEquals(List.of("generated a new pseudonymisation secret in " + file
                + " (keep it: losing it makes new batches unlinkable to earlier ones)"), said);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(KeyFingerprint.of(generated), registry.current().orElseThrow().fingerprint());

        PseudonymSecret again = IngestionSecret.resolve(config, () -> registry, said::add);
        assertEquals(KeyFingerprint.of(generated), KeyFingerprint.of(again));
        assertEquals(1, said.size(), "generated once");
    }

    @Test
    void aMissingSecretFileIsRefusedOnceTheWarehouseHasASecret() throws Exception {
        PseudonymKeyRegistry registry = registry();
        CdhtConfig config = CdhtConfig.of(home, Map.of());
        KeyFingerprint recorded = KeyFingerprint.of(IngestionSecret.resolve(config, () -> registry, m -> { }));
        Path file = home.resolve("secrets/pseudonym.key");
        Files.delete(file);

        ConfigException e = assertThrows(ConfigException.class, () -> IngestionSecret.resolve(config, () -> registry, m -> { }));
        assertTrue(e.getMessage().startsWith("the pseudonymisation secret file " + file + " is missing, but this warehouse"
                + " was built with one (fingerprint " + recorded.shortForm() + " recorded "), e.getMessage());
        assertFalse(Files.exists(file), "no new secret generated");
    }

    @Test
    void aConfiguredSecretIsVerifiedAndWithoutAFileNothingIsGenerated() {
        PseudonymKeyRegistry registry = registry();
        IngestionSecret.resolve(CdhtConfig.of(home, Map.of("pseudonym.secret", "the first secret, 16 bytes or more")),
                () -> registry, m -> { });
        ConfigException other = assertThrows(ConfigException.class, () -> IngestionSecret.resolve(
                CdhtConfig.of(home, Map.of("pseudonym.secret", "another secret of 16 bytes or more")), () -> registry, m -> { }));
        assertTrue(other.getMessage().contains("Restore the original secret (pseudonym.secret / CDHT_PSEUDONYM_SECRET)"),
                other.getMessage());
        assertFalse(Files.exists(home.resolve("secrets/pseudonym.key")));
    }
}
