package io.hallmark.core.config;

import java.time.Duration;

/**
 * How third-party plugins run in worker processes (see docs/plugin-guide.md, "Isolation").
 *
 * @param bundledInProcess run the plugins shipped with the distribution inside the platform's JVM (they are trusted
 *     like the platform); third-party and sandbox-channel plugins always run in workers
 * @param heapMb the worker JVM's {@code -Xmx} for production plugins
 * @param sandboxHeapMb the worker JVM's {@code -Xmx} for plugins on the developers' sandbox channel
 * @param cpuSeconds the CPU time a production worker may use before the kernel stops it (RLIMIT_CPU); it is then
 *     restarted
 * @param sandboxCpuSeconds the same for sandbox-channel workers
 * @param maxRestarts how many times in a row a crashing worker is restarted before its plugin is marked FAILED
 * @param cancelGrace how long a worker may take to stop a call after a cancel frame before it is killed
 * @param startTimeout how long a worker may take to load its plugin
 * @param allowUnconfined run workers without bubblewrap confinement where the machine offers no namespaces (audited
 *     at start); when false such machines refuse third-party plugins
 */
public record WorkerSettings(boolean bundledInProcess, int heapMb, int sandboxHeapMb, int cpuSeconds,
        int sandboxCpuSeconds, int maxRestarts, Duration cancelGrace, Duration startTimeout, boolean allowUnconfined) {

    /** The defaults: bundled plugins in process, 256 MiB workers (128 MiB for the sandbox), confinement required. */
    public static WorkerSettings defaults() {
        return new WorkerSettings(true, 256, 128, 3_600, 600, 3, Duration.ofSeconds(2), Duration.ofSeconds(60), false);
    }

    public WorkerSettings withAllowUnconfined(boolean allow) {
        return new WorkerSettings(bundledInProcess, heapMb, sandboxHeapMb, cpuSeconds, sandboxCpuSeconds, maxRestarts,
                cancelGrace, startTimeout, allow);
    }

    public WorkerSettings withBundledInProcess(boolean inProcess) {
        return new WorkerSettings(inProcess, heapMb, sandboxHeapMb, cpuSeconds, sandboxCpuSeconds, maxRestarts,
                cancelGrace, startTimeout, allowUnconfined);
    }
}
