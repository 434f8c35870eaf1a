package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.Modality;
import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.jobs.GenerationService;
import io.hallmark.governance.artifact.ArtifactKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark bench first-decision}: what a newcomer's first {@code serve} and {@code generate} cost. On a fresh
 * data directory it starts the platform as a server does (governance models training in the background), queues one
 * governed text generation at once and times its decision (made while the models still train: their checks are
 * UNAVAILABLE and fail closed), then waits for training and times a second generation, decided with every model.
 * Prints both times and each model's training time.
 */
@Command(name = "first-decision", mixinStandardHelpOptions = true,
        description = "Fresh data directory: start as a server, time the first governed text generation's decision "
                + "(while the governance models train in the background) and one after training; training time per "
                + "model.")
final class FirstDecisionBenchCommand implements Callable<Integer> {

    private static final Set<String> FINAL = Set.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD");

    @Mixin PlatformOptions platform;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "The shared eval folder to train from (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--prompt", defaultValue = "Write two sentences about lighthouses.",
            description = "The prompt (default: ${DEFAULT-VALUE}).")
    String prompt;

    @Option(names = "--max-tokens", defaultValue = "48", description = "Tokens to generate (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<ConfigKey, String> extra = new EnumMap<>(ConfigKey.class);
        extra.put(ConfigKey.EVAL_DIR, EvalCommand.evalDir(evalDir).toString());
        HallmarkConfig config = platform.load(extra);
        Path dataDir = config.dataDir();
        if (Files.isDirectory(dataDir) && isNotEmpty(dataDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "The benchmark needs a fresh data directory; "
                    + dataDir + " is not empty. Pass --data-dir with a new folder");
        }
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> doc = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Platform p = Platform.start(config, "server")) {
            doc.put("platformStartSeconds", seconds(t0));
            p.startWorkers(1, "bench-" + ProcessHandle.current().pid());
            GenerationService.Submission s = new GenerationService.Submission(Modality.TEXT, prompt, null,
                    Map.of("maxTokens", maxTokens, "temperature", 0.0), 7L, "default", 0, null);
            long t1 = System.nanoTime();
            Map<String, Object> first = generate(p, s);
            first.put("secondsFromStart", seconds(t0));
            first.put("secondsFromSubmit", seconds(t1));
            first.put("modelsReadyAtDecision", !p.governanceTraining().running());
            doc.put("firstDecision", first);
            err.println("first decision after " + first.get("secondsFromStart") + " s: " + first.get("status")
                    + " (models " + (p.governanceTraining().running() ? "still training" : "ready") + ")");
            p.governanceTraining().await(Duration.ofMinutes(30));
            doc.put("trainingDoneSeconds", seconds(t0));
            Map<String, Object> training = new LinkedHashMap<>();
            for (String kind : ArtifactKind.ids()) {
                p.governanceModels().store().active(kind).ifPresent(a -> training.put(kind, Map.of("sha256",
                        a.sha256(), "trainingSeconds", a.manifest().get("trainingSeconds"))));
            }
            doc.put("training", training);
            p.governanceModels().reload();
            long t2 = System.nanoTime();
            Map<String, Object> second = generate(p, s);
            second.put("secondsFromStart", seconds(t0));
            second.put("secondsFromSubmit", seconds(t2));
            doc.put("decisionWithTrainedModels", second);
            doc.put("cores", Runtime.getRuntime().availableProcessors());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
            out.flush();
        }
        return 0;
    }

    private static Map<String, Object> generate(Platform p, GenerationService.Submission s) throws InterruptedException {
        UUID job = p.generations().submit(s, "bench").id();
        while (!FINAL.contains(p.jobs().get(job).state())) {
            Thread.sleep(50);
        }
        JsonNode view = JsonOutput.mapper().valueToTree(p.generations().view(job));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("jobState", view.path("job").path("state").asText());
        r.put("status", view.path("content").path("status").asText(null));
        r.put("decision", view.path("report").path("decision").path("action").asText(null));
        r.put("rule", view.path("report").path("decision").path("rule").asText(null));
        r.put("policyAction", view.path("report").path("decision").path("policyAction").asText(null));
        // the checks that could not run, with why (fail closed): what a newcomer reads as "not checked: ..."
        r.put("notChecked", JsonOutput.mapper().convertValue(view.path("report").path("decision").path("unavailable"),
                Map.class));
        r.put("error", view.path("job").path("error").asText(null));
        return r;
    }

    private static boolean isNotEmpty(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }
}
