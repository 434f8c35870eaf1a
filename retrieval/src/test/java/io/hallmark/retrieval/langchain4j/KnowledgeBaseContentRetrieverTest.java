package io.hallmark.retrieval.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.ingest.MarkdownReader;
import io.hallmark.retrieval.testing.Shared;
import io.hallmark.retrieval.testing.Texts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseContentRetrieverTest {

    @TempDir
    Path dir;

    @Test
    void retrievesChunksAsContentWithSourceMetadataAndScore() {
        try (KnowledgeBase kb = KnowledgeBase.open(dir, KnowledgeBaseOptions.DEFAULT, Shared.miniLm())) {
            kb.ingest(List.of(MarkdownReader.parse("glaciers.md", "glaciers.md", Texts.GLACIERS_MD)), IngestListener.NONE);

            List<Content> contents = new KnowledgeBaseContentRetriever(kb, 2).retrieve(Query.from("Do glaciers raise the sea?"));

            assertThat(contents).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            Content first = contents.get(0);
            assertThat(first.textSegment().text()).contains("sea levels");
            assertThat(first.textSegment().metadata().getString("source_id")).isEqualTo("glaciers.md");
            assertThat(first.textSegment().metadata().getString("heading")).isEqualTo("Retreat");
            assertThat(first.textSegment().metadata().getString("format")).isEqualTo("markdown");
            assertThat((Double) first.metadata().get(ContentMetadata.SCORE)).isPositive();
        }
    }
}
