package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.Modality;
import io.hallmark.core.plugin.CallOptions;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A plugin developer's path against a running server, through the real CLI and REST API: make a key, sign the
 * example plugin, have the administrator trust the key, install it without a restart, run it, remove it.
 */
class PluginsEndToEndTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformServer server;

    @BeforeAll
    static void start() {
        server = PlatformServer.start(ServerTest.config(dataDir, 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Result(int code, String out, String err) {}

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The local command line's token, which acts as an administrator. */
    private static String admin() {
        return "Bearer " + io.hallmark.core.security.LocalCliToken.read(dataDir).orElseThrow();
    }

    static Path exampleArchive() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("example-plugin") && p.toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("example-plugin jar not on the test class path; run "
                        + "./mvnw verify (the archive is built by the package phase)"));
    }

    @Test
    void aDeveloperSignsTheExamplePluginAndAnAdministratorInstallsItIntoTheRunningServer() throws Exception {
        String dir = dataDir.toString();
        Result keygen = cli("plugins", "keygen", "--name", "acme", "--out", work.toString(), "--json");
        assertThat(keygen.code()).as(keygen.err()).isZero();
        String keyId = JsonOutput.mapper().readTree(keygen.out()).path("keyId").asText();
        assertThat(Files.getPosixFilePermissions(work.resolve("acme.key")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");

        Path archive = Files.copy(exampleArchive(), work.resolve("example-markov-1.0.0.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Result unsignedInstall = cli("plugins", "install", archive.toString(), "--data-dir", dir);
        assertThat(unsignedInstall.code()).isEqualTo(1);
        assertThat(unsignedInstall.err()).contains("is not signed").contains("via the server at " + server.url());

        assertThat(cli("plugins", "sign", archive.toString(), "--key", work.resolve("acme.key").toString()).out())
                .contains("with key " + keyId);
        Result refused = cli("plugins", "install", archive.toString(), "--data-dir", dir);
        assertThat(refused.err()).contains("signed by key " + keyId + ", which is not trusted here");

        assertThat(cli("plugins", "trust", work.resolve("acme.pub").toString(), "--data-dir", dir).out())
                .contains("Trusted key " + keyId);
        Result install = cli("plugins", "install", archive.toString(), "--data-dir", dir, "--json");
        assertThat(install.code()).as(install.err()).isZero();
        JsonNode installed = JsonOutput.mapper().readTree(install.out());
        assertThat(installed.path("id").asText()).isEqualTo("example-markov");
        assertThat(installed.path("state").asText()).isEqualTo("ENABLED");
        assertThat(installed.path("signerKeyId").asText()).isEqualTo(keyId);
        assertThat(installed.path("permissions").toString()).contains("models:read");

        GeneratedContent content = server.platform().plugins().generate("example-markov",
                GenerationRequest.of(Modality.TEXT, "The keeper").withParameters(Map.of("maxWords", 12)).withSeed(3L),
                CallOptions.defaults("test"));
        assertThat(content.text().split(" ")).hasSize(12);

        // settings go through the running server into the database every node reads; secrets are shown masked
        Result set = cli("plugins", "settings", "example-markov", "--set", "api-key=s3cret", "--set",
                "note=from the cli", "--data-dir", dir);
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("note=from the cli").contains("api-key=********").doesNotContain("s3cret");
        assertThat(server.platform().plugins().settings("example-markov")).containsEntry("note", "from the cli");
        Result unset = cli("plugins", "settings", "example-markov", "--unset", "note", "--data-dir", dir, "--json");
        assertThat(unset.code()).as(unset.err()).isZero();
        assertThat(JsonOutput.mapper().readTree(unset.out()).path("settings").has("note")).isFalse();
        assertThat(JsonOutput.mapper().readTree(unset.out()).path("settings").path("api-key").asText())
                .isEqualTo("********");

        HttpResponse<String> list = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/plugins")).header("Authorization", admin())
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"example-markov\"").contains("Markov text");

        assertThat(cli("plugins", "disable", "example-markov", "--data-dir", dir).out()).contains("DISABLED");
        assertThat(cli("plugins", "remove", "example-markov", "--data-dir", dir).out()).contains("Removed plugin");
        assertThat(cli("plugins", "list", "--data-dir", dir).out()).contains("No plugins installed.");
    }

    @Test
    void theRestApiRefusesABrokenUploadWithTheProblemShape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/plugins?filename=broken.jar"))
                        .header("Content-Type", "application/java-archive").header("Authorization", admin())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'P', 'K', 0, 0})).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JsonOutput.mapper().readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("/errors/plugin-signature");
        assertThat(problem.path("detail").asText()).contains("broken.jar is not a valid jar/zip archive");

        HttpResponse<String> missing = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/plugins/nope/enable"))
                        .header("Authorization", admin()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Plugin 'nope' is not installed");
    }
}
