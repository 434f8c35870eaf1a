package io.hallmark.app;

import io.hallmark.api.Modality;
import io.hallmark.app.bench.Stats;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.StandardAssessors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark bench governance}: latency of the whole governance stage (PII, the four safety screens, bias with
 * counterfactual probes) on a 500-word text, p50/p95 over repeated runs after a warm-up.
 */
@Command(name = "governance", mixinStandardHelpOptions = true,
        description = "Governance stage latency (PII + safety + bias) for a 500-word text: p50/p95.")
final class GovernanceBenchCommand implements Callable<Integer> {

    @Mixin PlatformOptions platform;

    @Option(names = "--runs", defaultValue = "30", description = "Measured runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--words", defaultValue = "500", description = "Words in the text (default ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "Eval folder to train missing models from (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Made-up report sentences, some mentioning people, shuffled into a text of the wanted length. */
    private static final String[] SENTENCES = {
        "The committee met on Tuesday to review the quarterly budget and the plans for the new library wing.",
        "She presented the figures for the first three months and answered questions from the members.",
        "Several older residents asked whether the reading room would stay open in the evenings.",
        "The engineer explained that the heating system needs to be replaced before next winter.",
        "A local teacher suggested a weekly program for children who are learning to read.",
        "Costs rose by four percent, mostly because of higher prices for building materials.",
        "He proposed that the city apply for a regional grant to cover part of the work.",
        "Volunteers from the neighborhood association offered to help with the move of the archive.",
        "The contract with the cleaning company ends in March and will be tendered again.",
        "Members agreed to publish the minutes on the website within two weeks of each meeting.",
        "A wheelchair ramp at the north entrance is part of the first phase of the project.",
        "The treasurer noted that donations from families and businesses had doubled since last year.",
    };

    @Override
    public Integer call() {
        if (runs < 1 || warmup < 0 || words < 10) {
            throw new IllegalArgumentException("--runs must be at least 1, --warmup at least 0, --words at least 10");
        }
        HallmarkConfig config = platform.load();
        PrintWriter err = spec.commandLine().getErr();
        try (GovernanceModels models = GovernanceCommands.models(config, evalDir)) {
            long loadStart = System.nanoTime();
            models.safety();
            models.bias();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            GovernanceStage stage = new GovernanceStage(StandardAssessors.of(models));
            err.println("bench governance: " + warmup + " warm-up and " + runs + " measured runs on " + words + " words");
            for (int i = 0; i < warmup; i++) {
                stage.assess(input(text(words, -1 - i)));
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                // every run gets its own sentences, so no embedding is cached from an earlier run
                AssessmentInput input = input(text(words, i));
                long t0 = System.nanoTime();
                stage.assess(input);
                nanos[i] = System.nanoTime() - t0;
            }
            Stats stats = Stats.ofNanos(nanos);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("words", words);
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("modelLoadSeconds", Math.round(loadSeconds * 100) / 100.0);
            doc.put("runs", runs);
            doc.put("p50Millis", Math.round(stats.p50Micros() / 100) / 10.0);
            doc.put("p95Millis", Math.round(stats.p95Micros() / 100) / 10.0);
            doc.put("meanMillis", Math.round(stats.meanMicros() / 100) / 10.0);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, doc);
            } else {
                doc.forEach((k, v) -> out.println(k + ": " + v));
            }
        }
        return 0;
    }

    private static AssessmentInput input(String text) {
        return new AssessmentInput(Modality.TEXT, "Write a short report on the library committee meeting.", text, null,
                "text/plain", Map.of());
    }

    /** About {@code words} words of report sentences; each sentence names the run, so runs never repeat a sentence. */
    static String text(int words, int run) {
        Random random = new Random(500 + run);
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (n < words) {
            String s = "In item " + (n / 10 + 1) + " of meeting " + (run + 1000) + ", "
                    + SENTENCES[random.nextInt(SENTENCES.length)];
            String[] w = s.split(" ");
            int take = Math.min(w.length, words - n);
            sb.append(String.join(" ", java.util.Arrays.copyOf(w, take)));
            sb.append(take < w.length ? "." : "").append(' ');
            n += take;
        }
        return sb.toString().trim();
    }
}
