package io.hallmark.core.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signs a checkpoint at a fixed interval whenever the audit tree grew; started by the server, stoppable. */
public final class CheckpointScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckpointScheduler.class);

    private final Checkpoints checkpoints;
    private @Nullable ScheduledExecutorService executor;

    public CheckpointScheduler(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Starts signing every {@code interval}; does nothing when already running. */
    public synchronized void start(Duration interval) {
        if (executor != null) {
            return;
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("Checkpoint interval must be positive, was " + interval);
        }
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = ex;
        log.info("Signing audit checkpoints every {} s", interval.toSeconds());
    }

    private void tick() {
        try {
            checkpoints.createIfGrown().ifPresent(s -> log.debug("Signed audit checkpoint #{} at size {}",
                    s.number(), s.checkpoint().treeSize()));
        } catch (RuntimeException e) {
            log.warn("Could not sign an audit checkpoint: {}", e.getMessage());
        }
    }

    public synchronized boolean running() {
        return executor != null;
    }

    /** Stops the schedule and waits for a checkpoint in progress. */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public void close() {
        stop();
    }
}
