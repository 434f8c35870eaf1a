package io.hallmark.core.security;

import io.hallmark.api.HallmarkException;
import java.time.Duration;

/** Too many failed logins; try again after {@link #retryAfter()} (HTTP 429). */
public class ThrottledException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ThrottledException(Duration retryAfter) {
        super("Too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
