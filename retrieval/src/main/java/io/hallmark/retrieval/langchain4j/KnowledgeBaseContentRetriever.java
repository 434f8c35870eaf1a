package io.hallmark.retrieval.langchain4j;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.search.FusionWeights;
import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A LangChain4j {@link ContentRetriever} over a {@link KnowledgeBase}. Each {@link Content} carries the chunk
 * text, its metadata plus {@code source_id}, {@code chunk_id}, {@code position}, {@code title} and
 * {@code heading} in the segment metadata, and the search score as {@link ContentMetadata#SCORE}.
 */
public final class KnowledgeBaseContentRetriever implements ContentRetriever {

    private final KnowledgeBase knowledgeBase;
    private final SearchMode mode;
    private final int maxResults;
    private final SearchFilter filter;
    private final FusionWeights fusion;

    public KnowledgeBaseContentRetriever(KnowledgeBase knowledgeBase, SearchMode mode, int maxResults,
            SearchFilter filter, FusionWeights fusion) {
        this.knowledgeBase = Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (maxResults < 1 || maxResults > SearchRequest.MAX_K) {
            throw new IllegalArgumentException("maxResults must be between 1 and " + SearchRequest.MAX_K + ", got "
                    + maxResults);
        }
        this.maxResults = maxResults;
        this.filter = filter == null ? SearchFilter.NONE : filter;
        this.fusion = fusion == null ? FusionWeights.DEFAULT : fusion;
    }

    /** Hybrid search, no filter, default fusion weights. */
    public KnowledgeBaseContentRetriever(KnowledgeBase knowledgeBase, int maxResults) {
        this(knowledgeBase, SearchMode.HYBRID, maxResults, SearchFilter.NONE, FusionWeights.DEFAULT);
    }

    @Override
    public List<Content> retrieve(Query query) {
        List<SearchHit> hits = knowledgeBase.search(new SearchRequest(query.text(), mode, maxResults, filter, fusion));
        return hits.stream().map(KnowledgeBaseContentRetriever::content).toList();
    }

    private static Content content(SearchHit hit) {
        Map<String, Object> meta = new HashMap<>(hit.metadata());
        meta.put("source_id", hit.sourceId());
        meta.put("chunk_id", hit.chunkId());
        meta.put("position", hit.position());
        meta.put("title", hit.title());
        if (hit.heading() != null) {
            meta.put("heading", hit.heading());
        }
        return Content.from(TextSegment.from(hit.text(), Metadata.from(meta)),
                Map.of(ContentMetadata.SCORE, hit.score(), ContentMetadata.EMBEDDING_ID, hit.chunkId()));
    }
}
