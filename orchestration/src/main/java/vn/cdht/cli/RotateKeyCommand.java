package vn.cdht.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.cdht.orchestration.app.ErrorMessages;
import vn.cdht.orchestration.app.HomeLock;
import vn.cdht.orchestration.pipeline.PublishStage;
import vn.cdht.pipelines.ingest.KeyRotation;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;
import vn.cdht.warehouse.control.RunLedger;
import vn.cdht.warehouse.control.RunStatus;
import vn.cdht.warehouse.privacy.CitizenKey;
import vn.cdht.warehouse.privacy.KeyFingerprint;
import vn.cdht.warehouse.privacy.PseudonymKeyRegistry;
import vn.cdht.warehouse.privacy.PseudonymSecret;
import vn.cdht.warehouse.privacy.SecretFile;

@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = {"Re-key the warehouse under a new pseudonymisation secret (the old one leaked or was lost).",
                "Every citizen_key becomes HMAC-SHA256(new secret, CCCD), the CCCD read from",
                "restricted.citizens: core.accounts, core.yearly_assessments and restricted.citizens,",
                "one commit each, under the home's writer lock. The old secret is not needed.",
                "Then the new secret's fingerprint is the one ingestion must use, and the old one is",
                "retired: ingestion with it is refused. If the secret lives in pseudonym.secret-file,",
                "the new one replaces it there (atomically, owner-only); if it is set as",
                "pseudonym.secret (CDHT_PSEUDONYM_SECRET), replace it there afterwards.",
                "The analyst database, which held the old keys, is published again; the next",
                "cdht indicators recomputes the marts (same figures). Until the rotation completes,",
                "ingestion is refused: run it again with the same new secret (that is safe)."},
        footer = {"", "Examples:",
                "  openssl rand -base64 32 > /root/new-pseudonym.key",
                "  cdht rotate-key --new-secret-file /root/new-pseudonym.key",
                "  cdht rotate-key --new-secret-env CDHT_NEW_PSEUDONYM_SECRET"})
final class RotateKeyCommand implements Callable<Integer> {

    static final String COMMAND = "rotate-key";

    @ParentCommand
    Cdht root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    NewSecret newSecret;

    static final class NewSecret {
        @Option(names = "--new-secret-file", paramLabel = "FILE",
                description = "A file holding the new secret: base64 (e.g. openssl rand -base64 32), at least 16 bytes.")
        Path file;

        @Option(names = "--new-secret-env", paramLabel = "VAR",
                description = "The name of the environment variable holding the new secret.")
        String env;
    }

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            PseudonymSecret next = newSecret();
            KeyFingerprint fingerprint = KeyFingerprint.of(next);
            PseudonymKeyRegistry registry = new PseudonymKeyRegistry(ctx.control());
            try (HomeLock lock = ctx.lock("cdht " + COMMAND)) {
                Optional<PseudonymKeyRegistry.Entry> previous = registry.current();
                registry.beginRotation(fingerprint);
                RunLedger runs = new RunLedger(ctx.control());
                long runId = runs.startRun(COMMAND, null);
                lock.attach(runId);
                ctx.progress("run " + runId + ": re-keying every citizen under the secret of fingerprint " + fingerprint
                        + previous.map(p -> " (was " + p.fingerprint() + ")").orElse(""));
                KeyRotation.Result r;
                String secretNote;
                try {
                    r = new KeyRotation(ctx.spark(), new CitizenKey(next), ctx::progress).run();
                    secretNote = store(ctx.config(), next);
                    registry.completeRotation(fingerprint);
                    runs.finishRun(runId, RunStatus.SUCCEEDED, null);
                } catch (RuntimeException e) {
                    runs.finishRun(runId, RunStatus.FAILED, ErrorMessages.oneLine(e));
                    throw e;
                }
                republish(ctx);
                ctx.out().println("Re-keyed under the pseudonymisation secret of fingerprint " + fingerprint + ": "
                        + r.accountsRekeyed() + " rows of core.accounts, core.yearly_assessments (" + r.yearlyAssessments()
                        + " rows) and restricted.citizens (" + r.citizens() + " citizens"
                        + (r.duplicateCitizensMerged() > 0 ? ", " + r.duplicateCitizensMerged() + " who had two keys now have one" : "")
                        + "); ingestion with the old secret is refused from now on.");
                ctx.out().println(secretNote);
                ctx.out().flush();
                return 0;
            }
        }
    }

    private PseudonymSecret newSecret() {
        if (newSecret.file != null) {
            if (!Files.isRegularFile(newSecret.file)) {
                throw new ConfigException("the new secret file " + newSecret.file + " (given by --new-secret-file) does not exist");
            }
            return PseudonymSecret.read(newSecret.file);
        }
        String value = root.env().get(newSecret.env);
        if (value == null || value.isBlank()) {
            throw new ConfigException("the environment variable " + newSecret.env + " (given by --new-secret-env) is not set");
        }
        return PseudonymSecret.parse(value);
    }

    /**
     * Writes the new secret where the configuration keeps it, if that is the secret file; before the new fingerprint is
     * recorded, so that a crash in between leaves the rotation unfinished rather than the secret unknown.
     */
    private static String store(CdhtConfig config, PseudonymSecret next) {
        Optional<PseudonymSecret> configured = PseudonymSecret.find(config);
        if (config.find("pseudonym.secret").isPresent()) {
            return configured.map(KeyFingerprint::of).filter(KeyFingerprint.of(next)::equals).isPresent()
                    ? "pseudonym.secret (CDHT_PSEUDONYM_SECRET) already holds the new secret."
                    : "Now replace pseudonym.secret (CDHT_PSEUDONYM_SECRET) by the new secret wherever cdht runs"
                            + " (scheduler, Airflow workers): the old one is refused.";
        }
        Path file = Path.of(config.require("pseudonym.secret-file"));
        SecretFile.write(file, next);
        return "The new secret replaced the old one in " + file + " (keep a copy of it in a safe place).";
    }

    /** The analyst database, if there is one: it holds the old keys. */
    private static void republish(CdhtContext ctx) {
        Path analyst = Path.of(ctx.config().require("analyst.database"));
        if (!Files.exists(analyst)) {
            return;
        }
        try {
            new PublishStage(ctx.installation()).run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the warehouse was re-keyed, but the analyst database " + analyst
                    + " still holds the old keys: " + ErrorMessages.oneLine(e) + " (fix it, then run cdht publish)", e);
        }
    }
}
