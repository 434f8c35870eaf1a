package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.Modality;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.PluginArchiveSigner;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.jobs.GenerationService;
import io.hallmark.core.security.LocalCliToken;
import io.hallmark.core.testing.ChildJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served-model plugin sends generation to another Hallmark process over its OpenAI-compatible API (on
 * loopback, no mock); the answer comes back and passes this node's governance too.
 */
class ServedModelTest {

    @TempDir
    Path tmp;

    static Path archive(String name) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(name) && p.toString().endsWith(".jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException(name + " jar not on the test class path"));
    }

    @Test
    void generationRunsOnAnotherHallmarkThroughTheOpenAiApi() throws Exception {
        Path remoteDir = Files.createDirectories(tmp.resolve("remote"));
        Path bundled = Files.createDirectories(tmp.resolve("bundled"));
        Files.copy(archive("example-plugin"), bundled.resolve("example-markov-1.0.0.jar"));
        Files.writeString(remoteDir.resolve("hallmark.properties"), "bundled-plugins-dir=" + bundled + "\n");
        GovernedDataDir.prepare(remoteDir, tmp); // both nodes govern: every check must run, or items fail closed
        try (ChildJvm remote = ChildJvm.start(Main.class, List.of("-Xmx512m"), "serve", "--data-dir",
                remoteDir.toString(), "--port", "0")) {
            String line = remote.awaitLine(l -> l.startsWith("Hallmark is serving at "), Duration.ofSeconds(120));
            String remoteUrl = line.substring("Hallmark is serving at ".length(), line.indexOf("/ (health"));

            Path localDir = tmp.resolve("local");
            GovernedDataDir.prepare(localDir, tmp);
            try (PlatformServer local = PlatformServer.start(ServerTest.config(localDir, 0))) {
                KeyPair key = SigningKeys.generate();
                local.platform().plugins().trustKey(SigningKeys.publicPem(key.getPublic()), "test", "test");
                Path plugin = Files.copy(archive("served-model"), tmp.resolve("served-model-1.0.0.jar"),
                        StandardCopyOption.REPLACE_EXISTING);
                PluginArchiveSigner.sign(plugin, key.getPrivate(), key.getPublic());
                local.platform().plugins().install(plugin, Set.of(Permission.NETWORK), "test");
                Files.writeString(localDir.resolve("plugins").resolve("served-model.properties"),
                        "base-url=" + remoteUrl + "/v1\napi-key=" + LocalCliToken.read(remoteDir).orElseThrow()
                                + "\nmodel=example-markov\n");

                GenerationService generations = local.platform().generations();
                var job = generations.submit(new GenerationService.Submission(Modality.TEXT, "The keeper", "served-model",
                        Map.of("maxTokens", 15), null, "default", 0, null), "test");
                Map<String, Object> result = awaitDone(generations, job.id());

                @SuppressWarnings("unchecked")
                Map<String, Object> content = (Map<String, Object>) result.get("content");
                assertThat(content.get("status").toString()).isEqualTo("APPROVED");
                assertThat(content.get("text").toString().split(" ")).hasSize(15);
                assertThat(content.get("plugin")).isEqualTo("served-model@1.0.0");
            }
        }
    }

    private static Map<String, Object> awaitDone(GenerationService generations, java.util.UUID job) throws Exception {
        for (int i = 0; i < 600; i++) {
            Map<String, Object> view = generations.view(job);
            String state = ((io.hallmark.core.jobs.JobView) view.get("job")).state();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                assertThat(state).as(String.valueOf(view.get("job"))).isEqualTo("DONE");
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish");
    }
}
