package io.hallmark.core.jobs;

import io.hallmark.api.HallmarkException;
import java.time.Duration;

/** A queue holds as many jobs as it may; the caller should retry later (HTTP 429 with {@code Retry-After}). */
public class QueueFullException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public QueueFullException(String queue, int capacity, Duration retryAfter) {
        super("The queue for '" + queue + "' is full (" + capacity + " jobs waiting or running); retry later");
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
