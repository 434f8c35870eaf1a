package io.hallmark.core.config;

import io.hallmark.api.Permission;
import java.time.Duration;
import java.util.Set;

/**
 * How the plugin host treats plugins.
 *
 * @param devMode load unsigned plugins (never in production)
 * @param defaultPermissions permissions any plugin may have without an explicit grant at install
 * @param callTimeout the deadline of one plugin call unless the caller sets a shorter one
 * @param drainTimeout how long in-flight calls to an old version may finish after an upgrade or disable
 */
public record PluginSettings(boolean devMode, Set<Permission> defaultPermissions, Duration callTimeout,
        Duration drainTimeout) {

    public PluginSettings {
        defaultPermissions = Set.copyOf(defaultPermissions);
    }
}
