package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.config.LlmJudgeSettings;
import io.hallmark.core.kb.LlmJudge;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.core.model.ModelRuntime;
import io.hallmark.core.model.ServingProfile;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.bench.FactCheckBenchmark;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hallmark bench factcheck}: fact-checking latency against a large knowledge base. */
@Command(name = "factcheck", mixinStandardHelpOptions = true,
        description = "Claims/s and p50/p95 latency to fact-check a ~500-word text against a large knowledge base "
                + "(the factbook corpus replicated to --chunks; built once under <data-dir>/bench/factcheck). "
                + "The trained verdict model when one was trained, else the weighted vote. With factcheck-llm-judge "
                + "configured, every text is also checked with the LLM judge voting, side by side.")
final class FactCheckBenchCommand implements Callable<Integer> {
    @Mixin PlatformOptions platform;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--chunks", defaultValue = "100000", description = "Knowledge-base size (default: ${DEFAULT-VALUE}).")
    int chunks;

    @Option(names = "--texts", defaultValue = "20", description = "Measured texts (default: ${DEFAULT-VALUE}).")
    int texts;

    @Option(names = "--words", defaultValue = "500", description = "Words per text (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (chunks < 1 || texts < 1 || words < 20) {
            throw new IllegalArgumentException("--chunks and --texts must be at least 1 and --words at least 20");
        }
        HallmarkConfig config = platform.load();
        Path corpus = FactCheckData.require(EvalCommand.evalDir(evalDir).resolve("factbook").resolve("corpus.jsonl"));
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> result;
        LlmJudgeSettings judgeSettings = config.llmJudge();
        // the model runtime (a local judge's model) starts ONNX Runtime before the LangChain4j embedders do
        try (ModelRuntime models = new ModelRuntime(new ModelDirectory(config.modelsDir()), config.device(),
                        ServingProfile.of(config.servingProfile()), 0);
                LlmJudgeResource judge = new LlmJudgeResource(judgeSettings.enabled()
                        ? LlmJudge.open(judgeSettings, models.start(), System.getenv()).orElse(null) : null);
                OnnxEmbedder first = KbOptions.embedder(FactCheckers.FIRST_MODEL);
                OnnxEmbedder second = KbOptions.embedder(FactCheckers.SECOND_MODEL)) {
            result = new FactCheckBenchmark(new FactCheckBenchmark.Options(FactCheckData.readCorpus(corpus),
                    config.dataDir().resolve("bench").resolve("factcheck"), chunks, texts, words, 42), err)
                    .run(first, second, FactCheckers.combiner(config.dataDir()),
                            judge.judge == null ? null : judge.judge.verifier(),
                            judge.judge == null ? "off" : judge.judge.describe());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, result);
        } else {
            result.forEach((k, v) -> out.println(k + ": " + v));
        }
        return 0;
    }

    /** The judge, when configured, closed with the command. */
    private record LlmJudgeResource(@Nullable LlmJudge judge) implements AutoCloseable {
        @Override
        public void close() {
            if (judge != null) {
                judge.close();
            }
        }
    }
}
