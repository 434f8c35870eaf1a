package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.testing.ChildJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line in its own JVM: {@code hallmark serve} is killed with SIGKILL after a row was
 * committed, and its watchdog stops the embedded PostgreSQL; the next {@code hallmark serve} recovers the embedded
 * database, serves, and still has the row; SIGTERM then stops it cleanly.
 */
class CrashRecoveryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aSigkilledServerRestartsWithItsCommittedDataAndStopsCleanlyOnSigterm() throws Exception {
        UUID id = UUID.randomUUID();
        try (ChildJvm first = serve()) {
            String url = servingUrl(first);
            assertThat(healthStatus(url)).isEqualTo(200);
            try (Connection c = connectToEmbeddedPostgres();
                    PreparedStatement insert = c.prepareStatement("""
                            insert into content_items (id, modality, prompt, status, created_at, updated_at)
                            values (?, 'TEXT', 'written before SIGKILL', 'PENDING', now(), now())""")) {
                insert.setObject(1, id);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .getFirst().trim());
            first.kill();
            // the platform's watchdog stops its PostgreSQL: it never outlives the platform process
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ProcessHandle.of(postmaster).filter(CrashRecoveryTest::running).isPresent()
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(ProcessHandle.of(postmaster).filter(CrashRecoveryTest::running))
                    .as("the embedded PostgreSQL stopped after its platform was SIGKILLed").isEmpty();
        }

        try (ChildJvm second = serve()) {
            String url = servingUrl(second);
            assertThat(healthStatus(url)).isEqualTo(200);
            try (Connection c = connectToEmbeddedPostgres();
                    PreparedStatement select = c.prepareStatement("select prompt from content_items where id = ?")) {
                select.setObject(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).as("the committed row survived SIGKILL").isTrue();
                    assertThat(rs.getString(1)).isEqualTo("written before SIGKILL");
                }
            }

            second.terminate();
            int exit = second.waitFor(Duration.ofSeconds(60));
            assertThat(second.output()).as("exit code %d", exit).contains("Embedded PostgreSQL stopped").contains("Hallmark stopped");
            assertThat(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .as("PostgreSQL shut down cleanly").doesNotExist();
        }
    }

    /** Alive and not a zombie waiting for its new parent to reap it. */
    private static boolean running(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return p.isAlive() && state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private ChildJvm serve() throws Exception {
        return ChildJvm.start(Main.class, List.of("-Xmx512m"), "serve", "--data-dir", dataDir.toString(), "--port", "0");
    }

    private static String servingUrl(ChildJvm child) throws InterruptedException {
        String line = child.awaitLine(l -> l.startsWith("Hallmark is serving at "), Duration.ofSeconds(120));
        return line.substring("Hallmark is serving at ".length(), line.indexOf("/ (health"));
    }

    private static int healthStatus(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** postmaster.pid's fourth line is the port the embedded PostgreSQL listens on. */
    private Connection connectToEmbeddedPostgres() throws Exception {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        int port = Integer.parseInt(pidFile.get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/hallmark", "postgres", "");
    }
}
