package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.Modality;
import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.governance.factcheck.FactCheckAssessor;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.search.VersionedHits;
import io.hallmark.search.solrcloud.RetrievalBackend;
import io.hallmark.search.solrcloud.SolrTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retrieval-backend=solrcloud}: two {@link KnowledgeBases} on one database and one real 2-node SolrCloud stand
 * for two nodes. PostgreSQL stays the record; the node that ingests writes the shared collection, the other only reads
 * it and reports the record's version.
 */
@ExtendWith(PostgresExtension.class)
class ClusterKnowledgeBasesTest {

    private static final SearchRequest LIGHTHOUSE = SearchRequest.of("lighthouse keepers tended lamps",
            SearchMode.HYBRID, 3);

    @TempDir
    static Path clusterDir;
    private static SolrTestCluster cluster;

    private final Database db;

    @TempDir
    Path tmp;

    ClusterKnowledgeBasesTest(Database db) {
        this.db = db;
    }

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = SolrTestCluster.start(2, clusterDir);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The backend as the platform reads it from its settings. */
    private static RetrievalBackend backend() {
        return RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud",
                "solrcloud.urls", String.join(",", cluster.solrUrls()), "solrcloud.collection", "hallmarkit",
                "solrcloud.shards", "2", "solrcloud.replicas", "1"));
    }

    private KnowledgeBases node(String name) {
        return new KnowledgeBases(tmp.resolve(name), db.dataSource(), name, true, backend());
    }

    private static List<SourceDocument> documents() {
        return List.of(
                SourceDocument.of("lighthouses", "Lighthouses", "A lighthouse is a tower that emits light to guide ships "
                        + "at sea. Lighthouse keepers tended the lamps until most lights were automated.",
                        Map.of("topic", "sea")),
                SourceDocument.of("glaciers", "Glaciers", "Glaciers are slowly moving masses of ice. Many glaciers have "
                        + "retreated since the nineteenth century as temperatures rose.", Map.of()),
                SourceDocument.of("eiffel", "Eiffel Tower", "The Eiffel Tower in Paris was completed in 1889 for the "
                        + "World's Fair.", Map.of()));
    }

    @Test
    void anIngestOnOneNodeIsSearchedOnTheOtherThroughTheClusterWithTheSameHitsAndVersion() {
        try (KnowledgeBases a = node("a"); KnowledgeBases b = node("b")) {
            // as the platform does: each node's fact checker registers its passage-vector models before first use
            new FactCheckService(a, "shared", tmp.resolve("a"));
            FactCheckService factCheck = new FactCheckService(b, "shared", tmp.resolve("b"));
            KnowledgeBase onA = a.open("shared");
            assertThat(onA.index().path()).isEqualTo(Path.of("solrcloud", "hallmarkit_shared"));
            assertThat(onA.ingest(documents(), IngestListener.NONE).added()).isEqualTo(3);
            VersionedHits seenOnA = onA.searchVersioned(LIGHTHOUSE);
            assertThat(seenOnA.version()).as("the record's change sequence, one change per document")
                    .isEqualTo("kb-seq-3");
            assertThat(seenOnA.hits().getFirst().chunkId()).isEqualTo("lighthouses#0");

            // another node opens the same collection: it matches the record, so nothing is written to it
            String clusterVersion = onA.index().snapshot();
            KnowledgeBase onB = b.open("shared");
            assertThat(onB.index().snapshot()).isEqualTo(clusterVersion);
            VersionedHits seenOnB = onB.searchVersioned(LIGHTHOUSE);
            assertThat(seenOnB.version()).isEqualTo(seenOnA.version());
            assertThat(ids(seenOnB.hits())).isEqualTo(ids(seenOnA.hits()));
            assertThat(seenOnB.hits().getFirst().metadata()).containsEntry("topic", "sea");
            assertThat(Files.exists(b.folder("shared"))).as("no local Lucene index on the cluster backend").isFalse();

            // a deletion on B is written to the cluster by B before the call returns; A reports its version after
            // following the record
            assertThat(onB.delete("lighthouses")).isTrue();
            assertThat(onB.appliedSequence()).isEqualTo(4);
            assertThat(onA.search(SearchRequest.of("lighthouse", SearchMode.BM25, 5))).isEmpty();
            assertThat(a.catchUp("shared")).isEqualTo(4);
            assertThat(onA.searchVersioned(SearchRequest.of("glaciers ice", SearchMode.BM25, 3)).version())
                    .isEqualTo("kb-seq-4");

            // a fact check on B reads the cluster and records the record's version
            Assessment out = new Assessment();
            new FactCheckAssessor(factCheck::checker, "shared").assess(new AssessmentInput(Modality.TEXT,
                    "Tell me about the Eiffel Tower", "The Eiffel Tower was completed in 1889.", null, "text/plain",
                    Map.of()), out);
            @SuppressWarnings("unchecked")
            Map<String, Object> findings = (Map<String, Object>) out.findings().get("factcheck");
            assertThat(findings).containsEntry("knowledgeBaseVersion", "kb-seq-4");
            assertThat(out.scores()).containsEntry("claims.total", 1.0);
        }
    }

    @Test
    void aNodeThatOpensAClusterIndexBehindTheRecordWritesOnlyWhatDiffers() {
        try (KnowledgeBases a = node("c")) {
            KnowledgeBase onA = a.open("behind");
            onA.ingest(documents(), IngestListener.NONE);
            // the cluster loses a source the record holds (a writer that died after the record committed)
            onA.index().deleteSource("glaciers");
            onA.index().commit();
            assertThat(onA.search(SearchRequest.of("glaciers ice", SearchMode.BM25, 3))).isEmpty();
        }
        try (KnowledgeBases fresh = node("d")) {
            KnowledgeBase kb = fresh.open("behind");
            assertThat(kb.index().stats().sources()).isEqualTo(3);
            assertThat(ids(kb.search(SearchRequest.of("glaciers ice", SearchMode.BM25, 3)))).contains("glaciers#0");
            assertThat(kb.searchVersioned(LIGHTHOUSE).version()).isEqualTo("kb-seq-3");
        }
    }

    @Test
    void aChangeTheClusterRefusedIsNeitherReportedNorLeftBehind() throws Exception {
        try (KnowledgeBases a = node("e"); KnowledgeBases b = node("f")) {
            b.follow(Duration.ofMillis(500));
            KnowledgeBase onA = a.open("refused");
            onA.ingest(documents(), IngestListener.NONE);
            KnowledgeBase onB = await(() -> {
                KnowledgeBase kb = b.open("refused");
                return kb.appliedSequence() == 3 ? kb : null;
            });
            SearchRequest deserts = SearchRequest.of("deserts rain", SearchMode.BM25, 3);

            // the cluster refuses writes: the record commits change 4, the writer cannot put it in the collection
            cluster.readOnly("hallmarkit_refused", true);
            try {
                assertThatThrownBy(() -> onA.ingest(List.of(SourceDocument.of("deserts", "Deserts", "Deserts receive "
                        + "very little rain.", Map.of())), IngestListener.NONE))
                        .hasMessageContaining("recorded in the database (change 4)")
                        .hasMessageContaining("search cluster failed");
                Thread.sleep(1500); // B follows meanwhile (three rounds of 500 ms)
                // no node reports a version the collection does not hold
                assertThat(a.catchUp("refused")).isEqualTo(3);
                assertThat(onB.searchVersioned(deserts).version()).isEqualTo("kb-seq-3");
                assertThat(onB.search(deserts)).isEmpty();
            } finally {
                cluster.readOnly("hallmarkit_refused", false);
            }

            // nobody ingests again: B's follower writes the missing change once the cluster accepts writes
            VersionedHits seenOnB = await(() -> {
                VersionedHits hits = onB.searchVersioned(deserts);
                return hits.sequence() == 4 ? hits : null;
            });
            assertThat(ids(seenOnB.hits())).containsExactly("deserts#0");
            assertThat(a.catchUp("refused")).isEqualTo(4);
            assertThat(ids(onA.search(deserts))).containsExactly("deserts#0");
            await(() -> b.problems().isEmpty() ? true : null);
        }
    }

    private static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached within 60 s");
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::chunkId).toList();
    }
}
