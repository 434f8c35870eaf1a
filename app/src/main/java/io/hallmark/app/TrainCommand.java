package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.bias.BiasModel;
import io.hallmark.governance.bias.BiasTrainer;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.safety.SafetyModel;
import io.hallmark.governance.safety.SafetyTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hallmark train ...}: trains the governance models on the dev splits of the shared eval data. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the governance models on the dev splits; they are saved under <data-dir>/governance.",
        subcommands = {TrainCommand.Safety.class, TrainCommand.Bias.class, FactCheckTrainCommand.class})
final class TrainCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: safety, bias, factcheck");
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin PlatformOptions platform;

        @Option(names = "--eval-dir", paramLabel = "DIR",
                description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
        @Nullable Path evalDir;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        void print(Map<String, Object> doc) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, doc);
            } else {
                doc.forEach((k, v) -> out.println(k + ": " + v));
            }
        }
    }

    @Command(name = "safety", mixinStandardHelpOptions = true,
            description = "Train the injection, jailbreak, harmful-request and toxicity screens: each head's training "
                    + "settings (epochs, batch size, learning rate, safe-prompt weight) and threshold are searched on "
                    + "out-of-fold dev scores, the input heads' thresholds under one false-positive budget on XSTest's "
                    + "safe dev prompts. --json prints the whole search.")
    static final class Safety extends Base {
        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            EvalData eval = GovernanceCommands.eval(evalDir);
            PrintWriter err = spec.commandLine().getErr();
            long t0 = System.nanoTime();
            try (GovernanceModels models = GovernanceCommands.models(config, evalDir)) {
                SafetyModel model = new SafetyTrainer(models.features(), m -> {
                    err.println("train safety: " + m);
                    err.flush();
                }).train(eval);
                Path file = models.folder().resolve(SafetyModel.FILE);
                model.save(file);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("model", file.toString());
                doc.put("embedder", model.embedder());
                Map<String, Object> heads = new LinkedHashMap<>();
                model.heads().forEach((k, h) -> {
                    Map<String, Object> head = new LinkedHashMap<>();
                    head.put("threshold", h.threshold());
                    head.put("devOutOfFoldF1", Math.round(h.devF1() * 1000) / 1000.0);
                    head.put("settings", h.settings());
                    heads.put(k, head);
                });
                doc.put("heads", heads);
                doc.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
                SafetyModel.Tuning tuning = java.util.Objects.requireNonNull(model.tuning(), "a trained model's search");
                doc.put("folds", tuning.folds());
                doc.put("safeFalsePositiveBudget", tuning.safeFalsePositiveBudget());
                doc.put("safeFalsePositiveRateOutOfFold", tuning.safeFalsePositiveRate());
                doc.put("instructionFalsePositiveBudget", tuning.instructionFalsePositiveBudget());
                doc.put("instructionFalsePositiveRateOutOfFold", tuning.instructionFalsePositiveRate());
                doc.put("xstestUnsafeRecallOutOfFold", tuning.xstestUnsafeRecall());
                doc.put("recallBySourceOutOfFold", tuning.sourceRecall());
                doc.put("falsePositivesBySourceOutOfFold", tuning.sourceFalsePositives());
                doc.put("grid", json ? tuning.grid() : tuning.grid().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size() + " "
                                + "candidates")));
                print(doc);
            }
            return 0;
        }
    }

    @Command(name = "bias", mixinStandardHelpOptions = true,
            description = "Train the stereotype detector on CrowS-Pairs, StereoSet and WinoBias dev pairs.")
    static final class Bias extends Base {
        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            EvalData eval = GovernanceCommands.eval(evalDir);
            PrintWriter err = spec.commandLine().getErr();
            long t0 = System.nanoTime();
            try (GovernanceModels models = GovernanceCommands.models(config, evalDir)) {
                BiasModel model = new BiasTrainer(models.features(), m -> {
                    err.println("train bias: " + m);
                    err.flush();
                }).train(eval);
                Path file = models.folder().resolve(BiasModel.FILE);
                model.save(file);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("model", file.toString());
                doc.put("embedder", model.embedder());
                doc.put("lexiconTerms", model.lexicon().values().stream().mapToInt(java.util.List::size).sum());
                doc.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
                print(doc);
            }
            return 0;
        }
    }
}
