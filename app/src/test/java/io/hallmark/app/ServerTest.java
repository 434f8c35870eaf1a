package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.data.DataDirectoryInUseException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole server on the embedded PostgreSQL, exercised over real HTTP. */
class ServerTest {

    @TempDir
    static Path dataDir;

    static PlatformServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = PlatformServer.start(config(dataDir, 0));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HallmarkConfig config(Path dataDir, int port) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.DATA_DIR, dataDir.toString());
        flags.put(ConfigKey.PORT, Integer.toString(port));
        flags.put(ConfigKey.SHUTDOWN_GRACE_SECONDS, "10");
        return new ConfigLoader(Map.of()).load(flags);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswers200WithPostgresAndTheSchemaVersion() throws Exception {
        HttpResponse<String> response = get("/api/v1/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonOutput.mapper().readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("database").asText()).isEqualTo("PostgreSQL");
        assertThat(health.path("databaseVersion").asText()).matches("\\d+\\.\\d+.*");
        assertThat(Integer.parseInt(health.path("schemaVersion").asText())).isGreaterThanOrEqualTo(2);
        assertThat(health.path("embeddedDatabase").asBoolean()).isTrue();
        assertThat(health.path("version").asText()).isNotBlank();
        assertThat(health.path("subsystems").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("subsystems").path("blobStore").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void unknownApiPathsAnswerWithTheProblemShape() throws Exception {
        HttpResponse<String> response = get("/api/v1/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        JsonNode problem = JsonOutput.mapper().readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("/errors/not-found");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).contains("/api/v1/no-such-thing");
        assertThat(problem.path("errors").isArray()).isTrue();
    }

    @Test
    void theConsoleRootServesAPageWithSecurityHeaders() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).contains("/console/index.html");

        HttpResponse<String> page = get("/console/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        // the page's words come from the bundle (strings.js), set by common.js
        assertThat(page.body()).contains("<title data-i18n=\"common.hallmark\"></title>").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void generateRefusesAModelsDirectoryWhileAServerHoldsTheDataDirectory() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int code = cli.execute("generate", "--data-dir", dataDir.toString(), "--models-dir", "/somewhere/else",
                "--prompt", "Once upon a time");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--models-dir does not apply").contains(server.url())
                .contains("stop the server and start it with --models-dir");
    }

    @Test
    void checkRefusesFlagsThatOnlyAPlatformOfItsOwnCouldUseWhileAServerHoldsTheDataDirectory() throws Exception {
        java.nio.file.Path text = java.nio.file.Files.writeString(dataDir.resolveSibling("check-flags.txt"),
                "Tides follow the Moon.");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int code = cli.execute("check", "--data-dir", dataDir.toString(), "--models-dir", "/somewhere/else",
                "--eval-dir", "/eval/elsewhere", "--file", text.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--models-dir, --eval-dir do not apply").contains(server.url());
    }

    @Test
    void dbStatusGoesThroughTheServerThatHoldsTheDataDirectory() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        int code = cli.execute("db", "status", "--json", "--data-dir", dataDir.toString());

        assertThat(code).isZero();
        JsonNode status = JsonOutput.mapper().readTree(out.toString());
        assertThat(status.path("source").asText()).isEqualTo("running server at " + server.url());
        assertThat(status.path("database").asText()).isEqualTo("PostgreSQL");
        assertThat(status.path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedWithWhereTheFirstServes() {
        assertThatThrownBy(() -> PlatformServer.start(config(dataDir, 0)))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining("in use by a running Hallmark server")
                .hasMessageContaining(server.url());
    }

    @Test
    void aTakenPortFailsFastWithAClearMessage(@TempDir Path otherDataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> PlatformServer.start(config(otherDataDir, taken.getLocalPort())))
                    .isInstanceOf(HallmarkException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--port");
        }
    }

    @Test
    void stoppingLetsAnInFlightRequestFinish(@TempDir Path ownDataDir) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        PlatformServer own = PlatformServer.start(config(ownDataDir, 0), List.of(routes -> routes.get("/test/slow",
                ctx -> {
                    started.countDown();
                    Thread.sleep(1_500);
                    ctx.result("finished");
                }, io.hallmark.admin.Allowed.PUBLIC)));
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(own.url() + "/test/slow")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        own.close();

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
    }
}
