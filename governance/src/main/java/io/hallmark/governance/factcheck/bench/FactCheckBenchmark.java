package io.hallmark.governance.factcheck.bench;

import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.FactCheckReport;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.KnowledgeBaseEvidence;
import io.hallmark.governance.factcheck.PassageVectors;
import io.hallmark.governance.factcheck.VoteCombiner;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.chunk.Chunk;
import io.hallmark.retrieval.chunk.Chunker;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.Vectors;
import io.hallmark.retrieval.index.IndexSettings;
import io.hallmark.retrieval.index.IndexedChunk;
import io.hallmark.retrieval.index.LuceneIndex;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * How fast a text is fact-checked against a large knowledge base (LLM judge off): claims per second and p50/p95
 * latency per text. The knowledge base is the corpus's chunks embedded once and replicated with perturbed vectors
 * up to the target size (as in the retrieval benchmark; copies share their text, so BM25 sees duplicates), with
 * both semantic verifiers' passage vectors stored beside them (copies share those), kept under the work folder for
 * later runs. Each text is about {@code words} words of corpus sentences, every third
 * with its numbers changed so that some claims are false.
 */
public final class FactCheckBenchmark {

    /** What to run. */
    public record Options(List<SourceDocument> corpus, Path workDir, int chunks, int texts, int words, long seed) {}

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Options options;
    private final PrintWriter log;

    public FactCheckBenchmark(Options options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Runs it with the given embedders (first = knowledge-base model) and combiner. Every text is checked twice, in
     * alternating order: by {@link FactChecker#check(String)} (claims embedded in one batch per model, the
     * knowledge base's stored chunk vectors reused, new passages embedded in one batch) and by the per-claim
     * path as its peer (each claim searched, embedded and judged on its own, every passage embedded by both
     * semantic verifiers), each with its own verifiers and caches.
     */
    public Map<String, Object> run(Embedder first, Embedder second, VoteCombiner combiner) {
        Path folder = options.workDir().resolve("kb-" + options.chunks() + "-passages");
        long buildMs = ensureIndex(folder, first, second);
        ClaimExtractor extractor = new ClaimExtractor();
        List<String> texts = texts(extractor);
        try (KnowledgeBase kb = KnowledgeBase.open(folder, KnowledgeBaseOptions.DEFAULT, first, List.of(first, second))) {
            KnowledgeBaseEvidence evidence = new KnowledgeBaseEvidence(kb);
            FactChecker batched = new FactChecker(extractor, evidence,
                    FactCheckers.standardVerifiers(first, second, evidence.passageVectors()), combiner,
                    FactChecker.DEFAULT_K);
            FactChecker perClaim = new FactChecker(extractor, evidence,
                    FactCheckers.standardVerifiers(first, second, PassageVectors.NONE), combiner,
                    FactChecker.DEFAULT_K);
            log.println("Warming up on 2 texts");
            for (int i = 0; i < 2; i++) {
                batched.check(texts.get(i % texts.size()));
                checkPerClaim(perClaim, extractor, texts.get(i % texts.size()));
            }
            double[] fast = new double[texts.size()];
            Map<String, List<Double>> phases = new LinkedHashMap<>();
            double[] slow = new double[texts.size()];
            long claims = 0;
            long fastNanos = 0;
            long slowNanos = 0;
            for (int i = 0; i < texts.size(); i++) {
                for (int turn = 0; turn < 2; turn++) {
                    boolean batchedTurn = (turn == 0) == (i % 2 == 0);
                    long t = System.nanoTime();
                    int n;
                    if (batchedTurn) {
                        FactCheckReport report = batched.check(texts.get(i));
                        n = report.claims().size();
                        report.phaseMillis().forEach((phase, ms) -> phases.computeIfAbsent(phase,
                                p -> new ArrayList<>()).add(ms));
                    } else {
                        n = checkPerClaim(perClaim, extractor, texts.get(i));
                    }
                    long took = System.nanoTime() - t;
                    if (batchedTurn) {
                        fast[i] = took / 1e6;
                        fastNanos += took;
                        claims += n;
                    } else {
                        slow[i] = took / 1e6;
                        slowNanos += took;
                    }
                }
                log.printf("  text %d: batched %.0f ms, per-claim %.0f ms%n", i + 1, fast[i], slow[i]);
                log.flush();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
            out.put("loadAverageAtEnd", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            out.put("knowledgeBaseChunks", kb.stats().chunks());
            out.put("indexBuildSeconds", buildMs < 0 ? "reused" : buildMs / 1000.0);
            out.put("texts", texts.size());
            out.put("wordsPerText", options.words());
            out.put("claimsPerText", round((double) claims / texts.size()));
            out.put("batched", latency(fast, claims, fastNanos));
            out.put("perClaimPeer", latency(slow, claims, slowNanos));
            Map<String, Object> phaseP50 = new LinkedHashMap<>();
            phases.forEach((phase, ms) -> phaseP50.put(phase, round(percentile(sorted(
                    ms.stream().mapToDouble(Double::doubleValue).toArray()), 0.5))));
            out.put("batchedPhaseP50Millis", phaseP50);
            out.put("p50RatioPerClaimOverBatched", round(percentile(sorted(slow), 0.5) / percentile(sorted(fast), 0.5)));
            out.put("heapUsedMiBAfterGc", heapAfterGc());
            out.put("peakResidentMiB", peakResidentMiB());
            out.put("verifiers", batched.verifiers().stream().map(v -> v.name()).toList());
            out.put("combiner", combiner.name());
            out.put("evidencePerClaim", FactChecker.DEFAULT_K);
            out.put("llmJudge", "off");
            return out;
        }
    }

    /** The per-claim peer: every claim searched and judged on its own; returns the number of claims. */
    private static int checkPerClaim(FactChecker checker, ClaimExtractor extractor, String text) {
        List<Claim> claims = extractor.extract(text);
        for (Claim c : claims) {
            checker.check(c);
        }
        return claims.size();
    }

    private static Map<String, Object> latency(double[] millis, long claims, long nanos) {
        double[] sorted = sorted(millis);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claimsPerSecond", round(claims / (nanos / 1e9)));
        m.put("p50Millis", round(percentile(sorted, 0.50)));
        m.put("p95Millis", round(percentile(sorted, 0.95)));
        m.put("meanMillis", round(Arrays.stream(millis).average().orElse(0)));
        return m;
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    private static double heapAfterGc() {
        System.gc();
        return round(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
    }

    /** The process's peak resident set (VmHWM) in MiB, or -1 where /proc is not there. */
    private static double peakResidentMiB() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Builds the replicated index unless a committed one of the right size is there; -1 when reused. */
    private long ensureIndex(Path folder, Embedder embedder, Embedder second) {
        if (LuceneIndex.storedSettings(folder).isPresent()) {
            try (LuceneIndex existing = LuceneIndex.open(folder, new IndexSettings(embedder.name(), embedder.dimension(),
                    false))) {
                if (existing.count() >= options.chunks()) {
                    log.println("Reusing the " + existing.count() + "-chunk knowledge base in " + folder);
                    return -1;
                }
            }
        }
        long start = System.nanoTime();
        Chunker chunker = new Chunker(KnowledgeBaseOptions.DEFAULT.chunking());
        List<Chunk> chunks = new ArrayList<>();
        options.corpus().forEach(d -> chunks.addAll(chunker.chunk(d)));
        log.println("Embedding " + chunks.size() + " corpus chunks with " + embedder.name());
        log.flush();
        List<float[]> vectors = embedder.embedDocuments(chunks.stream().map(Chunk::embeddingText).toList());
        log.println("Embedding their text with " + embedder.name() + " and " + second.name() + " (passage vectors)");
        log.flush();
        List<String> plain = chunks.stream().map(Chunk::text).toList();
        List<float[]> firstPassages = embedder.embedDocuments(plain);
        List<float[]> secondPassages = second.embedDocuments(plain);
        int copies = (int) Math.ceil(options.chunks() / (double) chunks.size());
        log.println("Indexing " + copies + " copies (" + (long) copies * chunks.size() + " chunks) into " + folder);
        log.flush();
        Random noise = new Random(options.seed());
        try (LuceneIndex index = LuceneIndex.open(folder, new IndexSettings(embedder.name(), embedder.dimension(), false))) {
            for (int copy = 0; copy < copies; copy++) {
                Map<String, List<IndexedChunk>> bySource = new LinkedHashMap<>();
                for (int i = 0; i < chunks.size(); i++) {
                    Chunk c = chunks.get(i);
                    String source = copy == 0 ? c.sourceId() : "c" + copy + "/" + c.sourceId();
                    bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(new IndexedChunk(
                            new Chunk(source, c.position(), c.title(), c.heading(), c.text(), c.metadata()),
                            copy == 0 ? vectors.get(i) : perturb(vectors.get(i), noise),
                            Map.of(embedder.name(), firstPassages.get(i), second.name(), secondPassages.get(i))));
                }
                bySource.forEach((source, list) -> index.replaceSource(source, "bench", list));
            }
            index.commit();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static float[] perturb(float[] v, Random noise) {
        float[] out = new float[v.length];
        float scale = (float) (0.5 / Math.sqrt(v.length));
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + (float) noise.nextGaussian() * scale;
        }
        return Vectors.normalize(out);
    }

    /** Texts of corpus sentences, every third with its numbers changed. */
    private List<String> texts(ClaimExtractor extractor) {
        return texts(options.corpus(), options.texts(), options.words(), options.seed(), extractor);
    }

    /**
     * {@code count} texts of about {@code words} words each, made of the corpus's sentences of 6 to 40 words drawn
     * at random, every third with its numbers changed (so that some claims are false).
     */
    public static List<String> texts(List<SourceDocument> corpus, int count, int words, long seed,
            ClaimExtractor extractor) {
        List<String> sentences = new ArrayList<>();
        for (SourceDocument d : corpus) {
            d.sections().forEach(s -> {
                for (Span span : extractor.sentences(s.text())) {
                    String sentence = s.text().substring(span.getStart(), span.getEnd()).strip();
                    int n = sentence.split("\\s+").length;
                    if (n >= 6 && n <= 40) {
                        sentences.add(sentence);
                    }
                }
            });
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("The benchmark corpus has no sentences of 6 to 40 words");
        }
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            StringBuilder text = new StringBuilder();
            int n = 0;
            int sentence = 0;
            while (n < words) {
                String s = sentences.get(random.nextInt(sentences.size()));
                if (sentence++ % 3 == 2) {
                    s = changeNumbers(s);
                }
                text.append(s).append(' ');
                n += s.split("\\s+").length;
            }
            texts.add(text.toString().strip());
        }
        return texts;
    }

    private static String changeNumbers(String sentence) {
        Matcher m = NUMBER.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long v = Long.parseLong(m.group().length() > 15 ? m.group().substring(0, 15) : m.group());
            m.appendReplacement(out, Long.toString(v + 1 + v / 7));
        }
        m.appendTail(out);
        return out.toString();
    }
}
