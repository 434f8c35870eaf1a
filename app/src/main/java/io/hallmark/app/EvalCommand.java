package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import io.hallmark.retrieval.eval.ClimateFeverDataset;
import io.hallmark.retrieval.eval.EvalQuery;
import io.hallmark.retrieval.eval.ModeMetrics;
import io.hallmark.retrieval.eval.RetrievalEvaluator;
import io.hallmark.retrieval.eval.RetrievalReport;
import io.hallmark.retrieval.search.FusionWeights;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hallmark eval ...}: evaluations on the shared data sets. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate components on the shared data sets.",
        subcommands = {EvalCommand.Retrieval.class, GovernanceEvalCommand.Safety.class,
            GovernanceEvalCommand.SafetySources.class, GovernanceEvalCommand.Bias.class,
            GovernanceEvalCommand.WeatAudit.class, FactCheckEvalCommand.class, ClaimsEvalCommand.class})
final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: retrieval, safety, safety-sources, bias, weat, factcheck, claims");
    }

    /** Where the shared eval data lies: --eval-dir, else HALLMARK_EVAL_DIR, else ../shared/eval. */
    static Path evalDir(@Nullable Path option) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String env = System.getenv("HALLMARK_EVAL_DIR");
        return Path.of(env != null && !env.isBlank() ? env : "../shared/eval").toAbsolutePath().normalize();
    }

    @Command(name = "retrieval", mixinStandardHelpOptions = true,
            description = "Score BM25, vector and hybrid search on Climate-FEVER: recall@5, recall@20 and MRR of the "
                    + "gold evidence. The corpus is indexed once into <data-dir>/kb/_eval-climate-fever-MODEL.")
    static final class Retrieval implements Callable<Integer> {
        @Mixin PlatformOptions platform;

        @Option(names = "--split", required = true, paramLabel = "dev|test", description = "Which claims to score.")
        String split;

        @Option(names = "--eval-dir", paramLabel = "DIR",
                description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
        @Nullable Path evalDir;

        @Option(names = "--model", paramLabel = "MODEL", defaultValue = "all-minilm-l6-v2",
                description = "Embedding model (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--tune", description = "Dev only: grid-search the hybrid fusion weights and report the best.")
        boolean tune;

        @Option(names = "--vector-weight", paramLabel = "W", description = "Hybrid vector weight (BM25 weight is 1).")
        @Nullable Double vectorWeight;

        @Option(names = "--rrf-k", paramLabel = "K", description = "Hybrid RRF rank constant.")
        @Nullable Integer rrfK;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (tune && !"dev".equals(split)) {
                throw new IllegalArgumentException("--tune works on --split dev only: the test split is reported as is, "
                        + "never tuned on");
            }
            HallmarkConfig config = platform.load();
            ClimateFeverDataset data = new ClimateFeverDataset(evalDir(evalDir));
            List<EvalQuery> claims = data.claims(split);
            EmbeddingModel embeddingModel = EmbeddingModel.byId(model);
            Path folder = config.dataDir().resolve("kb").resolve("_eval-climate-fever-" + embeddingModel.id());
            PrintWriter err = spec.commandLine().getErr();
            try (OnnxEmbedder embedder = KbOptions.embedder(embeddingModel);
                    KnowledgeBase kb = KnowledgeBase.open(folder, KnowledgeBaseOptions.DEFAULT, embedder)) {
                err.println("Indexing the Climate-FEVER corpus into " + folder + " (unchanged sentences are skipped)");
                ProgressBar bar = new ProgressBar(err);
                IngestReport ingest = kb.ingest(data.corpus(), bar);
                bar.finish();
                err.println("Searching " + claims.size() + " " + split + " claims in bm25 and vector mode");
                RetrievalEvaluator evaluator = new RetrievalEvaluator(kb, claims);
                FusionWeights fusion = tune ? evaluator.tune() : new FusionWeights(1.0,
                        vectorWeight == null ? FusionWeights.DEFAULT.vector() : vectorWeight,
                        rrfK == null ? FusionWeights.DEFAULT.rrfK() : rrfK);
                RetrievalReport report = new RetrievalReport("climate-fever", split, claims.size(), kb.stats().chunks(),
                        embedder.name(), fusion, evaluator.score(fusion, EvalQuery::evidence),
                        evaluator.score(fusion, EvalQuery::candidates), ingest.millis() / 1000.0, evaluator.searchSeconds());
                print(report);
            }
            return 0;
        }

        private void print(RetrievalReport r) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("dataset", r.dataset());
                doc.put("split", r.split());
                doc.put("claims", r.claims());
                doc.put("corpusChunks", r.corpusChunks());
                doc.put("embedder", r.embedder());
                doc.put("fusion", Map.of("bm25Weight", r.fusion().bm25(), "vectorWeight", r.fusion().vector(),
                        "rrfK", r.fusion().rrfK()));
                doc.put("tuned", tune);
                doc.put("evidence", r.evidence());
                doc.put("candidates", r.candidates());
                doc.put("ingestSeconds", round(r.ingestSeconds()));
                doc.put("searchSeconds", round(r.searchSeconds()));
                JsonOutput.print(out, doc);
                return;
            }
            out.printf("Climate-FEVER %s: %d claims, %d corpus chunks, embedder %s, hybrid weights bm25=%.2f vector=%.2f "
                    + "rrfK=%d%s%n", r.split(), r.claims(), r.corpusChunks(), r.embedder(), r.fusion().bm25(),
                    r.fusion().vector(), r.fusion().rrfK(), tune ? " (tuned on this split)" : "");
            table(out, "Gold = evidence labelled SUPPORTED/REFUTED", r.evidence());
            table(out, "Gold = all 5 annotated candidates", r.candidates());
        }

        private static void table(PrintWriter out, String title, Map<String, ModeMetrics> metrics) {
            out.println();
            out.printf("%s (%d claims)%n", title, metrics.values().iterator().next().queries());
            out.printf("  %-8s %9s %10s %7s%n", "mode", "recall@5", "recall@20", "MRR");
            metrics.forEach((mode, m) -> out.printf("  %-8s %9.3f %10.3f %7.3f%n", mode, m.recallAt5(), m.recallAt20(), m.mrr()));
        }

        private static double round(double v) {
            return Math.round(v * 100) / 100.0;
        }
    }
}
