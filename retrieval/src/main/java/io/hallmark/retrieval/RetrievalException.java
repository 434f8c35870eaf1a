package io.hallmark.retrieval;

import io.hallmark.api.HallmarkException;
import org.jspecify.annotations.Nullable;

/** A knowledge-base operation failed for a reason the caller cannot fix by changing the request (I/O, index). */
public class RetrievalException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public RetrievalException(String message) {
        super(message);
    }

    public RetrievalException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
