package io.hallmark.core.kb;

import io.hallmark.api.HallmarkException;

/**
 * A knowledge base is being rebuilt from PostgreSQL on this node (a fresh node, or its index was lost or corrupt):
 * it answers no searches until the rebuild is done (HTTP 503 with {@code Retry-After}), rather than answering from
 * part of the knowledge. Fact checks that need it cannot run meanwhile and so never approve.
 */
public final class KnowledgeBaseRebuildingException extends HallmarkException {

    private final String knowledgeBase;

    public KnowledgeBaseRebuildingException(String knowledgeBase, RebuildProgress progress) {
        super("Knowledge base '" + knowledgeBase + "' is being rebuilt from the database on this node ("
                + progress.describe() + "); try again in a few seconds");
        this.knowledgeBase = knowledgeBase;
    }

    /** The knowledge base's name. */
    public String knowledgeBase() {
        return knowledgeBase;
    }
}
