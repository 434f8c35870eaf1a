package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.signing.PluginArchiveSigner;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.security.LocalCliToken;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input boundary over real HTTP: NUL and invalid text refused with a 400 naming the field (and nothing queued),
 * malformed bodies 400, bodies over a route's limit 413 before they are read, and a knowledge-base document with NUL
 * cleaned at ingest so that the generations after it are all decided.
 */
class InputBoundaryApiTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformServer server;
    static String admin;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        GovernedDataDir.prepare(dataDir, work); // every governance check runs, so generations are decided
        // checkable lighthouse statements for the Markov plugin: only check-worthy sentences are claims (issue 18)
        Files.writeString(Files.createDirectories(dataDir.resolve("models")).resolve("lighthouse-facts.txt"),
                GenerationsEndToEndTest.FALSE_LIGHTHOUSE_FACTS);
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

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", admin)
                .header("Content-Type", "application/json")
                .expectContinue(body != null && body.length() > 1024 * 1024) // a body over a limit: 413 before sending
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonOutput.mapper().readTree(response.body());
    }

    private static void assertRefused(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json(response);
        JsonNode errors = problem.has("error") ? null : problem.path("errors");
        if (errors == null) { // OpenAI's shape
            assertThat(problem.path("error").path("param").asText()).as(response.body()).isEqualTo(field);
        } else {
            assertThat(errors.get(0).path("field").asText()).as(response.body()).isEqualTo(field);
        }
    }

    @Test
    void aNulAnywhereInABodyIsA400NamingTheFieldAndNothingIsQueued() throws Exception {
        int before = jobs();
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"The keeper\\u0000\"}"),
                "prompt");
        assertRefused(send("POST", "/api/v1/generations",
                "{\"modality\":\"text\",\"prompt\":\"x\",\"parameters\":{\"stop\":[\"a\",\"\\u0000\"]}}"), "parameters.stop[1]");
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\",\"channel\":\"d\\u0000\"}"),
                "channel");
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\\u0000\",\"prompt\":\"x\"}"), "modality");
        assertRefused(send("POST", "/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\\u0000\"}]}"), "messages[0].content");
        assertRefused(send("POST", "/api/v1/tokens", "{\"name\":\"t\\u0000\"}"), "name");
        assertRefused(send("POST", "/api/v1/alerts", "{\"name\":\"a\\u0000\",\"metric\":\"queue.depth\","
                + "\"operator\":\">\",\"threshold\":1}"), "name");
        assertRefused(send("POST", "/api/v1/auth/login", "{\"username\":\"admin\\u0000\",\"password\":\"x\"}"), "username");
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"\\ud800 half a pair\"}"),
                "prompt");
        assertThat(jobs()).isEqualTo(before);
    }

    @Test
    void aNulInAQueryParameterIsA400NamingIt() throws Exception {
        assertRefused(send("GET", "/api/v1/content?q=%00", null), "q");
        assertRefused(send("GET", "/api/v1/audit/events?actor=a%00", null), "actor");
        assertRefused(send("GET", "/api/v1/kb/search?q=light%00house", null), "q");
        // Jetty refuses a NUL in the path before routing, in the same error shape
        HttpResponse<String> path = send("GET", "/api/v1/generations/%00", null);
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(json(path).path("type").asText()).as(path.body()).isEqualTo("/errors/malformed-request");
    }

    @Test
    void oddPathsAreAnsweredInTheErrorShape() throws Exception {
        String encodedSlash = raw("POST /api/v1/review/..%2F../reject HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + admin + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(encodedSlash).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"field\":\"id\""); // routed, and refused as an id
        String longLine = raw("GET /api/v1/content/" + "h".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(longLine).matches("(?s)HTTP/1.1 (414|431).*").contains("application/problem+json");
    }

    @Test
    void unboundedFieldsAndWrongTypesAreRefused() throws Exception {
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\",\"channel\":\""
                + "c".repeat(10_000) + "\"}"), "channel");
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\",\"channel\":\"Public Site\"}"),
                "channel");
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\",\"seed\":\"abc\"}"), "seed");
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\",\"seed\":1.5}"), "seed");
        assertRefused(send("POST", "/v1/chat/completions", "{\"model\":\"example-markov\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"seed\":\"abc\"}"), "seed");
    }

    @Test
    void malformedBodiesAre400() throws Exception {
        assertThat(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\"} trailing").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/v1/generations", "{\"prompt\":\"x\",\"prompt\":\"y\",\"modality\":\"text\"}")
                .statusCode()).isEqualTo(400);
        byte[] invalidUtf8 = {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
        HttpResponse<String> latin = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/generations"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(latin.statusCode()).as(latin.body()).isEqualTo(400);
        assertThat(latin.body()).contains("UTF-8");

        String chunkedGarbage = raw("POST /api/v1/generations HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "ZZ\r\n{\"modality\r\n0\r\n\r\n");
        assertThat(chunkedGarbage).startsWith("HTTP/1.1 400");
        String garbageInChunks = raw("POST /api/v1/generations HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "7\r\n{{{[[[\"\r\n0\r\n\r\n");
        assertThat(garbageInChunks).startsWith("HTTP/1.1 400");
    }

    @Test
    void aBodyOverItsRoutesLimitIs413BeforeItIsRead() throws Exception {
        // 100 MB announced, not one byte sent: the answer comes at once, without reading the body
        String announced = raw("POST /api/v1/plugins HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin
                + "\r\nContent-Type: application/java-archive\r\nContent-Length: " + (100L * 1024 * 1024)
                + "\r\n\r\n");
        assertThat(announced).startsWith("HTTP/1.1 413").contains("takes at most " + (32L * 1024 * 1024));

        // 100 MB streamed without a length (chunked): refused once the bytes read pass the limit
        String streamed = rawChunked("POST /api/v1/plugins HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin
                + "\r\nContent-Type: application/java-archive\r\nTransfer-Encoding: chunked\r\n\r\n", 100L * 1024 * 1024);
        assertThat(streamed).startsWith("HTTP/1.1 413");

        HttpResponse<String> bigPrompt = send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\""
                + "x".repeat(3 * 1024 * 1024) + "\"}");
        assertThat(bigPrompt.statusCode()).isEqualTo(413);
        assertThat(json(bigPrompt).path("type").asText()).isEqualTo("/errors/too-large");
    }

    @Test
    void aKnowledgeBaseDocumentWithNulIsCleanedAtIngestAndAHundredGenerationsAfterItAreDecided() throws Exception {
        HttpResponse<String> ingested = send("POST", "/api/v1/kb/documents", "{\"id\":\"keepers\\u0000\",\"title\":"
                + "\"Lighthouse keepers\",\"text\":\"The keeper\\u0000 tended the lighthouse lamp every night. "
                + "Lighthouse keepers\\u0000 lived in the tower and guided ships at sea.\"}");
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
        JsonNode report = json(ingested);
        assertThat(report.path("added").asInt()).isEqualTo(1);
        assertThat(report.path("cleaned").get(0).path("source").asText()).isEqualTo("keepers");
        assertThat(report.path("cleaned").get(0).path("removedCharacters").asInt()).isEqualTo(3);
        JsonNode hits = json(send("GET", "/api/v1/kb/search?q=keeper+lamp&mode=bm25", null)).path("hits");
        assertThat(hits.toString()).contains("keepers").doesNotContain("\\u0000");

        List<String> ids = new ArrayList<>();
        while (ids.size() < 100) {
            HttpResponse<String> r = send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":"
                    + "\"The keeper\",\"parameters\":{\"maxWords\":20,\"corpus\":\"lighthouse-facts.txt\"},"
                    + "\"seed\":" + ids.size() + "}");
            if (r.statusCode() == 429) { // the queue is full: wait as told
                Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()));
                continue;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            ids.add(json(r).path("id").asText());
        }
        Map<String, Integer> states = new HashMap<>();
        int citingTheDocument = 0;
        for (String id : ids) {
            JsonNode result = awaitFinal(id);
            states.merge(result.path("job").path("state").asText(), 1, Integer::sum);
            if (result.path("report").toString().contains("keepers")) {
                citingTheDocument++;
            }
        }
        System.out.printf("100 generations after the NUL document: states %s; %d reports quote it as evidence%n", states,
                citingTheDocument);
        // every generation is decided: approved, or held for a person (none failed)
        assertThat(states.keySet()).as("job states").isNotEmpty().isSubsetOf("DONE", "WAITING_REVIEW");
        assertThat(states.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(citingTheDocument).as("reports whose evidence includes the cleaned document").isPositive();
    }

    @Test
    void documentsBesideThePromptAreCheckedScreenedAsDataAndReportedByInput() throws Exception {
        int before = jobs();
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\",\"documents\":"
                + "[{\"name\":\"a\",\"text\":\"b\\u0000\"}]}"), "documents[0].text");
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\",\"documents\":"
                + "\"text\"}"), "documents");
        assertRefused(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"x\",\"documents\":"
                + "[{\"name\":\"a\",\"text\":\"x\"},{\"name\":\"a\",\"text\":\"y\"}]}"), "documents[1].name");
        assertThat(jobs()).as("nothing queued").isEqualTo(before);

        HttpResponse<String> r = send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"The keeper\","
                + "\"parameters\":{\"maxWords\":20,\"corpus\":\"lighthouse-facts.txt\"},\"documents\":[{\"name\":"
                + "\"log\",\"text\":\"The lamp was lit at dusk. The keeper wrote in the log before midnight.\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode result = awaitFinal(json(r).path("id").asText());
        assertThat(result.path("job").path("state").asText()).isIn("DONE", "WAITING_REVIEW");
        JsonNode safety = result.path("report").path("findings").path("safety");
        assertThat(safety.path("documents").toString()).as(safety.toString()).contains("\"input\":\"documents[0]\"")
                .contains("\"name\":\"log\"");
        assertThat(safety.path("prompt").path("injection").isNumber()).isTrue();
        JsonNode detail = json(send("GET", "/api/v1/content/" + result.path("job").path("contentItemId").asText(),
                null));
        assertThat(detail.path("prompt").asText()).isEqualTo("The keeper");
        assertThat(detail.path("documents").get(0).path("name").asText()).isEqualTo("log");
    }

    private static JsonNode awaitFinal(String id) throws Exception {
        for (int i = 0; i < 3_000; i++) {
            JsonNode result = json(send("GET", "/api/v1/generations/" + id, null));
            String state = result.path("job").path("state").asText();
            if (Set.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD").contains(state)) {
                return result;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + id + " did not finish in 5 minutes");
    }

    private static int jobs() {
        return server.platform().database().inTransaction(s -> ((Number) s.createNativeQuery(
                "select count(*) from generation_jobs", Long.class).getSingleResult()).intValue());
    }

    /** Sends raw bytes on a fresh connection and returns what the server answered (the first 4 KiB). */
    private static String raw(String request) throws Exception {
        URI uri = URI.create(server.url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; answer.size() < 4096 && (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Streams {@code size} zero bytes as chunks after {@code head} until the server answers (read concurrently, so an
     * early answer is seen before the server closes the connection) and returns the answer's first bytes.
     */
    private static String rawChunked(String head, long size) throws Exception {
        URI uri = URI.create(server.url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[4096];
                try {
                    InputStream in = socket.getInputStream();
                    for (int n; answer.size() < 4096 && (n = in.read(buffer)) > 0; ) {
                        synchronized (answer) {
                            answer.write(buffer, 0, n);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the server closed the connection after answering
                }
            });
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                for (long sent = 0; sent < size && answer.size() == 0; sent += chunk.length) {
                    out.write(chunkHead);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException e) {
                // the server stopped reading: its answer is on the way
            }
            reader.join(30_000);
            synchronized (answer) {
                return answer.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
