package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.safety.roles.InjectionIngestScreen;
import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.KnowledgeBaseStats;
import io.hallmark.retrieval.chunk.ChunkingOptions;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import io.hallmark.retrieval.ingest.Skip;
import io.hallmark.retrieval.search.FusionWeights;
import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hallmark kb ingest|search|stats|delete}: the knowledge bases under {@code <data-dir>/kb}. */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "Ingest documents into a knowledge base and search it (Lucene BM25 + HNSW vectors).",
        subcommands = {KbCommand.Ingest.class, KbCommand.Search.class, KbCommand.Stats.class, KbCommand.Delete.class})
final class KbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: ingest, search, stats, delete");
    }

    /** Opens the knowledge base a command names, with the embedder it was built with. */
    private static <T> T withKb(PlatformOptions platform, KbOptions kbOptions, KnowledgeBaseOptions options,
            boolean mustExist, java.util.function.Function<KnowledgeBase, T> action) {
        HallmarkConfig config = platform.load();
        Path folder = kbOptions.folder(config);
        if (mustExist && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("No knowledge base '" + kbOptions.name + "' at " + folder
                    + "; create it with: hallmark kb ingest PATH --kb " + kbOptions.name);
        }
        EmbeddingModel model = kbOptions.model(folder);
        try (OnnxEmbedder embedder = KbOptions.embedder(model);
                GovernanceModels models = GovernanceCommands.models(config, null);
                KnowledgeBase kb = KnowledgeBase.open(folder, options, embedder)) {
            // documents are screened for injection; a missing safety model is trained first (one-shot command), and
            // without one the ingest is refused (fail closed)
            kb.screenWith(InjectionIngestScreen.trainingOnFirstUse(models, kbOptions.name));
            return action.apply(kb);
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingest a file or folder (.txt, .md, .html, .pdf, .jsonl). Changed sources are replaced, "
                    + "unchanged ones skipped; unreadable files and invalid JSON Lines rows are reported, not fatal.")
    static final class Ingest implements Callable<Integer> {
        @Mixin PlatformOptions platform;
        @Mixin KbOptions kb;

        @Parameters(paramLabel = "PATH", description = "File or folder to ingest.")
        Path path;

        @Option(names = "--chunk-size", paramLabel = "CHARS", defaultValue = "800",
                description = "Maximum characters per chunk (default: ${DEFAULT-VALUE}).")
        int chunkSize;

        @Option(names = "--chunk-overlap", paramLabel = "CHARS", defaultValue = "120",
                description = "Characters of trailing sentences repeated in the next chunk (default: ${DEFAULT-VALUE}).")
        int chunkOverlap;

        @Option(names = "--quantized", description = "Store vectors scalar-quantized (less memory; new knowledge base only).")
        boolean quantized;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            KnowledgeBaseOptions options = KnowledgeBaseOptions.DEFAULT
                    .withChunking(new ChunkingOptions(chunkSize, chunkOverlap))
                    .withQuantizedVectors(quantized);
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
            record Result(IngestReport report, KnowledgeBaseStats stats) {}
            Result result = withKb(platform, kb, options, false, base -> {
                IngestReport report = base.ingest(path, bar);
                bar.finish();
                return new Result(report, base.stats());
            });
            IngestReport r = result.report();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("kb", kb.name);
                doc.put("path", path.toAbsolutePath().toString());
                doc.put("added", r.added());
                doc.put("replaced", r.replaced());
                doc.put("unchanged", r.unchanged());
                doc.put("chunks", r.chunks());
                doc.put("seconds", r.millis() / 1000.0);
                doc.put("embedSeconds", r.embedMillis() / 1000.0);
                doc.put("chunksPerSecond", Math.round(r.chunksPerSecond() * 10) / 10.0);
                doc.put("skipped", r.skips().stream().map(s -> Map.of("source", s.source(), "line", s.line(),
                        "reason", s.reason())).toList());
                doc.put("cleaned", r.cleaned().stream().map(c -> Map.of("source", c.source(), "removedCharacters",
                        c.removed())).toList());
                doc.put("quarantined", r.quarantined().stream().map(io.hallmark.retrieval.ingest.Quarantine::asMap)
                        .toList());
                if (r.unscreened() != null) {
                    doc.put("unscreened", r.unscreened());
                }
                doc.put("stats", stats(result.stats()));
                JsonOutput.print(out, doc);
            } else {
                out.printf("Ingested into '%s': %d added, %d replaced, %d unchanged, %d chunks in %.1f s (%.0f chunks/s, "
                        + "embedding %.1f s)%n", kb.name, r.added(), r.replaced(), r.unchanged(), r.chunks(),
                        r.millis() / 1000.0, r.chunksPerSecond(), r.embedMillis() / 1000.0);
                if (!r.skips().isEmpty()) {
                    out.println("Skipped " + r.skips().size() + ":");
                    for (Skip s : r.skips()) {
                        out.println("  " + s);
                    }
                }
                if (!r.cleaned().isEmpty()) {
                    out.println("Cleaned " + r.cleaned().size() + " (taken without characters that cannot be stored):");
                    r.cleaned().forEach(c -> out.println("  " + c));
                }
                if (!r.quarantined().isEmpty()) {
                    out.println("Quarantined " + r.quarantined().size() + " (flagged by the injection screen, not "
                            + "indexed):");
                    r.quarantined().forEach(q -> out.println("  " + q));
                }
                if (r.unscreened() != null) {
                    out.println("Not screened for injection: " + r.unscreened());
                }
                out.printf("Knowledge base now holds %d sources, %d chunks.%n", result.stats().sources(),
                        result.stats().chunks());
            }
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Search a knowledge base.")
    static final class Search implements Callable<Integer> {
        @Mixin PlatformOptions platform;
        @Mixin KbOptions kb;

        @Parameters(paramLabel = "QUERY", description = "What to search for.")
        String query;

        @Option(names = "--mode", defaultValue = "hybrid", description = "bm25, vector or hybrid (default: ${DEFAULT-VALUE}).")
        SearchMode mode;

        @Option(names = {"-k", "--k"}, paramLabel = "N", defaultValue = "5", description = "Hits to show (default: ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--source", paramLabel = "ID", description = "Only this source (repeatable).")
        List<String> sources = new ArrayList<>();

        @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "Only chunks with this metadata (repeatable).")
        Map<String, String> meta = new LinkedHashMap<>();

        @Option(names = "--bm25-weight", defaultValue = "1.0", description = "Hybrid: BM25 weight (default: ${DEFAULT-VALUE}).")
        double bm25Weight;

        @Option(names = "--vector-weight", paramLabel = "W", description = "Hybrid: vector weight (default: "
                + "the tuned default).")
        Double vectorWeight;

        @Option(names = "--rrf-k", paramLabel = "K", description = "Hybrid: RRF rank constant (default: the tuned default).")
        Integer rrfK;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            FusionWeights fusion = new FusionWeights(bm25Weight,
                    vectorWeight == null ? FusionWeights.DEFAULT.vector() : vectorWeight,
                    rrfK == null ? FusionWeights.DEFAULT.rrfK() : rrfK);
            SearchRequest request = new SearchRequest(query, mode, k, new SearchFilter(Set.copyOf(sources), meta), fusion);
            long start = System.nanoTime();
            List<SearchHit> hits = withKb(platform, kb, KnowledgeBaseOptions.DEFAULT, true, base -> base.search(request));
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("kb", kb.name);
                doc.put("query", query);
                doc.put("mode", mode.name().toLowerCase());
                doc.put("k", k);
                doc.put("hits", hits);
                JsonOutput.print(out, doc);
            } else {
                if (hits.isEmpty()) {
                    out.println("No hits.");
                }
                int rank = 0;
                for (SearchHit h : hits) {
                    out.printf("%d. %.4f  %s%s%s%n", ++rank, h.score(), h.chunkId(),
                            h.title().isBlank() ? "" : "  " + h.title(), h.heading() == null ? "" : " > " + h.heading());
                    String text = h.text().replaceAll("\\s+", " ");
                    out.println("   " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
                }
                spec.commandLine().getErr().printf("%d hits in %.2f s (including model load)%n", hits.size(), seconds);
            }
            return 0;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Show what a knowledge base holds.")
    static final class Stats implements Callable<Integer> {
        @Mixin PlatformOptions platform;
        @Mixin KbOptions kb;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            KnowledgeBaseStats s = withKb(platform, kb, KnowledgeBaseOptions.DEFAULT, true, KnowledgeBase::stats);
            Map<String, Object> doc = stats(s);
            doc.put("kb", kb.name);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, doc);
            } else {
                doc.forEach((key, v) -> out.println(key + ": " + v));
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Remove a source and its chunks.")
    static final class Delete implements Callable<Integer> {
        @Mixin PlatformOptions platform;
        @Mixin KbOptions kb;

        @Parameters(paramLabel = "SOURCE_ID", description = "The source id (as shown by search).")
        String sourceId;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean deleted = withKb(platform, kb, KnowledgeBaseOptions.DEFAULT, true, base -> base.delete(sourceId));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, Map.of("kb", kb.name, "source", sourceId, "deleted", deleted));
            } else {
                out.println(deleted ? "Deleted '" + sourceId + "'." : "No source '" + sourceId + "' in '" + kb.name + "'.");
            }
            return deleted ? 0 : 1;
        }
    }

    static Map<String, Object> stats(KnowledgeBaseStats s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("path", s.path().toString());
        doc.put("sources", s.sources());
        doc.put("chunks", s.chunks());
        doc.put("embedder", s.embedder());
        doc.put("dimension", s.dimension());
        doc.put("quantizedVectors", s.quantizedVectors());
        doc.put("segments", s.segments());
        doc.put("sizeBytes", s.sizeBytes());
        doc.put("commitGeneration", s.commitGeneration());
        doc.put("lastCommit", s.lastCommit());
        return doc;
    }
}
