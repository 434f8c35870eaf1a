package io.hallmark.governance.factcheck;

import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.util.List;

/** Evidence from a {@link KnowledgeBase} by hybrid search (BM25 only when the knowledge base has no embedder). */
public final class KnowledgeBaseEvidence implements EvidenceSource {

    private final KnowledgeBase kb;
    private final SearchMode mode;

    public KnowledgeBaseEvidence(KnowledgeBase kb) {
        this(kb, kb.embedder().isPresent() ? SearchMode.HYBRID : SearchMode.BM25);
    }

    /** Evidence by a given search mode (the BM25 baseline of the evaluation uses {@code BM25}). */
    public KnowledgeBaseEvidence(KnowledgeBase kb, SearchMode mode) {
        this.kb = kb;
        this.mode = mode;
    }

    @Override
    public List<Evidence> find(Claim claim, int k) {
        String q = claim.text().length() > SearchRequest.MAX_QUERY_CHARS
                ? claim.text().substring(0, SearchRequest.MAX_QUERY_CHARS) : claim.text();
        List<SearchHit> hits = kb.search(SearchRequest.of(q, mode, k));
        return hits.stream().map(h -> new Evidence(h.chunkId(), h.sourceId(), h.title(), h.text(), h.score())).toList();
    }
}
