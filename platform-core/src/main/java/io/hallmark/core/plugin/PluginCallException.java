package io.hallmark.core.plugin;

import io.hallmark.api.HallmarkException;
import org.jspecify.annotations.Nullable;

/**
 * A call into a plugin failed: it threw, hung past its deadline, or returned invalid output. The host is
 * unaffected; the cause is kept and counted by the plugin's circuit breaker.
 */
public class PluginCallException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    public PluginCallException(String pluginId, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
