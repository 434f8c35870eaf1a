package io.hallmark.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.testing.Shared;
import io.hallmark.retrieval.testing.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every retrieval backend must do behind {@link KnowledgeBase}: the contract tests. {@code KnowledgeBaseTest}
 * runs them on the local Lucene index, {@code SolrCloudKnowledgeBaseTest} (module {@code search-solrcloud}) on a
 * real multi-node SolrCloud.
 */
public abstract class KnowledgeBaseContract {

    @TempDir
    protected Path dir;

    /**
     * Opens knowledge base {@code name} of this test on the backend under test: the same name opens the same
     * knowledge base again (after a close), and every test starts with none.
     */
    protected abstract KnowledgeBase open(String name, KnowledgeBaseOptions options, Embedder embedder,
            List<? extends Embedder> passageEmbedders);

    protected Path writeSamples() throws IOException {
        Path docs = dir.resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("glaciers.md"), Texts.GLACIERS_MD);
        Files.writeString(docs.resolve("bread.html"), Texts.BREAD_HTML);
        Files.writeString(docs.resolve("trains.txt"), Texts.TRAINS_TXT);
        return docs;
    }

    protected KnowledgeBase open() {
        return open("kb", KnowledgeBaseOptions.DEFAULT, Shared.miniLm(), List.of());
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void everyModeFindsTheDocumentThatAnswersTheQuestion(SearchMode mode) throws IOException {
        try (KnowledgeBase kb = open()) {
            IngestReport report = kb.ingest(writeSamples(), IngestListener.NONE);
            assertThat(report.added()).isEqualTo(3);
            assertThat(report.chunks()).isGreaterThanOrEqualTo(3);

            List<SearchHit> hits = kb.search(SearchRequest.of("why do mountain glaciers lose ice", mode, 3));

            assertThat(hits).isNotEmpty();
            assertThat(hits.get(0).sourceId()).isEqualTo("glaciers.md");
            assertThat(hits.get(0).title()).isEqualTo("Glaciers");
            assertThat(hits.get(0).text()).containsIgnoringCase("glacier");
            assertThat(hits.get(0).score()).isPositive();
            assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void theDocumentListPagesThroughLiveSourcesInIdOrderAndForgetsADeletedOne() throws IOException {
        try (KnowledgeBase kb = open()) {
            kb.ingest(writeSamples(), IngestListener.NONE);

            assertThat(kb.sources(0, 10)).extracting(io.hallmark.retrieval.index.IndexedSource::id)
                    .containsExactly("bread.html", "glaciers.md", "trains.txt");
            assertThat(kb.sources(0, 10)).allSatisfy(s -> assertThat(s.chunks()).isPositive());
            assertThat(kb.sources(0, 10).get(1).title()).isEqualTo("Glaciers");
            assertThat(kb.sources(1, 1)).extracting(io.hallmark.retrieval.index.IndexedSource::id)
                    .containsExactly("glaciers.md");

            assertThat(kb.delete("glaciers.md")).isTrue();
            assertThat(kb.sources(0, 10)).extracting(io.hallmark.retrieval.index.IndexedSource::id)
                    .containsExactly("bread.html", "trains.txt");
        }
    }

    @Test
    void vectorSearchFindsAParaphraseWithNoSharedWords() throws IOException {
        try (KnowledgeBase kb = open()) {
            kb.ingest(writeSamples(), IngestListener.NONE);

            List<SearchHit> hits = kb.search(SearchRequest.of("making a loaf in your kitchen", SearchMode.VECTOR, 1));

            assertThat(hits).extracting(SearchHit::sourceId).containsExactly("bread.html");
        }
    }

    @Test
    void reIngestingAChangedSourceReplacesItsChunksAndAnUnchangedOneIsLeftAlone() throws IOException {
        Path docs = writeSamples();
        try (KnowledgeBase kb = open()) {
            kb.ingest(docs, IngestListener.NONE);
            long before = kb.stats().chunks();
            Files.writeString(docs.resolve("trains.txt"), "Cable cars climb steep hills pulled by a moving steel rope.");

            IngestReport again = kb.ingest(docs, IngestListener.NONE);

            assertThat(again.replaced()).isEqualTo(1);
            assertThat(again.unchanged()).isEqualTo(2);
            assertThat(again.added()).isZero();
            assertThat(kb.stats().sources()).isEqualTo(3);
            assertThat(kb.stats().chunks()).isEqualTo(before); // one chunk out, one in
            assertThat(kb.search(SearchRequest.of("pantograph overhead lines", SearchMode.BM25, 5))).isEmpty();
            assertThat(kb.search(SearchRequest.of("steel rope cable cars", SearchMode.BM25, 5)))
                    .extracting(SearchHit::sourceId).containsExactly("trains.txt");
        }
    }

    @Test
    void deletingASourceRemovesItsChunksDurably() throws IOException {
        try (KnowledgeBase kb = open()) {
            kb.ingest(writeSamples(), IngestListener.NONE);

            assertThat(kb.delete("glaciers.md")).isTrue();
            assertThat(kb.delete("glaciers.md")).isFalse();
            assertThat(kb.search(SearchRequest.of("glacier ice", SearchMode.BM25, 5))).isEmpty();
        }
        try (KnowledgeBase reopened = open()) {
            assertThat(reopened.stats().sources()).isEqualTo(2);
            assertThat(reopened.search(SearchRequest.of("glacier crevasses", SearchMode.HYBRID, 10)))
                    .extracting(SearchHit::sourceId).doesNotContain("glaciers.md");
        }
    }

    @Test
    void filtersRestrictHitsToSourcesAndMetadata() {
        List<SourceDocument> docs = new ArrayList<>();
        docs.add(SourceDocument.of("a", "Sea ice", "Arctic sea ice extent reached a record low in September.", Map.of("region", "arctic")));
        docs.add(SourceDocument.of("b", "Sea ice", "Antarctic sea ice grew slightly for several decades.", Map.of("region", "antarctic")));
        docs.add(SourceDocument.of("c", "Ice sheets", "The Greenland ice sheet loses mass each summer.", Map.of("region", "arctic")));
        try (KnowledgeBase kb = open()) {
            kb.ingest(docs, IngestListener.NONE);

            for (SearchMode mode : SearchMode.values()) {
                SearchRequest q = SearchRequest.of("sea ice", mode, 10);
                assertThat(kb.search(q.withFilter(SearchFilter.metadata("region", "antarctic"))))
                        .extracting(SearchHit::sourceId).containsExactly("b");
                assertThat(kb.search(q.withFilter(SearchFilter.sources("a", "c"))))
                        .extracting(SearchHit::sourceId).containsExactlyInAnyOrder("a", "c");
            }
            assertThat(kb.search(SearchRequest.of("sea ice", SearchMode.BM25, 1)).get(0).metadata())
                    .containsKey("region");
        }
    }

    @Test
    void emptyAndEnormousQueriesAreClearErrors() {
        assertThatThrownBy(() -> SearchRequest.of("   ", SearchMode.HYBRID, 5))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SearchRequest.of("ice ".repeat(1_000), SearchMode.BM25, 5))
                .isInstanceOf(InvalidRetrievalRequestException.class)
                .hasMessageContaining("4000 characters").hasMessageContaining("limit is 2000");
        assertThatThrownBy(() -> SearchRequest.of("ice", SearchMode.BM25, 0))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("got 0");
    }

    @Test
    void aQueryOfOnlyStopWordsFindsNothingInBm25() throws IOException {
        try (KnowledgeBase kb = open()) {
            kb.ingest(writeSamples(), IngestListener.NONE);
            assertThat(kb.search(SearchRequest.of("the and of", SearchMode.BM25, 5))).isEmpty();
            assertThat(kb.search(SearchRequest.of("the and of", SearchMode.HYBRID, 5))).isNotEmpty();
        }
    }

    @Test
    void theRerankingHookReordersTheCandidatePool() throws IOException {
        KnowledgeBaseOptions reversed = KnowledgeBaseOptions.DEFAULT.withReranker((query, candidates) -> {
            List<SearchHit> out = new ArrayList<>(candidates);
            java.util.Collections.reverse(out);
            return out;
        });
        try (KnowledgeBase kb = open("kb", reversed, Shared.miniLm(), List.of())) {
            kb.ingest(writeSamples(), IngestListener.NONE);

            List<SearchHit> hits = kb.search(SearchRequest.of("glaciers", SearchMode.VECTOR, 1));

            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).sourceId()).isNotEqualTo("glaciers.md");
        }
    }

    @Test
    void aKnowledgeBaseRefusesAnotherEmbedderThanItWasBuiltWith() throws IOException {
        try (KnowledgeBase kb = open()) {
            kb.ingest(writeSamples(), IngestListener.NONE);
        }
        assertThatThrownBy(() -> open("kb", KnowledgeBaseOptions.DEFAULT, Shared.embedder(EmbeddingModel.ALL_MINILM_L6_V2_Q),
                        List.of()))
                .isInstanceOf(InvalidRetrievalRequestException.class)
                .hasMessageContaining("'all-minilm-l6-v2'").hasMessageContaining("'all-minilm-l6-v2-q'");
    }

    @Test
    void passageVectorsAreStoredBesideTheChunksAndTheSnapshotMovesWithEveryChange() throws IOException {
        Embedder passages = Shared.embedder(EmbeddingModel.ALL_MINILM_L6_V2_Q);
        try (KnowledgeBase kb = open("kb", KnowledgeBaseOptions.DEFAULT, Shared.miniLm(), List.of(passages))) {
            kb.ingest(writeSamples(), IngestListener.NONE);
            String afterIngest = kb.snapshot();
            SearchHit top = kb.search(SearchRequest.of("glaciers", SearchMode.HYBRID, 1)).get(0);

            Map<String, float[]> stored = kb.index().vectors(List.of(top.chunkId(), "no-such#0"), passages.name());

            assertThat(stored).containsOnlyKeys(top.chunkId());
            assertThat(stored.get(top.chunkId())).containsExactly(passages.embedDocuments(List.of(top.text())).get(0),
                    org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(kb.delete("trains.txt")).isTrue();
            assertThat(kb.snapshot()).isNotEqualTo(afterIngest);
        }
    }

    @Test
    void ingestReportsSkipsAndProgress() throws IOException {
        Path docs = writeSamples();
        Files.write(docs.resolve("blob.txt"), new byte[] {0, 1, 2, 3, 0, 0});
        List<int[]> progress = new ArrayList<>();
        try (KnowledgeBase kb = open()) {
            IngestReport report = kb.ingest(docs, (done, total, chunks) -> progress.add(new int[] {done, total}));

            assertThat(report.skips()).singleElement().satisfies(s -> assertThat(s.reason()).contains("binary"));
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1)).containsExactly(3, 3);
        }
    }
}
