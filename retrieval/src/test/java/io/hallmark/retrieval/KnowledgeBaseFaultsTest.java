package io.hallmark.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.testing.Shared;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults under a real knowledge base (a Lucene index on disk, the real MiniLM model), injected in the spirit of
 * Lucene's {@code Cranky*} wrappers: a corrupt segment file, and an embedding model that fails and then works again.
 * Each with the expectation "a clear error, nothing lost, recovers without a person" as far as the knowledge base can
 * provide it (see docs/operations.md for what is not covered).
 */
class KnowledgeBaseFaultsTest {

    @TempDir
    Path dir;

    private static List<SourceDocument> docs(String prefix, int n) {
        List<SourceDocument> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SourceDocument.of(prefix + "-" + i, "Lighthouse " + i, "Lighthouse number " + i + " of the "
                    + prefix + " coast stands on a rocky island; its keeper lights the lamp at dusk so that ships pass "
                    + "the reef safely at night.", Map.of()));
        }
        return out;
    }

    @Test
    void aCorruptSegmentIsFoundWhenTheIndexOpensAndReportedClearlyNotSearched() throws Exception {
        Path folder = dir.resolve("corrupt");
        try (KnowledgeBase kb = KnowledgeBase.open(folder, KnowledgeBaseOptions.DEFAULT, Shared.miniLm())) {
            kb.ingest(docs("north", 30), IngestListener.NONE);
        }
        Path segment = largestSegmentFile(folder);
        flipBytesInTheMiddle(segment);

        assertThatThrownBy(() -> KnowledgeBase.open(folder, KnowledgeBaseOptions.DEFAULT, Shared.miniLm()))
                .as("a flipped byte in %s", segment.getFileName())
                .isInstanceOf(RetrievalException.class)
                .hasMessageContaining("is corrupt").hasMessageContaining(folder.toString())
                .hasMessageContaining("fact checks against it fail closed").hasMessageContaining("Rebuild it");

        // rebuilt from its sources in a fresh folder, the knowledge base serves again
        Path rebuilt = dir.resolve("rebuilt");
        try (KnowledgeBase kb = KnowledgeBase.open(rebuilt, KnowledgeBaseOptions.DEFAULT, Shared.miniLm())) {
            kb.ingest(docs("north", 30), IngestListener.NONE);
            assertThat(kb.search(SearchRequest.of("keeper lights the lamp", SearchMode.HYBRID, 5))).hasSize(5);
        }
    }

    @Test
    void aFailingEmbeddingModelFailsClearlyKeepsWhatWasCommittedAndRecoversWhenTheModelWorksAgain() throws Exception {
        CrankyEmbedder model = new CrankyEmbedder(Shared.miniLm());
        try (KnowledgeBase kb = KnowledgeBase.open(dir.resolve("kb"), KnowledgeBaseOptions.DEFAULT, model)) {
            kb.ingest(docs("north", 10), IngestListener.NONE);

            model.failing = true;
            assertThatThrownBy(() -> kb.ingest(docs("south", 10), IngestListener.NONE))
                    .isInstanceOf(RetrievalException.class)
                    .hasMessageContaining("The embedding model failed (ONNX Runtime session ended)")
                    .hasMessageContaining("0 of 10 new or changed sources were ingested")
                    .hasMessageContaining("Ingest again once the model works");
            assertThatThrownBy(() -> kb.search(SearchRequest.of("keeper", SearchMode.HYBRID, 5)))
                    .isInstanceOf(RetrievalException.class)
                    .hasMessageContaining("'" + Shared.miniLm().name() + "' cannot embed the query")
                    .hasMessageContaining("BM25 still works");
            List<SearchHit> lexical = kb.search(new SearchRequest("keeper lamp", SearchMode.BM25, 50, SearchFilter.NONE,
                    null));
            assertThat(lexical).as("nothing half-written: only what was committed before")
                    .extracting(SearchHit::sourceId).allMatch(id -> id.startsWith("north-"));
            assertThat(kb.stats().sources()).isEqualTo(10);

            model.failing = false; // the model works again: the same knowledge base, no restart, no person
            IngestReport retry = kb.ingest(docs("south", 10), IngestListener.NONE);
            assertThat(retry.added()).isEqualTo(10);
            assertThat(kb.stats().sources()).isEqualTo(20);
            assertThat(kb.search(SearchRequest.of("south coast lighthouse", SearchMode.HYBRID, 5))).hasSize(5);
        }
    }

    /** The biggest file of the index's segments (the compound file or the vectors), not the commit point. */
    private static Path largestSegmentFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("_"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }

    private static void flipBytesInTheMiddle(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = channel.size() / 2;
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            channel.read(bytes, at);
            for (int i = 0; i < bytes.limit(); i++) {
                bytes.put(i, (byte) ~bytes.get(i));
            }
            bytes.rewind();
            channel.write(bytes, at);
        }
    }

    /**
     * A Cranky-style wrapper around a real embedding model: while {@code failing}, every call fails as a model whose
     * native session died would; otherwise it is the model itself.
     */
    static final class CrankyEmbedder implements Embedder {

        private final Embedder model;
        volatile boolean failing;

        CrankyEmbedder(Embedder model) {
            this.model = model;
        }

        private void maybeFail() {
            if (failing) {
                throw new IllegalStateException("ONNX Runtime session ended");
            }
        }

        @Override
        public String name() {
            return model.name();
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
            maybeFail();
            return model.embedDocuments(texts);
        }

        @Override
        public float[] embedQuery(String query) {
            maybeFail();
            return model.embedQuery(query);
        }

        @Override
        public boolean symmetric() {
            return model.symmetric();
        }
    }
}
