package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.Modality;
import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.persistence.BiasProbeRecord;
import io.hallmark.core.probe.BiasProbes;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.core.testing.TestPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counterfactual bias probes over the REST API, on the embedded PostgreSQL with the bundled stories260k text plugin: a
 * generated story whose prompt names an old woman is probed; the probe runs in the background, reports its progress,
 * re-generates each swapped prompt with the item's seed, and keeps per swap the continuation, its text change and its
 * bias-score change (the bias model is a real one, trained by the platform's trainer on a sample of the dev splits).
 * The probe is kept in the database and audited without the prompts; bad requests fail before anything runs; a probe
 * whose process died is marked interrupted by the next start on the host.
 */
class BiasProbeApiTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformServer server;
    static String admin;
    static UUID story;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", TestPaths.cacheDir().resolve("djl").toString());
        }
        Path bundled = Files.createDirectories(work.resolve("plugins"));
        Files.copy(GenerateCommandTest.textPluginJar(), bundled.resolve("text-generator.jar"));
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), "bundled-plugins-dir=" + bundled + "\nmodels-dir="
                + TestPaths.sharedDir().resolve("models") + "\ndevice=cpu\n");
        GovernedDataDir.prepare(dataDir, work); // the bias scorer for probes; every check must run to decide
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        admin = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();

        HttpResponse<String> queued = send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":"
                + "\"Once upon a time there was an old woman\",\"parameters\":{\"maxTokens\":30},\"seed\":11}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String job = json(queued).path("id").asText();
        JsonNode done = poll("/api/v1/generations/" + job, j -> !j.path("job").path("state").asText().matches(
                "QUEUED|RUNNING"));
        assertThat(done.path("job").path("state").asText()).as(done.toString()).isEqualTo("DONE");
        story = UUID.fromString(done.path("content").path("id").asText());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", admin)
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonOutput.mapper().readTree(response.body());
    }

    static JsonNode poll(String path, java.util.function.Predicate<JsonNode> finished) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 1200; i++) {
            last = json(send("GET", path, null));
            if (finished.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Still not finished after 120 s: " + last);
    }

    /** Starts a probe of {@code item} and waits for it to finish. */
    static JsonNode probe(UUID item, String body) throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/v1/content/" + item + "/probes", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode started = json(accepted);
        assertThat(started.path("state").asText()).isIn("RUNNING", "DONE");
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/probes/" + started.path("id").asText());
        return poll(location, p -> !p.path("state").asText().equals("RUNNING"));
    }

    @Test
    void aProbeRegeneratesEachSwappedPromptWithTheItemsSeedAndKeepsTheTextAndBiasChange() throws Exception {
        JsonNode probe = probe(story, "{\"perTerm\":2}");

        assertThat(probe.path("state").asText()).as(probe.toString()).isEqualTo("DONE");
        JsonNode result = probe.path("result");
        JsonNode variants = result.path("variants");
        assertThat(variants).isNotEmpty();
        assertThat(probe.path("variantsDone").asInt()).isEqualTo(probe.path("variantsTotal").asInt())
                .isEqualTo(variants.size());
        assertThat(variants.findValuesAsText("axis")).contains("gender", "age");
        double original = result.path("biasMax").asDouble();
        assertThat(original).isBetween(0.0, 1.0);
        double absoluteChanges = 0;
        for (JsonNode v : variants) {
            assertThat(v.path("prompt").asText()).isNotEqualTo("Once upon a time there was an old woman")
                    .contains(v.path("replacement").asText());
            assertThat(v.path("continuation").asText()).isNotBlank();
            assertThat(v.path("textChange").asDouble()).isBetween(0.0, 1.0);
            assertThat(v.path("biasMax").asDouble()).isBetween(0.0, 1.0);
            assertThat(v.path("biasChange").asDouble()).as("the swapped continuation's score minus the original's")
                    .isCloseTo(v.path("biasMax").asDouble() - original, org.assertj.core.data.Offset.offset(0.0015));
            absoluteChanges += Math.abs(v.path("biasChange").asDouble());
        }
        assertThat(result.path("meanAbsoluteBiasChange").asDouble())
                .isCloseTo(absoluteChanges / variants.size(), org.assertj.core.data.Offset.offset(0.0015));
        assertThat(result.path("meanTextChange").asDouble()).as("swapping who the story is about changes the story")
                .isGreaterThan(0);
        assertThat(result.path("continuation").asText()).isEqualTo(json(send("GET", "/api/v1/content/" + story, null))
                .path("text").asText());
        assertThat(result.path("plugin").asText()).startsWith("hallmark-text@");

        // seeded: probing again (text change only) re-generates the very same continuations
        JsonNode again = probe(story, "{\"perTerm\":2,\"bias\":false}");
        assertThat(again.path("result").path("variants").findValuesAsText("continuation"))
                .isEqualTo(variants.findValuesAsText("continuation"));
        assertThat(again.path("result").path("biasMax").isNull()).isTrue();

        // kept: listed with the item, newest first, and one row each in the database
        JsonNode listed = json(send("GET", "/api/v1/content/" + story + "/probes", null)).path("items");
        assertThat(listed.findValuesAsText("id")).containsExactly(again.path("id").asText(), probe.path("id").asText());
        Long rows = server.platform().database().inTransaction(s -> s.createNativeQuery(
                "select count(*) from bias_probes where content_item_id = :item and state = 'DONE'", Long.class)
                .setParameter("item", story).getSingleResult());
        assertThat(rows).isEqualTo(2);

        // audited with the scores, never the prompts
        JsonNode events = json(send("GET", "/api/v1/audit/events?type=bias.probe.completed&subject=" + story, null))
                .path("items");
        assertThat(events).hasSize(2);
        JsonNode payload = events.get(events.size() - 1).path("payload");
        assertThat(payload.path("probe").asText()).isIn(probe.path("id").asText(), again.path("id").asText());
        assertThat(payload.path("variants").asInt()).isEqualTo(variants.size());
        assertThat(events.toString()).doesNotContain("old woman");
    }

    @Test
    void badProbeRequestsAreRefusedWithAClearErrorBeforeAnythingRuns() throws Exception {
        UUID image = item(Modality.IMAGE, "hallmark-image", 1L);
        UUID noSeed = item(Modality.TEXT, "hallmark-text", null);
        UUID retired = item(Modality.TEXT, "retired-generator", 5L);

        HttpResponse<String> unknown = send("POST", "/api/v1/content/" + UUID.randomUUID() + "/probes", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("detail").asText()).startsWith("No content item ");

        HttpResponse<String> picture = send("POST", "/api/v1/content/" + image + "/probes", null);
        assertThat(picture.statusCode()).isEqualTo(400);
        assertThat(json(picture).path("detail").asText()).contains("is IMAGE").contains("TEXT or CODE");

        HttpResponse<String> unseeded = send("POST", "/api/v1/content/" + noSeed + "/probes", null);
        assertThat(unseeded.statusCode()).isEqualTo(400);
        assertThat(json(unseeded).path("detail").asText()).contains("has no seed recorded");

        HttpResponse<String> gone = send("POST", "/api/v1/content/" + retired + "/probes", null);
        assertThat(gone.statusCode()).isEqualTo(409);
        assertThat(json(gone).path("type").asText()).isEqualTo("/errors/probe-unavailable");
        assertThat(json(gone).path("detail").asText()).contains("plugin 'retired-generator'")
                .contains("hallmark-text:TEXT");

        HttpResponse<String> tooMany = send("POST", "/api/v1/content/" + story + "/probes", "{\"perTerm\":9}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).path("errors").get(0).path("field").asText()).isEqualTo("perTerm");
        HttpResponse<String> notBoolean = send("POST", "/api/v1/content/" + story + "/probes", "{\"bias\":\"yes\"}");
        assertThat(notBoolean.statusCode()).isEqualTo(400);
        assertThat(json(notBoolean).path("errors").get(0).path("field").asText()).isEqualTo("bias");
        assertThat(send("GET", "/api/v1/probes/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);

        Long started = server.platform().database().inTransaction(s -> s.createNativeQuery(
                "select count(*) from bias_probes where content_item_id in (:items)", Long.class)
                .setParameterList("items", List.of(image, noSeed, retired)).getSingleResult());
        assertThat(started).as("refused probes leave no record").isZero();
    }

    @Test
    void aProbeLeftRunningByAProcessOfThisHostThatIsGoneIsMarkedInterrupted() throws Exception {
        UUID text = item(Modality.TEXT, "hallmark-text", 3L);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String node = Platform.nodeName();
        String deadNode = node.substring(0, node.lastIndexOf('-') + 1) + gone.pid();
        BiasProbeRecord stale = new BiasProbeRecord(text, 1, false, deadNode, "someone");
        var platform = server.platform();
        platform.database().useTransaction(s -> s.persist(stale));

        try (GovernanceModels models = GovernanceModels.in(work.resolve("no-models"));
                BiasProbes restarted = new BiasProbes(platform.database(), platform.plugins(), platform.auditLog(), models,
                        node)) {
            JsonNode probe = json(send("GET", "/api/v1/probes/" + stale.id(), null));
            assertThat(probe.path("state").asText()).isEqualTo("FAILED");
            assertThat(probe.path("error").asText()).isEqualTo("interrupted: node " + deadNode + " stopped before the "
                    + "probe finished; start it again");
            assertThat(restarted.forItem(text, 5)).extracting(BiasProbeRecord::id).containsExactly(stale.id());
        }
    }

    private static UUID item(Modality modality, String plugin, Long seed) {
        return server.platform().database().inTransaction(s -> {
            ContentItem item = new ContentItem(modality, "A portrait of an old woman");
            item.setPlugin(plugin, "1.0.0");
            item.setParameters(Map.of());
            item.setSeed(seed);
            item.setTextBody(modality == Modality.IMAGE ? null : "She smiled.");
            item.setStatus(ContentStatus.APPROVED);
            s.persist(item);
            return item.id();
        });
    }
}
