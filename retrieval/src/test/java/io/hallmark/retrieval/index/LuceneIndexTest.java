package io.hallmark.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.retrieval.chunk.Chunk;
import io.hallmark.retrieval.search.SearchFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexTest {

    @TempDir
    Path dir;

    private static final IndexSettings BM25_ONLY = new IndexSettings(IndexSettings.NO_EMBEDDER, 0, false);

    private static List<IndexedChunk> chunks(String source, String... texts) {
        return java.util.stream.IntStream.range(0, texts.length)
                .mapToObj(i -> new IndexedChunk(new Chunk(source, i, "", null, texts[i], Map.of()), null))
                .toList();
    }

    @Test
    void writesAreVisibleToSearchBeforeCommitButOnlyCommittedWritesSurviveAReopen() {
        try (LuceneIndex index = LuceneIndex.open(dir, BM25_ONLY)) {
            index.replaceSource("a", "h1", chunks("a", "Volcanic eruptions cool the climate for a few years."));
            index.commit();
            index.replaceSource("b", "h2", chunks("b", "Volcanic ash grounds aircraft."));

            assertThat(index.bm25("volcanic", SearchFilter.NONE, 10)).hasSize(2); // near-real-time
        } // closed without a commit: b is discarded
        try (LuceneIndex index = LuceneIndex.open(dir, BM25_ONLY)) {
            assertThat(index.bm25("volcanic", SearchFilter.NONE, 10)).extracting(h -> h.sourceId()).containsExactly("a");
            assertThat(index.sourceHash("a")).contains("h1");
            assertThat(index.stats().commitData()).containsEntry(IndexFields.COMMIT_EMBEDDER, "none");
        }
    }

    @Test
    void replacingASourceSwapsAllItsChunksAtOnce() {
        try (LuceneIndex index = LuceneIndex.open(dir, BM25_ONLY)) {
            index.replaceSource("a", "h1", chunks("a", "one", "two", "three"));
            index.replaceSource("a", "h2", chunks("a", "four"));
            index.commit();

            assertThat(index.count()).isEqualTo(1);
            assertThat(index.stats().sources()).isEqualTo(1);
            assertThat(index.sourceHash("a")).contains("h2");
        }
    }

    @Test
    void passageVectorsAreReadBackByChunkIdAndModel() {
        float[] a = io.hallmark.retrieval.embed.Vectors.normalize(new float[] {1, 2, 3, 4});
        float[] other = {0.5f, -0.25f, 0.125f};
        try (LuceneIndex index = LuceneIndex.open(dir, new IndexSettings("toy", 4, false))) {
            index.replaceSource("s", "h", List.of(
                    new IndexedChunk(new Chunk("s", 0, "T", null, "first", Map.of()), a, Map.of("second-model", other)),
                    new IndexedChunk(new Chunk("s", 1, "T", null, "second", Map.of()), a)));
            index.commit();

            Map<String, float[]> stored = index.vectors(List.of("s#0", "s#1", "missing#0"), "second-model");
            assertThat(stored).containsOnlyKeys("s#0"); // s#1 was indexed without one
            assertThat(stored.get("s#0")).containsExactly(other);
            assertThat(index.vectors(List.of("s#0"), "toy")).isEmpty(); // searchable vectors are not passage vectors
        }
    }
}
