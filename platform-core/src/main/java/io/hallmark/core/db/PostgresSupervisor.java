package io.hallmark.core.db;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervises the embedded PostgreSQL as a child: watches its postmaster process (every {@value #WATCH_MILLIS} ms),
 * and when it exits without being asked to, marks the database down at once ({@link DatabaseMonitor#markDown}) and
 * starts it again on the same cluster and port, with a backoff that doubles from {@code firstBackoff} up to
 * {@code maxBackoff} while starts fail. The pool's broken connections are replaced by themselves; the monitor marks the
 * database up once it answers again.
 */
public final class PostgresSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresSupervisor.class);
    static final long WATCH_MILLIS = 100;

    private final EmbeddedPostgresServer server;
    private final DatabaseMonitor monitor;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Thread thread;
    private volatile boolean closed;
    private volatile int restarts;

    private PostgresSupervisor(EmbeddedPostgresServer server, DatabaseMonitor monitor, Duration firstBackoff,
            Duration maxBackoff) {
        this.server = server;
        this.monitor = monitor;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.thread = Thread.ofPlatform().name("postgres-supervisor").daemon(true).unstarted(this::watch);
    }

    /** Starts supervising; restarts begin {@code firstBackoff} after a death and back off up to {@code maxBackoff}. */
    public static PostgresSupervisor start(EmbeddedPostgresServer server, DatabaseMonitor monitor, Duration firstBackoff,
            Duration maxBackoff) {
        PostgresSupervisor supervisor = new PostgresSupervisor(server, monitor, firstBackoff, maxBackoff);
        supervisor.thread.start();
        return supervisor;
    }

    /** How many times PostgreSQL was restarted. */
    public int restarts() {
        return restarts;
    }

    private void watch() {
        while (!closed) {
            Optional<ProcessHandle> postmaster = server.postmaster();
            if (postmaster.isPresent()) {
                ProcessHandle p = postmaster.get();
                while (!closed && EmbeddedPostgresServer.alive(p)) {
                    if (!sleep(Duration.ofMillis(WATCH_MILLIS))) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                log.error("The embedded PostgreSQL (pid {}) exited without being stopped; restarting it", p.pid());
                monitor.markDown("the embedded PostgreSQL (pid " + p.pid() + ") exited; restarting it");
            } else {
                monitor.markDown("the embedded PostgreSQL is not running; restarting it");
            }
            restartWithBackoff();
        }
    }

    private void restartWithBackoff() {
        Duration backoff = firstBackoff;
        while (!closed) {
            if (!sleep(backoff)) {
                return;
            }
            if (!waitForDiskSpace()) {
                return;
            }
            try {
                server.restart();
                restarts++;
                return;
            } catch (Exception e) {
                log.warn("Restarting the embedded PostgreSQL failed ({}); next try in {} ms", e.getMessage(),
                        backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff.toMillis()
                                : backoff.multipliedBy(2).toMillis());
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Waits, looking twice a second, while the disk under the cluster is full: PostgreSQL's crash recovery cannot
     * write its WAL there, so a start would hang until its start-up wait runs out instead of starting as soon as
     * space is freed. Returns false when the supervisor was closed meanwhile.
     */
    private boolean waitForDiskSpace() {
        boolean told = false;
        while (!closed) {
            long free;
            try {
                free = java.nio.file.Files.getFileStore(server.clusterDir()).getUsableSpace();
            } catch (java.io.IOException e) {
                return true; // cannot tell: try the start and let it say why
            }
            if (free >= DatabaseMonitor.MIN_FREE_BYTES) {
                return true;
            }
            if (!told) {
                log.warn("The disk under the embedded PostgreSQL's cluster ({}) is full ({} bytes free): it is started "
                        + "again as soon as space is freed", server.clusterDir(), free);
                monitor.markDown("the disk under the database's files (" + server.clusterDir() + ") is full: " + free
                        + " bytes free; PostgreSQL starts again once space is freed");
                told = true;
            }
            if (!sleep(Duration.ofMillis(500))) {
                return false;
            }
        }
        return false;
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops supervising (before the server is stopped on purpose). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
