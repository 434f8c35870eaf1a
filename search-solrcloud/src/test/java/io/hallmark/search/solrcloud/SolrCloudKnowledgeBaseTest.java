package io.hallmark.search.solrcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseContract;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.eval.ClimateFeverDataset;
import io.hallmark.retrieval.eval.EvalQuery;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retrieval contract on a real SolrCloud: two Solr nodes and ZooKeeper (one cluster for the class, in its own
 * JVM), every knowledge base a collection of two shards.
 */
class SolrCloudKnowledgeBaseTest extends KnowledgeBaseContract {

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static SolrTestCluster cluster;
    private static CloudSolrClient admin;

    private final Set<String> collections = new LinkedHashSet<>();
    private String prefix;

    @BeforeAll
    static void startCluster() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "solr-test-cluster"));
        cluster = SolrTestCluster.start(2, work);
        admin = SolrClients.connect(cluster.settings().build());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void name() {
        prefix = "t" + TESTS.incrementAndGet();
    }

    @AfterEach
    void dropCollections() throws Exception {
        for (String c : collections) {
            SolrTestCluster.drop(admin, c);
        }
    }

    @Override
    protected KnowledgeBase open(String name, KnowledgeBaseOptions options, Embedder embedder,
            List<? extends Embedder> passageEmbedders) {
        SolrCloudSettings settings = cluster.settings().collection(prefix).build();
        collections.add(settings.collectionFor(name));
        return RetrievalBackend.solrCloud(settings).open(name, dir.resolve(name), options, embedder, passageEmbedders);
    }

    @Test
    void theCollectionHasTwoShardsOnTwoNodesAndAnswersTheSameEvidenceAsTheLocalIndex() throws Exception {
        Path docs = writeSamples();
        try (KnowledgeBase solr = open();
                KnowledgeBase local = KnowledgeBase.open(dir.resolve("local"), KnowledgeBaseOptions.DEFAULT, Shared.miniLm())) {
            solr.ingest(docs, IngestListener.NONE);
            local.ingest(docs, IngestListener.NONE);

            DocCollection collection = admin.getClusterState().getCollection(prefix + "_kb");
            assertThat(collection.getSlices()).hasSize(2);
            assertThat(collection.getReplicas()).extracting(r -> r.getNodeName()).doesNotHaveDuplicates();
            assertThat(solr.stats().chunks()).isEqualTo(local.stats().chunks());
            assertThat(solr.stats().sources()).isEqualTo(local.stats().sources());
            Map<String, float[]> localVectors = new java.util.HashMap<>();
            local.index().visitVectors((id, v) -> localVectors.put(id, v.clone())); // Lucene reuses the array
            Map<String, float[]> solrVectors = new java.util.HashMap<>();
            assertThat(solr.index().visitVectors(solrVectors::put)).isEqualTo(localVectors.size());
            localVectors.forEach((id, v) -> assertThat(solrVectors.get(id)).as(id).containsExactly(v));
            for (SearchMode mode : SearchMode.values()) {
                for (String q : List.of("why do mountain glaciers lose ice", "bread dough yeast", "high speed trains")) {
                    List<SearchHit> fromSolr = solr.search(SearchRequest.of(q, mode, 5));
                    List<SearchHit> fromLocal = local.search(SearchRequest.of(q, mode, 5));
                    assertThat(fromSolr).as(mode + " " + q).extracting(SearchHit::chunkId)
                            .containsExactlyElementsOf(fromLocal.stream().map(SearchHit::chunkId).toList());
                    assertThat(fromSolr).extracting(SearchHit::text, SearchHit::title, SearchHit::heading, SearchHit::metadata)
                            .containsExactlyElementsOf(fromLocal.stream()
                                    .map(h -> org.assertj.core.groups.Tuple.tuple(h.text(), h.title(), h.heading(), h.metadata()))
                                    .toList());
                    for (int i = 0; i < fromSolr.size(); i++) {
                        assertThat(fromSolr.get(i).score()).as(mode + " score of " + fromSolr.get(i).chunkId())
                                .isCloseTo(fromLocal.get(i).score(), org.assertj.core.data.Offset.offset(1e-3));
                    }
                }
            }
        }
    }

    @Test
    void aQueryThatLooksLikeSolrSyntaxIsJustWords() throws Exception {
        try (KnowledgeBase kb = open()) {
            kb.ingest(writeSamples(), IngestListener.NONE);

            assertThat(kb.search(SearchRequest.of("{!func}glaciers *:* OR id:[* TO *]", SearchMode.BM25, 5)))
                    .extracting(SearchHit::sourceId).startsWith("glaciers.md");
        }
    }

    @Test
    void quantizedVectorsAreRefusedByName() {
        assertThatThrownBy(() -> open("kbq", KnowledgeBaseOptions.DEFAULT.withQuantizedVectors(true), Shared.miniLm(), List.of()))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("solrcloud")
                .hasMessageContaining("Quantized");
    }

    @Test
    void theZooKeeperAddressReachesTheSameCluster() throws Exception {
        SolrCloudSettings viaZk = SolrCloudSettings.zkHost(cluster.zkHost()).collection(prefix).build();
        try (KnowledgeBase viaUrls = open()) {
            viaUrls.ingest(writeSamples(), IngestListener.NONE);
        }
        try (KnowledgeBase kb = RetrievalBackend.solrCloud(viaZk).open("kb", dir, KnowledgeBaseOptions.DEFAULT,
                Shared.miniLm(), List.of())) {
            assertThat(kb.stats().sources()).isEqualTo(3);
            assertThat(CollectionAdminRequest.listCollections(admin)).contains(prefix + "_kb");
        }
    }

    @Test
    void largeIngestsAreSentInBatchesAndReplaceTheirSourcesWhole() {
        List<SourceDocument> docs = new ArrayList<>();
        for (int i = 0; i < SolrCloudIndex.BATCH + 120; i++) {
            docs.add(SourceDocument.of("doc-" + i, "Doc " + i, "Sentence number " + i + " talks about topic " + (i % 7) + ".",
                    Map.of("group", Integer.toString(i % 3))));
        }
        try (KnowledgeBase kb = open("bm25only", KnowledgeBaseOptions.DEFAULT, null, List.of())) { // no embedding: fast
            assertThat(kb.ingest(docs, IngestListener.NONE).added()).isEqualTo(docs.size());
            assertThat(kb.stats().sources()).isEqualTo(docs.size());
            assertThat(kb.sources(SolrCloudIndex.BATCH, 1000)).hasSize(120);

            docs.set(3, SourceDocument.of("doc-3", "Doc 3", "Replaced text about comets.", Map.of()));
            assertThat(kb.ingest(docs, IngestListener.NONE).replaced()).isEqualTo(1);
            assertThat(kb.stats().chunks()).isEqualTo(docs.size());
            assertThat(kb.search(SearchRequest.of("comets", SearchMode.BM25, 5))).extracting(SearchHit::chunkId)
                    .containsExactly("doc-3#0");
        }
    }

    @Test
    void climateFeverRecallAt5OnTheClusterIsWithinOneHundredthOfTheLocalBackend() {
        ClimateFeverDataset data = new ClimateFeverDataset(Shared.evalDir());
        List<EvalQuery> claims = data.claims("dev").subList(0, 40);
        Set<String> wanted = new HashSet<>();
        claims.forEach(c -> wanted.addAll(c.candidates()));
        List<SourceDocument> slice = data.corpus().stream()
                .filter(d -> wanted.contains(d.id()) || Math.floorMod(d.id().hashCode(), 13) == 0)
                .limit(wanted.size() + 300)
                .toList();
        CachingEmbedder embedder = new CachingEmbedder(Shared.miniLm());
        try (KnowledgeBase solr = open("climate", KnowledgeBaseOptions.DEFAULT, embedder, List.of());
                KnowledgeBase local = KnowledgeBase.open(dir.resolve("local-climate"), KnowledgeBaseOptions.DEFAULT, embedder)) {
            local.ingest(slice, IngestListener.NONE);
            solr.ingest(slice, IngestListener.NONE);

            RecallComparison compared = RecallComparison.run("Climate-FEVER dev slice (" + claims.size() + " claims, "
                    + slice.size() + " sentences), local vs solrcloud (2 nodes, 2 shards)", local, solr, claims);
            System.out.println(compared.table());

            compared.local().forEach((mode, metrics) -> assertThat(compared.solr().get(mode).recallAt5()).as(mode)
                    .isCloseTo(metrics.recallAt5(), org.assertj.core.data.Offset.offset(0.01)));
            assertThat(compared.local().get("hybrid").recallAt5()).isGreaterThan(0.2);
        }
    }
}
