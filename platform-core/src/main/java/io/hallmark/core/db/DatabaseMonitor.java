package io.hallmark.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows at every moment whether the database answers: a probe thread with a connection of its own (outside the pool,
 * so an exhausted pool does not read as a dead database) runs one short query every {@code every}, with connect and
 * query timeouts of a second or two; whoever learns of a failure sooner (the embedded server's supervisor sees its
 * process exit) marks it down at once. Health reads this state instead of waiting on the pool, and requests fail fast
 * with {@link #requireUp()} while the database is away.
 *
 * <p>Where the database's files are known (the embedded server's cluster), a probe also reads the free space of the disk
 * under them: with less than {@value #MIN_FREE_BYTES} bytes (one WAL segment) the database counts as down, with a
 * reason naming the disk, even while it still answers reads; PostgreSQL would fail the next write (or stop) for want
 * of space. It is up again, by itself, once space is freed and it answers.
 */
public final class DatabaseMonitor implements AutoCloseable {

    /**
     * What the monitor knows.
     *
     * @param up whether the last probe succeeded
     * @param reason why the database is down, or {@code null}
     * @param since when the state last changed
     * @param info product, version and schema version from the last successful probe, or {@code null}
     * @param latencyMillis how long the last successful probe took
     */
    public record Status(boolean up, @Nullable String reason, Instant since, @Nullable DatabaseInfo info,
            double latencyMillis) {}

    private static final Logger log = LoggerFactory.getLogger(DatabaseMonitor.class);
    private static final int CONNECT_TIMEOUT_SECONDS = 1;
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    /** Free space below which the disk under the database's files counts as full: one 16 MiB WAL segment. */
    public static final long MIN_FREE_BYTES = 16L << 20;

    private final DatabaseSettings settings;
    private final Duration every;
    private final @Nullable Path files;
    private final Thread prober;
    private volatile Status status;
    private volatile @Nullable Instant lastDown;
    private volatile boolean closed;
    private @Nullable Connection connection; // only the probe thread touches it
    private final java.util.List<Runnable> backUpListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private DatabaseMonitor(DatabaseSettings settings, Duration every, @Nullable Path files) {
        this.settings = settings;
        this.every = every;
        this.files = files;
        this.status = new Status(false, "not probed yet", Instant.now(), null, 0);
        this.prober = Thread.ofPlatform().name("database-monitor").daemon(true).unstarted(this::loop);
    }

    /** Probes once (so the first status is real), then every {@code every} in the background. */
    public static DatabaseMonitor start(DatabaseSettings settings, Duration every) {
        return start(settings, every, null);
    }

    /**
     * Probes once, then every {@code every} in the background; {@code files} is the directory holding the database's
     * files (the embedded cluster) whose disk is watched too, or {@code null} when they are elsewhere.
     */
    public static DatabaseMonitor start(DatabaseSettings settings, Duration every, @Nullable Path files) {
        DatabaseMonitor monitor = new DatabaseMonitor(settings, every, files);
        monitor.probe();
        monitor.prober.start();
        return monitor;
    }

    public Status status() {
        return status;
    }

    public boolean up() {
        return status.up();
    }

    /** Fails fast, without touching the pool, while the database is down. */
    public void requireUp() {
        Status s = status;
        if (!s.up()) {
            throw new DatabaseUnavailableException("The database at " + settings.maskedUrl() + " is unavailable since "
                    + s.since() + ": " + s.reason(), new java.sql.SQLTransientConnectionException(s.reason(), "08006"));
        }
    }

    /**
     * Whether the database was away at any moment since {@code from} (it is down now, or went down after it): work
     * that failed in that span may have failed because of it, in whatever form the failure surfaced.
     */
    public boolean downSince(Instant from) {
        Instant down = lastDown;
        return !status.up() || (down != null && !down.isBefore(from));
    }

    /**
     * Runs {@code listener} each time the database comes back after an outage, before the monitor reports it UP (so
     * that, e.g., the pool's connections from before the outage are renewed before a request may borrow one).
     */
    public void onBackUp(Runnable listener) {
        backUpListeners.add(listener);
    }

    /** Marks the database down now (its process exited); the next successful probe marks it up again. */
    public void markDown(String reason) {
        change(false, reason, null, 0);
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            }
            probe();
        }
    }

    private void probe() {
        long start = System.nanoTime();
        try {
            Connection c = connection();
            try (PreparedStatement q = c.prepareStatement("select version from flyway_schema_history where success "
                    + "and version is not null order by installed_rank desc limit 1")) {
                q.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                try (ResultSet rs = q.executeQuery()) {
                    DatabaseMetaData meta = c.getMetaData();
                    DatabaseInfo info = new DatabaseInfo(meta.getDatabaseProductName(),
                            meta.getDatabaseProductVersion(), rs.next() ? rs.getString(1) : "none", settings.maskedUrl());
                    String diskFull = diskFull();
                    if (diskFull != null) {
                        change(false, diskFull, null, 0);
                    } else {
                        change(true, null, info, (System.nanoTime() - start) / 1_000_000.0);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            String diskFull = diskFull();
            change(false, diskFull == null ? e.getMessage() : e.getMessage() + "; " + diskFull, null, 0);
        }
    }

    /** Why the disk under the database's files is full, or {@code null} when it is not (or they are elsewhere). */
    private @Nullable String diskFull() {
        if (files == null) {
            return null;
        }
        try {
            long free = Files.getFileStore(files).getUsableSpace();
            return free < MIN_FREE_BYTES ? "the disk under the database's files (" + files + ") is full: " + free
                    + " bytes free, at least " + MIN_FREE_BYTES + " needed to write; free space there" : null;
        } catch (IOException | RuntimeException e) {
            return null; // the directory cannot be read; the probe's query says whether the database answers
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties props = new Properties();
            props.setProperty("user", settings.user());
            if (settings.password() != null) {
                props.setProperty("password", settings.password());
            }
            props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
            props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS + 1));
            props.setProperty("socketTimeout", Integer.toString(QUERY_TIMEOUT_SECONDS + 1));
            props.setProperty("ApplicationName", "hallmark-monitor");
            connection = DriverManager.getConnection(settings.jdbcUrl(), props);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is broken already; nothing to release
            }
            connection = null;
        }
    }

    private synchronized void change(boolean up, @Nullable String reason, @Nullable DatabaseInfo info, double latency) {
        Status before = status;
        if (!before.up() && up && !"not probed yet".equals(before.reason())) {
            for (Runnable listener : backUpListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.warn("A listener for the database coming back failed: {}", e.toString());
                }
            }
        }
        Instant since = before.up() == up ? before.since() : Instant.now();
        status = new Status(up, up ? null : (reason == null ? "unknown" : reason), since, info, latency);
        if (!up) {
            lastDown = Instant.now();
        }
        if (before.up() && !up) {
            log.error("Database DOWN ({}): {}", settings.maskedUrl(), reason);
        } else if (!before.up() && up && !"not probed yet".equals(before.reason())) {
            log.warn("Database UP again ({}) after {} ms", settings.maskedUrl(),
                    Duration.between(before.since(), Instant.now()).toMillis());
        }
    }

    @Override
    public void close() {
        closed = true;
        prober.interrupt();
        try {
            prober.join(TimeUnit.SECONDS.toMillis(QUERY_TIMEOUT_SECONDS + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
