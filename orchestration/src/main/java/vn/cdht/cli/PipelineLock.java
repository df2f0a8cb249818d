package vn.cdht.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.cdht.warehouse.control.RunLock;

/** The pipeline's run lock held by a command other than cdht run, with its heartbeat; closing releases it. */
final class PipelineLock implements AutoCloseable {

    private final RunLock lock;
    private final ScheduledExecutorService heartbeat;

    private PipelineLock(RunLock lock) {
        this.lock = lock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdht-run-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(lock::heartbeat, 30, 30, TimeUnit.SECONDS);
    }

    /** @param command what needs the lock, for the refusal: "cdht rotate-key" */
    static PipelineLock acquire(CdhtContext ctx, String command) {
        RunLock lock = new RunLock(ctx.control(), "pipeline",
                Duration.ofMinutes(ctx.config().getInt("run.lock-stale-minutes", 10)));
        RunLock.Attempt attempt = lock.acquire(null);
        if (!attempt.acquired()) {
            RunLock.Holder h = attempt.current();
            throw new IllegalStateException("refused: a pipeline run" + (h.runId() == null ? "" : " (" + h.runId() + ")")
                    + " is in progress, held by " + h.holder() + " since " + h.acquiredAt() + ": wait for it to end"
                    + " (cdht runs shows it), then run " + command + " again");
        }
        if (attempt.takenOver() != null) {
            ctx.progress("took over the stale run lock of " + attempt.takenOver().holder());
        }
        return new PipelineLock(lock);
    }

    void attach(long runId) {
        lock.attach(runId);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        lock.release();
    }
}
