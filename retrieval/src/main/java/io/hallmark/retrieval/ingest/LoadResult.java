package io.hallmark.retrieval.ingest;

import java.util.List;

/** The documents read from some paths, and what was skipped. */
public record LoadResult(List<SourceDocument> documents, List<Skip> skips) {
    public LoadResult {
        documents = List.copyOf(documents);
        skips = List.copyOf(skips);
    }
}
