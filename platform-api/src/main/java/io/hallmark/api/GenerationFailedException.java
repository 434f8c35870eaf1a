package io.hallmark.api;

import org.jspecify.annotations.Nullable;

/**
 * Generation failed. When {@link #retriable()} is true the same request may succeed later (a busy model, a
 * transient I/O error); otherwise retrying is pointless.
 */
public class GenerationFailedException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    public GenerationFailedException(String message, boolean retriable, @Nullable Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public GenerationFailedException(String message) {
        this(message, false, null);
    }

    public boolean retriable() {
        return retriable;
    }
}
