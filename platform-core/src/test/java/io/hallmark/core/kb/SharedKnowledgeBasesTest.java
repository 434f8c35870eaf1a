package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.search.VersionedHits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL is the record of the knowledge bases and each node's Lucene index a cache of it: two
 * {@link KnowledgeBases} with their own data directories on one database stand for two nodes (the three-node test in
 * the app runs them as processes).
 */
@ExtendWith(PostgresExtension.class)
class SharedKnowledgeBasesTest {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final SearchRequest LIGHTHOUSE = SearchRequest.of("lighthouse keepers tended lamps",
            SearchMode.HYBRID, 3);

    private final Database db;

    @TempDir
    Path tmp;

    SharedKnowledgeBasesTest(Database db) {
        this.db = db;
    }

    private KnowledgeBases node(String name) {
        KnowledgeBases node = new KnowledgeBases(tmp.resolve(name), db.dataSource(), name, true);
        node.follow(POLL);
        return node;
    }

    private static List<SourceDocument> documents(String prefix) {
        return List.of(
                SourceDocument.of(prefix + "lighthouses", "Lighthouses", "A lighthouse is a tower that emits light to "
                        + "guide ships at sea. Lighthouse keepers tended the lamps until most lights were automated.",
                        Map.of("topic", "sea")),
                SourceDocument.of(prefix + "glaciers", "Glaciers", "Glaciers are slowly moving masses of ice. Many "
                        + "glaciers have retreated since the nineteenth century as temperatures rose.", Map.of()),
                SourceDocument.of(prefix + "volcanoes", "Volcanoes", "A volcano is a rupture in the crust through "
                        + "which lava, ash and gases escape.", Map.of()));
    }

    @Test
    void anIngestOnOneNodeIsSearchableOnTheOtherWithTheSameHitsAndVersion() throws Exception {
        try (KnowledgeBases a = node("a1"); KnowledgeBases b = node("b1")) {
            KnowledgeBase onA = a.open("follow");
            var report = onA.ingest(documents(""), IngestListener.NONE);
            assertThat(report.added()).isEqualTo(3);
            VersionedHits seenOnA = onA.searchVersioned(LIGHTHOUSE);
            assertThat(seenOnA.sequence()).as("one change per document").isEqualTo(3);
            assertThat(seenOnA.version()).isEqualTo("kb-seq-3");
            assertThat(seenOnA.hits().getFirst().chunkId()).isEqualTo("lighthouses#0");

            long start = System.nanoTime();
            VersionedHits seenOnB = await(() -> {
                VersionedHits hits = searchOn(b, "follow", LIGHTHOUSE);
                return hits != null && hits.sequence() == 3 ? hits : null;
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(ids(seenOnB.hits())).isEqualTo(ids(seenOnA.hits()));
            assertThat(seenOnB.version()).isEqualTo(seenOnA.version());
            assertThat(seenOnB.hits().getFirst().metadata()).containsEntry("topic", "sea");

            try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                    select b.embedder, b.embedder_sha256, b.dimension, b.sequence, length(ch.vector),
                           (select count(*) from kb_changes where kb = b.name)
                      from kb_bases b join kb_chunks ch on ch.kb = b.name and ch.source_id = 'lighthouses'
                     where b.name = 'follow'""")) {
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("all-minilm-l6-v2");
                    assertThat(rs.getString(2)).matches("[0-9a-f]{64}");
                    assertThat(rs.getInt(3)).isEqualTo(384);
                    assertThat(rs.getLong(4)).isEqualTo(3);
                    assertThat(rs.getInt(5)).as("float32 vectors").isEqualTo(384 * 4);
                    assertThat(rs.getLong(6)).isEqualTo(3);
                }
            }

            // a deletion and a replacement on B reach A
            KnowledgeBase onB = b.open("follow");
            assertThat(onB.delete("lighthouses")).isTrue();
            onB.ingest(List.of(SourceDocument.of("glaciers", "Glaciers", "Glaciers are rivers of ice that flow "
                    + "downhill under their own weight.", Map.of())), IngestListener.NONE);
            assertThat(onB.appliedSequence()).isEqualTo(5);
            VersionedHits afterOnA = await(() -> {
                VersionedHits hits = onA.searchVersioned(SearchRequest.of("glaciers ice", SearchMode.BM25, 5));
                return hits.sequence() == 5 ? hits : null;
            });
            assertThat(afterOnA.hits()).extracting(SearchHit::text).contains("Glaciers are rivers of ice that flow "
                    + "downhill under their own weight.");
            assertThat(ids(onA.search(SearchRequest.of("lighthouse", SearchMode.BM25, 5)))).isEmpty();
            assertThat(ids(onA.search(LIGHTHOUSE))).isEqualTo(ids(onB.search(LIGHTHOUSE)));
        }
    }

    @Test
    void anIndexDeletedWhileTheNodeRunsIsRebuiltAndAnswersTheSame() throws Exception {
        try (KnowledgeBases a = node("a2")) {
            KnowledgeBase kb = a.open("rebuilt");
            kb.ingest(documents(""), IngestListener.NONE);
            List<String> before = ids(kb.search(LIGHTHOUSE));
            deleteRecursively(a.folder("rebuilt"));

            VersionedHits after = await(() -> {
                try {
                    KnowledgeBase reopened = a.open("rebuilt");
                    return reopened == kb ? null : reopened.searchVersioned(LIGHTHOUSE);
                } catch (KnowledgeBaseRebuildingException e) {
                    assertThat(e.getMessage()).contains("being rebuilt from the database");
                    return null;
                }
            });
            assertThat(ids(after.hits())).isEqualTo(before);
            assertThat(after.version()).isEqualTo("kb-seq-3");
            assertThat(Files.exists(a.folder("rebuilt").resolve("write.lock"))).isTrue();
        }
    }

    @Test
    void aFreshNodeAndANodeWithACorruptIndexRebuildOnTheirOwn() throws Exception {
        List<String> expected;
        try (KnowledgeBases a = node("a3")) {
            KnowledgeBase kb = a.open("fresh");
            kb.ingest(documents(""), IngestListener.NONE);
            expected = ids(kb.search(LIGHTHOUSE));
            try (KnowledgeBases fresh = node("b3")) {
                // nobody opens it: the follower does, and rebuilds it
                VersionedHits hits = await(() -> fresh.rebuilding().isEmpty() && fresh.describe().containsKey("fresh")
                        ? fresh.open("fresh").searchVersioned(LIGHTHOUSE) : null);
                assertThat(ids(hits.hits())).isEqualTo(expected);
                assertThat(hits.version()).isEqualTo("kb-seq-3");
            }
        }
        Path folder = tmp.resolve("a3").resolve("kb").resolve("fresh");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path segments : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(segments, new byte[] {1, 2, 3, 4});
            }
        }
        try (KnowledgeBases a = new KnowledgeBases(tmp.resolve("a3"), db.dataSource(), "a3", false)) {
            // a one-shot command rebuilds in its own thread
            VersionedHits hits = a.open("fresh").searchVersioned(LIGHTHOUSE);
            assertThat(ids(hits.hits())).isEqualTo(expected);
            assertThat(hits.sequence()).isEqualTo(3);
            try (Stream<Path> damaged = Files.list(tmp.resolve("a3").resolve("kb").resolve(".damaged"))) {
                assertThat(damaged).as("the damaged index is kept aside").hasSize(1);
            }
        }
    }

    @Test
    void aLocalIndexFromBeforeTheRecordIsCopiedIntoTheDatabase() throws Exception {
        try (KnowledgeBases local = new KnowledgeBases(tmp.resolve("old"))) {
            local.open("legacy").ingest(documents(""), IngestListener.NONE);
        }
        try (KnowledgeBases migrated = node("old"); KnowledgeBases other = node("other")) {
            VersionedHits onMigrated = await(() -> searchOn(migrated, "legacy", LIGHTHOUSE));
            assertThat(onMigrated.sequence()).isEqualTo(3);
            VersionedHits onOther = await(() -> searchOn(other, "legacy", LIGHTHOUSE));
            assertThat(ids(onOther.hits())).isEqualTo(ids(onMigrated.hits())).contains("lighthouses#0");
            assertThat(onOther.version()).isEqualTo(onMigrated.version());
            // the copied vectors search as the re-embedded ones would
            assertThat(other.open("legacy").search(LIGHTHOUSE.withMode(SearchMode.VECTOR)).getFirst().chunkId())
                    .isEqualTo("lighthouses#0");
        }
    }

    @Test
    void aNodeWithAnotherCopyOfTheEmbeddingModelRefusesTheKnowledgeBase() throws Exception {
        try (KnowledgeBases a = new KnowledgeBases(tmp.resolve("a5"), db.dataSource(), "a5", false)) {
            a.open("model-check");
        }
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "update kb_bases set embedder_sha256 = ? where name = 'model-check'")) {
            s.setString(1, "0".repeat(64));
            s.executeUpdate();
        }
        try (KnowledgeBases b = new KnowledgeBases(tmp.resolve("b5"), db.dataSource(), "b5", false)) {
            assertThatThrownBy(() -> b.open("model-check")).isInstanceOf(HallmarkException.class)
                    .hasMessageContaining("SHA-256 " + "0".repeat(64)).hasMessageContaining("all-minilm-l6-v2");
        }
    }

    /** The hits on a node, or null while the node rebuilds the knowledge base (its first sight of it, here). */
    private static VersionedHits searchOn(KnowledgeBases node, String kb, SearchRequest request) {
        try {
            return node.open(kb).searchVersioned(request);
        } catch (KnowledgeBaseRebuildingException e) {
            return null;
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::chunkId).toList();
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached within 15 s");
    }

    private static void deleteRecursively(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
