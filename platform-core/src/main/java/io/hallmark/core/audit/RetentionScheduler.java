package io.hallmark.core.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies audit retention on a schedule in the server: shortly after start and then every interval. Several nodes
 * sharing one database take turns through a PostgreSQL advisory lock, so one run happens at a time; a node that
 * finds the lock taken skips that round. Every run that removes payloads is recorded by {@link AuditRetention} (its
 * table and an {@code audit.retention.applied} event); a run that finds nothing expired leaves no trace.
 */
public final class RetentionScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
    /** The advisory lock key ("hmretent" in ASCII) every node takes for a retention run. */
    static final long LOCK_KEY = 0x686d726574656e74L;
    static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final AuditRetention retention;
    private @Nullable ScheduledExecutorService executor;

    public RetentionScheduler(DataSource dataSource, AuditRetention retention) {
        this.dataSource = dataSource;
        this.retention = retention;
    }

    /** Runs retention after {@code firstDelay} and then every {@code interval}; zero interval: does nothing. */
    public synchronized void start(Duration firstDelay, Duration interval) {
        if (executor != null || interval.isZero()) {
            return;
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("Retention interval must not be negative, was " + interval);
        }
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("audit-retention").daemon().factory());
        ex.scheduleWithFixedDelay(this::runQuietly, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = ex;
        log.info("Applying audit retention ({} days) every {} h", retention.retentionDays(), interval.toHours());
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Scheduled audit retention failed, nothing was removed: {}", e.getMessage());
        }
    }

    /**
     * One scheduled run, if no other node is running one.
     *
     * @return the run's result, or {@code null} when another node holds the lock
     */
    public AuditRetention.@Nullable Result runOnce() {
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, "select pg_try_advisory_lock(?)")) {
                log.debug("Another node is applying audit retention; skipping this round");
                return null;
            }
            try {
                AuditRetention.Result result = retention.apply("system");
                if (result.eventsRemoved() > 0) {
                    log.info("Audit retention removed the payloads of {} events (seq {}..{}) older than {}",
                            result.eventsRemoved(), result.firstSeq(), result.lastSeq(), result.cutoff());
                }
                return result;
            } finally {
                lock(c, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new io.hallmark.api.HallmarkException("Cannot take the retention lock: " + e.getMessage(), e);
        }
    }

    private static boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

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
