package io.hallmark.governance.factcheck;

import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evidence from a {@link KnowledgeBase} by hybrid search (BM25 only when the knowledge base has no embedder). The
 * claims of a text are embedded in one batch; the chunks' stored vectors and the claims' query vectors are offered
 * to verifiers of the same model ({@link #passageVectors()}).
 */
public final class KnowledgeBaseEvidence implements EvidenceSource {

    /** Claim vectors kept for the verifier on the same model; cleared when full. */
    private static final int RECENT_QUERIES = 10_000;

    private final KnowledgeBase kb;
    private final SearchMode mode;
    private final Map<String, float[]> recentQueries = new ConcurrentHashMap<>();

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
        return evidence(kb.search(SearchRequest.of(query(claim), mode, k)));
    }

    @Override
    public List<List<Evidence>> findAll(List<Claim> claims, int k) {
        List<String> queries = claims.stream().map(KnowledgeBaseEvidence::query).toList();
        Optional<Embedder> embedder = mode == SearchMode.BM25 ? Optional.empty() : kb.embedder();
        List<float[]> vectors = embedder.map(e -> e.embedQueries(queries)).orElse(null);
        if (vectors != null && embedder.get().symmetric()) {
            if (recentQueries.size() + queries.size() > RECENT_QUERIES) {
                recentQueries.clear();
            }
            for (int i = 0; i < queries.size(); i++) {
                recentQueries.put(queries.get(i), vectors.get(i));
            }
        }
        List<List<Evidence>> out = new ArrayList<>(claims.size());
        for (int i = 0; i < queries.size(); i++) {
            out.add(evidence(kb.search(SearchRequest.of(queries.get(i), mode, k), vectors == null ? null
                    : vectors.get(i))));
        }
        return out;
    }

    /**
     * The knowledge base's stored passage vectors (embeddings of each chunk's text) for a verifier on one of its
     * passage-vector models ({@link KnowledgeBase#passageVectorModels()}), empty for any other model and for
     * passages that are not chunks of this knowledge base; and the claims' query vectors for a verifier on the
     * knowledge base's own model when that model embeds queries and documents alike.
     */
    @Override
    public java.util.Optional<String> snapshot() {
        return java.util.Optional.of(kb.snapshot());
    }

    public PassageVectors passageVectors() {
        return new PassageVectors() {
            @Override
            public Map<String, float[]> find(String model, List<Evidence> evidence) {
                if (evidence.isEmpty() || !kb.passageVectorModels().contains(model)) {
                    return Map.of();
                }
                return kb.index().vectors(evidence.stream().map(Evidence::id).toList(), model);
            }

            @Override
            public boolean knowsClaims(String model) {
                return own(model) && mode != SearchMode.BM25 && kb.embedder().get().symmetric();
            }

            @Override
            public Map<String, float[]> claims(String model, List<String> texts) {
                if (!own(model)) {
                    return Map.of();
                }
                Map<String, float[]> out = new HashMap<>();
                for (String t : texts) {
                    float[] v = recentQueries.get(t);
                    if (v != null) {
                        out.put(t, v);
                    }
                }
                return out;
            }
        };
    }

    private boolean own(String model) {
        return kb.embedder().isPresent() && kb.embedder().get().name().equals(model);
    }

    private static String query(Claim claim) {
        return claim.text().length() > SearchRequest.MAX_QUERY_CHARS
                ? claim.text().substring(0, SearchRequest.MAX_QUERY_CHARS) : claim.text();
    }

    private static List<Evidence> evidence(List<SearchHit> hits) {
        return hits.stream().map(h -> new Evidence(h.chunkId(), h.sourceId(), h.title(), h.text(), h.score())).toList();
    }
}
