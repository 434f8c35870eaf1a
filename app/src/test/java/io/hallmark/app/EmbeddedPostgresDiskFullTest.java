package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.plugin.fixtures.EchoGenerator;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the embedded PostgreSQL's own files fills up, for real: its cluster directory is a 192 MiB tmpfs
 * (mounted by the test, which needs root, as CI has; skipped otherwise), a filler file takes every free byte, and
 * PostgreSQL fails to write: a table cannot grow ({@code 53100}), and a new WAL segment cannot be made, so it PANICs
 * and exits (the supervisor's restarts fail until space is freed). Health reports the database DOWN with a reason naming the disk, submissions answer 503
 * with {@code Retry-After} (never a 500 or a 400), nothing acknowledged before is lost and nothing is there that was not
 * acknowledged, and once the filler is deleted the platform is UP again by itself and new work is accepted and
 * finishes.
 */
class EmbeddedPostgresDiskFullTest {

    private static final Set<String> FINAL = Set.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD");
    private static final int JOBS_BEFORE = 6;
    private static final int JOBS_AFTER = 4;

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void aFullDiskUnderPostgresIsReportedRefusedLosesNothingAndRecoversWhenSpaceIsFreed() throws Exception {
        Path cluster = Files.createDirectories(dataDir.resolve("postgres"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=192m", "tmpfs", cluster.toString()),
                "needs root to mount a small tmpfs under the embedded PostgreSQL's cluster");
        try {
            scenario(cluster);
        } finally {
            if (!run("umount", cluster.toString())) {
                run("umount", "-l", cluster.toString());
            }
        }
    }

    private void scenario(Path cluster) throws Exception {
        Files.writeString(dataDir.resolve("hallmark.properties"), "job-lease-seconds=5\njob-workers=2\n");
        try (PlatformServer server = PlatformServer.start(ServerTest.config(dataDir, 0))) {
            String url = server.url();
            String token = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
            KeyPair key = SigningKeys.generate();
            server.platform().plugins().trustKey(SigningKeys.publicPem(key.getPublic()), "test", "test");
            Path echo = PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                    .resource("version.txt", "1.0.0").signedWith(key).writeTo(work);
            server.platform().plugins().install(echo, Set.of(), "test");

            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < JOBS_BEFORE; i++) {
                acknowledged.add(submit(url, token, i));
            }
            for (String job : acknowledged) {
                awaitFinished(url, token, job);
            }
            int port = port(cluster);

            // the disk fills: a filler takes every free byte, then PostgreSQL itself fails to write
            Path filler = cluster.resolve("filler");
            long filled = fill(filler);
            String postgresSaid = writeUntilRefused(port);
            String walSaid = needANewWalSegment(port);
            System.out.printf("filler %d MiB; PostgreSQL then said: %s; asked for a new WAL segment: %s%n",
                    filled >> 20, postgresSaid, walSaid);
            assertThat(postgresSaid).as("PostgreSQL failed to write a table").contains("No space left on device");
            assertThat(walSaid).as("PostgreSQL failed to write its WAL").isNotNull();

            long fullAt = System.nanoTime();
            JsonNode down = awaitHealth(url, 503, Duration.ofSeconds(5), h -> h.path("subsystems").path("database")
                    .path("details").path("error").asText().contains("is full"));
            long downMillis = (System.nanoTime() - fullAt) / 1_000_000;
            assertThat(down).as("health reported the database DOWN within 5 s of the disk filling").isNotNull();
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            JsonNode database = down.path("subsystems").path("database");
            assertThat(database.path("status").asText()).isEqualTo("DOWN");
            assertThat(database.path("details").path("error").asText()).as("the reason names the disk")
                    .contains("the disk under the database's files (" + cluster + ") is full");

            // submissions while it is full: 503 with Retry-After, never a 500 and never a 400
            int refused = 0;
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = EmbeddedPostgresSupervisionTest.post(url + "/api/v1/generations", token,
                        body(50 + i), null);
                if (r.statusCode() == 202) {
                    acknowledged.add(JsonOutput.mapper().readTree(r.body()).path("id").asText());
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Retry-After")).as("Retry-After on " + r.body()).isPresent();
                    refused++;
                }
            }
            assertThat(refused).as("submissions refused while the disk is full").isEqualTo(5);

            // space is freed: UP again by itself, no person
            Files.delete(filler);
            long freedAt = System.nanoTime();
            JsonNode up = awaitHealth(url, 200, Duration.ofSeconds(40), h -> true);
            long upMillis = (System.nanoTime() - freedAt) / 1_000_000;
            assertThat(up).as("health UP again within 40 s of freeing space").isNotNull();
            System.out.printf("disk full under PostgreSQL: health DOWN after %d ms, %d submissions refused with 503, "
                    + "UP %d ms after the filler was deleted%n", downMillis, refused, upMillis);

            for (int i = 0; i < JOBS_AFTER; i++) {
                acknowledged.add(submit(url, token, 100 + i));
            }
            for (String job : acknowledged) {
                JsonNode done = awaitFinished(url, token, job);
                assertThat(done.path("job").path("state").asText()).as("job %s: %s", job, done.path("job"))
                        .isIn("DONE", "WAITING_REVIEW");
            }

            try (Connection c = DriverManager.getConnection(jdbc(port), "postgres", "");
                    Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from generation_jobs"))
                        .as("every acknowledged job is there, and no other").isEqualTo(acknowledged.size());
                assertThat(count(s, "select count(distinct subject) from audit_events "
                        + "where event_type = 'generation.requested'"))
                        .as("each acknowledged job has its generation.requested event").isEqualTo(acknowledged.size());
                assertThat(count(s, "select count(*) from audit_events where event_type = 'generation.requested'"))
                        .as("and only one").isEqualTo(acknowledged.size());
                assertThat(count(s, "select count(*) from audit_events where event_type = 'generation.completed'"))
                        .as("each job completed exactly once").isEqualTo(acknowledged.size());
            }
        }
    }

    /** Writes zeros to {@code filler} until the disk refuses; returns the bytes written. */
    private static long fill(Path filler) throws IOException {
        byte[] chunk = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
        return written;
    }

    /** Asks PostgreSQL to write until it refuses; returns what it said. */
    private static String writeUntilRefused(int port) {
        try (Connection c = DriverManager.getConnection(jdbc(port), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create table if not exists disk_full_ballast (b text)");
            for (int i = 0; i < 1000; i++) {
                s.execute("insert into disk_full_ballast select md5(g::text) from generate_series(1, 20000) g");
            }
            return null;
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    /**
     * Switches to a new WAL segment and commits transactions that need it: with no space for the segment PostgreSQL
     * PANICs (its WAL cannot be written) and ends every session; returns what the client was told.
     */
    private static String needANewWalSegment(int port) {
        try (Connection c = DriverManager.getConnection(jdbc(port), "postgres", "");
                Statement s = c.createStatement()) {
            for (int i = 0; i < 20; i++) {
                s.execute("select pg_switch_wal()");
                s.execute("select txid_current()");
            }
            return null;
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    private static int port(Path cluster) throws IOException {
        return Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).trim());
    }

    private static String jdbc(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/hallmark";
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first health answer with {@code status} that {@code matches}, or {@code null} after {@code within}. */
    private static JsonNode awaitHealth(String url, int status, Duration within, Predicate<JsonNode> matches)
            throws Exception {
        long until = System.nanoTime() + within.toNanos();
        String last = null;
        while (System.nanoTime() < until) {
            HttpResponse<String> health = EmbeddedPostgresSupervisionTest.get(url + "/api/v1/health", null);
            last = health.statusCode() + " " + health.body();
            if (health.statusCode() == status && matches.test(JsonOutput.mapper().readTree(health.body()))) {
                return JsonOutput.mapper().readTree(health.body());
            }
            Thread.sleep(100);
        }
        System.out.println("last health answer: " + last);
        return null;
    }

    private static String body(int i) {
        return "{\"modality\":\"text\",\"prompt\":\"job " + i + " one two three four five six\","
                + "\"parameters\":{\"delayMillis\":50}}";
    }

    private static String submit(String url, String token, int i) throws Exception {
        HttpResponse<String> accepted = EmbeddedPostgresSupervisionTest.post(url + "/api/v1/generations", token,
                body(i), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JsonOutput.mapper().readTree(accepted.body()).path("id").asText();
    }

    private static JsonNode awaitFinished(String url, String token, String job) throws Exception {
        JsonNode view = null;
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = EmbeddedPostgresSupervisionTest.get(url + "/api/v1/generations/" + job, token);
            if (r.statusCode() == 200) {
                view = JsonOutput.mapper().readTree(r.body());
                if (FINAL.contains(view.path("job").path("state").asText())) {
                    return view;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not finish: " + view);
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
