package io.hallmark.core.kb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.core.testing.TestPaths;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.bench.Latency;
import io.hallmark.retrieval.eval.ClimateFeverDataset;
import io.hallmark.retrieval.eval.EvalQuery;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.search.solrcloud.RetrievalBackend;
import io.hallmark.search.solrcloud.SolrTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform's knowledge bases ({@link KnowledgeBases}: PostgreSQL as the record) on {@code retrieval-backend=local}
 * and {@code retrieval-backend=solrcloud} side by side, in one run: two "nodes" per backend (their own
 * {@link KnowledgeBases} and folders, in this JVM, following the record), the same Climate-FEVER sentences and dev
 * claims. It measures what a user of the platform sees, embedding included:
 * <ul>
 *   <li>ingest throughput on node A (embedding, the PostgreSQL record, then node A's own index or the collection);</li>
 *   <li>search p50/p95 per mode on node B (the one that did not ingest), k = 5;</li>
 *   <li>catch-up: from a one-document ingest returning on A to B's search finding it, and to B reporting the
 *       version of that change ({@code kb-seq-N}).</li>
 * </ul>
 * Phases alternate between the backends, so load from other processes on the machine falls on both alike; read the
 * ratios, not the absolute figures. Not part of the normal test run (its name does not end in Test); run it with
 * <pre>
 * ./mvnw -B -q -o -pl platform-core -am verify -Dtest=ClusterKnowledgeBasesBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dhallmark.bench.documents=300] [-Dhallmark.bench.rounds=20]
 * </pre>
 * The cluster is two Solr nodes and ZooKeeper in one other JVM on the same machine, the collection two shards; the
 * PostgreSQL is the test JVM's embedded one on the same disk.
 */
@ExtendWith(PostgresExtension.class)
class ClusterKnowledgeBasesBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("hallmark.bench.documents", 300);
    private static final int BATCH = 50;
    private static final int QUERIES = Integer.getInteger("hallmark.bench.queries", 200);
    private static final int ROUNDS = Integer.getInteger("hallmark.bench.rounds", 20);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** One backend's two nodes, each with its own connection pool as a server has. */
    private record Pair(String label, KnowledgeBases a, KnowledgeBases b, List<HikariDataSource> pools)
            implements AutoCloseable {
        @Override
        public void close() {
            a.close();
            b.close();
            pools.forEach(HikariDataSource::close);
        }
    }

    @Test
    void localVersusSolrCloudThroughThePlatform(Database migrated, DatabaseSettings db) throws Exception {
        // 'migrated' is the class's database, migrated by the extension; every node gets a pool of its own on it
        Path work = Files.createDirectories(TestPaths.buildDir().resolve("kb-cluster-bench"));
        ClimateFeverDataset data = new ClimateFeverDataset(TestPaths.sharedDir().resolve("eval"));
        List<SourceDocument> corpus = data.corpus().subList(0, DOCUMENTS);
        List<String> queries = data.claims("dev").stream().limit(QUERIES).map(EvalQuery::text).toList();
        StringBuilder out = new StringBuilder();
        String loadBefore = load();
        try (SolrTestCluster cluster = SolrTestCluster.start(2, work)) {
            String collection = "bench" + System.currentTimeMillis();
            RetrievalBackend solr = RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud",
                    "solrcloud.urls", String.join(",", cluster.solrUrls()), "solrcloud.collection", collection,
                    "solrcloud.shards", "2", "solrcloud.replicas", "1"));
            Path run = Files.createTempDirectory(work, "run");
            try (Pair local = pair("local", run, db, RetrievalBackend.LOCAL);
                    Pair onSolr = pair("solrcloud", run, db, solr)) {
                List<Pair> pairs = List.of(local, onSolr);
                String kb = "bench";
                // each backend's own knowledge base in the one record: 'bench' locally, 'benchs' on the cluster
                Map<Pair, String> names = Map.of(local, kb, onSolr, kb + "s");
                for (Pair p : pairs) { // loads both nodes' embedders and creates the knowledge base
                    p.a().open(names.get(p)).ingest(List.of(SourceDocument.of("warm-up", "Warm-up",
                            "A first document loads the embedding model.", Map.of())), IngestListener.NONE);
                    awaitOpen(p.b(), names.get(p));
                }

                out.append(String.format(Locale.ROOT, "Climate-FEVER: %d sentences ingested in batches of %d, %d dev "
                        + "claims searched, %d catch-up rounds; %d cores; solrcloud: 2 Solr nodes + ZooKeeper in one "
                        + "JVM on this machine, 2 shards x 1 replica; PostgreSQL embedded, same disk%n", corpus.size(),
                        BATCH, queries.size(), ROUNDS, Runtime.getRuntime().availableProcessors()));
                out.append(String.format(Locale.ROOT, "%-40s %16s %16s %8s%n", "", "local", "solrcloud", "ratio"));

                double[][] ingest = new double[2][];
                for (int i = 0; i < pairs.size(); i++) {
                    ingest[i] = ingest(pairs.get(i).a().open(names.get(pairs.get(i))), corpus);
                }
                row(out, "ingest chunks/s (embedding included)", ingest[0][0], ingest[1][0]);
                row(out, "ingest s outside embedding", ingest[0][1], ingest[1][1]);

                for (Pair p : pairs) { // B follows before it is searched
                    long recorded = p.a().open(names.get(p)).appliedSequence();
                    while (p.b().catchUp(names.get(p)) < recorded) {
                        Thread.sleep(10);
                    }
                }
                for (SearchMode mode : SearchMode.values()) {
                    Latency l = latency(local.b().open(kb), queries, mode);
                    Latency s = latency(onSolr.b().open(kb + "s"), queries, mode);
                    String label = mode.name().toLowerCase(Locale.ROOT) + " k=5 on node B";
                    row(out, label + ", p50 ms", l.p50(), s.p50());
                    row(out, label + ", p95 ms", l.p95(), s.p95());
                }

                long[][] found = new long[2][ROUNDS];
                long[][] versioned = new long[2][ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    for (int i = 0; i < pairs.size(); i++) {
                        Pair p = pairs.get(i);
                        long[] t = catchUp(p.a().open(names.get(p)), p.b(), names.get(p), r);
                        found[i][r] = t[0];
                        versioned[i][r] = t[1];
                    }
                }
                for (String what : List.of("found", "versioned")) {
                    long[][] nanos = what.equals("found") ? found : versioned;
                    Latency l = Latency.ofNanos(nanos[0]);
                    Latency s = Latency.ofNanos(nanos[1]);
                    String label = what.equals("found") ? "catch-up A->B, found by search"
                            : "catch-up A->B, version reported";
                    row(out, label + ", p50 ms", l.p50(), s.p50());
                    row(out, label + ", p95 ms", l.p95(), s.p95());
                    row(out, label + ", max ms", max(nanos[0]), max(nanos[1]));
                }
            }
        }
        out.append("load average (1/5/15 min) before: ").append(loadBefore).append("; after: ").append(load())
                .append('\n');
        System.out.println(out);
        Files.writeString(work.resolve("report.txt"), out);
    }

    private static Pair pair(String label, Path run, DatabaseSettings db, RetrievalBackend backend) {
        HikariDataSource poolA = pool(db, label + "-a");
        HikariDataSource poolB = pool(db, label + "-b");
        KnowledgeBases a = new KnowledgeBases(run.resolve(label + "-a"), poolA, label + "-a", true, backend);
        KnowledgeBases b = new KnowledgeBases(run.resolve(label + "-b"), poolB, label + "-b", true, backend);
        a.follow(POLL);
        b.follow(POLL);
        return new Pair(label, a, b, List.of(poolA, poolB));
    }

    private static HikariDataSource pool(DatabaseSettings db, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(8);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** Chunks a second and seconds not spent embedding, ingesting in batches as a client would. */
    private static double[] ingest(KnowledgeBase kb, List<SourceDocument> docs) {
        long start = System.nanoTime();
        long chunks = 0;
        long embedMillis = 0;
        for (int i = 0; i < docs.size(); i += BATCH) {
            IngestReport report = kb.ingest(docs.subList(i, Math.min(docs.size(), i + BATCH)), IngestListener.NONE);
            chunks += report.chunks();
            embedMillis += report.embedMillis();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {chunks / seconds, seconds - embedMillis / 1000.0};
    }

    private static Latency latency(KnowledgeBase kb, List<String> queries, SearchMode mode) {
        queries.stream().limit(20).forEach(q -> kb.search(SearchRequest.of(q, mode, 5))); // warm up
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            kb.search(SearchRequest.of(queries.get(i), mode, 5));
            nanos[i] = System.nanoTime() - t;
        }
        return Latency.ofNanos(nanos);
    }

    /**
     * One document ingested on A; then the nanoseconds from the ingest returning until B's search finds it, and until
     * B's searches report the version of that change.
     */
    private static long[] catchUp(KnowledgeBase onA, KnowledgeBases b, String name, int round) throws Exception {
        String marker = "zq" + Integer.toString(1_000_000 + round, 36);
        onA.ingest(List.of(SourceDocument.of("probe-" + round, "Probe " + round, "The probe word " + marker
                + " marks this document.", Map.of())), IngestListener.NONE);
        long sequence = onA.appliedSequence();
        long start = System.nanoTime();
        KnowledgeBase onB = awaitOpen(b, name);
        SearchRequest request = SearchRequest.of(marker, SearchMode.BM25, 1);
        long found = -1;
        long versioned = -1;
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (found < 0 || versioned < 0) {
            if (found < 0 && !onB.search(request).isEmpty()) {
                found = System.nanoTime() - start;
            }
            if (versioned < 0 && onB.searchVersioned(request).sequence() >= sequence) {
                versioned = System.nanoTime() - start;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("node B did not catch up with change " + sequence + " within 30 s");
            }
            LockSupport.parkNanos(200_000);
        }
        return new long[] {found, versioned};
    }

    private static KnowledgeBase awaitOpen(KnowledgeBases node, String name) throws InterruptedException {
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

    private static void row(StringBuilder out, String label, double local, double solr) {
        out.append(String.format(Locale.ROOT, "%-40s %16.2f %16.2f %8s%n", label, local, solr,
                local == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", solr / local)));
    }

    private static double max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
