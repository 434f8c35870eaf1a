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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded version of one plugin: where its code runs (a {@link PluginRuntime}: in process or in a worker), the
 * calls running in it, and its circuit breaker. A slot is drained (no new calls; running ones finish or are cancelled
 * at a deadline) before it is unloaded, after which nothing of the host refers to the plugin's code.
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
    private final PluginRuntime runtime;
    private volatile boolean draining;

    PluginSlot(ArchiveDescriptor descriptor, @Nullable String signerKeyId, String archiveSha256,
            Set<Permission> permissions, PluginRuntime runtime) {
        this.descriptor = descriptor;
        this.signerKeyId = signerKeyId;
        this.archiveSha256 = archiveSha256;
        this.permissions = Set.copyOf(permissions);
        this.runtime = runtime;
        this.breaker = new CircuitBreaker(5, Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** Loads the archive into this JVM (bundled plugins only). */
    static PluginSlot load(Path archive, ArchiveDescriptor descriptor, @Nullable String signerKeyId,
            String archiveSha256, Set<Permission> permissions, String hostVersion) {
        return new PluginSlot(descriptor, signerKeyId, archiveSha256, permissions,
                InProcessRuntime.load(archive, descriptor, hostVersion));
    }

    /** @throws PluginInstallException when a plugin offers nothing to call */
    static void requireExtensions(String id, List<?> generators, List<?> checks) {
        if (generators.isEmpty() && checks.isEmpty()) {
            throw new PluginInstallException("Plugin '" + id + "' declares no ContentGenerator or GovernanceCheck "
                    + "extension; annotate the class with @Extension and build with the pf4j annotation processor "
                    + "so that META-INF/extensions.idx lists it");
        }
    }

    static String describe(Throwable e) {
        if (e instanceof RemotePluginException remote) {
            return remote.toString();
        }
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
        return runtime.generators();
    }

    List<GovernanceCheck> checks() {
        return runtime.checks();
    }

    PluginRuntime runtime() {
        return runtime;
    }

    Optional<LoadedGenerator> generatorFor(Modality modality) {
        return generators().stream().filter(g -> g.info().modality() == modality).findFirst();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Weakly held, so tests can prove the loader is collected after unloading; empty for a worker. */
    Optional<WeakReference<ClassLoader>> classLoaderReference() {
        return runtime.classLoader();
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

    /** Stops the plugin and drops every reference to its code (its class loader, or its worker process). */
    void unload() {
        draining = true;
        runtime.close();
    }
}
