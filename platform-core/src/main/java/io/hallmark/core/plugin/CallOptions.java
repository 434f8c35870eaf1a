package io.hallmark.core.plugin;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one plugin call runs.
 *
 * @param timeout the deadline from now, or {@code null} for the host's default
 * @param cancellation lets the caller cancel the call while it runs
 * @param listener receives streamed output and progress
 * @param actor who asked for the call (for logs and audit)
 */
public record CallOptions(@Nullable Duration timeout, Cancellation cancellation, CallListener listener, String actor) {

    public CallOptions {
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(actor, "actor");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("Timeout must be positive, was " + timeout);
        }
    }

    /** The host's default deadline, no listener, not cancellable from outside. */
    public static CallOptions defaults(String actor) {
        return new CallOptions(null, new Cancellation(), CallListener.NONE, actor);
    }

    public CallOptions withTimeout(Duration newTimeout) {
        return new CallOptions(newTimeout, cancellation, listener, actor);
    }

    public CallOptions withListener(CallListener newListener) {
        return new CallOptions(timeout, cancellation, newListener, actor);
    }
}
