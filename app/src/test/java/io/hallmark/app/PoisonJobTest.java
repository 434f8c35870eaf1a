package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.plugin.fixtures.EchoGenerator;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.core.testing.ChildJvm;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.core.testing.TestPostgres;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poison job: whatever runs it dies. Here the test SIGKILLs the {@code hallmark serve} process each time the job
 * starts on it (as a generator that halts the JVM would), and starts the server again, like a supervisor restarting a
 * crashed service. After its attempt limit (3) of deaths the job is DEAD with the plugin named, never runs a fourth
 * time, and the platform stays up and keeps working.
 */
@ExtendWith(PostgresExtension.class)
class PoisonJobTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void aJobThatKillsTheServerOnEveryAttemptIsDeadLetteredAfterItsAttemptLimit(TestPostgres postgres) throws Exception {
        DatabaseSettings db = postgres.freshDatabase("poison_job");
        Path dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("hallmark.properties"), "job-lease-seconds=2\njob-workers=1\n");
        GovernedDataDir.prepare(dataDir, tmp); // the screen passes, so the job reaches the generator

        UUID job;
        ChildJvm server = serve(dataDir, db);
        try {
            String url = url(server);
            String token = LocalCliToken.read(dataDir).orElseThrow();
            KeyPair key = SigningKeys.generate();
            assertThat(call("POST", url + "/api/v1/plugin-keys?name=test", token, SigningKeys.publicPem(key.getPublic()))
                    .statusCode()).isEqualTo(201);
            Path echo = PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                    .resource("version.txt", "1.0.0").signedWith(key).writeTo(tmp.resolve("build"));
            HttpResponse<String> installed = HTTP.send(HttpRequest.newBuilder(URI.create(url
                    + "/api/v1/plugins?filename=echo-1.0.0.jar")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofFile(echo)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);

            HttpResponse<String> accepted = call("POST", url + "/api/v1/generations", token, "{\"modality\":\"text\","
                    + "\"prompt\":\"The lighthouse keeper tended the lamp\",\"parameters\":{\"delayMillis\":10000}}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            job = UUID.fromString(JsonOutput.mapper().readTree(accepted.body()).path("id").asText());

            String url4 = url;
            for (int attempt = 1; attempt <= 3; attempt++) {
                awaitRunning(db, job, attempt, "node-" + server.process().pid());
                server.kill(); // the job takes its process down with it
                server.close();
                server = serve(dataDir, db);
                url4 = url(server);
                token = LocalCliToken.read(dataDir).orElseThrow(); // each server start issues its own CLI token
            }

            // the fourth server dead-letters the job once its last lease expires, and never runs it
            JsonNode dead = awaitState(url4, token, job, "DEAD");
            assertThat(dead.path("job").path("attempts").asInt()).isEqualTo(3);
            assertThat(dead.path("job").path("error").asText()).contains("Attempt limit reached", "plugin 'echo'",
                    "ran 3 times");
            assertThat(dead.path("content").path("status").asText()).isEqualTo("FAILED");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    PreparedStatement q = c.prepareStatement(
                            "select count(*) from job_events where job_id = ? and event_type = 'started'")) {
                q.setObject(1, job);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("started exactly its attempt limit of times").isEqualTo(3);
                }
            }

            // and the platform stays up and keeps working
            assertThat(call("GET", url4 + "/api/v1/health", token, null).statusCode()).isEqualTo(200);
            HttpResponse<String> next = call("POST", url4 + "/api/v1/generations", token, "{\"modality\":\"text\","
                    + "\"prompt\":\"The lighthouse keeper tended the lamp\",\"parameters\":{\"delayMillis\":0}}");
            assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
            UUID healthy = UUID.fromString(JsonOutput.mapper().readTree(next.body()).path("id").asText());
            JsonNode done = awaitFinal(url4, token, healthy);
            assertThat(done.path("job").path("state").asText()).isIn("DONE", "WAITING_REVIEW");
            Thread.sleep(3_000); // longer than a lease: the dead job stays dead
            assertThat(awaitFinal(url4, token, job).path("job").path("state").asText()).isEqualTo("DEAD");
            assertThat(server.process().isAlive()).isTrue();
        } finally {
            server.close();
        }
    }

    private ChildJvm serve(Path dataDir, DatabaseSettings db) throws Exception {
        return ChildJvm.start(Main.class, List.of("-Xmx512m"), "serve", "--data-dir", dataDir.toString(), "--port", "0",
                "--db-url", db.jdbcUrl(), "--db-user", db.user());
    }

    private static String url(ChildJvm node) throws InterruptedException {
        String line = node.awaitLine(l -> l.startsWith("Hallmark is serving at "), Duration.ofSeconds(120));
        return line.substring("Hallmark is serving at ".length(), line.indexOf("/ (health"));
    }

    private static HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", body.startsWith("-----") ? "application/x-pem-file" : "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the job runs its {@code attempt}-th attempt on the node. */
    private static void awaitRunning(DatabaseSettings db, UUID job, int attempt, String node) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    PreparedStatement q = c.prepareStatement("select state, attempts, lease_owner from generation_jobs "
                            + "where id = ?")) {
                q.setObject(1, job);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if ("RUNNING".equals(rs.getString(1)) && rs.getInt(2) == attempt && rs.getString(3) != null
                            && rs.getString(3).startsWith(node + "/")) {
                        return;
                    }
                    assertThat(rs.getString(1)).as("attempt %d", attempt).isIn("QUEUED", "RUNNING");
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("attempt " + attempt + " never started on " + node);
    }

    private static JsonNode awaitState(String url, String token, UUID job, String state) throws Exception {
        JsonNode view = null;
        for (int i = 0; i < 600; i++) {
            view = JsonOutput.mapper().readTree(call("GET", url + "/api/v1/generations/" + job, token, null).body());
            if (state.equals(view.path("job").path("state").asText())) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " never reached " + state + ": " + view);
    }

    private static JsonNode awaitFinal(String url, String token, UUID job) throws Exception {
        JsonNode view = null;
        for (int i = 0; i < 600; i++) {
            view = JsonOutput.mapper().readTree(call("GET", url + "/api/v1/generations/" + job, token, null).body());
            if (List.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD")
                    .contains(view.path("job").path("state").asText())) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not finish: " + view);
    }
}
