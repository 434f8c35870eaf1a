package io.hallmark.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.testing.Shared;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract on the local backend (a Lucene index in a folder), and what only the local backend does. */
class KnowledgeBaseTest extends KnowledgeBaseContract {

    @Override
    protected KnowledgeBase open(String name, KnowledgeBaseOptions options, Embedder embedder,
            List<? extends Embedder> passageEmbedders) {
        return KnowledgeBase.open(dir.resolve(name), options, embedder, passageEmbedders);
    }

    @Test
    void theFolderRecordsItsEmbedder() throws IOException {
        try (KnowledgeBase kb = open()) {
            kb.ingest(writeSamples(), IngestListener.NONE);
        }
        assertThat(KnowledgeBase.storedEmbedder(dir.resolve("kb"))).contains("all-minilm-l6-v2");
    }

    @Test
    void aSecondOpenOfTheSameKnowledgeBaseSaysItIsInUse() {
        try (KnowledgeBase kb = open()) {
            assertThatThrownBy(this::open).isInstanceOf(RetrievalException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void quantizedVectorsStillFindTheRightDocument() throws IOException {
        try (KnowledgeBase kb = open("kbq", KnowledgeBaseOptions.DEFAULT.withQuantizedVectors(true), Shared.miniLm(),
                List.of())) {
            kb.ingest(writeSamples(), IngestListener.NONE);

            assertThat(kb.stats().quantizedVectors()).isTrue();
            assertThat(kb.search(SearchRequest.of("trains faster than 250 km/h", SearchMode.VECTOR, 1)))
                    .extracting(SearchHit::sourceId).containsExactly("trains.txt");
        }
    }
}
