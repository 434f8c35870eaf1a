package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.plugin.fixtures.LargeImageGenerator;
import io.hallmark.core.plugin.fixtures.LargeVideoGenerator;
import io.hallmark.core.plugin.fixtures.SlowMediaCheck;
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
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artifacts are shared by default ({@code blob-store=postgres}): node B ({@code hallmark serve}, its own data
 * directory) generates an image and a video and is killed while their check steps run; node A, another process on the
 * same PostgreSQL with a data directory of its own, resumes both jobs at their check steps, reads the artifacts B
 * wrote, finishes each job once, and serves them at {@code GET /api/v1/content/{id}/artifact}.
 */
@ExtendWith(PostgresExtension.class)
class SharedArtifactsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Two chunks of the shared store (1 MiB each) and a bit. */
    private static final int IMAGE_BYTES = 2 * 1024 * 1024 + 123;

    @TempDir
    Path tmp;

    private ChildJvm node(Path dataDir, DatabaseSettings db) throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("hallmark.properties"), "job-lease-seconds=3\njob-workers=2\n");
        GovernedDataDir.prepare(dataDir, tmp);
        return ChildJvm.start(Main.class, List.of("-Xmx512m"), "serve", "--data-dir", dataDir.toString(), "--port", "0",
                "--db-url", db.jdbcUrl(), "--db-user", db.user());
    }

    private static String url(ChildJvm node) throws InterruptedException {
        String line = node.awaitLine(l -> l.startsWith("Hallmark is serving at "), Duration.ofSeconds(120));
        return line.substring("Hallmark is serving at ".length(), line.indexOf("/ (health"));
    }

    private static HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", body.startsWith("-----") ? "application/x-pem-file" : "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String submit(String url, String token, String modality) throws Exception {
        HttpResponse<String> accepted = call("POST", url + "/api/v1/generations", token,
                "{\"modality\":\"" + modality + "\",\"prompt\":\"" + IMAGE_BYTES + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JsonOutput.mapper().readTree(accepted.body()).path("id").asText();
    }

    @Test
    void mediaJobsWhoseNodeDiesBeforeTheirCheckFinishOnceOnAnotherNodeWhichServesTheArtifacts(TestPostgres postgres)
            throws Exception {
        DatabaseSettings db = postgres.freshDatabase("shared_artifacts");
        Path dirA = tmp.resolve("a");
        Path dirB = tmp.resolve("b");
        String job;
        String videoJob;
        try (ChildJvm b = node(dirB, db)) {
            String urlB = url(b);
            String tokenB = LocalCliToken.read(dirB).orElseThrow();
            KeyPair key = SigningKeys.generate();
            assertThat(call("POST", urlB + "/api/v1/plugin-keys?name=test", tokenB,
                    SigningKeys.publicPem(key.getPublic())).statusCode()).isEqualTo(201);
            Path pictures = PluginArchiveBuilder.plugin("pictures", "1.0.0").extension(LargeImageGenerator.class)
                    .extension(LargeVideoGenerator.class).extension(SlowMediaCheck.class).signedWith(key).writeTo(tmp.resolve("build"));
            HttpResponse<String> installed = HTTP.send(HttpRequest.newBuilder(URI.create(urlB
                    + "/api/v1/plugins?filename=pictures-1.0.0.jar")).header("Authorization", "Bearer " + tokenB)
                    .POST(HttpRequest.BodyPublishers.ofFile(pictures)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);

            job = submit(urlB, tokenB, "image");
            videoJob = submit(urlB, tokenB, "video");
            awaitStepDone(db, job, "generate"); // the artifacts are stored; the slow checks run now
            awaitStepDone(db, videoJob, "generate");
            b.kill();
        }
        try (ChildJvm a = node(dirA, db)) {
            String urlA = url(a);
            String tokenA = LocalCliToken.read(dirA).orElseThrow();
            JsonNode done = awaitFinished(urlA, tokenA, job);
            assertThat(done.path("job").path("state").asText()).as(done.toString()).isIn("DONE", "WAITING_REVIEW");
            String contentId = done.path("content").path("id").asText();
            String sha = done.path("content").path("artifactSha256").asText();

            HttpResponse<byte[]> artifact = HTTP.send(HttpRequest.newBuilder(URI.create(urlA + "/api/v1/content/"
                    + contentId + "/artifact")).header("Authorization", "Bearer " + tokenA).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(artifact.statusCode()).isEqualTo(200);
            assertThat(artifact.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(artifact.body()).hasSize(IMAGE_BYTES);
            assertThat(artifact.body()[IMAGE_BYTES - 1]).isEqualTo((byte) ((IMAGE_BYTES - 1) % 251));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact.body())))
                    .as("the hash recorded at generation names the bytes served").isEqualTo(sha);
            try (var local = Files.list(dirA.resolve("blobs"))) {
                assertThat(local.filter(p -> p.getFileName().toString().length() == 2))
                        .as("node A keeps no local copy").isEmpty();
            }

            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "")) {
                assertThat(count(c, "select count(*) from job_agent_calls where job_id = ?::uuid"
                        + " and agent like 'generator:%'", job)).as("the image was generated once, on node B").isEqualTo(1);
                assertThat(count(c, "select attempts from generation_jobs where id = ?::uuid", job))
                        .as("node A resumed the job").isEqualTo(2);
                assertThat(count(c, "select count(*) from audit_events where event_type = 'generation.completed'"
                        + " and subject = ?", contentId)).as("the job completed exactly once").isEqualTo(1);
                assertThat(count(c, "select count(*) from job_agent_calls where job_id = ?::uuid"
                        + " and agent = 'publisher'", job)).as("and was published once").isEqualTo(1);
                assertThat(count(c, "select count(*) from blobs where sha256 = ?", sha)).isEqualTo(1);
                assertThat(count(c, "select count(*) from job_agent_calls where job_id = ?::uuid and attempt = 2"
                        + " and step = 'check'", job)).as("node A ran the check on the image").isGreaterThanOrEqualTo(1);
            }
            JsonNode video = awaitFinished(urlA, tokenA, videoJob);
            assertThat(video.path("job").path("state").asText()).as(video.toString()).isIn("DONE", "WAITING_REVIEW");
            HttpResponse<byte[]> film = HTTP.send(HttpRequest.newBuilder(URI.create(urlA + "/api/v1/content/"
                    + video.path("content").path("id").asText() + "/artifact")).header("Authorization", "Bearer " + tokenA)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(film.statusCode()).isEqualTo(200);
            assertThat(film.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(film.body())))
                    .isEqualTo(video.path("content").path("artifactSha256").asText());
            assertThat(film.body()[IMAGE_BYTES - 1]).isEqualTo((byte) ((IMAGE_BYTES - 1) % 241));
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "")) {
                assertThat(count(c, "select count(*) from job_agent_calls where job_id = ?::uuid"
                        + " and agent like 'generator:%'", videoJob)).as("the video was generated once").isEqualTo(1);
                assertThat(count(c, "select attempts from generation_jobs where id = ?::uuid", videoJob)).isEqualTo(2);
                assertThat(count(c, "select count(*) from audit_events where event_type = 'generation.completed'"
                        + " and subject = ?", video.path("content").path("id").asText()))
                        .as("the video job completed exactly once").isEqualTo(1);
            }
            assertThat(a.output()).doesNotContain("is not in the blob store").doesNotContain("Exception in thread");
        }
    }

    private static long count(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static void awaitStepDone(DatabaseSettings db, String job, String step) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    PreparedStatement s = c.prepareStatement("select current_step from generation_jobs where id = ?::uuid")) {
                s.setString(1, job);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && step.equals(rs.getString(1))) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " never completed its " + step + " step");
    }

    private static JsonNode awaitFinished(String url, String token, String job) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode view = JsonOutput.mapper().readTree(call("GET", url + "/api/v1/generations/" + job, token, null).body());
            String state = view.path("job").path("state").asText();
            if (List.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD").contains(state)) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not finish");
    }
}
