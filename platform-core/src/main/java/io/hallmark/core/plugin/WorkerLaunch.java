package io.hallmark.core.plugin;

import java.nio.file.Path;

/**
 * What one worker process is started with.
 *
 * @param pluginId the plugin it serves
 * @param version the plugin version
 * @param archive the plugin archive (bound read-only into the sandbox)
 * @param workDir the plugin's own writable folder (the worker's working directory)
 * @param heapMb the worker JVM's {@code -Xmx}
 * @param cpuSeconds the worker's CPU-time limit (RLIMIT_CPU)
 * @param network whether the plugin was granted {@code network} (otherwise it gets no network namespace of the host)
 * @param confined whether to run it under bubblewrap
 * @param hostVersion the platform version, for the plugin's {@code Plugin-Requires}
 */
record WorkerLaunch(String pluginId, String version, Path archive, Path workDir, int heapMb, int cpuSeconds,
        boolean network, boolean confined, String hostVersion) {}
