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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code hallmark serve} processes share one PostgreSQL: a plugin installed on one is loaded by the other, both
 * take jobs from the one queue, and when one is killed mid-run the other resumes its jobs; every job completes
 * exactly once.
 */
@ExtendWith(PostgresExtension.class)
class TwoNodesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private ChildJvm node(Path dataDir, DatabaseSettings db) throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("hallmark.properties"), "job-lease-seconds=3\njob-workers=2\n");
        GovernedDataDir.prepare(dataDir, tmp); // every governance check must run, or items fail closed
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

    @Test
    void twoNodesShareTheWorkAndSurviveOneBeingKilled(TestPostgres postgres) throws Exception {
        DatabaseSettings db = postgres.freshDatabase("two_nodes");
        Path dirA = tmp.resolve("a");
        Path dirB = tmp.resolve("b");
        try (ChildJvm a = node(dirA, db); ChildJvm b = node(dirB, db)) {
            String urlA = url(a);
            String urlB = url(b);
            String tokenA = LocalCliToken.read(dirA).orElseThrow();
            String tokenB = LocalCliToken.read(dirB).orElseThrow();

            KeyPair key = SigningKeys.generate();
            assertThat(call("POST", urlA + "/api/v1/plugin-keys?name=test", tokenA, SigningKeys.publicPem(key.getPublic()))
                    .statusCode()).isEqualTo(201);
            Path echo = PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                    .resource("version.txt", "1.0.0").signedWith(key).writeTo(tmp.resolve("build"));
            HttpResponse<String> installed = HTTP.send(HttpRequest.newBuilder(URI.create(urlA
                    + "/api/v1/plugins?filename=echo-1.0.0.jar")).header("Authorization", "Bearer " + tokenA)
                    .POST(HttpRequest.BodyPublishers.ofFile(echo)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
            awaitPluginOn(urlB, tokenB);
            alertsAreKeptPerNodeAndOnceForTheCluster(db, urlA, tokenA);

            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> accepted = call("POST", (i % 2 == 0 ? urlA : urlB) + "/api/v1/generations",
                        i % 2 == 0 ? tokenA : tokenB, "{\"modality\":\"text\",\"prompt\":\"job " + i
                                + " one two three four five six\",\"parameters\":{\"delayMillis\":150}}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                jobs.add(JsonOutput.mapper().readTree(accepted.body()).path("id").asText());
            }
            awaitRunningOn(db, "node-" + b.process().pid());
            b.kill();

            for (String job : jobs) {
                JsonNode done = awaitFinished(urlA, tokenA, job);
                assertThat(done.path("job").path("state").asText()).as("job %s", job).isEqualTo("DONE");
                assertThat(done.path("content").path("text").asText()).startsWith("v1.0.0 job ");
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("""
                        select count(*), count(distinct subject) from audit_events
                         where event_type = 'generation.completed'""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("each job completed exactly once").isEqualTo(12).isEqualTo(rs.getInt(2));
                }
                try (ResultSet rs = s.executeQuery("select count(*) from generation_jobs where attempts > 1")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("jobs of the killed node were resumed").isGreaterThanOrEqualTo(1);
                }
                try (ResultSet rs = s.executeQuery("""
                        select count(*) filter (where pipeline ->> 'name' = 'text'),
                               count(*) filter (where (select count(*) from job_agent_calls c where c.job_id = j.id
                                                          and c.agent = 'publisher' and c.attempt = j.attempts) = 1)
                          from generation_jobs j""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("every job ran the declared text pipeline, stored with it").isEqualTo(12);
                    assertThat(rs.getInt(2)).as("every job was published once, by its last attempt").isEqualTo(12);
                }
                try (ResultSet rs = s.executeQuery("""
                        select count(*) from job_events e join generation_jobs j on j.id = e.job_id
                         where e.event_type = 'started' and j.attempts > 1 and e.data ->> 'attempt' <> '1'""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("resumed attempts say where they resume").isGreaterThanOrEqualTo(1);
                }
            }
            assertThat(a.output()).doesNotContain("Exception in thread");
        }
    }

    /**
     * A per-node metric (heap) fires on each node with each node's value; a cluster metric (queue depth) has one
     * state and fires once, whichever nodes evaluate it.
     */
    private static void alertsAreKeptPerNodeAndOnceForTheCluster(DatabaseSettings db, String url, String token)
            throws Exception {
        assertThat(call("POST", url + "/api/v1/alerts", token, "{\"name\":\"heap\",\"metric\":\"heap.used.ratio\","
                + "\"operator\":\">=\",\"threshold\":0}").statusCode()).isEqualTo(201);
        assertThat(call("POST", url + "/api/v1/alerts", token, "{\"name\":\"queue\",\"metric\":\"queue.depth\","
                + "\"operator\":\">=\",\"threshold\":0}").statusCode()).isEqualTo(201);
        JsonNode heap = null;
        for (int i = 0; i < 200; i++) { // the other node evaluates every 15 s
            JsonNode rules = JsonOutput.mapper().readTree(call("GET", url + "/api/v1/alerts", token, null).body());
            for (JsonNode rule : rules.path("items")) {
                if (rule.path("name").asText().equals("heap")) {
                    heap = rule;
                }
            }
            if (heap != null && heap.path("nodes").size() == 2) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(heap).isNotNull();
        assertThat(heap.path("firing").asBoolean()).isTrue();
        assertThat(heap.path("nodes").findValuesAsText("node")).hasSize(2).doesNotHaveDuplicates();
        assertThat(heap.path("nodes").findValues("firing")).allSatisfy(f -> assertThat(f.asBoolean()).isTrue());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select e.payload ->> 'name', count(*), count(distinct e.payload ->> 'node') from audit_events e
                         where e.event_type = 'alert.firing' group by 1 order by 1""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("heap");
            assertThat(rs.getInt(2)).as("heap fired once per node").isEqualTo(2).isEqualTo(rs.getInt(3));
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("queue");
            assertThat(rs.getInt(2)).as("queue depth fired once for the cluster").isEqualTo(1);
        }
    }

    private static void awaitPluginOn(String url, String token) throws Exception {
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = call("GET", url + "/api/v1/generators", token, null);
            if (r.body().contains("\"pluginId\":\"echo\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the second node never loaded the plugin installed on the first");
    }

    private static void awaitRunningOn(DatabaseSettings db, String nodePrefix) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from generation_jobs where state = 'RUNNING' and "
                            + "lease_owner like '" + nodePrefix + "/%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the second node never ran a job");
    }

    private static JsonNode awaitFinished(String url, String token, String job) throws Exception {
        for (int i = 0; i < 600; i++) {
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
