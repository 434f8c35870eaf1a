package io.hallmark.search.solrcloud;

import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.IngestReport;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.bench.Latency;
import io.hallmark.retrieval.eval.ClimateFeverDataset;
import io.hallmark.retrieval.eval.EvalQuery;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The local and the SolrCloud backend side by side on the Climate-FEVER corpus (5,249 chunks), in one run:
 * ingest throughput (vectors already computed, so the figure is the backend's, not the embedder's), search latency
 * p50/p95 per mode, and the full Climate-FEVER retrieval evaluation on a split (recall@5, recall@20, MRR).
 * Not part of the normal test run (its name does not end in Test); run it with
 * <pre>
 * ./mvnw -B -q -o -pl search-solrcloud -am verify -Dtest=SolrCloudBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dhallmark.bench.split=dev|test]
 * </pre>
 * The cluster is two Solr nodes and ZooKeeper in one other JVM on the same machine, the collection two shards.
 */
class SolrCloudBenchmark {

    private static final int QUERIES = 200;

    @Test
    void localVersusSolrCloud() throws Exception {
        String split = System.getProperty("hallmark.bench.split", "dev");
        Path work = Files.createDirectories(Path.of("target", "solr-bench"));
        ClimateFeverDataset data = new ClimateFeverDataset(Shared.evalDir());
        List<SourceDocument> corpus = data.corpus();
        List<EvalQuery> claims = data.claims(split);
        CachingEmbedder embedder = new CachingEmbedder(Shared.miniLm());
        StringBuilder out = new StringBuilder();
        try (SolrTestCluster cluster = SolrTestCluster.start(2, work)) {
            String collection = "bench" + System.currentTimeMillis();
            SolrCloudSettings settings = cluster.settings().collection(collection).build();
            try (KnowledgeBase warm = KnowledgeBase.open(Files.createTempDirectory(work, "warm"), KnowledgeBaseOptions.DEFAULT,
                    embedder)) {
                warm.ingest(corpus, IngestListener.NONE); // embeds every chunk once; the timed ingests reuse the vectors
                claims.forEach(c -> embedder.embedQuery(c.text()));
            }
            try (KnowledgeBase local = KnowledgeBase.open(Files.createTempDirectory(work, "local"), KnowledgeBaseOptions.DEFAULT,
                    embedder);
                    KnowledgeBase solr = RetrievalBackend.solrCloud(settings).open("default", work, KnowledgeBaseOptions.DEFAULT,
                            embedder, List.of())) {
                out.append(String.format(Locale.ROOT, "Climate-FEVER corpus: %d sources; %s split: %d claims; %d cores; "
                        + "solrcloud: 2 nodes + ZooKeeper in one JVM on this machine, 2 shards x 1 replica%n", corpus.size(),
                        split, claims.size(), Runtime.getRuntime().availableProcessors()));
                out.append(String.format(Locale.ROOT, "%-28s %14s %14s%n", "", "local", "solrcloud"));
                IngestReport l = local.ingest(corpus, IngestListener.NONE);
                IngestReport s = solr.ingest(corpus, IngestListener.NONE);
                out.append(String.format(Locale.ROOT, "%-28s %14.0f %14.0f%n", "ingest chunks/s (cached vec)",
                        l.chunks() * 1000.0 / l.millis(), s.chunks() * 1000.0 / s.millis()));
                out.append(String.format(Locale.ROOT, "%-28s %14d %14d%n", "ingest ms", l.millis(), s.millis()));
                List<String> queries = claims.stream().limit(QUERIES).map(EvalQuery::text).toList();
                for (SearchMode mode : SearchMode.values()) {
                    Latency ll = latency(local, queries, mode);
                    Latency sl = latency(solr, queries, mode);
                    out.append(String.format(Locale.ROOT, "%-28s %14s %14s%n", mode.name().toLowerCase(Locale.ROOT)
                            + " k=5 p50/p95 ms", ll.p50() + "/" + ll.p95(), sl.p50() + "/" + sl.p95()));
                }
                out.append('\n').append(RecallComparison.run("Climate-FEVER " + split + ": recall side by side", local, solr,
                        claims).table());
            }
            try (var admin = SolrClients.connect(settings)) {
                SolrTestCluster.drop(admin, collection);
            }
        }
        System.out.println(out);
        Files.writeString(work.resolve("report.txt"), out);
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
}
