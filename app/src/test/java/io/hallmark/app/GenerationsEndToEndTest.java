package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.signing.PluginArchiveSigner;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.security.LocalCliToken;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Governed generation over the REST API: 202 with a job, progress as Server-Sent Events, the kept result. */
class GenerationsEndToEndTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformServer server;
    static String admin;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * A corpus of checkable, false statements about lighthouses (numbers, dates, named places) for the Markov
     * plugin: its text makes claims the knowledge base's one lighthouse document cannot support. Since issue 18 only
     * check-worthy sentences are claims, so the plugin's built-in story corpus would have none.
     */
    static final String FALSE_LIGHTHOUSE_FACTS = """
            The Eddystone Lighthouse was built in 1950 by the government of France. The Tower of Hercules in Spain             is 300 metres tall and was finished in 1990. The first lighthouse in Norway was lit in 1650 with 5,000             candles. Lighthouse lamps in Japan were automated in 1820 by the national navy. The Lighthouse of             Alexandria in Egypt still stands and is 900 metres high. The Bell Rock Lighthouse in Scotland was built in             2005 and lies 500 kilometres from the coast of Europe.
            """;

    @BeforeAll
    static void start() throws Exception {
        GovernedDataDir.prepare(dataDir, work); // every governance check must run, or items fail closed
        Files.writeString(Files.createDirectories(dataDir.resolve("models")).resolve("lighthouse-facts.txt"),
                FALSE_LIGHTHOUSE_FACTS);
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        admin = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
        KeyPair key = SigningKeys.generate();
        var plugins = server.platform().plugins();
        plugins.trustKey(SigningKeys.publicPem(key.getPublic()), "test", "test");
        Path archive = Files.copy(PluginsEndToEndTest.exampleArchive(), work.resolve("example-markov-1.0.0.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        PluginArchiveSigner.sign(archive, key.getPrivate(), key.getPublic());
        plugins.install(archive, Set.of(), "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGenerationIsQueuedStreamedCheckedAndKept() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/generations",
                "{\"modality\":\"text\",\"prompt\":\"The keeper\",\"parameters\":{\"maxWords\":60,"
                        + "\"corpus\":\"lighthouse-facts.txt\"},\"seed\":7}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode job = JsonOutput.mapper().readTree(accepted.body());
        String id = job.path("id").asText();
        assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/generations/" + id);

        List<String> eventTypes = new ArrayList<>();
        StringBuilder streamed = new StringBuilder();
        HttpResponse<InputStream> sse = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/generations/"
                + id + "/events")).header("Authorization", admin).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sse.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
            String type = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                    eventTypes.add(type);
                } else if (line.startsWith("data:") && "output".equals(type)) {
                    streamed.append(JsonOutput.mapper().readTree(line.substring(5)).path("data").path("text").asText());
                }
            }
        }
        assertThat(eventTypes).containsSubsequence("queued", "started", "output", "decision", "finished");

        JsonNode result = JsonOutput.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                + "/api/v1/generations/" + id)).header("Authorization", admin).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        // every check ran (nothing failed closed) and the default policy decided: the Markov text's check-worthy
        // claims (dates, sizes, places) are ones the knowledge base cannot support, so "mostly unsupported text needs
        // a person"; the request declared no content type, so it was judged as general content
        JsonNode report = result.path("report");
        assertThat(report.path("unavailable").isMissingNode()).as(report.toString()).isTrue();
        assertThat(report.path("scores").path("checks.unavailable").asDouble()).isZero();
        assertThat(report.path("scores").path("claims.total").asDouble()).isGreaterThanOrEqualTo(3);
        assertThat(report.path("decision").path("rule").asText()).isEqualTo("low-factuality");
        assertThat(report.path("scores").path("factuality").asDouble()).isLessThan(0.5);
        assertThat(report.path("contentType").asText()).isEqualTo("general");
        assertThat(result.path("job").path("state").asText()).isEqualTo("WAITING_REVIEW");
        assertThat(result.path("content").path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(result.path("content").path("text").asText()).isEqualTo(streamed.toString()).isNotBlank();
        assertThat(result.path("content").path("plugin").asText()).isEqualTo("example-markov@1.0.0");
        assertThat(report.path("decision").path("action").asText()).isEqualTo("NEEDS_REVIEW");
        // and the decision names what judged it
        assertThat(report.path("judgedBy").path("models").path("safety").asText()).hasSize(64);
        assertThat(report.path("judgedBy").path("models").path("bias").asText()).hasSize(64);
        assertThat(report.path("judgedBy").path("models").path("embedder:all-minilm-l6-v2").asText()).hasSize(64);
        assertThat(report.path("judgedBy").path("knowledgeBaseSnapshot").asText()).matches("kb-seq-[0-9]+");
        assertThat(report.path("judgedBy").path("policySha256").asText())
                .isEqualTo(report.path("decision").path("policySha256").asText());
        assertThat(result.path("report").path("decision").path("policySha256").asText()).hasSize(64);

        // the request and the outcome are in the audit trail, the prompt only as its hash
        String item = result.path("content").path("id").asText();
        JsonNode events = JsonOutput.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                + "/api/v1/audit/events?subject=" + item)).header("Authorization", admin).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("items");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).contains("generation.requested", "generation.completed");
        JsonNode requested = events.get(types.indexOf("generation.requested")).path("payload");
        assertThat(requested.path("promptSha256").asText()).hasSize(64);
        assertThat(requested.toString()).doesNotContain("The keeper");
        assertThat(requested.path("plugin").asText()).isEqualTo("example-markov@1.0.0");
    }

    @Test
    void aStoryWithoutCheckWorthyClaimsHasNoFactualityScoreNotAZero() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/generations",
                "{\"modality\":\"text\",\"prompt\":\"The keeper\",\"parameters\":{\"maxWords\":40},\"seed\":7,"
                        + "\"contentType\":\"story\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JsonOutput.mapper().readTree(accepted.body()).path("id").asText();
        JsonNode result = awaitResult(id);

        // the built-in corpus is a lighthouse keeper's evening: narrative, no claim a knowledge base could check
        JsonNode report = result.path("report");
        assertThat(report.path("unavailable").isMissingNode()).as(report.toString()).isTrue();
        assertThat(report.path("scores").path("claims.total").asDouble()).as(report.toString()).isZero();
        assertThat(report.path("scores").has("factuality")).as("no factuality, not zero").isFalse();
        assertThat(report.path("notApplicable").toString()).contains("\"factuality\"");
        assertThat(report.path("decision").path("fired").toString()).doesNotContain("low-factuality");
        assertThat(report.path("contentType").asText()).isEqualTo("story");
        assertThat(report.path("decision").path("contentType").asText()).isEqualTo("story");
        JsonNode listed = JsonOutput.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                + "/api/v1/content?size=50")).header("Authorization", admin).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("items");
        JsonNode item = null;
        for (JsonNode i : listed) {
            if (i.path("id").asText().equals(result.path("content").path("id").asText())) {
                item = i;
            }
        }
        assertThat(item).as(listed.toString()).isNotNull();
        assertThat(item.path("factualityScore").isNumber()).as("no factuality score: " + item).isFalse();
        assertThat(item.path("decision").asText()).isNotBlank();
    }

    private static JsonNode awaitResult(String jobId) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode result = JsonOutput.mapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                    + "/api/v1/generations/" + jobId)).header("Authorization", admin).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (List.of("DONE", "WAITING_REVIEW", "FAILED", "DEAD", "CANCELLED")
                    .contains(result.path("job").path("state").asText())) {
                return result;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    @Test
    void badRequestsFailBeforeAnythingIsQueued() throws Exception {
        HttpResponse<String> unknownParameter = post("/api/v1/generations",
                "{\"modality\":\"text\",\"prompt\":\"x\",\"parameters\":{\"temperature\":0.5}}");
        assertThat(unknownParameter.statusCode()).isEqualTo(400);
        JsonNode problem = JsonOutput.mapper().readTree(unknownParameter.body());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("temperature");
        assertThat(problem.path("detail").asText()).contains("supported: [corpus, maxWords, order]");

        assertThat(post("/api/v1/generations", "{\"modality\":\"image\",\"prompt\":\"x\"}").body())
                .contains("No enabled plugin generates IMAGE");
        assertThat(post("/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/generations", "not json").statusCode()).isEqualTo(400);
        assertThat(server.platform().jobs().depth()).isEmpty();
    }

    @Test
    void aFullQueueAnswers429NamingTheQueueAndAcceptsAgainOnceItDrains() throws Exception {
        var db = server.platform().database();
        int capacity = server.platform().jobs().settings().capacityPerQueue();
        db.useTransaction(s -> s.createNativeMutationQuery("""
                insert into generation_jobs (id, state, request, queue, not_before, created_at, updated_at)
                select gen_random_uuid(), 'QUEUED', '{}'::jsonb, 'example-markov', now() + interval '1 hour', now(),
                       now()
                  from generate_series(1, :n)""").setParameter("n", capacity).executeUpdate());
        try {
            HttpResponse<String> refused = post("/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\"}");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).as("the queue's retry backoff").contains("2");
            JsonNode problem = JsonOutput.mapper().readTree(refused.body());
            assertThat(problem.path("type").asText()).isEqualTo("/errors/queue-full");
            assertThat(problem.path("detail").asText()).isEqualTo("The queue for 'example-markov' is full ("
                    + capacity + " jobs waiting or running); retry later");
        } finally {
            db.useTransaction(s -> s.createNativeMutationQuery(
                    "delete from generation_jobs where not_before > now() + interval '30 minutes'").executeUpdate());
        }
        assertThat(post("/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\"}").statusCode())
                .isEqualTo(202);
        for (int i = 0; i < 600 && !server.platform().jobs().depth().isEmpty(); i++) {
            Thread.sleep(100); // leave the queue empty for the other tests
        }
    }
}
