package io.hallmark.retrieval.ingest;

import io.hallmark.retrieval.InvalidRetrievalRequestException;

/** A file could not be turned into text (binary junk, a broken PDF, an encrypted file). */
public class UnreadableDocumentException extends InvalidRetrievalRequestException {

    private static final long serialVersionUID = 1L;

    public UnreadableDocumentException(String message) {
        super(message);
    }
}
