package io.hallmark.core.kb;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.KnowledgePassage;
import io.hallmark.core.plugin.KnowledgeSearch;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.util.List;

/**
 * The knowledge-base search plugins granted {@code kb:read} get: BM25 over the platform's fact-check knowledge base
 * (setting {@code factcheck-kb}), passages only (no source metadata).
 */
public final class PluginKnowledgeSearch implements KnowledgeSearch {

    private final KnowledgeBases bases;
    private final String name;

    public PluginKnowledgeSearch(KnowledgeBases bases, String name) {
        this.bases = bases;
        this.name = name;
    }

    @Override
    public List<KnowledgePassage> search(String query, int limit) {
        var kb = bases.find(name).orElseThrow(() -> new GenerationFailedException("The knowledge base '" + name
                + "' does not exist yet; ingest sources into it (hallmark kb ingest) before plugins search it"));
        return kb.search(SearchRequest.of(query, SearchMode.BM25, limit)).stream()
                .map(hit -> new KnowledgePassage(hit.chunkId(), hit.text(), hit.score())).toList();
    }
}
