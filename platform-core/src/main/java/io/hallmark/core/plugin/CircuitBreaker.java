package io.hallmark.core.plugin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Stops calling a plugin that keeps failing: after {@code threshold} consecutive failures the circuit opens and
 * calls are refused at once for {@code cooldown}; then one trial call is let through (half-open), and its
 * outcome closes or re-opens the circuit.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration cooldown;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private @Nullable Instant openedAt;
    private @Nullable String lastFailure;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration cooldown, Clock clock) {
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** Whether a call may go ahead now; in half-open state only one trial call at a time. */
    synchronized boolean allow() {
        if (state == State.OPEN && clock.instant().isAfter(openedAt.plus(cooldown))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    synchronized void success() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void failure(String cause) {
        lastFailure = cause;
        consecutiveFailures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    synchronized State state() {
        return state;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized @Nullable String lastFailure() {
        return lastFailure;
    }

    /** Why calls are refused, for error messages. */
    synchronized String describe() {
        return "circuit open since " + openedAt + " after " + consecutiveFailures + " consecutive failures (retry after "
                + openedAt.plus(cooldown) + "); last failure: " + lastFailure;
    }
}
