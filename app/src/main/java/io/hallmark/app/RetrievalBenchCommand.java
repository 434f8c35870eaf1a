package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.retrieval.bench.BenchmarkReport;
import io.hallmark.retrieval.bench.RetrievalBenchmark;
import io.hallmark.retrieval.embed.EmbeddingModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hallmark bench retrieval}: the knowledge-base benchmark (a subcommand of {@code bench}). */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Ingest throughput, query latency per mode and HNSW recall@10 vs exact search, on the "
                + "factbook corpus. Progress goes to stderr; the report to stdout.")
final class RetrievalBenchCommand implements Callable<Integer> {
    @Mixin PlatformOptions platform;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--small", paramLabel = "CHUNKS", defaultValue = "10000",
            description = "Real chunks to embed and index (default: ${DEFAULT-VALUE}).")
    int small;

    @Option(names = "--large", paramLabel = "CHUNKS", defaultValue = "100000",
            description = "Size of the replicated index; 0 skips it (default: ${DEFAULT-VALUE}).")
    int large;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "200",
            description = "Queries per mode and size (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--quantized", description = "Also build and measure a scalar-quantized large index.")
    boolean quantized;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "all-minilm-l6-v2",
            description = "Embedding model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HallmarkConfig config = platform.load();
        Path corpus = EvalCommand.evalDir(evalDir).resolve("factbook").resolve("corpus.jsonl");
        Path work = config.dataDir().resolve("bench").resolve("retrieval");
        BenchmarkReport report = new RetrievalBenchmark(new RetrievalBenchmark.Options(corpus, work, small, large,
                queries, quantized, EmbeddingModel.byId(model)), spec.commandLine().getErr()).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, report);
            return 0;
        }
        out.println("Machine: " + report.machine());
        out.println("Ingest:");
        report.ingest().forEach(r -> out.printf("  %-90s %8.1f chunks/s  (%.1f s)%n", r.what(), r.chunksPerSecond(),
                r.seconds()));
        for (BenchmarkReport.ScaleRun s : report.scales()) {
            out.printf("%d chunks%s, %d segments:%n", s.chunks(), s.quantized() ? " (quantized vectors)" : "",
                    s.segments());
            s.latency().forEach((mode, l) -> out.printf("  %-12s p50 %7.2f ms  p95 %7.2f ms  mean %7.2f ms%n", mode,
                    l.p50(), l.p95(), l.mean()));
            out.println("  HNSW recall@10 vs exact: " + s.hnswRecallAt10() + "  (exact search " + s.exactSearchMs()
                    + " ms/query)");
        }
        report.notes().forEach(n -> out.println("Note: " + n));
        return 0;
    }
}
