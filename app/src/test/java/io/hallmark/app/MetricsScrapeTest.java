package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.hallmark.api.Modality;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.core.testing.TestPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of a live server read as Prometheus reads it: every sample parses to a number (none NaN),
 * latencies are histograms with cumulative buckets, and Prometheus' own {@code promtool check metrics} finds
 * nothing to complain about.
 */
class MetricsScrapeTest {

    /** {@code name{labels} value [timestamp]} of the text exposition format 0.0.4. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( -?\\d+)?");

    @TempDir
    static Path dataDir;

    static PlatformServer server;
    static String admin;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
        admin = "Bearer " + LocalCliToken.read(dataDir).orElseThrow();
        // a finished generation and a governance decision, so the series that need data are in the scrape too
        server.platform().database().inTransaction(s -> {
            ContentItem item = new ContentItem(Modality.TEXT, "metrics");
            item.setPlugin("example-markov", "1.0.0");
            item.setTextBody("a kept text");
            item.setStatus(ContentStatus.APPROVED);
            item.setCreatedBy("tester");
            s.persist(item);
            GovernanceReport r = new GovernanceReport(item.id(), Map.of());
            r.decide(Decision.APPROVE, null, null);
            s.persist(r);
            return item.id();
        });
        try (Connection c = server.platform().database().dataSource().getConnection();
                PreparedStatement q = c.prepareStatement("insert into generation_jobs (id, state, request, created_at, "
                        + "updated_at, finished_at) values (?, 'DONE', '{}'::jsonb, now() - interval '1.2 seconds', "
                        + "now(), now() + interval '1 second')")) {
            q.setObject(1, UUID.randomUUID());
            q.executeUpdate();
        }
        // creating an alert rule evaluates the rules, which refreshes the database figures
        HttpResponse<String> rule = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/alerts"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"metrics-refresh\",\"metric\":\"queue.depth\",\"operator\":\">\",\"threshold\":1000}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String scrape() throws Exception {
        for (int i = 0; i < 3; i++) {
            HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/content")).header("Authorization", admin)
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics"))
                .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return response.body();
    }

    /** Every sample of the scrape: series (name and labels) to value. */
    static Map<String, Double> samples(String body) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            double value = switch (m.group(4)) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(m.group(4));
            };
            assertThat(Double.isNaN(value)).as("NaN sample: %s", line).isFalse();
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), value);
        }
        return samples;
    }

    @Test
    void everySampleIsANumberAndTheModelAndProcessGaugesReadTheRuntime() throws Exception {
        System.gc(); // the gauges must survive a collection (they used to hold collected suppliers and read NaN)
        Map<String, Double> samples = samples(scrape());

        assertThat(samples).isNotEmpty();
        assertThat(samples.get("hallmark_models_loaded")).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(samples.get("hallmark_models_weight_bytes")).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(samples.get("hallmark_process_resident_memory_bytes")).as("the process' RSS")
                .isNotNull().isGreaterThan(10_000_000.0);
        assertThat(samples.get("hallmark_jobs_queue_depth")).isNotNull();
        assertThat(samples.get("hallmark_governance_decisions_total{decision=\"APPROVE\"}")).isEqualTo(1.0);
        assertThat(samples.get("hallmark_generation_duration_seconds_count{state=\"DONE\"}")).isEqualTo(1.0);
        assertThat(samples.get("hallmark_generation_duration_seconds_bucket{state=\"DONE\",le=\"2.5\"}"))
                .as("the 2.2 s job in the 2.5 s bucket, not the 1 s one").isEqualTo(1.0);
        assertThat(samples.get("hallmark_generation_duration_seconds_bucket{state=\"DONE\",le=\"1.0\"}"))
                .isEqualTo(0.0);
        assertThat(samples.get("process_cpu_seconds_total")).as("Prometheus' standard CPU counter").isPositive();
        assertThat(samples.keySet()).as("no GPU series on a machine without one, never a NaN percent")
                .noneMatch(k -> k.contains("percent"));
    }

    @Test
    void requestLatencyIsAHistogramWithCumulativeBucketsPerRoute() throws Exception {
        String body = scrape();
        Map<String, Double> samples = samples(body);

        assertThat(body).contains("# TYPE hallmark_http_server_requests_seconds histogram");
        assertThat(body).doesNotContain("quantile=").as("every latency, the JVM's GC pauses too, is a histogram")
                .doesNotContain(" summary\n");
        List<Map.Entry<String, Double>> buckets = new ArrayList<>();
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (e.getKey().startsWith("hallmark_http_server_requests_seconds_bucket{")
                    && e.getKey().contains("route=\"/api/v1/content\"") && e.getKey().contains("status=\"200\"")) {
                buckets.add(e);
            }
        }
        assertThat(buckets).as("one bucket per bound and +Inf").hasSize(13);
        for (int i = 1; i < buckets.size(); i++) {
            assertThat(buckets.get(i).getValue()).as("cumulative").isGreaterThanOrEqualTo(buckets.get(i - 1).getValue());
        }
        assertThat(buckets.getLast().getKey()).contains("le=\"+Inf\"");
        assertThat(buckets.getLast().getValue()).isGreaterThanOrEqualTo(3);
        String count = buckets.getLast().getKey().replace("_bucket{", "_count{").replaceAll(",?le=\"\\+Inf\"", "");
        assertThat(samples.get(count)).as(count).isEqualTo(buckets.getLast().getValue());
    }

    /** Series a machine without a GPU has none of. */
    static final java.util.Set<String> APPEAR_WITH_DATA = java.util.Set.of("hallmark_gpu_utilization_ratio",
            "hallmark_gpu_memory_used_bytes", "hallmark_gpu_memory_total_bytes");

    @Test
    void theGrafanaDashboardQueriesParseAndNameOnlyMetricsTheServerServes() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeThat(Files.isExecutable(promtool)).as("promtool is not installed (Debian package prometheus; .ci/run "
                + "installs it): skipping the dashboard's PromQL check").isTrue();
        System.gc(); // so the GC pause histogram has a sample
        String body = scrape();
        java.util.Set<String> families = new java.util.HashSet<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                families.add(line.split(" ")[2]);
            }
        }
        Path dashboard = io.hallmark.core.testing.StandardReaders.repositoryRoot().resolve("docker/grafana/hallmark-dashboard.json");
        com.fasterxml.jackson.databind.JsonNode doc = JsonOutput.mapper().readTree(dashboard.toFile());
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (com.fasterxml.jackson.databind.JsonNode expr : doc.findValues("expr")) {
            String promql = expr.asText().replace("$instance", ".*");
            rules.append("      - record: dashboard:panel").append(n++).append("\n        expr: '")
                    .append(promql.replace("'", "''")).append("'\n");
            Matcher m = Pattern.compile("\\b((?:hallmark|jvm|process|system)_[a-z0-9_]+)").matcher(promql);
            while (m.find()) {
                String family = m.group(1).replaceAll("_(bucket|count|sum)$", "");
                assertThat(families.contains(family) || APPEAR_WITH_DATA.contains(family))
                        .as("%s (in the dashboard) is served by /metrics", m.group(1)).isTrue();
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(10);
        Path file = Files.createDirectories(TestPaths.buildDir().resolve("metrics")).resolve("dashboard-rules.yml");
        Files.writeString(file, rules.toString(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("promtool check rules on the dashboard's queries: %s", out).isZero();
    }

    @Test
    void promtoolChecksTheLiveScrapeClean() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeThat(Files.isExecutable(promtool)).as("promtool is not installed (Debian package prometheus; .ci/run "
                + "installs it): skipping the promtool lint of the scrape").isTrue();
        String body = scrape();
        Path file = Files.createDirectories(TestPaths.buildDir().resolve("metrics")).resolve("scrape.prom");
        Files.writeString(file, body, StandardCharsets.UTF_8);

        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("promtool check metrics on %s", file).isEmpty();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
