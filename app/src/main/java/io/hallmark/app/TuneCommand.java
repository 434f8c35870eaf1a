package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.safety.SafetyModel;
import io.hallmark.governance.safety.SafetyTrainer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hallmark tune ...}: the slow dev-split searches that choose the governance models' settings, run by
 * developers. Their result is not used until committed: copy the printed {@code heads} into the {@code safety} block
 * of {@code governance/src/main/resources/io/hallmark/governance/artifact/tuned-settings.json} with the dev figures,
 * so every installation trains the same models. {@code tune factcheck} is {@code train factcheck} (the verdict model
 * and the tuned vote, fit on Climate-FEVER dev, which is internal-use only: not a shippable default).
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search the governance models' settings on the dev splits (slow; developers). Commit the result "
                + "to tuned-settings.json for `train` and the platform to use.",
        subcommands = {TuneCommand.Safety.class, FactCheckTrainCommand.class})
final class TuneCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: safety, factcheck "
                + "(bias has no search: its settings are set by hand in tuned-settings.json)");
    }

    @Command(name = "safety", mixinStandardHelpOptions = true,
            description = "Search the settings of the injection, jailbreak, harmful-request and toxicity screens: each head's training "
                    + "settings (epochs, batch size, learning rate, safe-prompt weight) and threshold are searched on "
                    + "out-of-fold dev scores, the input heads' thresholds under one false-positive budget on XSTest's "
                    + "safe dev prompts. --json prints the whole search.")
    static final class Safety extends TrainCommand.Base {
        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            EvalData eval = GovernanceCommands.eval(evalDir);
            PrintWriter err = spec.commandLine().getErr();
            long t0 = System.nanoTime();
            try (GovernanceModels models = GovernanceCommands.models(config, evalDir)) {
                SafetyModel model = new SafetyTrainer(models.features(), m -> {
                    err.println("tune safety: " + m);
                    err.flush();
                }).train(eval.forTraining()); // dev splits of shippable sets only
                Map<String, Object> doc = new LinkedHashMap<>();
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

}
