package vn.cdht.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.cdht.warehouse.config.VietnamTime;
import vn.cdht.warehouse.control.RunLock;

/**
 * The home's writer lock: every command that writes the warehouse (cdht run, ingest, indicators, publish, reference
 * load, demo, rotate-key) holds it, so that two writers never commit over each other. A second writer is refused
 * with one line naming the holder. A lock whose process is gone is taken over; whoever takes the lock also clears
 * what a killed writer left: batches still 'running' are marked failed and the local staging folder is emptied.
 */
final class HomeLock implements AutoCloseable {

    /** A second writer was refused. */
    static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    private final RunLock lock;
    private final ScheduledExecutorService heartbeat;

    private HomeLock(RunLock lock, ScheduledExecutorService heartbeat) {
        this.lock = lock;
        this.heartbeat = heartbeat;
    }

    /** Takes the lock for {@code command} ("cdht ingest"), or throws {@link Refused}. */
    static HomeLock acquire(CdhtContext ctx, String command) {
        RunLock lock = new RunLock(ctx.control(), "pipeline",
                Duration.ofMinutes(ctx.config().getInt("run.lock-stale-minutes", 10)));
        RunLock.Attempt attempt = lock.acquire(null, command);
        if (!attempt.acquired()) {
            throw new Refused(refusal(attempt.current()));
        }
        if (attempt.takenOver() != null) {
            ctx.progress("took over the lock of " + attempt.takenOver().describe() + ", whose process is gone");
        }
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdht-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(lock::heartbeat, 30, 30, TimeUnit.SECONDS);
        HomeLock held = new HomeLock(lock, heartbeat);
        try {
            clearLeftovers(ctx);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    static String refusal(RunLock.Holder h) {
        return "another cdht command is writing this home: " + h.describe() + " since "
                + VietnamTime.format(h.acquiredAt()) + " (Vietnam time), last heartbeat " + VietnamTime.format(h.heartbeatAt())
                + "; wait for it to finish (cdht runs shows it). A lock whose process is gone, or silent for"
                + " run.lock-stale-minutes, is taken over by the next command";
    }

    /** The pipeline run holding the lock, known once it is recorded. */
    void attach(long runId) {
        lock.attach(runId);
    }

    /**
     * Under the lock nobody else is ingesting: a batch still 'running' was left by a killed process, and whatever is in
     * a local staging folder (rows in clear, extracted zips) belongs to no live batch.
     */
    private static void clearLeftovers(CdhtContext ctx) {
        List<String> failed = ctx.ingestLedger().failAbandoned(true);
        for (String batch : failed) {
            ctx.progress("batch " + batch + " was left unfinished by a process that stopped: marked failed (ingest it again"
                    + " to complete it)");
        }
        localStaging(ctx).ifPresent(HomeLock::emptyFolder);
    }

    static java.util.Optional<Path> localStaging(CdhtContext ctx) {
        String base = ctx.config().get("ingest.staging-dir", "");
        if (base.isBlank()) {
            return java.util.Optional.empty();
        }
        if (base.startsWith("file:")) {
            return java.util.Optional.of(Path.of(java.net.URI.create(base)));
        }
        if (base.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !base.matches("^[A-Za-z]:[\\\\/].*")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(base));
    }

    private static void emptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                deleteTree(child);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clear the staging folder " + folder + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        lock.release();
    }
}
