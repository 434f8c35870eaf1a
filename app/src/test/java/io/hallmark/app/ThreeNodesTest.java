package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.plugin.fixtures.LargeImageGenerator;
import io.hallmark.core.plugin.fixtures.LargeVideoGenerator;
import io.hallmark.core.plugin.fixtures.SlowMediaCheck;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.core.testing.ChildJvm;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.core.testing.TestPostgres;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code hallmark serve} processes, each with its own data directory, on one PostgreSQL: one cluster, one state.
 * A document ingested on node 1 is searched and fact-checked on node 3 within 5 s with the same evidence and knowledge
 * base version; the same text is decided identically on all three; node 3's index, deleted while it runs, is rebuilt
 * from PostgreSQL and answers the same; an image and a video job whose node is killed during their check step finish
 * exactly once on another node, which serves the artifacts the killed node generated; the killed nodes restart, and
 * an image and a video job whose node is killed during their generate step finish exactly once on another node.
 */
@ExtendWith(PostgresExtension.class)
class ThreeNodesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int MEDIA_BYTES = 1024 * 1024 + 77;
    private static final String QUERY = "Which river floods the valley of Marlow every spring?";
    private static final String CLAIM_TEXT = "The river Wend floods the valley of Marlow every spring.";

    @TempDir
    Path tmp;

    private record Node(ChildJvm jvm, Path dir, String url, String token) {}

    private ChildJvm start(Path dataDir, DatabaseSettings db) throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("hallmark.properties"), "job-lease-seconds=3\njob-workers=2\n");
        GovernedDataDir.prepare(dataDir, tmp); // every governance check must run, or items fail closed
        return ChildJvm.start(Main.class, List.of("-Xmx512m"), "serve", "--data-dir", dataDir.toString(), "--port", "0",
                "--db-url", db.jdbcUrl(), "--db-user", db.user());
    }

    private static Node ready(ChildJvm jvm, Path dir) throws Exception {
        String line = jvm.awaitLine(l -> l.startsWith("Hallmark is serving at "), Duration.ofSeconds(180));
        return new Node(jvm, dir, line.substring("Hallmark is serving at ".length(), line.indexOf("/ (health")),
                LocalCliToken.read(dir).orElseThrow());
    }

    private static HttpResponse<String> call(Node node, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path))
                .header("Authorization", "Bearer " + node.token());
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", body.startsWith("-----") ? "application/x-pem-file" : "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JsonOutput.mapper().readTree(response.body());
    }

    @Test
    void threeNodesShareKnowledgeDecisionsAndArtifactsAndSurviveANodeDying(TestPostgres postgres) throws Exception {
        DatabaseSettings db = postgres.freshDatabase("three_nodes");
        List<Path> dirs = List.of(tmp.resolve("n1"), tmp.resolve("n2"), tmp.resolve("n3"));
        List<ChildJvm> jvms = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                jvms.add(start(dir, db));
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                nodes.add(ready(jvms.get(i), dirs.get(i)));
            }
            Node n1 = nodes.get(0);
            Node n3 = nodes.get(2);

            // every node has its index of the knowledge base (copied from its data directory into PostgreSQL by the
            // first, rebuilt by the others) and its embedder loaded, and node 3 its fact checker: what follows
            // measures catching up only
            for (Node node : nodes) {
                awaitSearch(node, 1);
            }
            json(call(n3, "POST", "/api/v1/checks", "{\"text\":\"Lighthouse keepers tended the lamps.\"}"));
            // ingest on node 1; node 3 finds it within 5 s, with the same hits and version
            JsonNode ingested = json(call(n1, "POST", "/api/v1/kb/documents", "{\"documents\":[{\"id\":\"wend\","
                    + "\"title\":\"The river Wend\",\"text\":\"The river Wend floods the valley of Marlow every spring, "
                    + "when snow melts in the hills above it.\"}]}"));
            assertThat(ingested.path("added").asInt()).isEqualTo(1);
            long ingestedAt = System.nanoTime();
            JsonNode onNode1 = json(call(n1, "GET", "/api/v1/kb/search?k=3&q=" + q(QUERY), null));
            assertThat(onNode1.path("hits").get(0).path("chunkId").asText()).isEqualTo("wend#0");
            JsonNode onNode3 = awaitSearch(n3, onNode1.path("kbSequence").asLong());
            long caughtUpMillis = (System.nanoTime() - ingestedAt) / 1_000_000;
            assertThat(caughtUpMillis).as("node 3 caught up within 5 s").isLessThan(5_000);
            assertThat(chunkIds(onNode3)).isEqualTo(chunkIds(onNode1));
            assertThat(onNode3.path("kbVersion").asText()).isEqualTo(onNode1.path("kbVersion").asText())
                    .matches("kb-seq-[0-9]+");

            // the same text is decided identically on every node, on the same evidence of the same version
            List<JsonNode> checks = new ArrayList<>();
            long checkedMillis = 0;
            for (Node node : List.of(n3, nodes.get(1), n1)) {
                checks.add(json(call(node, "POST", "/api/v1/checks", "{\"text\":\"" + CLAIM_TEXT + "\"}")));
                if (checkedMillis == 0) {
                    checkedMillis = (System.nanoTime() - ingestedAt) / 1_000_000;
                }
            }
            System.out.printf("ThreeNodesTest: node 3 searched the ingest of node 1 after %d ms and fact-checked it "
                    + "after %d ms (2 shared cores, loaded)%n", caughtUpMillis, checkedMillis);
            JsonNode first = checks.getFirst();
            assertThat(first.path("judgedBy").path("knowledgeBaseSnapshot").asText())
                    .isEqualTo(onNode1.path("kbVersion").asText());
            assertThat(first.path("findings").path("factcheck").path("knowledgeBaseVersion").asText())
                    .isEqualTo(onNode1.path("kbVersion").asText());
            assertThat(evidenceIds(first)).contains("wend#0");
            for (JsonNode check : checks) {
                assertThat(check.path("action").asText()).isEqualTo(first.path("action").asText());
                assertThat(check.path("decidingRule")).isEqualTo(first.path("decidingRule"));
                assertThat(check.path("scores")).isEqualTo(first.path("scores"));
                assertThat(check.path("judgedBy")).isEqualTo(first.path("judgedBy"));
                assertThat(evidenceIds(check)).isEqualTo(evidenceIds(first));
            }

            // node 3's index, deleted while it runs, is rebuilt from PostgreSQL and answers the same
            deleteRecursively(n3.dir().resolve("kb").resolve("default"));
            JsonNode rebuilt = awaitRebuilt(n3, onNode1.path("kbSequence").asLong());
            assertThat(chunkIds(rebuilt)).isEqualTo(chunkIds(onNode1));
            assertThat(rebuilt.path("kbVersion").asText()).isEqualTo(onNode1.path("kbVersion").asText());

            installPictures(nodes);
            mediaJobsOfAKilledNodeFinishOnceElsewhere(db, nodes, false);
            // the killed nodes come back on their data directories, and the same happens during the generate step
            List<Node> restarted = new ArrayList<>();
            for (Node node : nodes) {
                if (node.jvm().process().isAlive()) {
                    restarted.add(node);
                } else {
                    ChildJvm jvm = start(node.dir(), db);
                    jvms.add(jvm);
                    restarted.add(ready(jvm, node.dir()));
                }
            }
            for (Node node : restarted) {
                awaitPlugin(node, "pictures");
            }
            mediaJobsOfAKilledNodeFinishOnceElsewhere(db, restarted, true);
        } catch (AssertionError | RuntimeException e) {
            for (int i = 0; i < jvms.size(); i++) { // what the nodes said about their knowledge bases and jobs
                int n = i + 1;
                jvms.get(i).output().lines().filter(l -> l.contains("nowledge") || l.contains("Exception")
                        || l.contains("WARN")).limit(60).forEach(l -> System.out.println("node " + n + ": " + l));
            }
            throw e;
        } finally {
            for (ChildJvm jvm : jvms) {
                jvm.close();
            }
        }
    }

    /** Installs the signed test plugin with the large image and video generators and the slow media check. */
    private void installPictures(List<Node> nodes) throws Exception {
        Node n1 = nodes.getFirst();
        KeyPair key = SigningKeys.generate();
        assertThat(call(n1, "POST", "/api/v1/plugin-keys?name=test", SigningKeys.publicPem(key.getPublic()))
                .statusCode()).isEqualTo(201);
        Path pictures = PluginArchiveBuilder.plugin("pictures", "1.0.0").extension(LargeImageGenerator.class)
                .extension(LargeVideoGenerator.class).extension(SlowMediaCheck.class).signedWith(key)
                .writeTo(tmp.resolve("build"));
        HttpResponse<String> installed = HTTP.send(HttpRequest.newBuilder(URI.create(n1.url()
                + "/api/v1/plugins?filename=pictures-1.0.0.jar")).header("Authorization", "Bearer " + n1.token())
                .POST(HttpRequest.BodyPublishers.ofFile(pictures)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        for (Node node : nodes) {
            awaitPlugin(node, "pictures");
        }
    }

    /**
     * An image and a video job; the node (or nodes) running them are killed during their slow generate step, or
     * during their slow check step; another node resumes each (at its generate step, or at its check step reading
     * the artifacts the killed node stored), finishes each once and serves the artifacts.
     */
    private void mediaJobsOfAKilledNodeFinishOnceElsewhere(DatabaseSettings db, List<Node> nodes,
            boolean duringGenerate) throws Exception {
        Node n1 = nodes.getFirst();
        String prompt = (duringGenerate ? "slow " : "") + MEDIA_BYTES;
        String image = submit(n1, "image", prompt);
        String video = submit(n1, "video", prompt);
        if (duringGenerate) {
            awaitGenerating(db, image); // claimed, screened; the slow generator runs now
            awaitGenerating(db, video);
            Thread.sleep(1_000);
        } else {
            awaitStepDone(db, image, "generate"); // stored; the slow check runs now
            awaitStepDone(db, video, "generate");
        }
        Set<Long> owners = new LinkedHashSet<>(List.of(ownerPid(db, image), ownerPid(db, video)));
        List<Node> survivors = new ArrayList<>();
        for (Node node : nodes) {
            if (owners.contains(node.jvm().process().pid())) {
                node.jvm().kill();
            } else {
                survivors.add(node);
            }
        }
        assertThat(survivors).as("at least one node lives on").isNotEmpty();
        System.out.printf("ThreeNodesTest: killed %d node(s) during the %s step of an image and a video job%n",
                nodes.size() - survivors.size(), duringGenerate ? "generate" : "check");
        Node server = survivors.getFirst();
        for (String[] job : new String[][] {{image, "image/png"}, {video, "video/mp4"}}) {
            JsonNode done = awaitFinished(server, job[0]);
            assertThat(done.path("job").path("state").asText()).as(done.toString()).isIn("DONE", "WAITING_REVIEW");
            String contentId = done.path("content").path("id").asText();
            HttpResponse<byte[]> artifact = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                    + "/api/v1/content/" + contentId + "/artifact")).header("Authorization", "Bearer " + server.token())
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(artifact.statusCode()).isEqualTo(200);
            assertThat(artifact.headers().firstValue("Content-Type")).hasValue(job[1]);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact.body())))
                    .as("the artifact the killed node generated, served by another")
                    .isEqualTo(done.path("content").path("artifactSha256").asText());
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "")) {
                long generated = count(c, "select count(*) from job_agent_calls where job_id = ?::uuid"
                        + " and agent like 'generator:%'", job[0]);
                if (duringGenerate) { // the killed node's call never returned; the survivor generated again
                    System.out.printf("ThreeNodesTest: %s generator calls recorded for the %s job%n", generated, job[1]);
                    assertThat(generated).as("generator calls recorded").isBetween(1L, 2L);
                } else {
                    assertThat(generated).as("generated once").isEqualTo(1);
                }
                assertThat(count(c, "select attempts from generation_jobs where id = ?::uuid", job[0]))
                        .as("resumed by another node").isEqualTo(2);
                assertThat(count(c, "select count(*) from audit_events where event_type = 'generation.completed'"
                        + " and subject = ?", contentId)).as("completed exactly once").isEqualTo(1);
                assertThat(count(c, "select count(*) from job_agent_calls where job_id = ?::uuid"
                        + " and agent = 'publisher'", job[0])).as("published once").isEqualTo(1);
            }
        }
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> chunkIds(JsonNode search) {
        List<String> ids = new ArrayList<>();
        search.path("hits").forEach(h -> ids.add(h.path("chunkId").asText()));
        return ids;
    }

    private static List<String> evidenceIds(JsonNode check) {
        List<String> ids = new ArrayList<>();
        check.path("findings").path("factcheck").path("claims")
                .forEach(c -> c.path("evidence").forEach(e -> ids.add(e.path("id").asText())));
        return ids;
    }

    private static JsonNode awaitSearch(Node node, long sequence) throws Exception {
        HttpResponse<String> r = null;
        for (int i = 0; i < 1200; i++) {
            r = call(node, "GET", "/api/v1/kb/search?k=3&q=" + q(QUERY), null);
            if (r.statusCode() == 200) {
                JsonNode found = JsonOutput.mapper().readTree(r.body());
                if (found.path("kbSequence").asLong() >= sequence) {
                    return found;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError(node.url() + " never reached knowledge-base change " + sequence + "; it answered "
                + r.statusCode() + " " + r.body() + "; health: "
                + call(node, "GET", "/api/v1/health", null).body());
    }

    /** Searches until the node answers again after a rebuild: 503 (kb-rebuilding) meanwhile, never other errors. */
    private static JsonNode awaitRebuilt(Node node, long sequence) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = call(node, "GET", "/api/v1/kb/search?k=3&q=" + q(QUERY), null);
            assertThat(r.statusCode()).as(r.body()).isIn(200, 503);
            JsonNode body = JsonOutput.mapper().readTree(r.body());
            if (r.statusCode() == 503) {
                assertThat(body.path("detail").asText()).contains("being rebuilt from the database");
            } else if (Files.exists(node.dir().resolve("kb").resolve("default").resolve("write.lock"))
                    && body.path("kbSequence").asLong() >= sequence && !body.path("hits").isEmpty()) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(node.url() + " never rebuilt its index");
    }

    private static void awaitPlugin(Node node, String plugin) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (call(node, "GET", "/api/v1/generators", null).body().contains("\"pluginId\":\"" + plugin + "\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(node.url() + " never loaded plugin " + plugin);
    }

    private static String submit(Node node, String modality, String prompt) throws Exception {
        return json(call(node, "POST", "/api/v1/generations", "{\"modality\":\"" + modality + "\",\"prompt\":\""
                + prompt + "\"}")).path("id").asText();
    }

    /** Waits until a node has claimed the job and it has not completed its generate step yet. */
    private static void awaitGenerating(DatabaseSettings db, String job) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    PreparedStatement s = c.prepareStatement("select state, lease_owner, current_step"
                            + " from generation_jobs where id = ?::uuid")) {
                s.setString(1, job);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && "RUNNING".equals(rs.getString(1)) && rs.getString(2) != null) {
                        String step = rs.getString(3);
                        assertThat(step).as("still before its generate step completes").isNotIn("generate", "check");
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " was not claimed within 60 s");
    }

    private static long ownerPid(DatabaseSettings db, String job) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                PreparedStatement s = c.prepareStatement("select lease_owner from generation_jobs where id = ?::uuid")) {
            s.setString(1, job);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String owner = rs.getString(1); // node-<pid>/...
                return Long.parseLong(owner.substring("node-".length(), owner.indexOf('/')));
            }
        }
    }

    private static long count(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static void awaitStepDone(DatabaseSettings db, String job, String step) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
                    PreparedStatement s = c.prepareStatement("select current_step from generation_jobs where id = ?::uuid")) {
                s.setString(1, job);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && step.equals(rs.getString(1))) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " never completed its " + step + " step");
    }

    private static JsonNode awaitFinished(Node node, String job) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode view = JsonOutput.mapper().readTree(call(node, "GET", "/api/v1/generations/" + job, null).body());
            String state = view.path("job").path("state").asText();
            if (List.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD").contains(state)) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not finish");
    }

    private static void deleteRecursively(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
