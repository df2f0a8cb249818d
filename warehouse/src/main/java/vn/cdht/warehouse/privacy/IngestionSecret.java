package vn.cdht.warehouse.privacy;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/**
 * The secret an ingestion pseudonymises with: the configured one, checked against the warehouse's
 * {@link PseudonymKeyRegistry}. On an embedded installation (a secret file, no {@code pseudonym.secret}) whose
 * warehouse has no recorded secret yet, a new one is generated into the file; once one is recorded, a missing file is
 * refused, since a new secret would give every citizen a second key.
 */
public final class IngestionSecret {

    private IngestionSecret() {
    }

    /** @param registries the register, opened only when there is a secret to check (it migrates the control database) */
    public static PseudonymSecret resolve(CdhtConfig config, Supplier<PseudonymKeyRegistry> registries,
                                          Consumer<String> progress) {
        Optional<PseudonymSecret> configured = PseudonymSecret.find(config);
        Optional<String> file = config.find("pseudonym.secret-file");
        if (configured.isEmpty() && file.isEmpty()) {
            return PseudonymSecret.load(config); // nothing configured: fails saying what to set
        }
        PseudonymKeyRegistry registry = registries.get();
        if (configured.isPresent()) {
            registry.verifyOrRecord(configured.get(), where(config));
            return configured.get();
        }
        Optional<PseudonymKeyRegistry.Entry> recorded = registry.current().or(registry::rotating);
        if (recorded.isPresent()) {
            throw new ConfigException("the pseudonymisation secret file " + file.get() + " is missing, but this warehouse"
                    + " was built with one (fingerprint " + recorded.get().fingerprint() + " recorded "
                    + PseudonymKeyRegistry.vietnamTime(recorded.get().recordedAt()) + " Vietnam time): restore it from its"
                    + " backup, since a new secret would give every citizen a second key (lost for good: "
                    + PseudonymKeyRegistry.ROTATE_HINT + " re-keys to a new one)");
        }
        PseudonymSecret generated = PseudonymSecret.loadOrGenerate(config);
        registry.verifyOrRecord(generated, file.get());
        progress.accept("generated a new pseudonymisation secret in " + file.get()
                + " (keep it: losing it makes new batches unlinkable to earlier ones)");
        return generated;
    }

    /** Where the configured secret comes from, as messages name it. */
    public static String where(CdhtConfig config) {
        return config.find("pseudonym.secret").isPresent() ? "pseudonym.secret / CDHT_PSEUDONYM_SECRET"
                : config.require("pseudonym.secret-file");
    }
}
