package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.persistence.Role;
import io.hallmark.core.security.LocalCliToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property-based fuzzer over the server's own OpenAPI document: for every declared operation, every role (and no
 * caller at all) and every {@link SchemaFuzzer.Mutation}, requests generated from the declared schemas and mutated
 * (NUL, huge strings, wrong types, garbage and invalid UTF-8 bodies, broken JSON, deep nesting, wrong content
 * types, bad parameters). The property: no answer is a 5xx, because 5xx means a defect. Bounded in time
 * ({@code -Dhallmark.fuzz.seconds}, default 40) and in requests ({@code -Dhallmark.fuzz.requests}, default 6000);
 * the seed is printed and can be replayed with {@code -Dhallmark.fuzz.seed}.
 */
class ApiFuzzTest {

    @TempDir
    static Path dataDir;

    static PlatformServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Map<String, String> CALLERS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        String cli = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
        CALLERS.put("anonymous", null);
        for (Role role : Role.values()) {
            String name = "fuzz-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            HttpResponse<String> created = send("POST", "/api/v1/users", cli, "application/json",
                    ("{\"username\":\"" + name + "\",\"role\":\"" + role + "\",\"password\":\"fuzz fuzz fuzz fuzz\"}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> token = send("POST", "/api/v1/tokens", cli, "application/json",
                    ("{\"user\":\"" + name + "\",\"name\":\"fuzz\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
            CALLERS.put(role.name(), "Bearer " + JsonOutput.mapper().readTree(token.body()).path("token").asText());
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noGeneratedOrMutatedRequestToAnyDeclaredRouteAsAnyRoleGetsA5xx() throws Exception {
        long seed = Long.getLong("hallmark.fuzz.seed", System.nanoTime());
        long seconds = Long.getLong("hallmark.fuzz.seconds", 40);
        int limit = Integer.getInteger("hallmark.fuzz.requests", 6_000);
        System.out.println("ApiFuzzTest seed " + seed + " (replay with -Dhallmark.fuzz.seed=" + seed + ")");
        JsonNode spec = JsonOutput.mapper().readTree(send("GET", "/api/v1/openapi.json", CALLERS.get("ADMIN"), null,
                new byte[0]).body());
        SchemaFuzzer fuzzer = new SchemaFuzzer(spec, seed);
        List<SchemaFuzzer.Operation> operations = fuzzer.operations();
        assertThat(operations).hasSizeGreaterThan(50);
        List<String> callers = new ArrayList<>(CALLERS.keySet());
        SchemaFuzzer.Mutation[] mutations = SchemaFuzzer.Mutation.values();

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> timeouts = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int sent = 0;
        for (int i = 0; sent < limit && System.nanoTime() < until; i++) {
            SchemaFuzzer.Operation op = operations.get(i % operations.size());
            int round = i / operations.size();
            SchemaFuzzer.Mutation mutation = mutations[(round + i) % mutations.length];
            String caller = callers.get((round / mutations.length + i) % callers.size());
            if (op.path().endsWith("/events") || op.path().equals("/api/v1/auth/logout")) {
                continue; // a stream that lives up to 30 minutes; logging out the fuzzer's own callers
            }
            SchemaFuzzer.Request request = fuzzer.request(op, mutation);
            HttpResponse<String> response;
            try {
                response = send(request.method(), request.pathAndQuery(), CALLERS.get(caller), request.contentType(),
                        request.body());
            } catch (HttpTimeoutException e) {
                timeouts.add(op + " as " + caller + " with " + mutation);
                continue;
            } catch (java.io.IOException e) {
                // the server closed the connection after answering early (a body over the limit): not a 5xx
                statuses.merge(-1, 1, Integer::sum);
                sent++;
                continue;
            }
            sent++;
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " for " + request.method() + " " + shorten(request.pathAndQuery())
                        + " as " + caller + " with " + mutation + " body " + request.bodyExcerpt() + " -> "
                        + shorten(response.body()));
            }
        }
        System.out.printf("ApiFuzzTest: %d requests over %d operations x %d callers x %d mutations; statuses %s "
                + "(-1: connection closed after an early answer); %d timed out%n", sent, operations.size(),
                callers.size(), mutations.length, statuses, timeouts.size());
        failures.stream().limit(20).forEach(f -> System.out.println("  5xx: " + f));
        timeouts.stream().limit(5).forEach(t -> System.out.println("  timed out: " + t));

        assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(Math.min(limit, 2_000));
        assertThat(failures).as("answers with 5xx (seed %d)", seed).isEmpty();
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static HttpResponse<String> send(String method, String pathAndQuery, String authorization, String contentType,
            byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .expectContinue(body.length > 1024 * 1024) // a body over a limit is answered 413 before it is sent
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
