package io.hallmark.core.db;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the embedded PostgreSQL never outlives the platform process, however that process ends (SIGKILL, a crash,
 * a JVM stopped during start-up): a small {@code sh} process, started before PostgreSQL, waits for end-of-file on a
 * pipe whose only writer is this JVM. The operating system closes the pipe when the JVM ends, for any reason; the
 * watchdog then sends the cluster's postmaster (read from {@code postmaster.pid}, checked to be a {@code postgres}
 * process) SIGINT, PostgreSQL's fast shutdown: open transactions roll back, everything committed stays. It ignores
 * SIGINT, SIGTERM and SIGHUP itself, so a Ctrl-C to the terminal's process group does not take it down first.
 * After a clean stop there is no {@code postmaster.pid} and it just exits. The next start's orphan check
 * ({@link EmbeddedPostgresServer}) stays as a second line.
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresWatchdog.class);

    /** $1 is the cluster directory. */
    static final String SCRIPT = """
            trap '' INT TERM HUP
            cat > /dev/null
            pidfile="$1/postmaster.pid"
            [ -f "$pidfile" ] || exit 0
            pid=$(head -n 1 "$pidfile")
            case "$pid" in ''|*[!0-9]*) exit 0;; esac
            [ "$(cat /proc/$pid/comm 2>/dev/null)" = postgres ] || exit 0
            kill -INT "$pid"
            """;

    private final Process process;

    private PostgresWatchdog(Process process) {
        this.process = process;
    }

    /** Starts the watchdog for the cluster in {@code clusterDir}; {@code null} where there is no {@code sh}. */
    static @Nullable PostgresWatchdog start(Path clusterDir) {
        try {
            Process p = new ProcessBuilder("sh", "-c", SCRIPT, "hallmark-postgres-watchdog",
                    clusterDir.toAbsolutePath().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new PostgresWatchdog(p);
        } catch (IOException e) {
            log.warn("Cannot start the embedded PostgreSQL's watchdog ({}); if this process is killed, PostgreSQL "
                    + "keeps running until the next start stops it", e.getMessage());
            return null;
        }
    }

    /** The watchdog's process id (for tests). */
    long pid() {
        return process.pid();
    }

    /** Ends the watchdog after a clean stop: it finds no running postmaster and exits. */
    @Override
    public void close() {
        try (OutputStream pipe = process.getOutputStream()) {
            pipe.flush();
        } catch (IOException ignored) {
            // the pipe is closed either way
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
