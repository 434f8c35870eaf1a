package io.hallmark.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.Modality;
import io.hallmark.core.jobs.JobQueue;
import io.hallmark.core.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults of the database as the platform sees them, on a real PostgreSQL of the test's own: the pool exhausted (a clear
 * error after the pool's timeout, the database still reported UP, nothing half-written) and the server going away and
 * coming back, as an external database does (reported DOWN within 2 s, requests refused at once, the same pool serves
 * again once it is back, with no restart of the platform).
 */
class DatabaseFaultsTest {

    private Path cluster;
    private EmbeddedPostgresServer server;
    private Database db;
    private DatabaseMonitor monitor;
    private JobQueue queue;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(TestPaths.buildDir().resolve("test-postgres"));
        cluster = Files.createTempDirectory(TestPaths.buildDir().resolve("test-postgres"), "faults-");
        server = EmbeddedPostgresServer.start(cluster, TestPaths.cacheDir().resolve("postgres-binaries"));
        DatabaseSettings settings = new DatabaseSettings(server.jdbcUrl(), server.user(), null, 2);
        db = Database.connect(settings);
        monitor = DatabaseMonitor.start(settings, Duration.ofMillis(200));
        monitor.onBackUp(db::renewConnections); // as the platform wires them
        queue = new JobQueue(db, JobQueue.Settings.defaults());
    }

    @AfterEach
    void stop() {
        monitor.close();
        db.close();
        server.close();
        TestPaths.deleteRecursively(cluster);
    }

    @Test
    void anExhaustedPoolIsAClearErrorWhileTheDatabaseStaysUpAndNothingIsHalfWritten() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            held.add(db.dataSource().getConnection());
            held.add(db.dataSource().getConnection());

            long start = System.nanoTime();
            assertThatThrownBy(this::submit).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("Connection is not available");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waits the pool's timeout, no longer")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(monitor.up()).as("an exhausted pool is not a dead database").isTrue();
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(queue.totalDepth()).as("the refused submission left nothing").isZero();
        assertThat(submit().state()).isEqualTo("QUEUED");
    }

    @Test
    void aDatabaseThatGoesAwayIsReportedAtOnceRefusedFastAndServedAgainWhenItIsBack() throws Exception {
        submit();
        long stopped = System.nanoTime();
        server.close(); // a fast shutdown, as an operator stopping an external server

        while (monitor.up() && System.nanoTime() - stopped < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(20);
        }
        assertThat(monitor.up()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("reported DOWN within 2 s")
                .isLessThan(Duration.ofSeconds(2));
        long asked = System.nanoTime();
        assertThatThrownBy(monitor::requireUp).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("is unavailable since");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(100));
        assertThatThrownBy(this::submit).isInstanceOf(DatabaseUnavailableException.class)
                .satisfies(e -> assertThat(ConnectionLoss.causedBy(e)).isTrue());

        server.restart(); // the server comes back on the same address
        long back = System.nanoTime();
        while (!monitor.up() && System.nanoTime() - back < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(20);
        }
        assertThat(monitor.up()).as("reported UP again").isTrue();
        assertThat(monitor.downSince(java.time.Instant.now().minusSeconds(60))).as("the outage is remembered").isTrue();
        assertThat(submit().state()).as("the same pool serves again").isEqualTo("QUEUED");
        assertThat(queue.totalDepth()).as("what was committed before is kept").isEqualTo(2);
    }

    private io.hallmark.core.jobs.JobView submit() {
        return queue.submit("q", Modality.TEXT, "a prompt", Map.of("pluginId", "q", "modality", "TEXT", "prompt",
                "a prompt"), 0, null, "tester");
    }
}
