package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.audit.DatabaseAuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.governance.DatabaseModelStore;
import io.hallmark.core.plugin.fixtures.EchoGenerator;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.core.testing.ChildJvm;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.core.testing.TestPostgres;
import io.hallmark.governance.artifact.GovernanceArtifact;
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
 * Two {@code hallmark serve} processes share one PostgreSQL: a plugin installed on one is loaded by the other, a
 * plugin setting changed on one is used by the other, failed logins on both add up to one lockout, a governance model
 * activated for the cluster is the one both nodes' decisions record, both take jobs from the one queue, and when one
 * is killed mid-run the other resumes its jobs; every job completes exactly once.
 */
@ExtendWith(PostgresExtension.class)
class TwoNodesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private ChildJvm node(Path dataDir, DatabaseSettings db) throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("hallmark.properties"), "job-lease-seconds=3\njob-workers=2\n"
                + "governance-model-follow-seconds=1\n");
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
            failedLoginsOnBothNodesAddUpToOneLockout(urlA, urlB);
            // a plugin setting changed on node A is what node B's calls get (every job below starts with it)
            HttpResponse<String> set = call("PATCH", urlA + "/api/v1/plugins/echo/settings", tokenA,
                    "{\"set\":{\"greeting\":\"hello-from-a\"}}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(call("GET", urlB + "/api/v1/plugins/echo/settings", tokenB, null).body())
                    .contains("\"greeting\":\"hello-from-a\"");
            Activated model = aModelActivatedForTheClusterIsTheOneBothNodesRecord(db, dirA, a, b, urlA, tokenA, urlB,
                    tokenB);

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
                assertThat(done.path("content").path("text").asText()).startsWith("hello-from-a v1.0.0 job ");
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("""
                        select count(*), count(distinct subject) from audit_events
                         where event_type = 'generation.completed'""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("each job completed exactly once").isEqualTo(12 + model.jobs())
                            .isEqualTo(rs.getInt(2));
                }
                try (ResultSet rs = s.executeQuery("select count(*) from generation_jobs j join content_items i on "
                        + "i.id = j.content_item_id where i.judged_by -> 'models' ->> 'safety' = '" + model.sha256()
                        + "' and j.id in ('" + String.join("','", jobs) + "')")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("every decision after both nodes followed records the activated model")
                            .isEqualTo(12);
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
                    assertThat(rs.getInt(1)).as("every job ran the declared text pipeline, stored with it")
                            .isEqualTo(12 + model.jobs());
                    assertThat(rs.getInt(2)).as("every job was published once, by its last attempt")
                            .isEqualTo(12 + model.jobs());
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
        // a node writes its state, then audits the change: give the audit append that follows a state a moment
        for (int i = 0; i < 50 && firingEvents(db) < 3; i++) {
            Thread.sleep(100);
        }
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

    private static int firingEvents(DatabaseSettings db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from audit_events where event_type = 'alert.firing'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Wrong passwords for one name, three on node A and two on node B: neither node alone has seen five, yet the next
     * attempt on A is throttled (429), because the count is the cluster's.
     */
    private static void failedLoginsOnBothNodesAddUpToOneLockout(String urlA, String urlB) throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create((i < 3 ? urlA : urlB)
                    + "/api/v1/auth/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"mallory\",\"password\":\"guess number "
                            + i + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("attempt %d: %s", i + 1, r.body()).isEqualTo(401);
        }
        HttpResponse<String> sixth = HTTP.send(HttpRequest.newBuilder(URI.create(urlA + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"mallory\",\"password\":\"guess number 6\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    }

    /** The activated model's hash and how many jobs it took to see both nodes decide with it. */
    private record Activated(String sha256, int jobs) {}

    /**
     * Activates a new version of the safety model in the cluster's store (what {@code hallmark models governance
     * activate} does, here from the test process; the version is node A's model with one more byte, so it decides
     * alike under another hash), then runs jobs on both nodes until each node has decided one that records it (the
     * nodes check the active versions every second).
     */
    private static Activated aModelActivatedForTheClusterIsTheOneBothNodesRecord(DatabaseSettings db, Path dirA,
            ChildJvm a, ChildJvm b, String urlA, String tokenA, String urlB, String tokenB) throws Exception {
        byte[] bytes = Files.readAllBytes(dirA.resolve("governance").resolve("safety-model.json"));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        longer[bytes.length] = '\n';
        GovernanceArtifact next = GovernanceArtifact.of("safety", longer, java.util.Map.of("source", "TwoNodesTest"));
        try (Database database = Database.connect(db);
                DatabaseAuditLog audit = new DatabaseAuditLog(database.dataSource())) {
            DatabaseModelStore store = new DatabaseModelStore(database.dataSource(), audit);
            assertThat(store.activation("safety").orElseThrow().sha256()).as("node A's model file was imported at "
                    + "start and is the cluster's").isEqualTo(io.hallmark.governance.artifact.Hashes.sha256(bytes));
            store.put(next);
            store.activate("safety", next.sha256(), "cli:test");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> jobs = new ArrayList<>();
        java.util.Set<String> nodesWithIt = new java.util.TreeSet<>();
        while (nodesWithIt.size() < 2) {
            assertThat(System.nanoTime()).as("both nodes decided with the activated model within 60 s; so far %s",
                    nodesWithIt).isLessThan(deadline);
            List<String> round = new ArrayList<>();
            for (String[] node : List.of(new String[] {urlA, tokenA}, new String[] {urlB, tokenB})) {
                HttpResponse<String> accepted = call("POST", node[0] + "/api/v1/generations", node[1],
                        "{\"modality\":\"text\",\"prompt\":\"model check one two three four five six\"}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                round.add(JsonOutput.mapper().readTree(accepted.body()).path("id").asText());
            }
            for (String job : round) {
                awaitFinished(urlA, tokenA, job);
            }
            jobs.addAll(round);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    java.sql.PreparedStatement ps = c.prepareStatement("""
                            select e.data ->> 'worker' from generation_jobs j
                              join content_items i on i.id = j.content_item_id
                              join job_events e on e.job_id = j.id and e.event_type = 'started'
                                               and e.data ->> 'attempt' = j.attempts::text
                             where j.id::text = any (string_to_array(?, ','))
                               and i.judged_by -> 'models' ->> 'safety' = ?""")) {
                ps.setString(1, String.join(",", jobs));
                ps.setString(2, next.sha256());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String worker = rs.getString(1);
                        for (ChildJvm node : List.of(a, b)) {
                            if (worker.startsWith("node-" + node.process().pid() + "/")) {
                                nodesWithIt.add(node == a ? "A" : "B");
                            }
                        }
                    }
                }
            }
        }
        return new Activated(next.sha256(), jobs.size());
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
