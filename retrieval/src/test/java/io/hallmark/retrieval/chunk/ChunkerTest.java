package io.hallmark.retrieval.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.ingest.MarkdownReader;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.testing.Texts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void chunksNeverCrossAHeadingAndKeepTheirSourceTitleAndPosition() {
        SourceDocument doc = MarkdownReader.parse("glaciers.md", "glaciers.md", Texts.GLACIERS_MD);

        List<Chunk> chunks = new Chunker(new ChunkingOptions(200, 0)).chunk(doc);

        assertThat(chunks).extracting(Chunk::position).containsExactly(
                java.util.stream.IntStream.range(0, chunks.size()).boxed().toArray(Integer[]::new));
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.sourceId()).isEqualTo("glaciers.md");
            assertThat(c.title()).isEqualTo("Glaciers");
            assertThat(c.text().length()).isLessThanOrEqualTo(200);
        });
        assertThat(chunks).filteredOn(c -> "Movement".equals(c.heading()))
                .allSatisfy(c -> assertThat(c.text()).doesNotContain("sea levels"));
        assertThat(chunks).filteredOn(c -> "Retreat".equals(c.heading())).isNotEmpty()
                .allSatisfy(c -> assertThat(c.text()).doesNotContain("Crevasses"));
    }

    @Test
    void chunksEndAtSentenceBoundaries() {
        SourceDocument doc = MarkdownReader.parse("g", "g", Texts.GLACIERS_MD);

        List<Chunk> chunks = new Chunker(new ChunkingOptions(150, 0)).chunk(doc);

        assertThat(chunks).allSatisfy(c -> assertThat(c.text()).matches("(?s).*[.!?]$"));
    }

    @Test
    void theNextChunkRepeatsTrailingSentencesUpToTheOverlap() {
        String text = "One short sentence here. Two short sentence here. Three short sentence here. "
                + "Four short sentence here. Five short sentence here. Six short sentence here.";
        SourceDocument doc = SourceDocument.of("s", "", text, Map.of());

        List<Chunk> chunks = new Chunker(new ChunkingOptions(80, 30)).chunk(doc);

        assertThat(chunks).hasSizeGreaterThan(1);
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String lastSentence = previous.substring(previous.lastIndexOf(". ", previous.length() - 2) + 2);
            assertThat(chunks.get(i).text()).startsWith(lastSentence);
        }
    }

    @Test
    void aSentenceLongerThanAChunkIsCutAtSpaces() {
        String longSentence = "word ".repeat(100).strip() + ".";
        List<Chunk> chunks = new Chunker(new ChunkingOptions(120, 0)).chunk(SourceDocument.of("s", "", longSentence, Map.of()));

        assertThat(chunks).hasSizeGreaterThan(3)
                .allSatisfy(c -> assertThat(c.text()).hasSizeLessThanOrEqualTo(120).doesNotStartWith("ord"));
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(longSentence);
    }

    @Test
    void optionsOutOfRangeAreRejectedWithTheValue() {
        assertThatThrownBy(() -> new ChunkingOptions(10, 0)).hasMessageContaining("got 10");
        assertThatThrownBy(() -> new ChunkingOptions(400, 300)).hasMessageContaining("got 300");
    }
}
