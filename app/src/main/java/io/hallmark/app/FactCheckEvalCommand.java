package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.PassageVectors;
import io.hallmark.governance.factcheck.VoteCombiner;
import io.hallmark.governance.factcheck.WeightedVote;
import io.hallmark.governance.factcheck.eval.FactCheckEvaluator;
import io.hallmark.governance.factcheck.eval.LabeledClaim;
import io.hallmark.governance.factcheck.train.TrainedCombiner;
import io.hallmark.governance.factcheck.train.VerdictModel;
import java.io.PrintWriter;
import java.nio.file.Files;
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

/** {@code hallmark eval factcheck}: every verifier, the ensembles and two baselines on labelled claims. */
@Command(name = "factcheck", mixinStandardHelpOptions = true,
        description = "Score claim verification: Climate-FEVER 3-class macro-F1, balanced accuracy and confusion "
                + "matrix (DISPUTED apart) or HaluEval-QA balanced accuracy, for each verifier, the weighted vote, the "
                + "trained verdict model (when trained) and baselines.")
final class FactCheckEvalCommand implements Callable<Integer> {
    @Mixin PlatformOptions platform;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "climate-fever",
            description = "climate-fever or halueval-qa (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--split", required = true, paramLabel = "dev|test", description = "Which split to score.")
    String split;

    @Option(names = "--claims", paramLabel = "FILE",
            description = "Your own claims (Climate-FEVER JSON Lines: id, claim, label); needs --corpus.")
    @Nullable Path claimsFile;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Your own corpus (JSON Lines: id, text, title?).")
    @Nullable Path corpusFile;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!split.equals("dev") && !split.equals("test")) {
            throw new IllegalArgumentException("Unknown split '" + split + "'; use dev or test");
        }
        if ((claimsFile == null) != (corpusFile == null)) {
            throw new IllegalArgumentException("--claims and --corpus go together: a claims file is checked against a corpus");
        }
        HallmarkConfig config = platform.load();
        Path eval = EvalCommand.evalDir(evalDir);
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> doc = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (FactCheckData data = new FactCheckData(config, err)) {
            List<VoteCombiner> combiners = new ArrayList<>(List.of(WeightedVote.equal()));
            Path modelFolder = FactCheckers.verdictModelFolder(config.dataDir());
            VerdictModel model = VerdictModel.exists(modelFolder) ? VerdictModel.load(modelFolder) : null;
            if (model != null) {
                combiners.add(new TrainedCombiner(model));
            } else {
                err.println("No trained verdict model under " + modelFolder + "; run ./hallmark train factcheck to add it");
            }
            Path voteFile = FactCheckers.tunedVoteFile(config.dataDir());
            if (Files.isRegularFile(voteFile)) {
                combiners.add(WeightedVote.load(voteFile));
            }
            try {
                if (claimsFile != null) {
                    List<LabeledClaim> claims = LabeledClaim.read(FactCheckData.require(claimsFile));
                    doc.put("dataset", "custom");
                    doc.put("claims", claimsFile.toString());
                    doc.put("corpus", corpusFile.toString());
                    doc.putAll(data.evaluator.climateFeverReport(data.claims(claims, FactCheckData.require(corpusFile),
                            FactCheckData.kbName(corpusFile)), combiners, FactCheckEvaluator.majority(claims)));
                } else if (dataset.equals("climate-fever")) {
                    Path folder = eval.resolve("climate-fever");
                    List<LabeledClaim> claims = LabeledClaim.read(FactCheckData.require(folder.resolve(split + ".jsonl")));
                    // the majority-class baseline is fitted on dev, whatever split is scored
                    var majority = FactCheckEvaluator.majority(LabeledClaim.read(folder.resolve("dev.jsonl")));
                    doc.put("dataset", dataset);
                    doc.put("split", split);
                    doc.putAll(data.evaluator.climateFeverReport(data.claims(claims, FactCheckData.require(
                            folder.resolve("corpus.jsonl")), "_eval-climate-fever-" + FactCheckers.FIRST_MODEL.id()),
                            combiners, majority));
                } else if (dataset.equals("halueval-qa")) {
                    doc.put("dataset", dataset);
                    doc.put("split", split);
                    doc.putAll(data.evaluator.haluEvalReport(data.haluEval(FactCheckData.require(
                            eval.resolve("halueval-qa").resolve(split + ".jsonl"))), combiners));
                } else {
                    throw new IllegalArgumentException("Unknown dataset '" + dataset + "'; use climate-fever or "
                            + "halueval-qa, or --claims FILE --corpus FILE");
                }
            } finally {
                if (model != null) {
                    model.close();
                }
            }
            doc.put("verifiers", FactCheckers.standardVerifiers(data.first, data.second, PassageVectors.NONE).stream()
                    .map(v -> v.name()).toList());
            doc.put("trainedModel", model != null);
            doc.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        }
        print(doc);
        return 0;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> doc) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
            return;
        }
        out.printf("%s %s%n", doc.get("dataset"), doc.getOrDefault("split", ""));
        Map<String, Map<String, Object>> systems = (Map<String, Map<String, Object>>) doc.get("systems");
        boolean threeClass = systems.values().iterator().next().containsKey("macroF1");
        if (threeClass) {
            out.printf("%d claims scored, %d DISPUTED reported apart%n", doc.get("claimsScored"), doc.get("claimsDisputed"));
            out.printf("  %-34s %8s %9s %8s   %s%n", "system", "macroF1", "balAcc", "acc", "on DISPUTED (S/R/N)");
            systems.forEach((name, m) -> {
                Map<String, Integer> d = (Map<String, Integer>) m.get("onDisputed");
                out.printf("  %-34s %8.3f %9.3f %8.3f   %d/%d/%d%n", name, m.get("macroF1"), m.get("balancedAccuracy"),
                        m.get("accuracy"), d.get("SUPPORTED"), d.get("REFUTED"), d.get("NOT_ENOUGH_INFO"));
            });
        } else {
            out.printf("%d answers (half hallucinated)%n", doc.get("answers"));
            out.printf("  %-34s %9s %14s %12s%n", "system", "balAcc", "halluc.recall", "right.recall");
            systems.forEach((name, m) -> out.printf("  %-34s %9.3f %14.3f %12.3f%n", name, m.get("balancedAccuracy"),
                    m.get("hallucinationRecall"), m.get("rightAnswerRecall")));
        }
    }
}
