package io.hallmark.core.config;

import io.hallmark.api.Permission;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How the plugin host treats plugins.
 *
 * @param devMode load unsigned plugins (never in production)
 * @param defaultPermissions permissions any plugin may have without an explicit grant at install
 * @param callTimeout the deadline of one plugin call unless the caller sets a shorter one
 * @param drainTimeout how long in-flight calls to an old version may finish after an upgrade or disable
 * @param bundledDir the folder of plugins shipped with the distribution, or {@code null}
 * @param workers how third-party plugins run in confined worker processes
 */
public record PluginSettings(boolean devMode, Set<Permission> defaultPermissions, Duration callTimeout,
        Duration drainTimeout, @Nullable Path bundledDir, WorkerSettings workers) {

    public PluginSettings {
        defaultPermissions = Set.copyOf(defaultPermissions);
        java.util.Objects.requireNonNull(workers, "workers");
    }

    /** Settings with the default worker settings. */
    public PluginSettings(boolean devMode, Set<Permission> defaultPermissions, Duration callTimeout,
            Duration drainTimeout, @Nullable Path bundledDir) {
        this(devMode, defaultPermissions, callTimeout, drainTimeout, bundledDir, WorkerSettings.defaults());
    }

    public PluginSettings withWorkers(WorkerSettings newWorkers) {
        return new PluginSettings(devMode, defaultPermissions, callTimeout, drainTimeout, bundledDir, newWorkers);
    }
}
