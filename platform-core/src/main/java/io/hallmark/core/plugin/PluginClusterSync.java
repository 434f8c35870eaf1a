package io.hallmark.core.plugin;

import io.hallmark.core.persistence.PluginRecord;
import io.hallmark.core.persistence.PluginState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the other nodes of a cluster: the plugin records in the database are the truth, and each round loads the
 * plugins enabled or upgraded elsewhere (fetching their archives from the database) and retires those disabled or
 * removed elsewhere. A plugin that failed to load here waits for an administrator to enable it again.
 */
final class PluginClusterSync {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginStore store;
    private final LoadedPlugins loaded;
    private final PluginActivator activator;
    private final ReentrantLock adminLock;

    PluginClusterSync(PluginStore store, LoadedPlugins loaded, PluginActivator activator, ReentrantLock adminLock) {
        this.store = store;
        this.loaded = loaded;
        this.activator = activator;
        this.adminLock = adminLock;
    }

    /** One round; skipped when an administrative change is running here (the next round catches up). */
    void sync() {
        if (!adminLock.tryLock()) {
            return;
        }
        try {
            Map<String, PluginRecord> current = new HashMap<>();
            store.current().forEach(r -> {
                current.put(r.pluginId(), r);
                activator.followChannel(r);
            });
            for (PluginRecord record : current.values()) {
                follow(record);
            }
            for (String id : List.copyOf(loaded.active.keySet())) {
                if (!current.containsKey(id)) {
                    PluginSlot slot = loaded.active.remove(id);
                    if (slot != null) {
                        activator.retire(slot);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Plugin sync failed: {}", e.toString());
        } finally {
            adminLock.unlock();
        }
    }

    /** Brings one plugin in line with its record. */
    private void follow(PluginRecord record) {
        PluginSlot slot = loaded.active.get(record.pluginId());
        boolean wanted = record.state() == PluginState.ENABLED;
        if (wanted && (slot == null || !slot.version().equals(record.version()))) {
            if (slot == null && loaded.failures.containsKey(record.pluginId())) {
                return; // failed here already; an administrator re-enables it
            }
            try {
                activator.activate(record);
                if (slot != null) {
                    activator.retire(slot);
                }
                log.info("Plugin '{}' {} loaded to follow another node", record.pluginId(), record.version());
            } catch (RuntimeException e) {
                loaded.failures.put(record.pluginId(), String.valueOf(e.getMessage()));
                log.warn("Plugin '{}' {} cannot be loaded on this node: {}", record.pluginId(), record.version(),
                        e.getMessage());
            }
        } else if (!wanted && slot != null) {
            loaded.active.remove(record.pluginId());
            activator.retire(slot);
        }
    }
}
