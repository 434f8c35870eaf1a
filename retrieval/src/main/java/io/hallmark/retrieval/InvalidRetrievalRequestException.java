package io.hallmark.retrieval;

/**
 * The request itself is wrong (an empty or enormous query, a bad k, an unreadable input): fix it and retry.
 * Maps to HTTP 400 and to exit code 2 on the command line.
 */
public class InvalidRetrievalRequestException extends RetrievalException {

    private static final long serialVersionUID = 1L;

    public InvalidRetrievalRequestException(String message) {
        super(message);
    }
}
