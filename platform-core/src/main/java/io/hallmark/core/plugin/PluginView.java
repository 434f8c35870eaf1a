package io.hallmark.core.plugin;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the host knows about one plugin, for the CLI, the REST API and the console.
 *
 * @param id the plugin id
 * @param version the current version
 * @param provider who made it
 * @param description what it does
 * @param state ENABLED, DISABLED or FAILED
 * @param signerKeyId the key that signed it, or {@code null} when loaded unsigned in development mode
 * @param archiveSha256 the SHA-256 of its archive
 * @param permissions the host services it was granted
 * @param generators the generators it offers while enabled
 * @param checks the names of the governance checks it offers while enabled
 * @param failure why it failed, or {@code null}
 * @param circuit the circuit breaker's state (CLOSED, OPEN, HALF_OPEN), or {@code null} when not loaded
 * @param inFlight calls running now
 * @param installedAt when this version was installed
 * @param installedBy who installed it
 * @param channel {@code production}, or {@code sandbox} for plugin developers' plugins not yet promoted
 * @param isolation where it runs while loaded: {@code in-process} (bundled plugins), {@code worker (bubblewrap)},
 *     {@code worker (bubblewrap, cgroup)} or {@code worker (unconfined)}; {@code null} when not loaded
 */
public record PluginView(
        String id,
        String version,
        @Nullable String provider,
        String description,
        String state,
        @Nullable String signerKeyId,
        @Nullable String archiveSha256,
        List<String> permissions,
        List<GeneratorView> generators,
        List<String> checks,
        @Nullable String failure,
        @Nullable String circuit,
        int inFlight,
        Instant installedAt,
        @Nullable String installedBy,
        String channel,
        @Nullable String isolation) {

    public PluginView {
        permissions = List.copyOf(permissions);
        generators = List.copyOf(generators);
        checks = List.copyOf(checks);
    }
}
