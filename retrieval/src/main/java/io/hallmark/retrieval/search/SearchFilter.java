package io.hallmark.retrieval.search;

import java.util.Map;
import java.util.Set;

/**
 * Restricts a search to some sources and to chunks whose metadata has given values (all must match).
 *
 * @param sources source ids to search in; empty for all
 * @param metadata metadata key to required value; empty for no constraint
 */
public record SearchFilter(Set<String> sources, Map<String, String> metadata) {

    /** No restriction. */
    public static final SearchFilter NONE = new SearchFilter(Set.of(), Map.of());

    public SearchFilter {
        sources = Set.copyOf(sources);
        metadata = Map.copyOf(metadata);
    }

    public static SearchFilter sources(String... ids) {
        return new SearchFilter(Set.of(ids), Map.of());
    }

    public static SearchFilter metadata(String key, String value) {
        return new SearchFilter(Set.of(), Map.of(key, value));
    }

    public boolean isEmpty() {
        return sources.isEmpty() && metadata.isEmpty();
    }
}
