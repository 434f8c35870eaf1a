package io.hallmark.core.plugin;

import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.persistence.PluginRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the console, the API and the job router see of the plugins: each installed plugin's record joined with what
 * this node has loaded (its generators and checks, circuit breaker, calls in flight, where it runs, why it failed).
 * Read only.
 */
final class PluginViews {

    private final PluginStore store;
    private final LoadedPlugins loaded;

    PluginViews(PluginStore store, LoadedPlugins loaded) {
        this.store = store;
        this.loaded = loaded;
    }

    List<PluginView> list() {
        return store.current().stream().map(r -> view(r, loaded.active.get(r.pluginId()))).toList();
    }

    Optional<PluginView> find(String pluginId) {
        return store.current(pluginId).map(r -> view(r, loaded.active.get(pluginId)));
    }

    List<GeneratorView> generators() {
        List<GeneratorView> all = new ArrayList<>();
        loaded.active.values().forEach(slot -> slot.generators().forEach(
                g -> all.add(new GeneratorView(slot.id(), slot.version(), g.info(), channel(slot.id())))));
        return all;
    }

    Set<String> enabledIds() {
        return new TreeSet<>(loaded.active.keySet());
    }

    PluginChannel channel(String pluginId) {
        return loaded.sandboxed.contains(pluginId) ? PluginChannel.SANDBOX : PluginChannel.PRODUCTION;
    }

    /** A record as shown: the loaded slot's details when the slot is of the record's version. */
    PluginView view(PluginRecord record, @Nullable PluginSlot slot) {
        boolean current = slot != null && slot.version().equals(record.version());
        String failure = record.failure() != null ? record.failure() : loaded.failures.get(record.pluginId());
        if (current && slot.breaker().state() != CircuitBreaker.State.CLOSED) {
            failure = slot.breaker().describe();
        }
        if (current && slot.runtime().failure() != null) {
            failure = slot.runtime().failure();
        }
        return new PluginView(record.pluginId(), record.version(), record.provider(),
                current ? slot.descriptor().description() : "", record.state().name(), record.signerKeyId(),
                record.archiveSha256(), record.permissions(),
                current ? slot.generators().stream()
                        .map(g -> new GeneratorView(slot.id(), slot.version(), g.info(), record.channel())).toList()
                        : List.of(),
                current ? slot.checks().stream().map(c -> c.name()).toList() : List.of(),
                failure, current ? slot.breaker().state().name() : null, current ? slot.inFlight() : 0,
                record.installedAt(), record.installedBy(), record.channel().name().toLowerCase(java.util.Locale.ROOT),
                current ? slot.runtime().isolation() : null);
    }
}
