package io.hallmark.core.plugin;

import io.hallmark.api.GovernanceCheck;
import io.hallmark.api.PluginContext;
import io.hallmark.core.config.WorkerSettings;
import io.hallmark.worker.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin served by a worker process that this runtime starts, supervises and restarts. A worker that dies (exit,
 * crash, kill at a deadline, out of memory, broken frame) fails its calls in flight and is started again on the next
 * call, after a back-off that doubles with each failure in a row; after {@link WorkerSettings#maxRestarts()} failures
 * in a row the runtime gives up, says why ({@link #failure()}) and tells the host, which marks the plugin FAILED.
 */
final class WorkerRuntime implements PluginRuntime {

    private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

    private final WorkerLaunch launch;
    private final WorkerSettings settings;
    private final Consumer<String> onGaveUp;
    private final List<PluginSlot.LoadedGenerator> generators = new ArrayList<>();
    private final List<GovernanceCheck> checks = new ArrayList<>();
    private final Object lock = new Object();
    private volatile @Nullable WorkerProcess worker;
    private volatile @Nullable String failure;
    private volatile boolean closed;
    private int failuresInRow;
    private long lastDeathNanos;
    private int restarts;

    private WorkerRuntime(WorkerLaunch launch, WorkerSettings settings, Consumer<String> onGaveUp) {
        this.launch = launch;
        this.settings = settings;
        this.onGaveUp = onGaveUp;
    }

    /**
     * Starts the plugin's worker and reads what the plugin offers.
     *
     * @param onGaveUp told the cause when the worker kept failing and the plugin must be marked FAILED
     * @throws PluginInstallException when the plugin cannot be loaded or started in its worker; no process stays
     */
    static WorkerRuntime launch(WorkerLaunch launch, WorkerSettings settings, Consumer<String> onGaveUp) {
        try {
            Files.createDirectories(launch.workDir());
        } catch (IOException e) {
            throw new PluginInstallException("Cannot create the work folder " + launch.workDir() + " of plugin '"
                    + launch.pluginId() + "': " + e.getMessage(), e);
        }
        WorkerRuntime runtime = new WorkerRuntime(launch, settings, onGaveUp);
        WorkerProcess first = WorkerProcess.start(launch, settings.startTimeout(), runtime::died);
        runtime.worker = first;
        Map<String, Object> description = first.description();
        for (Object g : description.get("generators") instanceof List<?> l ? l : List.of()) {
            var info = Codec.info(Codec.map(g));
            runtime.generators.add(new PluginSlot.LoadedGenerator(new RemoteGenerator(runtime, info), info));
        }
        for (Object c : description.get("checks") instanceof List<?> l ? l : List.of()) {
            runtime.checks.add(RemoteCheck.of(runtime, Codec.map(c)));
        }
        try {
            PluginSlot.requireExtensions(launch.pluginId(), runtime.generators, runtime.checks);
        } catch (PluginInstallException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    @Override
    public List<PluginSlot.LoadedGenerator> generators() {
        return List.copyOf(generators);
    }

    @Override
    public List<GovernanceCheck> checks() {
        return List.copyOf(checks);
    }

    @Override
    public Optional<ProcessHandle> process() {
        WorkerProcess w = worker;
        return w == null || !w.alive() ? Optional.empty() : Optional.of(w.handle());
    }

    @Override
    public @Nullable String failure() {
        return failure;
    }

    @Override
    public String isolation() {
        WorkerProcess w = worker;
        String cgroup = w != null && w.limitedByCgroup() ? ", cgroup" : "";
        return launch.confined() ? "worker (bubblewrap" + cgroup + ")" : "worker (unconfined" + cgroup + ")";
    }

    /** How many times the worker was started again after dying. */
    int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    /** Makes one call in the current worker, starting a new one first when the last died. */
    java.util.Map<String, Object> call(String type, java.util.Map<String, Object> fields, PluginContext context) {
        WorkerProcess w = running(context);
        Map<String, Object> result = w.call(type, fields, context, settings.cancelGrace());
        synchronized (lock) {
            failuresInRow = 0;
        }
        return result;
    }

    private WorkerProcess running(PluginContext context) {
        synchronized (lock) {
            while (true) {
                if (closed) {
                    throw new PluginUnavailableException("Plugin '" + launch.pluginId() + "' " + launch.version()
                            + " was unloaded", false);
                }
                if (failure != null) {
                    throw new PluginCallException(launch.pluginId(), failure, null);
                }
                WorkerProcess w = worker;
                if (w != null && w.alive()) {
                    return w;
                }
                long backoff = Math.min(5_000, 250L << Math.max(0, failuresInRow - 1));
                long wait = backoff - Duration.ofNanos(System.nanoTime() - lastDeathNanos).toMillis();
                if (wait > 0) {
                    if (java.time.Instant.now().plusMillis(wait).isAfter(context.deadline())) {
                        throw new PluginCallException(launch.pluginId(), "Plugin '" + launch.pluginId() + "' "
                                + launch.version() + " is restarting its worker (last: " + (w == null ? "none"
                                : w.deathCause()) + "); try again in " + wait + " ms", null);
                    }
                    try {
                        lock.wait(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new io.hallmark.api.GenerationCancelledException("Interrupted while plugin '"
                                + launch.pluginId() + "' restarted its worker");
                    }
                    continue;
                }
                restarts++;
                log.info("Plugin '{}' {}: starting worker again (restart {}, {} failures in a row)",
                        launch.pluginId(), launch.version(), restarts, failuresInRow);
                try {
                    worker = WorkerProcess.start(launch, settings.startTimeout(), this::died);
                } catch (PluginInstallException e) {
                    throw new PluginCallException(launch.pluginId(), "Plugin '" + launch.pluginId() + "' "
                            + launch.version() + " could not restart its worker: " + e.getMessage(), e);
                }
            }
        }
    }

    private void died(WorkerProcess dead) {
        String cause;
        synchronized (lock) {
            if (closed) {
                return;
            }
            failuresInRow++;
            lastDeathNanos = System.nanoTime();
            if (failuresInRow <= settings.maxRestarts()) {
                lock.notifyAll();
                return;
            }
            cause = "Plugin '" + launch.pluginId() + "' " + launch.version() + " failed " + failuresInRow
                    + " times in a row and is not restarted again; last: its worker " + dead.deathCause();
            failure = cause;
            lock.notifyAll();
        }
        log.error(cause);
        Thread.ofVirtual().name("plugin-gave-up-" + launch.pluginId()).start(() -> onGaveUp.accept(cause));
    }

    @Override
    public Map<String, Object> health() {
        try {
            Map<String, Object> health = new java.util.LinkedHashMap<>(health(Duration.ofSeconds(5)));
            health.put("isolation", isolation());
            return health;
        } catch (RuntimeException e) {
            return Map.of("ok", false, "cause", String.valueOf(e.getMessage()), "isolation", isolation());
        }
    }

    /** The running worker's answer to a health frame; a dead worker is reported, not restarted. */
    Map<String, Object> health(Duration timeout) {
        WorkerProcess w = worker;
        if (w == null || !w.alive()) {
            Map<String, Object> down = new java.util.LinkedHashMap<>();
            down.put("ok", false);
            down.put("cause", failure != null ? failure : w == null ? "no worker" : "its worker " + w.deathCause()
                    + "; the next call starts a new one");
            return down;
        }
        return w.health(timeout);
    }

    /** Reads (and deletes) an artifact the worker wrote to its work folder instead of inlining it. */
    byte[] takeArtifact(String relative) {
        Path file = launch.workDir().resolve(relative).normalize();
        if (!file.startsWith(launch.workDir()) || !relative.startsWith("out/")) {
            throw new PluginCallException(launch.pluginId(), "Plugin '" + launch.pluginId() + "' named an artifact "
                    + "outside its work folder: " + relative, null);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.deleteIfExists(file);
            return bytes;
        } catch (IOException e) {
            throw new PluginCallException(launch.pluginId(), "Cannot read the artifact " + relative + " of plugin '"
                    + launch.pluginId() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        WorkerProcess w;
        synchronized (lock) {
            closed = true;
            w = worker;
            worker = null;
            lock.notifyAll();
        }
        if (w != null) {
            w.shutdown();
        }
    }
}
