package io.hallmark.core.plugin;

import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.model.ModelProvider;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.persistence.PluginRecord;
import io.hallmark.core.persistence.PluginState;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An administrator's changes to installed plugins: enable, disable, remove, and promote from the sandbox channel to
 * production. Each is recorded in the database and the audit log with who made it; running calls finish (until the
 * drain deadline) before a version is unloaded.
 */
final class PluginAdmin {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginsDir;
    private final PluginStore store;
    private final AuditLog audit;
    private final ModelProvider models;
    private final PluginLauncher launcher;
    private final LoadedPlugins loaded;
    private final PluginActivator activator;
    private final PluginViews views;
    private final ReentrantLock adminLock;

    PluginAdmin(Path pluginsDir, PluginStore store, AuditLog audit, ModelProvider models, PluginLauncher launcher,
            LoadedPlugins loaded, PluginActivator activator, PluginViews views, ReentrantLock adminLock) {
        this.pluginsDir = pluginsDir;
        this.store = store;
        this.audit = audit;
        this.models = models;
        this.launcher = launcher;
        this.loaded = loaded;
        this.activator = activator;
        this.views = views;
        this.adminLock = adminLock;
    }

    PluginView enable(String pluginId, String actor) {
        adminLock.lock();
        try {
            PluginRecord record = activator.record(pluginId);
            PluginSlot slot = loaded.active.get(pluginId);
            if (slot == null) {
                try {
                    slot = activator.activate(record);
                } catch (RuntimeException e) {
                    activator.fail(record, e.getMessage());
                    throw e;
                }
            }
            store.changeState(record.id(), PluginState.ENABLED, null, actor);
            audit.append(actor, "plugin.enabled", pluginId, Map.of("version", record.version()));
            return views.view(store.current(pluginId).orElseThrow(), slot);
        } finally {
            adminLock.unlock();
        }
    }

    PluginView disable(String pluginId, String actor) {
        adminLock.lock();
        try {
            PluginRecord record = unload(pluginId);
            store.changeState(record.id(), PluginState.DISABLED, null, actor);
            audit.append(actor, "plugin.disabled", pluginId, Map.of("version", record.version()));
            return views.view(store.current(pluginId).orElseThrow(), null);
        } finally {
            adminLock.unlock();
        }
    }

    void remove(String pluginId, String actor) {
        adminLock.lock();
        try {
            PluginRecord record = unload(pluginId);
            if (record.fileName() != null) {
                PluginArchives.deleteQuietly(pluginsDir.resolve(record.fileName()));
            }
            PluginArchives.deleteTree(launcher.workDir(pluginId, record.version()).getParent()); // its work folders
            store.changeState(record.id(), PluginState.REMOVED, null, actor);
            audit.append(actor, "plugin.removed", pluginId, Map.of("version", record.version()));
            log.info("Plugin '{}' {} removed by {}", pluginId, record.version(), actor);
        } finally {
            adminLock.unlock();
        }
    }

    /** Takes an installed plugin out of service here (draining its calls) and returns its record. */
    private PluginRecord unload(String pluginId) {
        PluginRecord record = activator.record(pluginId);
        PluginSlot slot = loaded.active.remove(pluginId);
        if (slot != null) {
            activator.retire(slot);
        }
        models.release(ModelProvider.pluginHolder(pluginId));
        loaded.failures.remove(pluginId);
        return record;
    }

    PluginView promote(String pluginId, String actor) {
        adminLock.lock();
        try {
            PluginRecord record = activator.record(pluginId);
            if (record.channel() != PluginChannel.SANDBOX) {
                throw new PluginInstallException("Plugin '" + pluginId + "' is on the production channel already");
            }
            store.changeChannel(record.id(), PluginChannel.PRODUCTION);
            PluginRecord promoted = store.current(pluginId).orElseThrow();
            activator.followChannel(promoted);
            audit.append(actor, "plugin.promoted", pluginId, Map.of("version", record.version(),
                    "from", "sandbox", "to", "production"));
            log.info("Plugin '{}' {} promoted to production by {}", pluginId, record.version(), actor);
            PluginSlot old = loaded.active.get(pluginId);
            if (old != null && old.runtime() instanceof WorkerRuntime) {
                // a new worker with production limits takes the calls; the sandbox-sized one finishes its own
                try {
                    activator.activate(promoted);
                    activator.retire(old);
                } catch (RuntimeException e) {
                    log.warn("Plugin '{}' keeps its sandbox-sized worker until its next start: {}", pluginId,
                            e.getMessage());
                }
            }
            return views.view(promoted, loaded.active.get(pluginId));
        } finally {
            adminLock.unlock();
        }
    }
}
