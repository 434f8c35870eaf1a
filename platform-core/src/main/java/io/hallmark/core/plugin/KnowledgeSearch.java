package io.hallmark.core.plugin;

import io.hallmark.api.KnowledgePassage;
import java.util.List;

/** The host's knowledge-base search as plugins see it (granted {@code kb:read}); wired by the platform. */
@FunctionalInterface
public interface KnowledgeSearch {

    /** No knowledge base: every search fails with a clear message. */
    KnowledgeSearch NONE = (query, limit) -> {
        throw new io.hallmark.api.GenerationFailedException("This platform has no knowledge base for plugins to search");
    };

    /** The best {@code limit} passages for {@code query}, best first. */
    List<KnowledgePassage> search(String query, int limit);
}
