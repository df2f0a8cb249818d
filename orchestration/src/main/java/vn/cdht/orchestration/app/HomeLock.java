package vn.cdht.orchestration.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.cdht.pipelines.ingest.StagingArea;
import vn.cdht.warehouse.config.VietnamTime;
import vn.cdht.warehouse.control.RunLock;

/**
 * The home's writer lock: every command that writes the warehouse (cdht run, ingest, indicators, publish, reference
 * load, demo, rotate-key) holds it, so that two writers never commit over each other. A second writer is refused
 * with one line naming the holder. A lock whose process is gone is taken over; whoever takes the lock also clears
 * what a killed writer left: batches still 'running' are marked failed and the local staging folder is emptied.
 */
public final class HomeLock implements AutoCloseable {

    /** A second writer was refused. */
    public static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /** Bytes kept in reserve in the home, freed on a full disk so that the failure can still be recorded. */
    static final int RESERVE_BYTES = 1 << 20;

    private final Installation ctx;
    private final RunLock lock;
    private final ScheduledExecutorService heartbeat;

    private HomeLock(Installation ctx, RunLock lock, ScheduledExecutorService heartbeat) {
        this.ctx = ctx;
        this.lock = lock;
        this.heartbeat = heartbeat;
    }

    /** Takes the lock for {@code command} ("cdht ingest"), or throws {@link Refused}. */
    public static HomeLock acquire(Installation ctx, String command) {
        RunLock lock = new RunLock(ctx.control(), "pipeline",
                Duration.ofMinutes(ctx.config().requireInt("run.lock-stale-minutes")));
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
        HomeLock held = new HomeLock(ctx, lock, heartbeat);
        try {
            keepReserve(ctx);
            failUnfinished(ctx, "was left unfinished by a process that stopped");
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    private static String refusal(RunLock.Holder h) {
        return "another cdht command is writing this home: " + h.describe() + " since "
                + VietnamTime.format(h.acquiredAt()) + " (Vietnam time), last heartbeat " + VietnamTime.format(h.heartbeatAt())
                + "; wait for it to finish (cdht runs shows it). A lock whose process is gone, or silent for"
                + " run.lock-stale-minutes, is taken over by the next command";
    }

    /** The pipeline run holding the lock, known once it is recorded. */
    public void attach(long runId) {
        lock.attach(runId);
    }

    /**
     * Under the lock nobody else is ingesting: a batch still 'running' was left by a killed process, and whatever is in
     * a local staging folder (rows in clear, extracted zips) belongs to no live batch.
     */
    private static void failUnfinished(Installation ctx, String what) {
        for (String batch : ctx.ingestLedger().failAbandoned(true)) {
            ctx.progress("batch " + batch + " " + what + ": marked failed (ingest it again to complete it)");
        }
        localStaging(ctx).ifPresent(HomeLock::emptyFolder);
    }

    public static java.util.Optional<Path> localStaging(Installation ctx) {
        String base = ctx.config().get("ingest.staging-dir", "");
        return base.isBlank() ? java.util.Optional.empty() : StagingArea.localFolder(base);
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

    public static void deleteTree(Path path) throws IOException {
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

    /**
     * The space reserve: a file of real bytes in the home (next to the control database), written while there is room.
     * A full disk can leave too little space even to record that a batch failed; freeing the reserve makes that room.
     */
    private static Path reserve(Installation ctx) {
        return ctx.config().home().resolve(".space-reserve");
    }

    private static void keepReserve(Installation ctx) {
        Path reserve = reserve(ctx);
        try {
            if (!Files.isRegularFile(reserve) || Files.size(reserve) < RESERVE_BYTES) {
                Files.createDirectories(reserve.getParent());
                Files.write(reserve, new byte[RESERVE_BYTES]);
            }
        } catch (IOException full) {
            try {
                Files.deleteIfExists(reserve);
            } catch (IOException ignored) {
                // nothing to free
            }
        }
    }

    /**
     * Releases the lock. Whatever the writer left 'running' is failed first, since nobody else can be ingesting (a
     * batch whose own failure could not be recorded on a full disk; the reserve is freed for that), and the local
     * staging is emptied.
     */
    @Override
    public void close() {
        try {
            try {
                failUnfinished(ctx, "did not finish");
            } catch (RuntimeException e) {
                if (!vn.cdht.warehouse.io.NoSpace.causedBy(e)) {
                    throw e;
                }
                Files.deleteIfExists(reserve(ctx));
                failUnfinished(ctx, "did not finish");
            }
        } catch (IOException | RuntimeException e) {
            ctx.progress("could not record the end of what this command left unfinished (" + ErrorMessages.oneLine(e)
                    + "); the next command that opens the home does");
        } finally {
            heartbeat.shutdownNow();
            try {
                release();
            } catch (IOException | RuntimeException e) {
                // the lock stays; its process is gone when the next command looks, so that one takes it over
                ctx.progress("could not release the home's lock (" + ErrorMessages.oneLine(e) + ")");
            }
        }
    }

    private void release() throws IOException {
        try {
            lock.release();
        } catch (RuntimeException e) {
            if (!vn.cdht.warehouse.io.NoSpace.causedBy(e)) {
                throw e;
            }
            Files.deleteIfExists(reserve(ctx));
            lock.release();
        }
    }
}
