package io.hallmark.core.plugin;

/** A flag a caller sets to ask a running call to stop; the plugin sees it through its context. */
public final class Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
