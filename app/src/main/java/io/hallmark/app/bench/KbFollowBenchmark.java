package io.hallmark.app.bench;

import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.db.EmbeddedPostgresServer;
import io.hallmark.core.kb.KnowledgeBaseRebuildingException;
import io.hallmark.core.kb.KnowledgeBases;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code hallmark bench kb-follow}: the knowledge base shared through PostgreSQL. Two "nodes" ({@link KnowledgeBases}
 * with their own data folders, in this one process) on an embedded PostgreSQL: ingest throughput into the record
 * (PostgreSQL, then the writer's own index) next to a local-only knowledge base on the same documents, and the catch-up
 * latency from an ingest returning on node A to the document being found by a search on node B (LISTEN/NOTIFY, with a
 * poll every second as the fallback), p50/p95; and the time a fresh node takes to rebuild its index from the record.
 */
public final class KbFollowBenchmark {

    private static final String[] WORDS = ("river valley flood spring snow melt hill tower light ship sea keeper lamp "
            + "glacier ice volcano ash lava crust storm wind rain cloud forest tree root leaf stone rock sand shore "
            + "harbour bridge road city wall gate field farm grain mill water well stream lake island cliff cave")
            .split(" ");

    /** What to measure: {@code documents} documents ingested in batches of {@code batch}; {@code rounds} catch-ups. */
    public record Settings(Path work, int documents, int batch, int rounds, DatabaseSettings database) {}

    private final Settings settings;
    private final Consumer<String> progress;

    public KbFollowBenchmark(Settings settings, Consumer<String> progress) {
        if (settings.documents() < 1 || settings.batch() < 1 || settings.rounds() < 1) {
            throw new IllegalArgumentException("--documents, --batch and --rounds must be at least 1");
        }
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs against an embedded PostgreSQL started in {@code work} (stopped afterwards). */
    public static Map<String, Object> runEmbedded(Path work, int documents, int batch, int rounds,
            Consumer<String> progress) {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgres"),
                work.resolve("postgres-binaries"))) {
            return new KbFollowBenchmark(new Settings(work, documents, batch, rounds, new DatabaseSettings(
                    postgres.jdbcUrl(), postgres.user(), null, 8)), progress).run();
        }
    }

    public Map<String, Object> run() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("documents", settings.documents());
        result.put("batch", settings.batch());
        List<SourceDocument> docs = documents(settings.documents(), 1);
        try (Database db = Database.connect(settings.database());
                KnowledgeBases local = new KnowledgeBases(settings.work().resolve("local"));
                KnowledgeBases a = new KnowledgeBases(settings.work().resolve("node-a"), db.dataSource(), "node-a", true);
                KnowledgeBases b = new KnowledgeBases(settings.work().resolve("node-b"), db.dataSource(), "node-b",
                        true)) {
            b.follow(Duration.ofSeconds(1));
            progress.accept("ingesting " + docs.size() + " documents into a local-only knowledge base");
            result.put("ingestLocalOnly", ingest(local.open("bench"), docs));
            progress.accept("ingesting the same documents into the shared knowledge base (PostgreSQL + index)");
            KnowledgeBase onA = a.open("bench");
            result.put("ingestShared", ingest(onA, docs));

            progress.accept("catch-up: " + settings.rounds() + " single-document ingests on node A, searched on B");
            await(b, "bench"); // B's first sight of the knowledge base is a rebuild; measured below separately
            long[] nanos = new long[settings.rounds()];
            for (int i = 0; i < settings.rounds(); i++) {
                String marker = "zq" + Integer.toString(1_000_000 + i, 36);
                onA.ingest(List.of(SourceDocument.of("probe-" + i, "Probe " + i, "The probe word " + marker
                        + " marks this document.", Map.of())), IngestListener.NONE);
                long start = System.nanoTime();
                KnowledgeBase onB = await(b, "bench");
                SearchRequest request = SearchRequest.of(marker, SearchMode.BM25, 1);
                while (onB.search(request).isEmpty()) {
                    Thread.onSpinWait();
                }
                nanos[i] = System.nanoTime() - start;
            }
            Stats stats = Stats.ofNanos(nanos);
            Map<String, Object> catchUp = new LinkedHashMap<>();
            catchUp.put("rounds", stats.count());
            catchUp.put("p50Millis", Stats.round(stats.p50Micros() / 1000));
            catchUp.put("p95Millis", Stats.round(stats.p95Micros() / 1000));
            catchUp.put("maxMillis", Stats.round(java.util.Arrays.stream(nanos).max().orElse(0) / 1e6));
            result.put("catchUp", catchUp);

            progress.accept("rebuild: a fresh node reads the whole knowledge base from PostgreSQL");
            try (KnowledgeBases fresh = new KnowledgeBases(settings.work().resolve("node-c"), db.dataSource(),
                    "node-c", false)) {
                long start = System.nanoTime();
                KnowledgeBase rebuilt = fresh.open("bench");
                Map<String, Object> rebuild = new LinkedHashMap<>();
                rebuild.put("documents", rebuilt.stats().sources());
                rebuild.put("chunks", rebuilt.stats().chunks());
                rebuild.put("seconds", Stats.round((System.nanoTime() - start) / 1e9));
                result.put("rebuildFreshNode", rebuild);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        result.put("note", "nodes are in one process on one machine with the embedded PostgreSQL on the same disk; "
                + "embedding dominates both ingests");
        return result;
    }

    private static KnowledgeBase await(KnowledgeBases node, String name) throws InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return node.open(name);
            } catch (KnowledgeBaseRebuildingException e) {
                if (i > 6000) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    private Map<String, Object> ingest(KnowledgeBase kb, List<SourceDocument> docs) {
        long start = System.nanoTime();
        long chunks = 0;
        long embedMillis = 0;
        for (int i = 0; i < docs.size(); i += settings.batch()) {
            IngestReport report = kb.ingest(docs.subList(i, Math.min(docs.size(), i + settings.batch())),
                    IngestListener.NONE);
            chunks += report.chunks();
            embedMillis += report.embedMillis();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chunks", chunks);
        out.put("seconds", Stats.round(seconds));
        out.put("chunksPerSecond", Stats.round(chunks / seconds));
        out.put("docsPerSecond", Stats.round(docs.size() / seconds));
        out.put("secondsNotEmbedding", Stats.round(seconds - embedMillis / 1000.0));
        return out;
    }

    /** Deterministic documents of a few sentences of common words. */
    static List<SourceDocument> documents(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SourceDocument> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 6; s++) {
                for (int w = 0; w < 14; w++) {
                    text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                text.append(". ");
            }
            docs.add(SourceDocument.of("doc-" + i, "Document " + i, text.toString().strip(), Map.of()));
        }
        return docs;
    }
}
