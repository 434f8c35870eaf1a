package io.hallmark.core.plugin;

import io.hallmark.api.HallmarkException;
import org.jspecify.annotations.Nullable;

/** A plugin archive was refused: broken, unsigned, untrusted, incompatible, or asking for ungranted permissions. */
public class PluginInstallException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public PluginInstallException(String message) {
        super(message);
    }

    public PluginInstallException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
