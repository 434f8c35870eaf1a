package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.testing.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hallmark generate} end to end: bundled text plugin, host model runtime, content item in PostgreSQL. */
class GenerateCommandTest {

    @TempDir
    Path work;

    static Path textPluginJar() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().contains("text-generator") && p.toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("text-generator jar not on the test class path; run "
                        + "./mvnw -pl app -am verify"));
    }

    @Test
    void generatesTextWithTheBundledPluginAndKeepsItAsAContentItemWithItsModel() throws Exception {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", TestPaths.cacheDir().resolve("djl").toString());
        }
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path bundled = Files.createDirectories(work.resolve("plugins"));
        Files.copy(textPluginJar(), bundled.resolve("text-generator.jar"));
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), "bundled-plugins-dir=" + bundled + "\nmodels-dir="
                + TestPaths.sharedDir().resolve("models") + "\ndevice=cpu\n");
        GovernedDataDir.prepare(dataDir, work); // every check must run, or the item fails closed

        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        String[] generate = {"generate", "--data-dir", dataDir.toString(), "--prompt", "Once upon a time",
                "--temperature", "0", "--max-tokens", "30", "--seed", "7", "--json", "--idempotency-key", "story-7"};
        int code = cli.execute(generate);

        assertThat(code).as(out.toString()).isZero();
        JsonNode result = JsonOutput.mapper().readTree(out.toString());
        assertThat(result.path("text").asText()).as(out.toString()).startsWith(", there was a little girl named Lily.");
        assertThat(result.path("status").asText()).as("governed under the default policy").isEqualTo("APPROVED");
        assertThat(result.path("decision").asText()).isEqualTo("APPROVE");
        assertThat(result.path("model").asText()).isEqualTo("stories260k");
        assertThat(result.path("modelSha256").asText())
                .isEqualTo("b0a507e7ad0f626624f17112325e66691f9076d622e1d3274d103d00299f2696");
        assertThat(result.path("outputTokens").asInt()).isEqualTo(30);
        assertThat(result.path("promptTokens").asInt()).isEqualTo(5);
        assertThat(result.path("metadata").path("runtime").asText()).as("the model came from the host's runtime")
                .isEqualTo("host");

        // a retry with the same idempotency key gets the first job back and queues nothing
        StringWriter again = new StringWriter();
        cli.setOut(new PrintWriter(again));
        assertThat(cli.execute(generate)).as(again.toString()).isZero();
        assertThat(JsonOutput.mapper().readTree(again.toString()).path("jobId").asText())
                .isEqualTo(result.path("jobId").asText());

        try (Platform platform = Platform.start(new ConfigLoader(Map.of()).load(
                Map.of(io.hallmark.core.config.ConfigKey.DATA_DIR, dataDir.toString())), "command")) {
            long jobs = platform.database().inTransaction(s -> ((Number) s.createNativeQuery(
                    "select count(*) from generation_jobs", Long.class).getSingleResult()).longValue());
            assertThat(jobs).as("jobs after two submissions with one idempotency key").isEqualTo(1);
            ContentItem item = platform.database().inTransaction(s ->
                    s.find(ContentItem.class, UUID.fromString(result.path("contentId").asText())));
            assertThat(item.status()).isEqualTo(ContentStatus.APPROVED);
            assertThat(item.modelSha256()).isEqualTo(result.path("modelSha256").asText());
            assertThat(item.textBody()).isEqualTo(result.path("text").asText());
            assertThat(item.pluginId()).isEqualTo("hallmark-text");
            assertThat(platform.health().subsystems()).containsKey("models");
        }
    }

    @Test
    void aFailedGenerationPrintsItsReasonAndARemedyAndJsonKeepsStdoutClean() throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path bundled = Files.createDirectories(work.resolve("plugins"));
        Path noModels = Files.createDirectories(work.resolve("empty-models"));
        Files.copy(textPluginJar(), bundled.resolve("text-generator.jar"));
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), "bundled-plugins-dir=" + bundled + "\ndevice=cpu\n");
        GovernedDataDir.prepare(dataDir, work);

        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("generate", "--data-dir", dataDir.toString(), "--models-dir", noModels.toString(),
                "--prompt", "Once upon a time", "--max-tokens", "5", "--seed", "7");

        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("status FAILED").doesNotContain("null")
                .contains("failed: ").contains("stories260k")
                .contains("remedy: point the server at the folder with the models");

        StringWriter jsonOut = new StringWriter();
        cli.setOut(new PrintWriter(jsonOut));
        cli.execute("generate", "--data-dir", dataDir.toString(), "--models-dir", noModels.toString(),
                "--prompt", "Once upon a time", "--max-tokens", "5", "--seed", "7", "--json");
        JsonNode result = JsonOutput.mapper().readTree(jsonOut.toString()); // nothing but the JSON document
        assertThat(result.path("status").asText()).isEqualTo("FAILED");
        assertThat(result.path("error").asText()).contains("stories260k");
    }
}
