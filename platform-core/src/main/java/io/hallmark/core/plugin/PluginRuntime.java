package io.hallmark.core.plugin;

import io.hallmark.api.GovernanceCheck;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where one loaded plugin version's code runs: {@link InProcessRuntime} (its own class loader in the platform's JVM,
 * for bundled plugins) or {@link WorkerRuntime} (a confined worker process, for everything else). A {@link PluginSlot}
 * holds one and adds what both share: the breaker, in-flight accounting and draining.
 */
interface PluginRuntime {

    /** The generators, each with the declaration read once at load. */
    List<PluginSlot.LoadedGenerator> generators();

    /** The governance checks (claim verifiers included). */
    List<GovernanceCheck> checks();

    /** The plugin's class loader in this JVM, weakly held; empty for a worker. */
    default Optional<WeakReference<ClassLoader>> classLoader() {
        return Optional.empty();
    }

    /** The worker process serving the plugin now; empty in process or while no worker runs. */
    default Optional<ProcessHandle> process() {
        return Optional.empty();
    }

    /** Why the runtime gave up on the plugin (a worker that kept crashing), or {@code null}. */
    default @Nullable String failure() {
        return null;
    }

    /** Where it runs, for views and logs: {@code in-process}, {@code worker (bubblewrap)}, {@code worker (unconfined)}. */
    String isolation();

    /** How the runtime is: {@code ok} and, for a worker, its process id, calls in flight and heap in use. */
    default java.util.Map<String, Object> health() {
        return java.util.Map.of("ok", true, "isolation", isolation());
    }

    /** Stops the plugin and drops every reference to it. */
    void close();
}
