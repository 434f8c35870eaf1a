package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.bias.BiasEvaluation;
import io.hallmark.governance.bias.BiasPairs;
import io.hallmark.governance.bias.Weat;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.safety.SafetyEvaluation;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
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

/** {@code hallmark eval safety|bias|weat}: the governance evaluations. */
final class GovernanceEvalCommand {

    private GovernanceEvalCommand() {}

    abstract static class Base implements Callable<Integer> {
        @Mixin PlatformOptions platform;

        @Option(names = "--eval-dir", paramLabel = "DIR",
                description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
        @Nullable Path evalDir;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        void print(Object doc) {
            PrintWriter out = spec.commandLine().getOut();
            JsonOutput.print(out, doc);
        }
    }

    @Command(name = "safety", mixinStandardHelpOptions = true,
            description = "Injection F1 (deepset), jailbreak detection rate (JailbreakBench; test = unseen attack "
                    + "styles), harmful-request F1 (HarmBench vs XSTest safe prompts), XSTest safe false-positive rate, "
                    + "toxicity F1 (ToxiGen). Trains the screens from dev first if <data-dir>/governance has none.")
    static final class Safety extends Base {
        @Option(names = "--split", required = true, paramLabel = "dev|test", description = "Which split to score.")
        String split;

        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            EvalData eval = GovernanceCommands.eval(evalDir);
            try (GovernanceModels models = GovernanceCommands.models(config, evalDir)) {
                Map<String, Object> report = new java.util.LinkedHashMap<>(new SafetyEvaluation(models.safety(), eval)
                        .run(split));
                report.put("modelSha256", models.loadedModelHashes().get("safety"));
                if (json) {
                    print(report);
                } else {
                    PrintWriter out = spec.commandLine().getOut();
                    report.forEach((k, v) -> out.println(k + ": " + v));
                }
            }
            return 0;
        }
    }

    @Command(name = "safety-sources", mixinStandardHelpOptions = true,
            description = "The input screens on the twelve safety-screen extras (sources the heads never trained on): "
                    + "share flagged per source and subset, injection F1, harmful recall, jailbreak detection and "
                    + "the latency of screening one prompt (p50/p95).")
    static final class SafetySources extends Base {
        @Option(names = "--split", required = true, paramLabel = "dev|test", description = "Which split to score.")
        String split;

        @Option(names = "--guard", description = "Also ask the guard model the guard-* settings configure, combined "
                + "with the screens as guard-combine=either combines them (a prompt it cannot judge counts as flagged).")
        boolean guard;

        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            io.hallmark.governance.safety.guard.GuardModel guardModel = null;
            if (guard) {
                guardModel = config.guard().map(io.hallmark.governance.safety.guard.GuardModel::openAi)
                        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--guard needs a "
                                + "guard model: set guard-base-url and guard-model (HALLMARK_GUARD_BASE_URL, "
                                + "HALLMARK_GUARD_MODEL); see docs/input.md, \"Guard model (optional)\""));
            }
            EvalData eval = GovernanceCommands.eval(evalDir);
            try (GovernanceModels models = GovernanceCommands.models(config, evalDir)) {
                Map<String, Object> report = new java.util.LinkedHashMap<>(
                        new io.hallmark.governance.safety.SourceScreenEvaluation(models.safety(), eval, guardModel)
                                .run(split));
                report.put("modelSha256", models.loadedModelHashes().get("safety"));
                if (json) {
                    print(report);
                } else {
                    PrintWriter out = spec.commandLine().getOut();
                    report.forEach((k, v) -> out.println(k + ": " + v));
                }
            }
            return 0;
        }
    }

    @Command(name = "bias", mixinStandardHelpOptions = true,
            description = "Pairwise accuracy of the stereotype detector per axis: the more stereotyping sentence of "
                    + "each pair should score higher (chance 50%). Trains the detector from dev first if needed.")
    static final class Bias extends Base {
        @Option(names = "--dataset", required = true, paramLabel = "crows-pairs|stereoset|winobias|all",
                description = "Which data set (all = the three).")
        String dataset;

        @Option(names = "--split", required = true, paramLabel = "dev|test", description = "Which split to score.")
        String split;

        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            EvalData eval = GovernanceCommands.eval(evalDir);
            List<String> sets = dataset.equals("all") ? BiasPairs.DATASETS : List.of(dataset);
            List<Map<String, Object>> reports = new ArrayList<>();
            try (GovernanceModels models = GovernanceCommands.models(config, evalDir)) {
                BiasEvaluation evaluation = new BiasEvaluation(models.bias(), eval);
                for (String d : sets) {
                    Map<String, Object> r = new java.util.LinkedHashMap<>(evaluation.run(d, split));
                    r.put("modelSha256", models.loadedModelHashes().get("bias"));
                    reports.add(r);
                }
            }
            if (json) {
                print(reports.size() == 1 ? reports.get(0) : reports);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                for (Map<String, Object> r : reports) {
                    out.printf("%s %s: %s pairs, pairwise accuracy %s%n", r.get("dataset"), r.get("split"), r.get("pairs"),
                            r.get("accuracy"));
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> axes = (Map<String, Map<String, Object>>) r.get("perAxis");
                    axes.forEach((axis, m) -> out.printf("  %-20s %5s pairs  %s%n", axis, m.get("pairs"), m.get("accuracy")));
                }
            }
            return 0;
        }
    }

    @Command(name = "weat", mixinStandardHelpOptions = true,
            description = "WEAT effect sizes (Caliskan et al. 2017) of each embedding model the platform ships: a "
                    + "model-level audit on the fixed word sets of weat/ (dev only, no test split).")
    static final class WeatAudit extends Base {
        @Option(names = "--model", paramLabel = "MODEL", description = "One embedding model (default: all).")
        @Nullable String model;

        @Override
        public Integer call() {
            EvalData eval = GovernanceCommands.eval(evalDir);
            List<EmbeddingModel> models = model == null ? List.of(EmbeddingModel.values())
                    : List.of(EmbeddingModel.byId(model));
            Map<String, Object> doc = new LinkedHashMap<>();
            for (EmbeddingModel m : models) {
                try (OnnxEmbedder embedder = new OnnxEmbedder(m, OnnxEmbedder.defaultThreads(), 64)) {
                    doc.put(m.id(), Weat.run(embedder, eval));
                }
            }
            if (json) {
                print(doc);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                doc.forEach((m, rows) -> {
                    out.println(m);
                    for (Object o : (List<?>) rows) {
                        Map<?, ?> r = (Map<?, ?>) o;
                        out.printf("  %-7s d=%6s p=%-7s %s%n", r.get("test"), r.get("effectSize"), r.get("pValue"),
                                r.get("description"));
                    }
                });
            }
            return 0;
        }
    }
}
