package io.hallmark.retrieval.bench;

import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.chunk.Chunk;
import io.hallmark.retrieval.chunk.Chunker;
import io.hallmark.retrieval.chunk.ChunkingOptions;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import io.hallmark.retrieval.embed.Vectors;
import io.hallmark.retrieval.index.IndexSettings;
import io.hallmark.retrieval.index.IndexedChunk;
import io.hallmark.retrieval.index.LuceneIndex;
import io.hallmark.retrieval.ingest.JsonLinesReader;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures the knowledge base on the CIA World Factbook corpus ({@code factbook/corpus.jsonl}):
 *
 * <ol>
 *   <li>ingest throughput of about {@code smallChunks} real chunks, with embedding, without vectors (BM25 only),
 *       and with the vectors ready (indexing and HNSW building only);
 *   <li>a large index of {@code largeChunks}: the small set replicated, each copy's vectors perturbed with
 *       Gaussian noise and re-normalised (synthetic vectors around real ones; the texts repeat);
 *   <li>query latency p50/p95 per mode at both sizes, through {@link KnowledgeBase#search} (query embedding
 *       included), plus the embedding and the bare HNSW search separately;
 *   <li>HNSW recall@10 against exact brute-force search over the same vectors, for 10, 50 and 100 candidates,
 *       with float and (optionally) scalar-quantized vectors.
 * </ol>
 */
public final class RetrievalBenchmark {

    /**
     * Benchmark settings.
     *
     * @param corpus the factbook corpus.jsonl
     * @param workDir a scratch folder for the indexes (deleted and recreated)
     * @param smallChunks target size of the real index
     * @param largeChunks target size of the replicated index (0 to skip)
     * @param queries queries per mode and size
     * @param quantized whether to also build and measure a scalar-quantized large index
     * @param model the embedding model
     */
    public record Options(Path corpus, Path workDir, int smallChunks, int largeChunks, int queries, boolean quantized,
            EmbeddingModel model) {}

    static final ChunkingOptions CHUNKING = new ChunkingOptions(400, 60);
    private static final float NOISE = 0.5f;
    private static final int[] CANDIDATES = {10, 50, 100};

    private final Options options;
    private final PrintWriter log;

    public RetrievalBenchmark(Options options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    public BenchmarkReport run() {
        List<SourceDocument> docs = loadCorpus();
        Chunker chunker = new Chunker(CHUNKING);
        List<SourceDocument> small = new ArrayList<>();
        long smallChunkCount = 0;
        for (SourceDocument d : docs) {
            if (smallChunkCount >= options.smallChunks()) {
                break;
            }
            small.add(d);
            smallChunkCount += chunker.chunk(d).size();
        }
        log.printf("Corpus: %d documents; using %d of them, %d chunks (chunks of %d chars, overlap %d)%n", docs.size(),
                small.size(), smallChunkCount, CHUNKING.maxChars(), CHUNKING.overlapChars());
        List<BenchmarkReport.IngestRun> ingest = new ArrayList<>();
        List<BenchmarkReport.ScaleRun> scales = new ArrayList<>();
        KnowledgeBaseOptions kbOptions = KnowledgeBaseOptions.DEFAULT.withChunking(CHUNKING);
        reset(options.workDir());
        try (OnnxEmbedder embedder = new OnnxEmbedder(options.model(), OnnxEmbedder.defaultThreads(), 64)) {
            // 1. ingest with and without embedding
            Path bm25Dir = options.workDir().resolve("small-bm25");
            try (KnowledgeBase kb = KnowledgeBase.open(bm25Dir, kbOptions, null)) {
                IngestReport r = kb.ingest(small, IngestListener.NONE);
                ingest.add(run("BM25 only (no vectors), " + r.chunks() + " chunks", r));
            }
            Path smallDir = options.workDir().resolve("small");
            log.println("Ingesting with embedding (" + embedder.name() + ")...");
            Map<String, float[]> vectors = new HashMap<>();
            try (KnowledgeBase kb = KnowledgeBase.open(smallDir, kbOptions, embedder)) {
                IngestReport r = kb.ingest(small, new Progress(log));
                ingest.add(run("with embedding (" + embedder.name() + "), " + r.chunks() + " chunks; embedding took "
                        + r.embedMillis() / 1000.0 + " s", r));
                kb.index().visitVectors((id, v) -> vectors.put(id, v.clone()));
            }
            List<IndexedChunk> chunks = new ArrayList<>();
            for (SourceDocument d : small) {
                for (Chunk c : chunker.chunk(d)) {
                    chunks.add(new IndexedChunk(c, vectors.get(c.id())));
                }
            }
            Path readyDir = options.workDir().resolve("small-ready");
            ingest.add(buildIndex(readyDir, "vectors ready (indexing + HNSW only), ", chunks, 1, false, embedder));

            List<String> queries = queries(docs, options.queries());
            List<float[]> queryVectors = queries.stream().map(embedder::embedQuery).toList();
            scales.add(measure(smallDir, chunks, 1, false, embedder, queries, queryVectors));

            if (options.largeChunks() > chunks.size()) {
                int copies = (int) Math.ceil(options.largeChunks() / (double) chunks.size());
                Path largeDir = options.workDir().resolve("large");
                ingest.add(buildIndex(largeDir, "vectors ready, " + copies + " perturbed copies, ", chunks, copies, false,
                        embedder));
                scales.add(measure(largeDir, chunks, copies, false, embedder, queries, queryVectors));
                if (options.quantized()) {
                    Path quantizedDir = options.workDir().resolve("large-quantized");
                    ingest.add(buildIndex(quantizedDir, "vectors ready, scalar-quantized, " + copies + " copies, ",
                            chunks, copies, true, embedder));
                    scales.add(measure(quantizedDir, chunks, copies, true, embedder, queries, queryVectors));
                }
            }
        }
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", Runtime.version().toString());
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        machine.put("embedder", options.model().id());
        machine.put("corpus", options.corpus().toString());
        List<String> notes = List.of(
                "Small index: real factbook chunks with real embeddings.",
                "Large index: the small set's chunks repeated; copy 0 keeps the real vectors, every other copy adds "
                        + "Gaussian noise (sigma " + NOISE + " per unit vector) and re-normalises, so vectors are "
                        + "synthetic around real ones and texts repeat (BM25 sees duplicates).",
                "Latency of bm25/vector/hybrid is one KnowledgeBase.search call, k = 10, query embedding included; "
                        + "knn-only is the HNSW search of a ready vector over 50 candidates, as KnowledgeBase.search does for k = 10.",
                "HNSW recall@10: overlap of the top 10 of an HNSW search over N candidates with the exact top 10 by "
                        + "brute-force dot product over the same vectors, averaged over the queries.");
        return new BenchmarkReport(machine, ingest, scales, notes);
    }

    private BenchmarkReport.IngestRun run(String what, IngestReport r) {
        BenchmarkReport.IngestRun run = new BenchmarkReport.IngestRun(what, r.chunks(), r.millis() / 1000.0,
                Math.round(r.chunksPerSecond() * 10) / 10.0);
        log.println("  ingest " + run);
        return run;
    }

    private BenchmarkReport.IngestRun buildIndex(Path dir, String what, List<IndexedChunk> chunks, int copies,
            boolean quantized, Embedder embedder) {
        log.println("Building " + dir.getFileName() + " (" + chunks.size() * copies + " chunks)...");
        long start = System.nanoTime();
        Random noise = new Random(17);
        try (LuceneIndex index = LuceneIndex.open(dir, new IndexSettings(embedder.name(), embedder.dimension(), quantized))) {
            for (int copy = 0; copy < copies; copy++) {
                Map<String, List<IndexedChunk>> bySource = new LinkedHashMap<>();
                for (IndexedChunk ic : chunks) {
                    Chunk c = ic.chunk();
                    String source = copies == 1 ? c.sourceId() : "c" + copy + "/" + c.sourceId();
                    Chunk copied = new Chunk(source, c.position(), c.title(), c.heading(), c.text(), c.metadata());
                    bySource.computeIfAbsent(source, s -> new ArrayList<>())
                            .add(new IndexedChunk(copied, perturb(ic.vector(), copy, noise)));
                }
                bySource.forEach((source, list) -> index.replaceSource(source, "bench", list));
            }
            index.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long n = (long) chunks.size() * copies;
        BenchmarkReport.IngestRun run = new BenchmarkReport.IngestRun(what + n + " chunks", n, Math.round(seconds * 100) / 100.0,
                Math.round(n / seconds * 10) / 10.0);
        log.println("  ingest " + run);
        return run;
    }

    private static float[] perturb(float[] v, int copy, Random noise) {
        if (copy == 0) {
            return v;
        }
        float[] out = new float[v.length];
        float scale = (float) (NOISE / Math.sqrt(v.length));
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + (float) noise.nextGaussian() * scale;
        }
        return Vectors.normalize(out);
    }

    private BenchmarkReport.ScaleRun measure(Path dir, List<IndexedChunk> chunks, int copies, boolean quantized,
            Embedder embedder, List<String> queries, List<float[]> queryVectors) {
        // the exact vectors of this index, as written
        List<String> ids = new ArrayList<>();
        List<float[]> all = new ArrayList<>();
        KnowledgeBaseOptions kbOptions = KnowledgeBaseOptions.DEFAULT.withChunking(CHUNKING).withQuantizedVectors(quantized);
        try (KnowledgeBase kb = KnowledgeBase.open(dir, kbOptions, embedder)) {
            kb.index().visitVectors((id, v) -> {
                ids.add(id);
                all.add(v.clone());
            });
            int n = ids.size();
            log.printf("Measuring %s: %d chunks, %d segments%n", dir.getFileName(), n, kb.stats().segments());
            Map<String, Latency> latency = new LinkedHashMap<>();
            for (SearchMode mode : SearchMode.values()) {
                for (int i = 0; i < Math.min(30, queries.size()); i++) { // warm-up
                    kb.search(SearchRequest.of(queries.get(i), mode, 10));
                }
                long[] nanos = new long[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    long t = System.nanoTime();
                    kb.search(SearchRequest.of(queries.get(i), mode, 10));
                    nanos[i] = System.nanoTime() - t;
                }
                latency.put(mode.name().toLowerCase(), Latency.ofNanos(nanos));
            }
            long[] embedNanos = new long[queries.size()];
            long[] knnNanos = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long t = System.nanoTime();
                embedder.embedQuery(queries.get(i));
                embedNanos[i] = System.nanoTime() - t;
                t = System.nanoTime();
                kb.index().knn(queryVectors.get(i), SearchFilter.NONE, 50);
                knnNanos[i] = System.nanoTime() - t;
            }
            latency.put("embed-query", Latency.ofNanos(embedNanos));
            latency.put("knn-only", Latency.ofNanos(knnNanos));
            latency.forEach((k, v) -> log.println("  latency " + k + ": " + v));

            // exact top 10 by brute force, then HNSW with more and more candidates
            long exactNanos = 0;
            List<Set<String>> exact = new ArrayList<>();
            for (float[] q : queryVectors) {
                long t = System.nanoTime();
                exact.add(exactTop10(q, ids, all));
                exactNanos += System.nanoTime() - t;
            }
            Map<String, Double> recall = new LinkedHashMap<>();
            for (int candidates : CANDIDATES) {
                double sum = 0;
                for (int i = 0; i < queryVectors.size(); i++) {
                    List<SearchHit> hits = kb.index().knn(queryVectors.get(i), SearchFilter.NONE, candidates);
                    Set<String> top = new HashSet<>();
                    for (int h = 0; h < Math.min(10, hits.size()); h++) {
                        top.add(hits.get(h).chunkId());
                    }
                    top.retainAll(exact.get(i));
                    sum += top.size() / 10.0;
                }
                recall.put("k=" + candidates, Math.round(sum / queryVectors.size() * 10_000) / 10_000.0);
            }
            log.println("  HNSW recall@10 vs exact: " + recall);
            return new BenchmarkReport.ScaleRun(n, quantized, kb.stats().segments(), latency, recall,
                    Math.round(exactNanos / 1e6 / queryVectors.size() * 100) / 100.0);
        }
    }

    private static Set<String> exactTop10(float[] q, List<String> ids, List<float[]> vectors) {
        int k = 10;
        float[] best = new float[k];
        int[] bestIdx = new int[k];
        java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.size(); i++) {
            float s = Vectors.dot(q, vectors.get(i));
            if (s > best[k - 1]) {
                int j = k - 1;
                while (j > 0 && best[j - 1] < s) {
                    best[j] = best[j - 1];
                    bestIdx[j] = bestIdx[j - 1];
                    j--;
                }
                best[j] = s;
                bestIdx[j] = i;
            }
        }
        Set<String> top = new HashSet<>();
        for (int j = 0; j < k; j++) {
            top.add(ids.get(bestIdx[j]));
        }
        return top;
    }

    /** Questions built from the corpus metadata (country and section), in a fixed pseudo-random order. */
    static List<String> queries(List<SourceDocument> docs, int count) {
        Map<String, String> templates = Map.of(
                "Introduction", "history and independence of %s",
                "Geography", "climate and terrain of %s",
                "People and Society", "population and languages spoken in %s",
                "Government", "capital city and type of government of %s",
                "Economy", "main industries and exports of %s");
        Random random = new Random(42);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SourceDocument d = docs.get(random.nextInt(docs.size()));
            String template = templates.getOrDefault(d.metadata().getOrDefault("section", ""), "facts about %s");
            out.add(String.format(template, d.metadata().getOrDefault("country", d.id())));
        }
        return out;
    }

    private List<SourceDocument> loadCorpus() {
        if (!Files.isRegularFile(options.corpus())) {
            throw new InvalidRetrievalRequestException("No factbook corpus at '" + options.corpus()
                    + "'; pass --eval-dir pointing at the shared eval folder (the one holding factbook/)");
        }
        try {
            return new JsonLinesReader().read(options.corpus(), "factbook", s -> log.println("skipped " + s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reset(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints ingest progress every 10 %. */
    private static final class Progress implements IngestListener {
        private final PrintWriter log;
        private int lastDecile = -1;

        Progress(PrintWriter log) {
            this.log = log;
        }

        @Override
        public void progress(int done, int total, long chunks) {
            int decile = total == 0 ? 10 : done * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                log.printf("  %d/%d sources, %d chunks%n", done, total, chunks);
                log.flush();
            }
        }
    }
}
