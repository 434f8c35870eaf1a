package io.hallmark.api;

import java.util.Objects;

/**
 * A passage the host's knowledge base returned for a search ({@link PluginContext#searchKnowledgeBase}).
 *
 * @param id the chunk id in the knowledge base
 * @param text the passage
 * @param score the retrieval score, higher is better
 */
public record KnowledgePassage(String id, String text, double score) {

    public KnowledgePassage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
