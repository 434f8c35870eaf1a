package io.hallmark.retrieval.ingest;

import io.hallmark.retrieval.RetrievalException;

/**
 * An ingest refused because its knowledge base screens documents for injection and the screen cannot run now (the
 * safety model is not trained yet, or cannot be loaded): nothing was written, so nothing unscreened can reach
 * retrieval. Retriable: the same documents are taken once the screen runs (HTTP 503 with {@code Retry-After}).
 */
public final class ScreenUnavailableException extends RetrievalException {

    private static final long serialVersionUID = 1L;

    private final int documents;
    private final String reason;

    /**
     * @param documents how many new or changed documents were refused
     * @param reason why the screen cannot run
     */
    public ScreenUnavailableException(int documents, String reason) {
        super("Not ingested: the " + documents + " new or changed "
                + (documents == 1 ? "document" : "documents") + " cannot be screened for prompt injection (" + reason
                + "), and a knowledge base takes no unscreened documents. Nothing was written; send them again once "
                + "the safety model is ready (GET /api/v1/health lists its state)");
        this.documents = documents;
        this.reason = reason;
    }

    /** How many new or changed documents were refused. */
    public int documents() {
        return documents;
    }

    /** Why the screen cannot run. */
    public String reason() {
        return reason;
    }
}
