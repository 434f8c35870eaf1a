package io.hallmark.api;

import org.jspecify.annotations.Nullable;

/**
 * The one unchecked root of every error Hallmark raises. Subclasses are named for what the caller can do
 * about the error (for instance fix the request, or retry later); messages quote the offending value, say
 * what was expected and suggest the fix.
 */
public class HallmarkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what went wrong and what to do about it. */
    public HallmarkException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause, which is kept for diagnosis. */
    public HallmarkException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
