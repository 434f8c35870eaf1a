package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.hallmark.admin.HttpServer;
import io.hallmark.api.signing.PluginArchiveSigner;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.core.security.Totp;
import io.hallmark.governance.policy.DefaultPolicy;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI 3.1 document against the running server: the reference parser (swagger-parser) finds it valid, every
 * request body and JSON response declares a schema, and real responses of every route validate against the
 * document's JSON Schemas (networknt json-schema-validator, OpenAPI 3.1 dialect), error answers included. Also the
 * two HTTP conventions issue 22 fixed: the events stream answers curl's {@code Accept: *}{@code /*} (406 for an
 * Accept that excludes it), and an export from a day to the same day covers that day.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

    private static final String DOC = "https://hallmark.invalid/openapi.json";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformServer server;
    static String admin;
    static JsonNode doc;
    static SchemaRegistry schemas;
    static Path archive;
    static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();
    static final List<String> PROBLEMS = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        GovernedDataDir.prepare(dataDir, work); // every governance check must run, or items fail closed
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        admin = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
        KeyPair key = SigningKeys.generate();
        server.platform().plugins().trustKey(SigningKeys.publicPem(key.getPublic()), "test", "test");
        archive = Files.copy(PluginsEndToEndTest.exampleArchive(), work.resolve("example-markov-1.0.0.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        PluginArchiveSigner.sign(archive, key.getPrivate(), key.getPublic());
        String text = new String(send("GET", "/api/v1/openapi.json", null, null, Map.of()).body(), StandardCharsets.UTF_8);
        doc = JsonOutput.mapper().readTree(text);
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(DOC, text)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDocumentIsValidOpenApi31WithASchemaForEveryBodyAndJsonResponse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.toString(), null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode body = resolve(op.getValue().path("requestBody"));
            body.path("content").properties().forEach(media -> assertThat(media.getValue().has("schema"))
                    .as("schema of the %s body of %s", media.getKey(), name).isTrue());
            if (!body.isMissingNode() && body.path("content").has("application/json")) {
                assertThat(body.path("content").path("application/json").has("example"))
                        .as("example of the JSON body of %s", name).isTrue();
            }
            assertThat(op.getValue().path("responses").isEmpty()).as("responses of %s", name).isFalse();
            op.getValue().path("responses").properties().forEach(r -> resolve(r.getValue()).path("content").properties()
                    .forEach(media -> assertThat(media.getValue().has("schema"))
                            .as("schema of %s %s of %s", r.getKey(), media.getKey(), name).isTrue()));
        }));
    }

    @Test
    @Order(1) // installs the Markov plugin the other tests generate with
    void everyRouteAnswersAsTheDocumentDescribes() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        call("GET", "/", "/", null);
        call("GET", "/api/v1/health", "/api/v1/health", null);
        call("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", null);
        call("GET", "/metrics", "/metrics", null);
        call("GET", "/api/v1/auth/me", "/api/v1/auth/me", null);

        // users, sign-in, tokens
        call("POST", "/api/v1/users", "/api/v1/users", "{\"username\":\"rita\",\"role\":\"REVIEWER\",\"password\":"
                + "\"a long passphrase of hers\"}");
        call("GET", "/api/v1/users", "/api/v1/users", null);
        call("PATCH", "/api/v1/users/{username}", "/api/v1/users/rita", "{\"enabled\":true}");
        HttpResponse<byte[]> login = send("POST", "/api/v1/auth/login", "{\"username\":\"rita\",\"password\":"
                + "\"a long passphrase of hers\"}", "application/json", Map.of());
        check("POST", "/api/v1/auth/login", login);
        assertThat(login.statusCode()).as(new String(login.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        call("POST", "/api/v1/auth/logout", "/api/v1/auth/logout", null);
        JsonNode token = json(call("POST", "/api/v1/tokens", "/api/v1/tokens", "{\"name\":\"ci\",\"roles\":[\"OPERATOR\"],"
                + "\"expiresInDays\":30}"));
        call("GET", "/api/v1/tokens", "/api/v1/tokens", null);
        call("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/" + token.path("info").path("id").asText(), null);
        ownAccount();

        // plugin keys and plugins (the sandbox routes answer their refusals: the plugin is a production one)
        KeyPair spare = SigningKeys.generate();
        JsonNode key = json(call("POST", "/api/v1/plugin-keys", "/api/v1/plugin-keys?name=spare",
                SigningKeys.publicPem(spare.getPublic()), "application/x-pem-file"));
        call("GET", "/api/v1/plugin-keys", "/api/v1/plugin-keys", null);
        call("DELETE", "/api/v1/plugin-keys/{keyId}", "/api/v1/plugin-keys/" + key.path("keyId").asText(), null);
        HttpResponse<byte[]> installed = send("POST", "/api/v1/plugins?filename=example-markov-1.0.0.jar",
                Files.readAllBytes(archive), "application/java-archive", Map.of());
        check("POST", "/api/v1/plugins", installed);
        assertThat(installed.statusCode()).as(new String(installed.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        call("GET", "/api/v1/plugins", "/api/v1/plugins", null);
        call("GET", "/api/v1/plugins/{id}", "/api/v1/plugins/example-markov", null);
        call("PATCH", "/api/v1/plugins/{id}/settings", "/api/v1/plugins/example-markov/settings",
                "{\"set\":{\"note\":\"contract test\",\"api-key\":\"not shown\"},\"unset\":[\"gone\"]}");
        call("GET", "/api/v1/plugins/{id}/settings", "/api/v1/plugins/example-markov/settings", null);
        call("POST", "/api/v1/plugins/{id}/disable", "/api/v1/plugins/example-markov/disable", null);
        call("POST", "/api/v1/plugins/{id}/enable", "/api/v1/plugins/example-markov/enable", null);
        check("POST", "/api/v1/plugins/{id}/upgrade", send("POST", "/api/v1/plugins/example-markov/upgrade?filename="
                + "example-markov-1.0.0.jar", Files.readAllBytes(archive), "application/java-archive", Map.of()));
        call("POST", "/api/v1/plugins/{id}/promote", "/api/v1/plugins/example-markov/promote", null);
        check("POST", "/api/v1/sandbox/plugins", send("POST", "/api/v1/sandbox/plugins?filename=example-markov-1.0.0.jar",
                Files.readAllBytes(archive), "application/java-archive", Map.of()));
        call("DELETE", "/api/v1/sandbox/plugins/{id}", "/api/v1/sandbox/plugins/example-markov", null);
        call("POST", "/api/v1/sandbox/generations", "/api/v1/sandbox/generations", "{\"modality\":\"text\","
                + "\"plugin\":\"example-markov\",\"prompt\":\"The keeper\"}");
        call("GET", "/api/v1/sandbox/generations/{id}", "/api/v1/sandbox/generations/" + UUID.randomUUID(), null);

        // policies; generations held for review; the review queue
        call("GET", "/api/v1/policies", "/api/v1/policies", null);
        call("GET", "/api/v1/policies/{name}", "/api/v1/policies/default", null);
        String review = "name: review-all\nrules:\n  - id: every-output\n    when: { metric: claims.total, op: \">=\", "
                + "value: 0 }\n    action: NEEDS_REVIEW\n";
        call("POST", "/api/v1/policies/validate", "/api/v1/policies/validate", review, "application/yaml");
        call("POST", "/api/v1/policies/dry-run", "/api/v1/policies/dry-run?limit=10", review, "application/yaml");
        call("POST", "/api/v1/policies", "/api/v1/policies", review, "application/yaml");
        call("GET", "/api/v1/generators", "/api/v1/generators", null);
        List<String> items = new ArrayList<>();
        String lastJob = null;
        for (int i = 0; i < 3; i++) {
            JsonNode job = json(call("POST", "/api/v1/generations", "/api/v1/generations", "{\"modality\":\"text\","
                    + "\"plugin\":\"example-markov\",\"prompt\":\"The woman climbed\",\"parameters\":{\"maxWords\":8},"
                    + "\"seed\":" + i + "}"));
            lastJob = job.path("id").asText();
            items.add(json(awaitJob(lastJob)).path("content").path("id").asText());
        }
        idempotentSubmission();
        call("GET", "/api/v1/generations/{id}/events", "/api/v1/generations/" + lastJob + "/events", null);
        call("POST", "/api/v1/generations/{id}/cancel", "/api/v1/generations/" + lastJob + "/cancel", null);
        call("GET", "/api/v1/review", "/api/v1/review?size=50", null);
        call("POST", "/api/v1/review/{id}/approve", "/api/v1/review/" + items.get(0) + "/approve", "{\"comment\":\"ok\"}");
        call("POST", "/api/v1/review/{id}/reject", "/api/v1/review/" + items.get(1) + "/reject", "{\"comment\":\"no\"}");
        call("POST", "/api/v1/review/{id}/edit", "/api/v1/review/" + items.get(2) + "/edit",
                "{\"text\":\"The keeper climbed the stairs.\",\"comment\":\"tidied\"}");
        server.platform().policies().apply(DefaultPolicy.text(), "test");

        // checks, content, probes
        call("POST", "/api/v1/checks", "/api/v1/checks", "{\"text\":\"The keeper climbed the stairs.\"}");
        call("POST", "/api/v1/checks/replay/{id}", "/api/v1/checks/replay/" + items.get(0), null);
        call("GET", "/api/v1/content", "/api/v1/content?from=" + today + "&to=" + today + "&size=5", null);
        call("GET", "/api/v1/content/{id}", "/api/v1/content/" + items.get(0), null);
        call("GET", "/api/v1/content/{id}/artifact", "/api/v1/content/" + items.get(0) + "/artifact", null);
        JsonNode probe = json(call("POST", "/api/v1/content/{id}/probes", "/api/v1/content/" + items.get(0) + "/probes",
                "{\"perTerm\":1,\"bias\":false}"));
        call("GET", "/api/v1/content/{id}/probes", "/api/v1/content/" + items.get(0) + "/probes", null);
        call("GET", "/api/v1/probes/{id}", "/api/v1/probes/" + (probe.has("id") ? probe.path("id").asText()
                : UUID.randomUUID().toString()), null);

        // knowledge base
        JsonNode before = json(call("GET", "/api/v1/kb/stats", "/api/v1/kb/stats?kb=contract", null));
        assertThat(before.path("exists").asBoolean()).isFalse();
        JsonNode none = json(call("GET", "/api/v1/kb/documents", "/api/v1/kb/documents?kb=contract", null));
        assertThat(none.path("items").isEmpty()).isTrue();
        call("POST", "/api/v1/kb/documents", "/api/v1/kb/documents?kb=contract", "{\"documents\":[{\"id\":\"keeper\","
                + "\"text\":\"The keeper of the lighthouse climbed the stairs every night.\",\"source\":\"notes\"}]}");
        JsonNode ingestion = json(call("POST", "/api/v1/kb/documents", "/api/v1/kb/documents?kb=contract&async=true",
                "{\"id\":\"tower\",\"text\":\"The tower stands on the rock.\"}"));
        call("GET", "/api/v1/kb/ingestions/{id}", "/api/v1/kb/ingestions/" + ingestion.path("id").asText(), null);
        call("GET", "/api/v1/kb/search", "/api/v1/kb/search?kb=contract&q=keeper&mode=bm25", null);
        JsonNode file = json(call("POST", "/api/v1/kb/files", "/api/v1/kb/files?kb=contract&name=lighthouse.md",
                "# The lighthouse\n\nThe lamp of the lighthouse turns all night.\n", "text/markdown"));
        assertThat(file.path("file").asText()).isEqualTo("lighthouse.md");
        JsonNode unusable = json(call("POST", "/api/v1/kb/files", "/api/v1/kb/files?kb=contract&name=rows.jsonl",
                "not a record\n", "application/jsonl"));
        assertThat(unusable.path("status").asInt()).isEqualTo(400);
        assertThat(unusable.path("errors").get(0).path("field").asText()).isEqualTo("rows.jsonl:1");
        awaitIngestion(file.path("id").asText());
        JsonNode recent = json(call("GET", "/api/v1/kb/ingestions", "/api/v1/kb/ingestions", null));
        assertThat(recent.path("items").findValuesAsText("id")).contains(file.path("id").asText(),
                ingestion.path("id").asText());
        JsonNode listed = json(call("GET", "/api/v1/kb/documents", "/api/v1/kb/documents?kb=contract&page=1&size=10",
                null));
        assertThat(listed.path("items").findValuesAsText("id")).contains("keeper", "tower", "lighthouse.md");
        JsonNode stats = json(call("GET", "/api/v1/kb/stats", "/api/v1/kb/stats?kb=contract", null));
        assertThat(stats.path("stats").path("sources").asLong()).isEqualTo(3);
        call("DELETE", "/api/v1/kb/documents/{id}", "/api/v1/kb/documents/keeper?kb=contract", null);

        // audit
        call("GET", "/api/v1/audit/events", "/api/v1/audit/events?type=review.&from=" + today + "&to=" + today, null);
        call("GET", "/api/v1/audit/verify", "/api/v1/audit/verify", null);
        call("GET", "/api/v1/audit/checkpoints", "/api/v1/audit/checkpoints", null);
        call("GET", "/api/v1/audit/checkpoints/latest", "/api/v1/audit/checkpoints/latest", null);
        JsonNode export = json(call("POST", "/api/v1/audit/exports", "/api/v1/audit/exports", "{\"from\":\"" + today
                + "\",\"to\":\"" + today + "\"}"));
        call("GET", "/api/v1/audit/exports", "/api/v1/audit/exports", null);
        call("GET", "/api/v1/audit/exports/{id}/zip", "/api/v1/audit/exports/" + export.path("id").asText() + "/zip", null);

        // dashboard and alerts
        call("GET", "/api/v1/dashboard", "/api/v1/dashboard?window=24h", null);
        JsonNode alerts = json(call("GET", "/api/v1/alerts", "/api/v1/alerts", null));
        String metric = alerts.path("metrics").properties().iterator().next().getKey();
        JsonNode alert = json(call("POST", "/api/v1/alerts", "/api/v1/alerts", "{\"name\":\"contract\",\"metric\":\""
                + metric + "\",\"operator\":\">\",\"threshold\":1000000}"));
        call("DELETE", "/api/v1/alerts/{id}", "/api/v1/alerts/" + alert.path("id").asText(), null);

        // the OpenAI-compatible API, an error included
        call("GET", "/v1/models", "/v1/models", null);
        call("GET", "/v1/models/{id}", "/v1/models/example-markov", null);
        call("GET", "/v1/models/{id}", "/v1/models/gpt-4o", null);
        call("POST", "/v1/chat/completions", "/v1/chat/completions", "{\"model\":\"example-markov\",\"max_tokens\":3,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"The keeper\"}]}");
        call("POST", "/v1/chat/completions", "/v1/chat/completions", "{\"model\":\"example-markov\",\"n\":3,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"The keeper\"}]}");
        call("POST", "/v1/completions", "/v1/completions", "{\"model\":\"example-markov\",\"max_tokens\":3,"
                + "\"prompt\":\"The keeper\"}");

        call("DELETE", "/api/v1/plugins/{id}", "/api/v1/plugins/example-markov", null);
        HttpResponse<byte[]> again = send("POST", "/api/v1/plugins?filename=example-markov-1.0.0.jar",
                Files.readAllBytes(archive), "application/java-archive", Map.of()); // for the other tests
        assertThat(again.statusCode()).isEqualTo(201);

        Set<String> routes = new TreeSet<>();
        for (HttpServer.Route route : server.routes()) {
            if (!route.method().equals("HEAD") && !route.method().equals("OPTIONS")) {
                routes.add(route.method() + " " + route.path());
            }
        }
        assertThat(PROBLEMS).as("answers that differ from the document").isEmpty();
        assertThat(new TreeSet<>(EXERCISED)).as("routes whose real answers were validated").containsAll(routes);
    }

    @Test
    void theEventsStreamAnswersCurlsAcceptAndA406ForAnAcceptThatExcludesIt() throws Exception {
        String job = json(send("POST", "/api/v1/generations", "{\"modality\":\"text\",\"prompt\":\"The keeper\","
                + "\"parameters\":{\"maxWords\":4}}", "application/json", Map.of())).path("id").asText();
        awaitJob(job);

        for (Map<String, String> accept : List.of(Map.of("Accept", "*/*"), Map.<String, String>of(),
                Map.of("Accept", "text/event-stream"), Map.of("Accept", "application/json, text/*;q=0.5"))) {
            HttpResponse<byte[]> events = send("GET", "/api/v1/generations/" + job + "/events", null, null, accept);
            assertThat(events.statusCode()).as(accept.toString()).isEqualTo(200);
            assertThat(events.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            String body = new String(events.body(), StandardCharsets.UTF_8);
            assertThat(body).as(accept.toString()).contains("event: queued", "event: finished");
        }
        HttpResponse<byte[]> json = send("GET", "/api/v1/generations/" + job + "/events", null, null,
                Map.of("Accept", "application/json"));
        assertThat(json.statusCode()).isEqualTo(406);
        assertThat(json(json).path("detail").asText()).contains("text/event-stream", "/api/v1/generations/" + job);
    }

    @Test
    void aFileUploadIsHeldToItsOwnLimitNotTheDefaultBodyLimit() throws Exception {
        long limit = doc.path("paths").path("/api/v1/kb/files").path("post").path("x-max-body-bytes").asLong();
        byte[] overFileLimit = new byte[15 * 1024 * 1024 + 1]; // past the 2 MiB default, within the route's 16 MiB
        java.util.Arrays.fill(overFileLimit, (byte) 'a');

        HttpResponse<byte[]> upload = send("POST", "/api/v1/kb/files?kb=limits&name=large.txt", overFileLimit,
                "text/plain", Map.of());

        assertThat(limit).isEqualTo(16L * 1024 * 1024);
        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(json(upload).path("detail").asText()).as("the route read the body and names the file limit")
                .contains("'large.txt' has 15728641 bytes", "hallmark kb ingest");
        assertThat(json(send("GET", "/api/v1/kb/stats?kb=limits", null, null, Map.of())).path("exists").asBoolean())
                .as("nothing was ingested").isFalse();
    }

    @Test
    void anExportFromADayToTheSameDayCoversThatWholeDayLikeTheCli() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        send("POST", "/api/v1/checks", "{\"text\":\"Something to audit today.\"}", "application/json", Map.of());

        HttpResponse<byte[]> oneDay = send("POST", "/api/v1/audit/exports", "{\"from\":\"" + today + "\",\"to\":\""
                + today + "\"}", "application/json", Map.of());
        HttpResponse<byte[]> events = send("GET", "/api/v1/audit/events?from=" + today + "&to=" + today + "&size=1",
                null, null, Map.of());

        assertThat(oneDay.statusCode()).as(new String(oneDay.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(json(oneDay).path("events").asLong()).isPositive();
        assertThat(json(events).path("total").asLong()).isPositive();
        HttpResponse<byte[]> backwards = send("POST", "/api/v1/audit/exports", "{\"from\":\"" + today + "\",\"to\":\""
                + LocalDate.parse(today).minusDays(1) + "\"}", "application/json", Map.of());
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(json(backwards).path("errors").get(0).path("field").asText()).isEqualTo("to");
    }

    /**
     * As rita, through an API token of hers: her own password (a refused PATCH changes none of it), two-step sign-in
     * on and off, and an administrator's reset of a lost authenticator with a one-time password.
     */
    private static void ownAccount() throws Exception {
        Map<String, String> rita = Map.of("Authorization", "Bearer " + json(call("POST", "/api/v1/tokens",
                "/api/v1/tokens", "{\"name\":\"own\",\"user\":\"rita\"}")).path("token").asText());
        JsonNode changed = json(call("POST", "/api/v1/auth/password", "/api/v1/auth/password", "{\"currentPassword\":"
                + "\"a long passphrase of hers\",\"newPassword\":\"an even longer passphrase of hers\"}",
                "application/json", rita));
        assertThat(changed.path("changed").asBoolean()).isTrue();
        HttpResponse<byte[]> wrong = call("POST", "/api/v1/auth/password", "/api/v1/auth/password",
                "{\"currentPassword\":\"not her passphrase at all\",\"newPassword\":\"yet another passphrase\"}",
                "application/json", rita);
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> refused = call("PATCH", "/api/v1/users/{username}", "/api/v1/users/rita",
                "{\"password\":\"a passphrase never set\",\"role\":\"NOBODY\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("role");
        HttpResponse<byte[]> notBoolean = call("PATCH", "/api/v1/users/{username}", "/api/v1/users/rita",
                "{\"totp\":\"off\"}");
        assertThat(json(notBoolean).path("errors").get(0).path("field").asText()).isEqualTo("totp");
        assertThat(signIn("an even longer passphrase of hers", null).statusCode()).as("the refused PATCH changed nothing")
                .isEqualTo(200);

        String secret = json(call("POST", "/api/v1/auth/totp", "/api/v1/auth/totp", null, "application/json", rita))
                .path("secret").asText();
        JsonNode on = json(call("POST", "/api/v1/auth/totp/confirm", "/api/v1/auth/totp/confirm", "{\"code\":\""
                + Totp.code(secret, Instant.now()) + "\"}", "application/json", rita));
        assertThat(on.path("totpEnabled").asBoolean()).isTrue();
        HttpResponse<byte[]> codeRequired = signIn("an even longer passphrase of hers", null);
        assertThat(codeRequired.statusCode()).isEqualTo(401);
        assertThat(json(codeRequired).path("type").asText()).isEqualTo("/errors/totp-required");
        HttpResponse<byte[]> reused = call("POST", "/api/v1/auth/totp/disable", "/api/v1/auth/totp/disable",
                "{\"code\":\"" + Totp.code(secret, Instant.now().minusSeconds(Totp.STEP_SECONDS)) + "\"}",
                "application/json", rita);
        assertThat(reused.statusCode()).as("a code older than the one that turned it on").isEqualTo(400);
        JsonNode off = json(call("POST", "/api/v1/auth/totp/disable", "/api/v1/auth/totp/disable", "{\"code\":\""
                + Totp.code(secret, Instant.now().plusSeconds(Totp.STEP_SECONDS)) + "\"}", "application/json", rita));
        assertThat(off.path("totpEnabled").asBoolean()).isFalse();

        String again = json(call("POST", "/api/v1/auth/totp", "/api/v1/auth/totp", null, "application/json", rita))
                .path("secret").asText();
        call("POST", "/api/v1/auth/totp/confirm", "/api/v1/auth/totp/confirm", "{\"code\":\""
                + Totp.code(again, Instant.now()) + "\"}", "application/json", rita);
        JsonNode reset = json(call("PATCH", "/api/v1/users/{username}", "/api/v1/users/rita", "{\"totp\":false,"
                + "\"password\":\"a temporary passphrase\",\"oneTime\":true}"));
        assertThat(reset.path("totpEnabled").asBoolean()).isFalse();
        assertThat(reset.path("passwordMustChange").asBoolean()).isTrue();
        HttpResponse<byte[]> oneTime = signIn("a temporary passphrase", null);
        assertThat(oneTime.statusCode()).isEqualTo(200);
        assertThat(json(oneTime).path("passwordMustChange").asBoolean()).isTrue();
    }

    private static HttpResponse<byte[]> signIn(String password, @Nullable String totpCode) throws Exception {
        HttpResponse<byte[]> response = send("POST", "/api/v1/auth/login", "{\"username\":\"rita\",\"password\":\""
                + password + "\"" + (totpCode == null ? "" : ",\"totpCode\":\"" + totpCode + "\"") + "}",
                "application/json", Map.of());
        check("POST", "/api/v1/auth/login", response);
        return response;
    }

    /**
     * A submission retried with its Idempotency-Key returns the first job (Idempotent-Replayed); the key with
     * another request is a 422.
     */
    private static void idempotentSubmission() throws Exception {
        String request = "{\"modality\":\"text\",\"plugin\":\"example-markov\",\"prompt\":\"The keeper\","
                + "\"parameters\":{\"maxWords\":4}}";
        Map<String, String> key = Map.of("Idempotency-Key", "contract-" + UUID.randomUUID());
        HttpResponse<byte[]> first = call("POST", "/api/v1/generations", "/api/v1/generations", request,
                "application/json", key);
        HttpResponse<byte[]> retried = call("POST", "/api/v1/generations", "/api/v1/generations", request,
                "application/json", key);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(retried).path("id").asText()).isEqualTo(json(first).path("id").asText());
        HttpResponse<byte[]> conflict = call("POST", "/api/v1/generations", "/api/v1/generations",
                request.replace("The keeper", "The tower"), "application/json", key);
        assertThat(conflict.statusCode()).isEqualTo(422);
        awaitJob(json(first).path("id").asText());
    }

    private static void awaitIngestion(String id) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        HttpResponse<byte[]> view;
        do {
            Thread.sleep(100);
            view = send("GET", "/api/v1/kb/ingestions/" + id, null, null, Map.of());
        } while (json(view).path("state").asText().equals("RUNNING") && System.nanoTime() < until);
        check("GET", "/api/v1/kb/ingestions/{id}", view);
        assertThat(json(view).path("state").asText()).as(new String(view.body(), StandardCharsets.UTF_8))
                .isEqualTo("DONE");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static HttpResponse<byte[]> call(String method, String template, String path, @Nullable String body)
            throws Exception {
        return call(method, template, path, body, "application/json");
    }

    private static HttpResponse<byte[]> call(String method, String template, String path, @Nullable String body,
            String contentType) throws Exception {
        return call(method, template, path, body, contentType,
                template.endsWith("/events") ? Map.of("Accept", "text/event-stream") : Map.of());
    }

    /** A call with these headers ({@code Authorization} among them replaces the administrator's). */
    private static HttpResponse<byte[]> call(String method, String template, String path, @Nullable String body,
            String contentType, Map<String, String> headers) throws Exception {
        HttpResponse<byte[]> response = send(method, path, body, body == null ? null : contentType, headers);
        check(method, template, response);
        return response;
    }

    /**
     * Checks a real answer against the document: its status and media type are described and the body validates.
     * Every difference is collected (and asserted at the end of the test), so one run names them all.
     */
    private static void check(String method, String template, HttpResponse<byte[]> response) throws Exception {
        String name = method + " " + template;
        String body = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode op = doc.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (!op.isObject()) {
            PROBLEMS.add(name + " is not described");
            return;
        }
        String status = Integer.toString(response.statusCode());
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/";
        JsonNode described = op.path("responses").get(status);
        pointer += described != null ? status : "default";
        if (described == null) {
            described = op.path("responses").get("default");
        }
        if (described == null) {
            PROBLEMS.add(name + " answered " + status + ", which is not described: " + body);
            return;
        }
        if (described.has("$ref")) {
            pointer = described.get("$ref").asText().substring(1);
            described = resolve(described);
        }
        String type = response.headers().firstValue("content-type").orElse("").split(";")[0].strip();
        if (response.body().length > 0 && response.statusCode() != 302) {
            if (!described.path("content").has(type)) {
                PROBLEMS.add(name + " answered " + status + " as " + type + "; described: " + described.path("content")
                        .properties().stream().map(Map.Entry::getKey).toList());
                return;
            }
            if (type.endsWith("json")) {
                Schema schema = schemas.getSchema(SchemaLocation.of(DOC + "#" + pointer + "/content/" + escape(type)
                        + "/schema"));
                List<Error> errors = schema.validate(JsonOutput.mapper().readTree(response.body()));
                if (!errors.isEmpty()) {
                    PROBLEMS.add(name + " " + status + ": " + errors + " in " + (body.length() > 600
                            ? body.substring(0, 600) + "..." : body));
                    return;
                }
            }
        }
        EXERCISED.add(name);
    }

    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        return doc.at(node.get("$ref").asText().substring(1));
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static HttpResponse<byte[]> awaitJob(String job) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        HttpResponse<byte[]> view;
        do {
            Thread.sleep(200);
            view = send("GET", "/api/v1/generations/" + job, null, null, Map.of());
        } while (json(view).path("job").path("state").asText().matches("QUEUED|RUNNING") && System.nanoTime() < until);
        check("GET", "/api/v1/generations/{id}", view);
        return view;
    }

    static HttpResponse<byte[]> send(String method, String path, @Nullable Object body, @Nullable String contentType,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofMinutes(3));
        if (!path.equals("/api/v1/auth/login") && !headers.containsKey("Authorization")) {
            request.header("Authorization", admin);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString(body.toString());
        return HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JsonOutput.mapper().readTree(response.body());
    }
}
