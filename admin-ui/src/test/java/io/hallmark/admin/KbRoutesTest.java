package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge-base REST API on a bare Javalin (no database needed), with the real MiniLM embedder. */
class KbRoutesTest {

    @TempDir
    Path dataDir;

    private io.hallmark.core.kb.KnowledgeBases knowledgeBases;
    private KbRoutes kb;
    private Javalin javalin;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        knowledgeBases = new io.hallmark.core.kb.KnowledgeBases(dataDir);
        kb = new KbRoutes(knowledgeBases);
        javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            kb.register(config.routes);
        });
        javalin.start();
    }

    @AfterEach
    void stop() {
        javalin.stop();
        knowledgeBases.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aLargeUploadRunsInTheBackgroundAndReportsItsProgress() throws Exception {
        StringBuilder body = new StringBuilder("{\"documents\": [");
        int documents = 300;
        for (int i = 0; i < documents; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\": \"doc-").append(i).append("\", \"text\": \"Document ")
                    .append(i).append(" says that lighthouse number ").append(i).append(" stands on a rocky island and ")
                    .append("guides ships past the reef at night.\"}");
        }
        HttpResponse<String> accepted = send("POST", "/api/v1/kb/documents?async=true&kb=big", body.append("]}").toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode ingestion = json.readTree(accepted.body());
        assertThat(ingestion.path("documentsTotal").asInt()).isEqualTo(documents);
        String location = accepted.headers().firstValue("Location").orElseThrow();

        java.util.List<Integer> seen = new java.util.ArrayList<>();
        JsonNode state = ingestion;
        for (int i = 0; i < 1_200 && state.path("state").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            state = json.readTree(send("GET", location, null).body());
            seen.add(state.path("documentsDone").asInt());
        }
        assertThat(state.path("state").asText()).as(state.toString()).isEqualTo("DONE");
        assertThat(state.path("result").path("added").asInt()).isEqualTo(documents);
        assertThat(state.path("documentsDone").asInt()).isEqualTo(documents);
        assertThat(seen).as("progress only grows").isSorted();
        assertThat(send("GET", "/api/v1/kb/ingestions/" + java.util.UUID.randomUUID(), null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/kb/ingestions/not-an-id", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aSynchronousIngestOfMoreThanItsLimitIsRefusedAtOnceNamingTheAsynchronousForm() throws Exception {
        String text = "The lighthouse on the rocky island guides ships past the reef. ".repeat(
                (int) (KbRoutes.SYNC_MAX_CHARACTERS / 60));
        long started = System.nanoTime();
        HttpResponse<String> refused = send("POST", "/api/v1/kb/documents?kb=sync", "{\"documents\": [{\"id\": \"a\", "
                + "\"text\": \"" + text + "\"}, {\"id\": \"b\", \"text\": \"" + text + "\"}]}");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(json.readTree(refused.body()).path("detail").asText()).contains("?async=true")
                .contains(Long.toString(KbRoutes.SYNC_MAX_CHARACTERS));
        System.out.printf("a synchronous ingest of %d characters refused in %d ms%n", 2 * text.length(), millis);
        assertThat(knowledgeBases.exists("sync")).as("nothing was ingested").isFalse();

        HttpResponse<String> small = send("POST", "/api/v1/kb/documents?kb=sync", "{\"id\": \"a\", \"text\": \""
                + text.substring(0, 2_000) + "\"}");
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
    }

    @Test
    void documentsCanBePostedSearchedAndDeleted() throws Exception {
        HttpResponse<String> posted = send("POST", "/api/v1/kb/documents", """
                {"documents": [
                  {"id": "tides", "text": "Tides are caused mainly by the gravity of the Moon.", "metadata": {"topic": "sea"}},
                  {"id": "bees", "text": "Honey bees tell each other where flowers are with a waggle dance."}
                ]}""");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(json.readTree(posted.body()).path("added").asInt()).isEqualTo(2);

        HttpResponse<String> found = send("GET", "/api/v1/kb/search?q=" + q("why does the sea rise and fall") + "&k=1", null);
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode hit = json.readTree(found.body()).path("hits").get(0);
        assertThat(hit.path("sourceId").asText()).isEqualTo("tides");
        assertThat(hit.path("text").asText()).contains("Moon");

        HttpResponse<String> filtered = send("GET", "/api/v1/kb/search?q=bees&mode=bm25&meta=topic:sea", null);
        assertThat(json.readTree(filtered.body()).path("hits")).isEmpty();

        assertThat(send("DELETE", "/api/v1/kb/documents/bees", null).statusCode()).isEqualTo(204);
        HttpResponse<String> again = send("DELETE", "/api/v1/kb/documents/bees", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("'bees'");
    }

    @Test
    void badRequestsAreProblemDocumentsThatSayWhatIsWrong() throws Exception {
        HttpResponse<String> invalid = send("POST", "/api/v1/kb/documents",
                "{\"documents\": [{\"id\": \"ok\", \"text\": \"fine\"}, {\"id\": \"x\"}]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        JsonNode problem = json.readTree(invalid.body());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("documents[1]");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("'x'").contains("text");

        send("POST", "/api/v1/kb/documents", "{\"id\": \"a\", \"text\": \"Some text.\"}");
        assertThat(send("GET", "/api/v1/kb/search?q=" + q("   "), null).body()).contains("empty");
        assertThat(send("GET", "/api/v1/kb/search?q=x&mode=fuzzy", null).body()).contains("'fuzzy'");
        assertThat(send("GET", "/api/v1/kb/search?q=x&kb=nope", null).body()).contains("No knowledge base 'nope'");
        assertThat(send("GET", "/api/v1/kb/search?q=" + q("word ".repeat(500)), null).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/kb/documents", "not json").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> upload(String name, byte[] bytes) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port()
                        + "/api/v1/kb/files?kb=files&name=" + q(name)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode finished(JsonNode ingestion) throws Exception {
        JsonNode now = ingestion;
        for (int i = 0; i < 600 && now.path("state").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            now = json.readTree(send("GET", "/api/v1/kb/ingestions/" + ingestion.path("id").asText(), null).body());
        }
        return now;
    }

    @Test
    void filesOfEveryTypeIngestWithTheCliReadersAndJsonLinesNeedNoIds() throws Exception {
        HttpResponse<String> empty = send("GET", "/api/v1/kb/stats?kb=files", null);
        assertThat(empty.statusCode()).as("a knowledge base without documents yet is no error").isEqualTo(200);
        assertThat(json.readTree(empty.body()).path("exists").asBoolean()).isFalse();
        assertThat(json.readTree(send("GET", "/api/v1/kb/documents?kb=files", null).body()).path("items")).isEmpty();

        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("bees.txt", "Honey bees dance to tell their hive where flowers are.".getBytes(StandardCharsets.UTF_8));
        files.put("tides.md", "# Tides\n\nThe moon's gravity raises two tidal bulges.".getBytes(StandardCharsets.UTF_8));
        files.put("owls.html", "<html><head><title>Owls</title></head><body><p>Owls hunt at night.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        files.put("facts.jsonl", "{\"text\": \"Copper conducts electricity.\"}\n{\"text\": \"\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        for (var file : files.entrySet()) {
            HttpResponse<String> accepted = upload(file.getKey(), file.getValue());
            assertThat(accepted.statusCode()).as(file.getKey() + ": " + accepted.body()).isEqualTo(202);
            JsonNode done = finished(json.readTree(accepted.body()));
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
            if (file.getKey().equals("facts.jsonl")) {
                assertThat(json.readTree(accepted.body()).path("skipped").get(0).path("line").asInt()).isEqualTo(2);
            }
        }

        JsonNode documents = json.readTree(send("GET", "/api/v1/kb/documents?kb=files", null).body());
        assertThat(documents.path("items").findValuesAsText("id"))
                .containsExactly("bees.txt", "facts.jsonl#1", "owls.html", "tides.md");
        assertThat(json.readTree(send("GET", "/api/v1/kb/stats?kb=files", null).body()).path("stats").path("sources")
                .asInt()).isEqualTo(4);
        assertThat(json.readTree(send("GET", "/api/v1/kb/ingestions", null).body()).path("items")).hasSize(4);
    }

    @Test
    void aFileWithNothingUsableIsRefusedWithTheReasonAndABadNameIsRefused() throws Exception {
        HttpResponse<String> binary = upload("noise.txt", new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(json.readTree(binary.body()).path("detail").asText()).contains("noise.txt");

        HttpResponse<String> unknown = upload("slides.pptx", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("detail").asText()).contains("unsupported file type '.pptx'");

        HttpResponse<String> noIds = upload("bad.jsonl", "not json\n".getBytes(StandardCharsets.UTF_8));
        assertThat(json.readTree(noIds.body()).path("errors").get(0).path("field").asText()).isEqualTo("bad.jsonl:1");

        assertThat(upload("../escape.txt", "text".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(upload(".hidden.txt", "text".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    }

    /**
     * Fail closed while the knowledge base's injection screen cannot run (the safety model is not ready): a
     * synchronous ingest is refused with 503, Retry-After and the reason, nothing written; an asynchronous one (the
     * console's uploads) is held, says why, writes nothing, and is screened and ingested once the screen runs.
     */
    @Test
    void whileDocumentsCannotBeScreenedASyncIngestIsRefusedWith503AndAnAsyncOneIsHeldUntilTheScreenRuns()
            throws Exception {
        java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean(false);
        java.util.List<String> screened = new java.util.concurrent.CopyOnWriteArrayList<>();
        knowledgeBases.screenWith(name -> documents -> {
            if (!ready.get()) {
                return io.hallmark.retrieval.ingest.IngestScreen.Result.unavailable(
                        "the safety model is not ready yet");
            }
            documents.forEach(d -> screened.add(d.id()));
            return io.hallmark.retrieval.ingest.IngestScreen.Result.screened(java.util.List.of());
        });
        try (KbRoutes held = new KbRoutes(knowledgeBases,
                new KbIngestions(java.time.Duration.ofMillis(200), java.time.Duration.ofMinutes(2)))) {
            Javalin server = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jetty.host = "127.0.0.1";
                config.jetty.port = 0;
                held.register(config.routes);
                HttpServer.registerErrorHandlers(config.routes);
            });
            server.start();
            try {
                java.util.function.BiFunction<String, String, HttpResponse<String>> post = (path, body) -> call(server,
                        "POST", path, body);
                HttpResponse<String> refused = post.apply("/api/v1/kb/documents?kb=held",
                        "{\"id\": \"bees\", \"text\": \"Bees make honey from nectar.\"}");
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).contains("30");
                JsonNode problem = json.readTree(refused.body());
                assertThat(problem.path("detail").asText())
                        .contains("cannot be screened for prompt injection (the safety model is not ready yet)")
                        .contains("Nothing was written");
                assertThat(json.readTree(call(server, "GET", "/api/v1/kb/documents?kb=held", null).body())
                        .path("items")).isEmpty();

                HttpResponse<String> accepted = post.apply("/api/v1/kb/documents?kb=held&async=true",
                        "{\"id\": \"bees\", \"text\": \"Bees make honey from nectar.\"}");
                assertThat(accepted.statusCode()).isEqualTo(202);
                String id = json.readTree(accepted.body()).path("id").asText();
                JsonNode ingestion = json.readTree(accepted.body());
                for (int i = 0; i < 100 && !ingestion.has("waiting"); i++) {
                    Thread.sleep(50);
                    ingestion = json.readTree(call(server, "GET", "/api/v1/kb/ingestions/" + id, null).body());
                }
                assertThat(ingestion.path("state").asText()).isEqualTo("RUNNING");
                assertThat(ingestion.path("waiting").asText()).contains("Held, nothing written yet")
                        .contains("the safety model is not ready yet");
                assertThat(json.readTree(call(server, "GET", "/api/v1/kb/documents?kb=held", null).body())
                        .path("items")).as("nothing unscreened is written while held").isEmpty();

                ready.set(true);
                for (int i = 0; i < 200 && ingestion.path("state").asText().equals("RUNNING"); i++) {
                    Thread.sleep(50);
                    ingestion = json.readTree(call(server, "GET", "/api/v1/kb/ingestions/" + id, null).body());
                }
                assertThat(ingestion.path("state").asText()).isEqualTo("DONE");
                assertThat(ingestion.has("waiting")).isFalse();
                assertThat(ingestion.path("result").path("added").asInt()).isEqualTo(1);
                assertThat(screened).containsExactly("bees");
                assertThat(json.readTree(call(server, "GET", "/api/v1/kb/documents?kb=held", null).body())
                        .path("items").toString()).contains("bees");
            } finally {
                server.stop();
            }
        }
    }

    private HttpResponse<String> call(Javalin server, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
