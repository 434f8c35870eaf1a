package io.hallmark.app;

import io.hallmark.api.Modality;
import io.hallmark.app.bench.Stats;
import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.bench.FactCheckBenchmark;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark bench governance}: latency of the whole governance stage as the platform assembles it (fact
 * checking against a knowledge base, personal data, code findings, the safety screens, bias, plugin checks) on a
 * 500-word text, p50/p95 after a warm-up. Beside it, in the same run, each assessor alone (on texts of its own, so
 * nothing another check embedded is cached for it), so the share of each check shows.
 */
@Command(name = "governance", mixinStandardHelpOptions = true,
        description = "Governance stage latency (all checks) for a 500-word text: p50/p95, and each check alone.")
final class GovernanceBenchCommand implements Callable<Integer> {

    /** The knowledge base the bench fact-checks against, filled from the factbook corpus on first use. */
    static final String KB = "bench-governance";

    @Mixin PlatformOptions platform;

    @Option(names = "--runs", defaultValue = "20", description = "Measured runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--words", defaultValue = "500", description = "Words in the text (default ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--kb-docs", defaultValue = "300",
            description = "Factbook documents in the bench knowledge base (default ${DEFAULT-VALUE}).")
    int kbDocs;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "Eval folder: the factbook corpus, and the data to train missing models from "
                    + "(default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (runs < 1 || warmup < 0 || words < 20 || kbDocs < 1) {
            throw new IllegalArgumentException("--runs and --kb-docs must be at least 1, --warmup at least 0 and "
                    + "--words at least 20");
        }
        Path eval = EvalCommand.evalDir(evalDir);
        List<SourceDocument> corpus = FactCheckData.readCorpus(FactCheckData.require(
                eval.resolve("factbook").resolve("corpus.jsonl")));
        corpus = corpus.subList(0, Math.min(kbDocs, corpus.size()));
        Map<ConfigKey, String> extra = new EnumMap<>(ConfigKey.class);
        extra.put(ConfigKey.FACTCHECK_KB, KB);
        extra.put(ConfigKey.EVAL_DIR, eval.toString());
        HallmarkConfig config = platform.load(extra);
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> doc = new LinkedHashMap<>();
        try (Platform pl = Platform.start(config, "command")) {
            KnowledgeBase kb = pl.knowledgeBases().open(KB);
            if (kb.stats().chunks() == 0) {
                err.println("bench governance: ingesting " + corpus.size() + " factbook documents into knowledge base "
                        + KB + " (once)");
                err.flush();
                kb.ingest(corpus, IngestListener.NONE);
            }
            GovernanceStage stage = pl.governance();
            List<String> texts = FactCheckBenchmark.texts(corpus, warmup + runs, words, 7, new ClaimExtractor());
            long loadStart = System.nanoTime();
            stage.assess(input(texts.getFirst())); // loads every model
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            err.println("bench governance: " + warmup + " warm-up and " + runs + " measured runs on " + words
                    + " words, knowledge base of " + kb.stats().chunks() + " chunks");
            err.flush();
            for (int i = 0; i < warmup; i++) {
                stage.assess(input(texts.get(i)));
            }
            List<Assessor> assessors = stage.assessors();
            // each check alone gets texts of its own, so that no embedding cached by an earlier check helps it
            List<String> aloneTexts = FactCheckBenchmark.texts(corpus, runs * assessors.size(), words, 8,
                    new ClaimExtractor());
            long[] whole = new long[runs];
            long[][] alone = new long[assessors.size()][runs];
            Map<String, Double> claims = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                AssessmentInput input = input(texts.get(warmup + i));
                long t0 = System.nanoTime();
                Assessment a = stage.assess(input);
                whole[i] = System.nanoTime() - t0;
                claims.merge("claims", a.scores().getOrDefault("claims.total", 0.0), Double::sum);
                for (int j = 0; j < assessors.size(); j++) {
                    AssessmentInput own = input(aloneTexts.get(i * assessors.size() + j));
                    long t1 = System.nanoTime();
                    try {
                        assessors.get(j).assess(own, new Assessment());
                    } catch (RuntimeException e) {
                        err.println("  " + assessors.get(j).name() + " failed: " + e.getMessage());
                    }
                    alone[j][i] = System.nanoTime() - t1;
                }
                err.printf("  run %d: %.0f ms%n", i + 1, whole[i] / 1e6);
                err.flush();
            }
            Stats stats = Stats.ofNanos(whole);
            doc.put("words", words);
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("loadAverageAtEnd", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            doc.put("knowledgeBaseChunks", kb.stats().chunks());
            doc.put("claimsPerText", round(claims.getOrDefault("claims", 0.0) / runs));
            doc.put("firstAssessSeconds", round(loadSeconds));
            doc.put("runs", runs);
            doc.put("p50Millis", round(stats.p50Micros() / 1000));
            doc.put("p95Millis", round(stats.p95Micros() / 1000));
            doc.put("meanMillis", round(stats.meanMicros() / 1000));
            Map<String, Object> each = new LinkedHashMap<>();
            double sumOfParts = 0;
            for (int j = 0; j < assessors.size(); j++) {
                Stats s = Stats.ofNanos(alone[j]);
                sumOfParts += s.p50Micros() / 1000;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("p50Millis", round(s.p50Micros() / 1000));
                m.put("p95Millis", round(s.p95Micros() / 1000));
                m.put("shareOfStageP50", round(s.p50Micros() / stats.p50Micros()));
                each.put(assessors.get(j).name(), m);
            }
            doc.put("eachCheckAlone", each);
            doc.put("stageP50OverSumOfCheckP50s", round(stats.p50Micros() / 1000 / sumOfParts));
            doc.put("heapUsedMiBAfterGc", heapAfterGc());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
        }
        return 0;
    }

    private static AssessmentInput input(String text) {
        return new AssessmentInput(Modality.TEXT, "Write a short country profile.", text, null, "text/plain", Map.of());
    }

    private static double heapAfterGc() {
        System.gc();
        return round(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
