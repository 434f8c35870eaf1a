package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.governance.factcheck.WeightedVote;
import io.hallmark.governance.factcheck.eval.ClassScores;
import io.hallmark.governance.factcheck.eval.FactCheckEvaluator;
import io.hallmark.governance.factcheck.eval.LabeledClaim;
import io.hallmark.governance.factcheck.train.VerdictModel;
import io.hallmark.governance.factcheck.train.WeightedVoteTuner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

/** {@code hallmark train factcheck}: the fact-check verdict model, trained on the dev splits only. */
@Command(name = "factcheck", mixinStandardHelpOptions = true,
        description = "Train the fact-check verdict model (DJL MLP over the verifiers' votes and signals) on the "
                + "dev splits of Climate-FEVER and HaluEval-QA; saved under <data-dir>/factcheck/verdict-model, "
                + "where the governance stage and eval factcheck pick it up.")
final class FactCheckTrainCommand implements Callable<Integer> {
    @Mixin PlatformOptions platform;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--epochs", defaultValue = "5,10,20,40", split = ",",
            description = "Training epochs to try; the one with the best 5-fold cross-validated dev score is used "
                    + "for the final model (default: ${DEFAULT-VALUE}).")
    List<Integer> epochs;

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
        List<VerdictModel.Example> climateExamples;
        List<VerdictModel.Example> haluExamples;
        List<List<Vote>> votes = new ArrayList<>();
        Map<String, Object> doc = new LinkedHashMap<>();
        try (FactCheckData data = new FactCheckData(config, err)) {
            Path cf = eval.resolve("climate-fever");
            List<FactCheckEvaluator.Case> climate = data.claims(LabeledClaim.read(FactCheckData.require(
                    cf.resolve("dev.jsonl"))), FactCheckData.require(cf.resolve("corpus.jsonl")),
                    "_eval-climate-fever-" + FactCheckers.FIRST_MODEL.id());
            List<FactCheckEvaluator.Case> halu = data.haluEval(FactCheckData.require(
                    eval.resolve("halueval-qa").resolve("dev.jsonl")));
            climateExamples = FactCheckEvaluator.examples(climate);
            haluExamples = FactCheckEvaluator.examples(halu);
            examples.addAll(climateExamples);
            examples.addAll(haluExamples);
            votes.addAll(FactCheckEvaluator.exampleVotes(climate));
            votes.addAll(FactCheckEvaluator.exampleVotes(halu));
            doc.put("examples", examples.size());
            doc.put("climateFeverDev", climate.size());
            doc.put("haluEvalQaDevAnswers", halu.size());
        }
        // choose the epochs by 5-fold cross-validation on dev (out-of-fold predictions, never in-sample)
        int folds = 5;
        int best = epochs.get(0);
        double bestScore = -1;
        Map<String, Object> cv = new LinkedHashMap<>();
        List<Verdict> gold = examples.stream().map(VerdictModel.Example::label).toList();
        for (int e : epochs) {
            List<Verdict> predicted = VerdictModel.crossValidate(examples, folds, e, seed);
            double f1 = ClassScores.of(gold.subList(0, climateExamples.size()),
                    predicted.subList(0, climateExamples.size())).macroF1();
            double halu = haluBalancedAccuracy(gold.subList(climateExamples.size(), gold.size()),
                    predicted.subList(climateExamples.size(), predicted.size()));
            double score = (f1 + halu) / 2;
            cv.put(e + " epochs", Map.of("climateFeverMacroF1", round(f1), "haluEvalQaBalancedAccuracy", round(halu)));
            err.printf("  %d epochs: cross-validated Climate-FEVER macro-F1 %.3f, HaluEval-QA balanced accuracy %.3f%n",
                    e, f1, halu);
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        doc.put("crossValidation", cv);
        err.println("Training on " + examples.size() + " dev examples for " + best + " epochs");
        Path folder = FactCheckers.verdictModelFolder(config.dataDir());
        try (VerdictModel model = VerdictModel.train(examples, best, seed)) {
            model.save(folder);
            doc.put("features", model.features());
        }
        doc.put("epochs", best);
        // the weighted vote: weights and verdict scales tuned on dev, scored out of fold like the verdict model
        int climateCount = climateExamples.size();
        List<Verdict> voteOutOfFold = WeightedVoteTuner.crossValidate(votes, folds,
                (indexes, predicted) -> devScore(indexes, predicted, gold, climateCount));
        double voteF1 = ClassScores.of(gold.subList(0, climateCount), voteOutOfFold.subList(0, climateCount)).macroF1();
        double voteHalu = haluBalancedAccuracy(gold.subList(climateCount, gold.size()),
                voteOutOfFold.subList(climateCount, voteOutOfFold.size()));
        List<Integer> all = java.util.stream.IntStream.range(0, votes.size()).boxed().toList();
        WeightedVote tuned = WeightedVoteTuner.tune(votes, predicted -> devScore(all, predicted, gold, climateCount));
        tuned.save(FactCheckers.tunedVoteFile(config.dataDir()));
        Map<String, Object> voteDoc = new LinkedHashMap<>();
        voteDoc.put("weights", tuned.weights());
        voteDoc.put("scales", tuned.scales());
        voteDoc.put("crossValidation", Map.of("climateFeverMacroF1", round(voteF1), "haluEvalQaBalancedAccuracy",
                round(voteHalu)));
        doc.put("weightedVote", voteDoc);
        err.printf("  tuned weighted vote: cross-validated Climate-FEVER macro-F1 %.3f, HaluEval-QA balanced accuracy "
                + "%.3f; weights %s, scales %s%n", voteF1, voteHalu, tuned.weights(), tuned.scales());
        // the platform's combiner: whichever scored better out of fold on dev
        String chosen = (voteF1 + voteHalu) / 2 > bestScore ? WeightedVoteTuner.NAME : "verdict-model";
        try {
            Files.writeString(FactCheckers.chosenCombinerFile(config.dataDir()), chosen + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + FactCheckers.chosenCombinerFile(config.dataDir()), e);
        }
        doc.put("chosenCombiner", chosen);
        err.println("The platform combines votes with " + chosen + " (better cross-validated dev score)");
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
    /** The dev objective on a subset of the examples: mean of Climate-FEVER macro-F1 and HaluEval-QA balanced accuracy. */
    private static double devScore(List<Integer> indexes, List<Verdict> predicted, List<Verdict> gold, int climateCount) {
        List<Verdict> cfGold = new ArrayList<>();
        List<Verdict> cfPred = new ArrayList<>();
        List<Verdict> hGold = new ArrayList<>();
        List<Verdict> hPred = new ArrayList<>();
        for (int j = 0; j < indexes.size(); j++) {
            int i = indexes.get(j);
            if (i < climateCount) {
                cfGold.add(gold.get(i));
                cfPred.add(predicted.get(j));
            } else {
                hGold.add(gold.get(i));
                hPred.add(predicted.get(j));
            }
        }
        double f1 = cfGold.isEmpty() ? 0 : ClassScores.of(cfGold, cfPred).macroF1();
        return (f1 + haluBalancedAccuracy(hGold, hPred)) / 2;
    }

    private static double haluBalancedAccuracy(List<Verdict> gold, List<Verdict> predicted) {
        int tp = 0, pos = 0, tn = 0, neg = 0;
        for (int i = 0; i < gold.size(); i++) {
            boolean hallucinated = gold.get(i) != Verdict.SUPPORTED;
            boolean flagged = predicted.get(i) != Verdict.SUPPORTED;
            if (hallucinated) {
                pos++;
                tp += flagged ? 1 : 0;
            } else {
                neg++;
                tn += flagged ? 0 : 1;
            }
        }
        return ((pos == 0 ? 0 : (double) tp / pos) + (neg == 0 ? 0 : (double) tn / neg)) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
