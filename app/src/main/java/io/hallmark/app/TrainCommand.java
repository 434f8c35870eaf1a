package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.eval.FactCheckEvaluator;
import io.hallmark.governance.factcheck.eval.LabeledClaim;
import io.hallmark.governance.factcheck.train.VerdictModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hallmark train ...}: trains the models governance learns from data (dev splits only). */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train governance models on dev splits.",
        subcommands = TrainCommand.FactCheck.class)
final class TrainCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: factcheck");
    }

    @Command(name = "factcheck", mixinStandardHelpOptions = true,
            description = "Train the fact-check verdict model (DJL MLP over the verifiers' votes and signals) on the "
                    + "dev splits of Climate-FEVER and HaluEval-QA; saved under <data-dir>/factcheck/verdict-model, "
                    + "where the governance stage and eval factcheck pick it up.")
    static final class FactCheck implements Callable<Integer> {
        @Mixin PlatformOptions platform;

        @Option(names = "--eval-dir", paramLabel = "DIR",
                description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
        @Nullable Path evalDir;

        @Option(names = "--epochs", defaultValue = "60", description = "Training epochs (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            Path eval = EvalCommand.evalDir(evalDir);
            PrintWriter err = spec.commandLine().getErr();
            long start = System.nanoTime();
            List<VerdictModel.Example> examples = new ArrayList<>();
            Map<String, Object> doc = new LinkedHashMap<>();
            try (FactCheckData data = new FactCheckData(config, err)) {
                Path cf = eval.resolve("climate-fever");
                List<FactCheckEvaluator.Case> climate = data.claims(LabeledClaim.read(FactCheckData.require(
                        cf.resolve("dev.jsonl"))), FactCheckData.require(cf.resolve("corpus.jsonl")),
                        "_eval-climate-fever-" + FactCheckers.FIRST_MODEL.id());
                List<FactCheckEvaluator.Case> halu = data.haluEval(FactCheckData.require(
                        eval.resolve("halueval-qa").resolve("dev.jsonl")));
                examples.addAll(FactCheckEvaluator.examples(climate));
                examples.addAll(FactCheckEvaluator.examples(halu));
                doc.put("examples", examples.size());
                doc.put("climateFeverDev", climate.size());
                doc.put("haluEvalQaDevAnswers", halu.size());
            }
            err.println("Training on " + examples.size() + " dev examples for " + epochs + " epochs");
            Path folder = FactCheckers.verdictModelFolder(config.dataDir());
            try (VerdictModel model = VerdictModel.train(examples, epochs, seed)) {
                model.save(folder);
                doc.put("features", model.features());
            }
            doc.put("epochs", epochs);
            doc.put("seed", seed);
            doc.put("savedTo", folder.toString());
            doc.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, doc);
            } else {
                out.println("Verdict model trained on " + doc.get("examples") + " dev examples, saved to " + folder);
            }
            return 0;
        }
    }
}
