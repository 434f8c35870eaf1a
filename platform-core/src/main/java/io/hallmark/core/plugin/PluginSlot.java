package io.hallmark.core.plugin;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.GovernanceCheck;
import io.hallmark.api.Modality;
import io.hallmark.api.Permission;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded version of one plugin: its own PF4J manager and class loader, its extensions, the calls running
 * in it, and its circuit breaker. A slot is drained (no new calls; running ones finish or are cancelled at a
 * deadline) before it is unloaded, after which nothing of the host refers to its class loader.
 */
final class PluginSlot {

    private static final Logger log = LoggerFactory.getLogger(PluginSlot.class);

    /** A generator with its declaration, read once at load. */
    record LoadedGenerator(ContentGenerator generator, GeneratorInfo info) {}

    private final ArchiveDescriptor descriptor;
    private final @Nullable String signerKeyId;
    private final String archiveSha256;
    private final Set<Permission> permissions;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
    private final WeakReference<ClassLoader> classLoader;
    private volatile boolean draining;
    private @Nullable SinglePluginManager manager;
    private List<LoadedGenerator> generators;
    private List<GovernanceCheck> checks;

    private PluginSlot(ArchiveDescriptor descriptor, @Nullable String signerKeyId, String archiveSha256,
            Set<Permission> permissions, SinglePluginManager manager, ClassLoader classLoader,
            List<LoadedGenerator> generators, List<GovernanceCheck> checks) {
        this.descriptor = descriptor;
        this.signerKeyId = signerKeyId;
        this.archiveSha256 = archiveSha256;
        this.permissions = Set.copyOf(permissions);
        this.manager = manager;
        this.classLoader = new WeakReference<>(classLoader);
        this.generators = List.copyOf(generators);
        this.checks = List.copyOf(checks);
        this.breaker = new CircuitBreaker(5, Duration.ofSeconds(30), Clock.systemUTC());
    }

    /**
     * Loads and starts the archive in a manager of its own and reads its extensions.
     *
     * @throws PluginInstallException with the cause when the plugin cannot be loaded or started, or declares no
     *     extension; nothing stays loaded then
     */
    static PluginSlot load(Path archive, ArchiveDescriptor descriptor, @Nullable String signerKeyId,
            String archiveSha256, Set<Permission> permissions, String hostVersion) {
        SinglePluginManager manager = new SinglePluginManager(archive, hostVersion);
        String id = descriptor.id();
        try {
            String loadedId = manager.loadPlugin(archive);
            if (!id.equals(loadedId)) {
                throw new PluginInstallException("Archive " + archive.getFileName() + " loaded as '" + loadedId
                        + "', expected '" + id + "'");
            }
            PluginState state = manager.startPlugin(id);
            PluginWrapper wrapper = manager.getPlugin(id);
            if (state != PluginState.STARTED) {
                Throwable failure = wrapper.getFailedException();
                throw new PluginInstallException("Plugin '" + id + "' " + descriptor.version() + " failed to start"
                        + (failure == null ? " (state " + state + ")" : ": " + describe(failure)), failure);
            }
            List<LoadedGenerator> generators = new ArrayList<>();
            for (ContentGenerator generator : manager.getExtensions(ContentGenerator.class, id)) {
                GeneratorInfo info;
                try {
                    info = generator.info();
                } catch (RuntimeException | LinkageError e) {
                    throw new PluginInstallException("Plugin '" + id + "': generator " + generator.getClass().getName()
                            + " cannot describe itself: " + describe(e), e);
                }
                if (info == null) {
                    throw new PluginInstallException("Plugin '" + id + "': generator " + generator.getClass().getName()
                            + " returned no info()");
                }
                generators.add(new LoadedGenerator(generator, info));
            }
            List<GovernanceCheck> checks = new ArrayList<>(manager.getExtensions(GovernanceCheck.class, id));
            if (generators.isEmpty() && checks.isEmpty()) {
                throw new PluginInstallException("Plugin '" + id + "' declares no ContentGenerator or GovernanceCheck "
                        + "extension; annotate the class with @Extension and build with the pf4j annotation processor "
                        + "so that META-INF/extensions.idx lists it");
            }
            return new PluginSlot(descriptor, signerKeyId, archiveSha256, permissions, manager,
                    wrapper.getPluginClassLoader(), generators, checks);
        } catch (PluginInstallException e) {
            unloadQuietly(manager, id);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            unloadQuietly(manager, id);
            throw new PluginInstallException("Plugin '" + id + "' " + descriptor.version() + " cannot be loaded: "
                    + describe(e), e);
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    String id() {
        return descriptor.id();
    }

    String version() {
        return descriptor.version();
    }

    ArchiveDescriptor descriptor() {
        return descriptor;
    }

    @Nullable String signerKeyId() {
        return signerKeyId;
    }

    String archiveSha256() {
        return archiveSha256;
    }

    Set<Permission> permissions() {
        return permissions;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    List<LoadedGenerator> generators() {
        return generators;
    }

    List<GovernanceCheck> checks() {
        return checks;
    }

    Optional<LoadedGenerator> generatorFor(Modality modality) {
        return generators.stream().filter(g -> g.info().modality() == modality).findFirst();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Weakly held, so tests can prove the loader is collected after unloading. */
    WeakReference<ClassLoader> classLoaderReference() {
        return classLoader;
    }

    /** Takes a call into this slot unless it is draining; pair with {@link #release}. */
    boolean tryAcquire(Cancellation cancellation) {
        if (draining) {
            return false;
        }
        inFlight.incrementAndGet();
        if (draining) {
            release(cancellation);
            return false;
        }
        running.add(cancellation);
        return true;
    }

    void release(Cancellation cancellation) {
        running.remove(cancellation);
        if (inFlight.decrementAndGet() == 0 && draining) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Refuses new calls and waits for running ones to finish; at the deadline the rest are cancelled and given a
     * short while more.
     *
     * @return whether every call finished
     */
    boolean drain(Duration timeout) {
        draining = true;
        Instant deadline = Instant.now().plus(timeout);
        if (awaitIdle(deadline)) {
            return true;
        }
        log.warn("Plugin '{}' {}: {} calls still running after {}; cancelling them", id(), version(), inFlight.get(),
                timeout);
        running.forEach(Cancellation::cancel);
        return awaitIdle(Instant.now().plusSeconds(5));
    }

    private synchronized boolean awaitIdle(Instant deadline) {
        while (inFlight.get() > 0) {
            long wait = Duration.between(Instant.now(), deadline).toMillis();
            if (wait <= 0) {
                return false;
            }
            try {
                wait(Math.min(wait, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Stops the plugin and drops every reference to its classes and class loader. */
    void unload() {
        draining = true;
        SinglePluginManager m = manager;
        manager = null;
        generators = List.of();
        checks = List.of();
        if (m != null) {
            unloadQuietly(m, id());
        }
    }

    private static void unloadQuietly(SinglePluginManager manager, String id) {
        try {
            if (manager.getPlugin(id) != null) {
                if (manager.getPlugin(id).getPluginState() == PluginState.STARTED) {
                    manager.stopPlugin(id);
                }
                manager.unloadPlugin(id);
            }
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin '{}' did not unload cleanly: {}", id, describe(e));
        }
    }
}
