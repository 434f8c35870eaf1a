package io.hallmark.core.plugin;

import io.hallmark.api.HallmarkException;

/** The plugin asked for is not installed, not enabled, failed, or its circuit is open (HTTP 404 or 503). */
public class PluginUnavailableException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    public PluginUnavailableException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    /** True when no such plugin is installed at all. */
    public boolean notFound() {
        return notFound;
    }
}
