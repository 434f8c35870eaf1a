package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.plugin.fixtures.EchoGenerator;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is a supervised child: SIGKILLed under load, health reports the database DOWN within 2 s,
 * API requests fail fast with 503 and {@code Retry-After}, the platform restarts PostgreSQL by itself and is UP again
 * within 30 s, and every job, queued or running when it died, completes exactly once.
 */
class EmbeddedPostgresSupervisionTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int JOBS_BEFORE = 16;
    private static final int JOBS_AFTER = 8;

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void aKilledEmbeddedPostgresIsReportedRestartedAndLosesAndDuplicatesNothing() throws Exception {
        Files.writeString(dataDir.resolve("hallmark.properties"), "job-lease-seconds=5\njob-workers=2\n");
        GovernedDataDir.prepare(dataDir, work); // every governance check runs, so each job really generates
        try (PlatformServer server = PlatformServer.start(ServerTest.config(dataDir, 0))) {
            String url = server.url();
            String token = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
            KeyPair key = SigningKeys.generate();
            server.platform().plugins().trustKey(SigningKeys.publicPem(key.getPublic()), "test", "test");
            Path echo = PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                    .resource("version.txt", "1.0.0").signedWith(key).writeTo(work);
            server.platform().plugins().install(echo, Set.of(), "test");

            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS_BEFORE; i++) {
                jobs.add(submit(url, token, i));
            }
            awaitRunning(url, token, jobs);

            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
                    .orElseThrow();
            long finishedAtKill = finishedJobs(server);
            assertThat(finishedAtKill).as("jobs in flight when the database is killed").isLessThan(JOBS_BEFORE);
            long killedAt = System.nanoTime();
            postmaster.destroyForcibly();

            // health says DOWN within 2 s
            JsonNode down = null;
            long downMillis = -1;
            while (System.nanoTime() - killedAt < Duration.ofSeconds(2).toNanos()) {
                HttpResponse<String> health = get(url + "/api/v1/health", null);
                JsonNode body = JsonOutput.mapper().readTree(health.body());
                if (health.statusCode() == 503
                        && "DOWN".equals(body.path("subsystems").path("database").path("status").asText())) {
                    down = body;
                    downMillis = (System.nanoTime() - killedAt) / 1_000_000;
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(down).as("health reported the database DOWN within 2 s").isNotNull();
            assertThat(downMillis).as("health answered DOWN within 2 s of the kill").isLessThan(2_000);
            assertThat(down.path("subsystems").path("database").path("details").path("error").asText())
                    .contains("unavailable");
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("subsystems").path("database").path("status").asText()).isEqualTo("DOWN");

            // requests fail fast with 503 and Retry-After while it is away (unless it is back already)
            long asked = System.nanoTime();
            HttpResponse<String> refused = post(url + "/api/v1/generations", token, body(99), null);
            long answeredMillis = (System.nanoTime() - asked) / 1_000_000;
            if (refused.statusCode() != 202) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(answeredMillis).as("a 503 comes at once, not after the pool's timeout").isLessThan(2_000);
            } else {
                jobs.add(JsonOutput.mapper().readTree(refused.body()).path("id").asText());
            }

            // back UP within 30 s, by itself
            boolean up = false;
            while (System.nanoTime() - killedAt < Duration.ofSeconds(30).toNanos()) {
                if (get(url + "/api/v1/health", null).statusCode() == 200) {
                    up = true;
                    break;
                }
                Thread.sleep(100);
            }
            long upMillis = (System.nanoTime() - killedAt) / 1_000_000;
            assertThat(up).as("health UP again within 30 s of the kill").isTrue();

            // and the work resumes by itself: a job that was in flight at the kill finishes within 30 s of it
            long resumedMillis = -1;
            while (System.nanoTime() - killedAt < Duration.ofSeconds(30).toNanos()) {
                if (finishedJobs(server) > finishedAtKill) {
                    resumedMillis = (System.nanoTime() - killedAt) / 1_000_000;
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(resumedMillis).as("a job in flight at the kill finished within 30 s of it").isNotNegative();
            System.out.printf("a job in flight at the kill finished %d ms after it%n", resumedMillis);
            System.out.printf("embedded PostgreSQL SIGKILLed: health DOWN after %d ms, a submit refused with %d in %d ms, "
                    + "health UP after %d ms%n", downMillis, refused.statusCode(), answeredMillis, upMillis);
            assertThat(ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim())))
                    .as("a new postmaster runs").hasValueSatisfying(p -> assertThat(p.pid()).isNotEqualTo(postmaster.pid()));

            for (int i = 0; i < JOBS_AFTER; i++) {
                jobs.add(submit(url, token, 100 + i));
            }

            // a client that retries a submission with its Idempotency-Key gets the first job, never a second one
            HttpResponse<String> first = post(url + "/api/v1/generations", token, body(200), "retry-200");
            HttpResponse<String> retried = post(url + "/api/v1/generations", token, body(200), "retry-200");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
            String keyed = JsonOutput.mapper().readTree(first.body()).path("id").asText();
            assertThat(JsonOutput.mapper().readTree(retried.body()).path("id").asText()).isEqualTo(keyed);
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
            HttpResponse<String> reused = post(url + "/api/v1/generations", token, body(201), "retry-200");
            assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
            assertThat(JsonOutput.mapper().readTree(reused.body()).path("detail").asText())
                    .contains("'retry-200' was already used for a different request (job " + keyed);
            jobs.add(keyed);
            for (String job : jobs) {
                JsonNode done = awaitFinished(url, token, job);
                assertThat(done.path("job").path("state").asText()).as("job %s: %s", job, done.path("job"))
                        .isIn("DONE", "WAITING_REVIEW");
                assertThat(done.path("content").path("text").asText()).startsWith("v1.0.0 job ");
            }

            List<String> pidLines = Files.readAllLines(pidFile);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pidLines.get(3).trim()
                    + "/hallmark", "postgres", ""); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("""
                        select count(*), count(distinct subject) from audit_events
                         where event_type = 'generation.completed'""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("each job completed exactly once").isEqualTo(jobs.size())
                            .isEqualTo(rs.getInt(2));
                }
                try (ResultSet rs = s.executeQuery("""
                        select count(*), count(distinct subject) from audit_events
                         where event_type = 'generation.requested'""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("each job has its one generation.requested event").isEqualTo(jobs.size())
                            .isEqualTo(rs.getInt(2));
                }
                try (ResultSet rs = s.executeQuery("""
                        select count(*) from generation_jobs j
                         where (select count(*) from job_agent_calls c where c.job_id = j.id and c.agent = 'publisher'
                                  and c.attempt = j.attempts) <> 1""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("every job was published once, by its last attempt").isZero();
                }
                try (ResultSet rs = s.executeQuery("select count(*) from generation_jobs")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("no job the client was not told about").isEqualTo(jobs.size());
                }
            }
        }
    }

    /** Jobs in a final state, or {@code -1} while the database cannot answer (it is being restarted). */
    private static long finishedJobs(PlatformServer server) {
        try {
            return server.platform().database().inTransaction(s -> ((Number) s.createNativeQuery("select count(*) "
                    + "from generation_jobs where state in ('DONE', 'WAITING_REVIEW', 'FAILED', 'CANCELLED', 'DEAD')",
                    Long.class).getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String body(int i) {
        return "{\"modality\":\"text\",\"prompt\":\"job " + i + " one two three four five six\","
                + "\"parameters\":{\"delayMillis\":100}}";
    }

    private static String submit(String url, String token, int i) throws Exception {
        HttpResponse<String> accepted = post(url + "/api/v1/generations", token, body(i), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JsonOutput.mapper().readTree(accepted.body()).path("id").asText();
    }

    private static void awaitRunning(String url, String token, List<String> jobs) throws Exception {
        for (int i = 0; i < 200; i++) {
            for (String job : jobs) {
                if ("RUNNING".equals(JsonOutput.mapper().readTree(get(url + "/api/v1/generations/" + job, token).body())
                        .path("job").path("state").asText())) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no job started");
    }

    private static JsonNode awaitFinished(String url, String token, String job) throws Exception {
        JsonNode view = null;
        for (int i = 0; i < 1200; i++) {
            HttpResponse<String> r = get(url + "/api/v1/generations/" + job, token);
            if (r.statusCode() == 200) {
                view = JsonOutput.mapper().readTree(r.body());
                if (Set.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD")
                        .contains(view.path("job").path("state").asText())) {
                    return view;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not finish: " + view);
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String token, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
