package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.admin.HttpServer;
import io.hallmark.api.Modality;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.security.LocalCliToken;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API behind the console over real HTTP: the OpenAPI document matches the routes, content search and the
 * review queue work and are audited, and hostile input in every list filter is harmless.
 */
class ConsoleApiTest {

    @TempDir
    static Path dataDir;

    static PlatformServer server;
    static String admin;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String XSS = "<img src=x onerror=\"document.title='pwned'\"> tell me about sea levels";

    @BeforeAll
    static void start() {
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        admin = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", admin)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JsonOutput.mapper().readTree(r.body());
    }

    /** An item as the pipeline leaves it, with a report, written straight to the database. */
    static UUID storeItem(String prompt, String text, ContentStatus status, Decision decision, Map<String, Object> report) {
        return server.platform().database().inTransaction(s -> {
            ContentItem item = new ContentItem(Modality.TEXT, prompt);
            item.setPlugin("example-markov", "1.0.0");
            item.setTextBody(text);
            item.setStatus(status);
            item.setCreatedBy("tester");
            s.persist(item);
            GovernanceReport r = new GovernanceReport(item.id(), report);
            r.setFactualityScore(0.4);
            r.decide(decision, null, null);
            s.persist(r);
            return item.id();
        });
    }

    static Map<String, Object> reviewReport() {
        return Map.of("scores", Map.of("factuality", 0.4, "claims.total", 3.0),
                "decision", Map.of("action", "NEEDS_REVIEW", "rule", "low-factuality", "policy", "default",
                        "fired", List.of("low-factuality")));
    }

    @Test
    void theOpenApiDocumentListsEveryRouteWithASummaryAndNothingElse() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        Set<String> routes = new HashSet<>();
        for (HttpServer.Route route : server.routes()) {
            String method = route.method().toLowerCase(java.util.Locale.ROOT);
            if (method.equals("head") || method.equals("options")) {
                continue;
            }
            routes.add(method + " " + route.path());
            JsonNode op = doc.path("paths").path(route.path()).path(method);
            assertThat(op.isObject()).as("%s %s is documented", route.method(), route.path()).isTrue();
            assertThat(op.path("summary").asText()).as("summary of %s %s", route.method(), route.path()).isNotBlank();
            assertThat(op.path("x-roles").size()).isEqualTo(route.allowed().size());
        }
        Set<String> documented = new HashSet<>();
        Set<String> operationIds = new HashSet<>();
        doc.path("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            documented.add(op.getKey() + " " + p.getKey());
            assertThat(operationIds.add(op.getValue().path("operationId").asText())).as("unique operationId").isTrue();
        }));
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void contentIsSearchedByFiltersAndPagedWithATotal() throws Exception {
        UUID a = storeItem("The lighthouse keeper of Aldermoor", "A keeper kept the light.", ContentStatus.APPROVED,
                Decision.APPROVE, Map.of("scores", Map.of("factuality", 0.9)));
        storeItem("Another prompt", "Other text 100% plain_text", ContentStatus.APPROVED, Decision.APPROVE, Map.of());

        JsonNode found = json(send("GET", "/api/v1/content?q=ALDERMOOR&status=approved&modality=text&plugin=example-markov", null));
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("id").asText()).isEqualTo(a.toString());
        assertThat(found.path("items").get(0).path("decision").asText()).isEqualTo("APPROVE");

        assertThat(json(send("GET", "/api/v1/content?q=100%25", null)).path("total").asLong()).isEqualTo(1);
        assertThat(json(send("GET", "/api/v1/content?q=x%25t", null)).path("total").asLong())
                .as("%% matches literally, not as a wildcard").isZero();
        JsonNode page = json(send("GET", "/api/v1/content?size=1&page=2", null));
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode detail = json(send("GET", "/api/v1/content/" + a, null));
        assertThat(detail.path("text").asText()).isEqualTo("A keeper kept the light.");
        assertThat(detail.path("provenance").path("contentSha256").asText()).hasSize(64);
        HttpResponse<String> artifact = send("GET", "/api/v1/content/" + a + "/artifact", null);
        assertThat(artifact.body()).isEqualTo("A keeper kept the light.");
        assertThat(artifact.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");

        HttpResponse<String> bad = send("GET", "/api/v1/content?status=NOPE&size=9999", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(send("GET", "/api/v1/content/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anItemThatFailedClosedShowsInTheQueueWhatWasNotCheckedAndWhy() throws Exception {
        Map<String, Object> report = Map.of("scores", Map.of("pii.output", 0.0, "checks.unavailable", 2.0),
                "unavailable", Map.of("safety", "safety is unavailable: still training (40%)",
                        "factcheck", "knowledge base 'default' is unavailable: it does not exist yet"),
                "decision", Map.of("action", "NEEDS_REVIEW", "rule", "fail-closed", "policy", "default",
                        "policyAction", "APPROVE", "fired", List.of(), "unknownMetrics", List.of("safety.toxicity")),
                "judgedBy", Map.of("models", Map.of("generator:stories260k", "b".repeat(64)), "policy", "default",
                        "policySha256", "c".repeat(64)));
        UUID id = storeItem("unchecked", "A text nobody could check.", ContentStatus.NEEDS_REVIEW,
                Decision.NEEDS_REVIEW, report);

        JsonNode queue = json(send("GET", "/api/v1/review?size=200", null));
        JsonNode entry = null;
        for (JsonNode e : queue.path("items")) {
            if (e.path("item").path("id").asText().equals(id.toString())) {
                entry = e;
            }
        }
        assertThat(entry).as("in the review queue").isNotNull();
        assertThat(entry.path("notChecked").path("safety").asText()).contains("still training");
        assertThat(entry.path("reasons").toString()).contains("Failed closed to NEEDS_REVIEW")
                .contains("alone decided APPROVE").contains("Not checked: factcheck: knowledge base 'default'")
                .contains("Unknown metrics: safety.toxicity");
        JsonNode item = json(send("GET", "/api/v1/content/" + id, null));
        assertThat(item.path("report").path("unavailable").path("factcheck").asText()).contains("does not exist");
        assertThat(item.path("report").path("judgedBy").path("models").path("generator:stories260k").asText())
                .hasSize(64);
    }

    @Test
    void aReviewerApprovesRejectsOrEditsWithACommentAndEachDecisionIsAudited() throws Exception {
        UUID approve = storeItem(XSS, "Seas rose 20 cm.", ContentStatus.NEEDS_REVIEW, Decision.NEEDS_REVIEW, reviewReport());
        UUID reject = storeItem("reject me", "Wrong.", ContentStatus.NEEDS_REVIEW, Decision.NEEDS_REVIEW, reviewReport());
        UUID edit = storeItem("edit me", "Seas rose 2 m.", ContentStatus.NEEDS_REVIEW, Decision.NEEDS_REVIEW, reviewReport());

        JsonNode queue = json(send("GET", "/api/v1/review?size=200", null));
        assertThat(queue.path("items").findValuesAsText("id")).contains(approve.toString(), reject.toString(), edit.toString());
        assertThat(queue.path("items").get(0).path("reasons").get(0).asText()).contains("low-factuality");

        assertThat(send("POST", "/api/v1/review/" + approve + "/approve", "{\"comment\":\"checked\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> noComment = send("POST", "/api/v1/review/" + reject + "/reject", "{}");
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(json(noComment).path("errors").get(0).path("field").asText()).isEqualTo("comment");
        assertThat(send("POST", "/api/v1/review/" + reject + "/reject", "{\"comment\":\"false claim\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/review/" + edit + "/edit", "{\"comment\":\"fixed\",\"text\":\"Seas rose 20 cm.\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> twice = send("POST", "/api/v1/review/" + approve + "/approve", "{}");
        assertThat(twice.statusCode()).isEqualTo(409);

        assertThat(json(send("GET", "/api/v1/content/" + approve, null)).path("item").path("status").asText()).isEqualTo("APPROVED");
        assertThat(json(send("GET", "/api/v1/content/" + reject, null)).path("item").path("status").asText()).isEqualTo("REJECTED");
        JsonNode edited = json(send("GET", "/api/v1/content/" + edit, null));
        assertThat(edited.path("text").asText()).isEqualTo("Seas rose 20 cm.");
        assertThat(edited.path("events").findValuesAsText("type")).contains("review.edited");

        JsonNode events = json(send("GET", "/api/v1/audit/events?type=review.&size=50", null));
        assertThat(events.path("items").findValuesAsText("type")).contains("review.approved", "review.rejected", "review.edited");
        assertThat(events.path("items").findValuesAsText("actor")).allMatch(a -> !a.isBlank());
        JsonNode verify = json(send("GET", "/api/v1/audit/verify", null));
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    void sqlInjectionInEveryListFilterIsHarmless() throws Exception {
        UUID kept = storeItem("keep me", "still here", ContentStatus.APPROVED, Decision.APPROVE, Map.of());
        List<String> attacks = List.of("' OR '1'='1", "'; DROP TABLE content_items; --", "\" OR 1=1 --",
                "x') UNION SELECT username, password_hash FROM users --", "%' --", "\\'; select pg_sleep(5); --");
        List<String> filters = List.of(
                "/api/v1/content?q=", "/api/v1/content?plugin=", "/api/v1/content?status=", "/api/v1/content?modality=",
                "/api/v1/content?from=", "/api/v1/content?page=", "/api/v1/audit/events?type=", "/api/v1/audit/events?actor=",
                "/api/v1/audit/events?subject=", "/api/v1/audit/events?to=", "/api/v1/review?size=",
                "/api/v1/dashboard?window=", "/api/v1/dashboard?bucket=", "/api/v1/kb/search?q=");
        for (String filter : filters) {
            for (String attack : attacks) {
                long start = System.nanoTime();
                HttpResponse<String> r = send("GET", filter + URLEncoder.encode(attack, StandardCharsets.UTF_8), null);
                assertThat(r.statusCode()).as("%s%s: %s", filter, attack, r.body()).isIn(200, 400);
                assertThat(System.nanoTime() - start).as("no injected sleep").isLessThan(4_000_000_000L);
                if (r.statusCode() == 200 && filter.startsWith("/api/v1/content")) {
                    assertThat(json(r).path("total").asLong()).as("%s%s matches nothing", filter, attack).isZero();
                }
                if (r.statusCode() == 400) {
                    assertThat(json(r).path("type").asText()).startsWith("/errors/");
                }
            }
        }
        assertThat(json(send("GET", "/api/v1/content/" + kept, null)).path("text").asText()).isEqualTo("still here");
        assertThat(json(send("GET", "/api/v1/users", null)).path("items").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDashboardCountsItemsDecisionsAndScores() throws Exception {
        storeItem("dash", "dash", ContentStatus.APPROVED, Decision.APPROVE, Map.of("scores", Map.of("factuality", 0.75)));
        JsonNode d = json(send("GET", "/api/v1/dashboard?window=1h&bucket=hour", null));
        assertThat(d.path("generations").size()).isPositive();
        assertThat(d.path("decisions").path("APPROVE").asLong()).isPositive();
        assertThat(d.path("scores").findValuesAsText("score")).contains("factuality");
        assertThat(d.path("factualityHistogram").size()).isEqualTo(10);
        assertThat(d.path("queueDepth").isObject()).isTrue();
        assertThat(d.path("governanceModels").path("training").asBoolean()).as("no eval folder here: nothing trains")
                .isFalse();
        assertThat(d.path("governanceModels").path("models").path("safety").path("state").asText())
                .isEqualTo("MISSING");
        assertThat(d.path("plugins").isArray()).isTrue();
    }

    @Test
    void prometheusMetricsAreProtectedAndAlertRulesFireIntoTheAuditLog() throws Exception {
        send("GET", "/api/v1/content", null);
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = send("GET", "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hallmark_http_server_requests_seconds_bucket{", "le=\"0.5\"",
                "route=\"/api/v1/content\"", "hallmark_jobs_queue_depth", "jvm_memory_used_bytes");

        HttpResponse<String> bad = send("POST", "/api/v1/alerts", "{\"name\":\"x\",\"metric\":\"nope\",\"operator\":\">\",\"threshold\":1}");
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> created = send("POST", "/api/v1/alerts",
                "{\"name\":\"slow\",\"metric\":\"http.p95.seconds\",\"operator\":\">=\",\"threshold\":0}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("firing").asBoolean()).isTrue();
        assertThat(json(send("GET", "/api/v1/audit/events?type=alert.", null)).path("items").findValuesAsText("type"))
                .contains("alert.rule.created", "alert.firing");
        assertThat(json(send("GET", "/api/v1/dashboard", null)).path("alerts").findValuesAsText("name")).contains("slow");
        assertThat(send("DELETE", "/api/v1/alerts/" + json(created).path("id").asText(), null).statusCode()).isEqualTo(204);
    }
}
