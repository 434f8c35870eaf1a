package io.hallmark.core.plugin;

import io.hallmark.api.Permission;
import io.hallmark.api.signing.VerifiedArchive;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.persistence.PluginRecord;
import io.hallmark.core.persistence.PluginState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings recorded plugins into service on this node and takes them out: {@link #activate} checks an installed
 * archive again (signature or bundling, SHA-256, host version, permissions) and loads it through the
 * {@link PluginLauncher}; {@link #retire} drains and unloads a slot; {@link #fail} marks a plugin FAILED with its
 * cause. The other rooms (installer, admin, cluster sync) share it; callers hold the host's administrative lock.
 */
final class PluginActivator {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginSettings settings;
    private final Path pluginsDir;
    private final PluginStore store;
    private final AuditLog audit;
    private final PluginTrust trust;
    private final PluginArchives archives;
    private final PluginLauncher launcher;
    private final LoadedPlugins loaded;
    private final ReentrantLock adminLock;
    private volatile @Nullable Path bundledDir;

    PluginActivator(PluginSettings settings, Path pluginsDir, PluginStore store, AuditLog audit, PluginTrust trust,
            PluginArchives archives, PluginLauncher launcher, LoadedPlugins loaded, ReentrantLock adminLock) {
        this.settings = settings;
        this.pluginsDir = pluginsDir;
        this.store = store;
        this.audit = audit;
        this.trust = trust;
        this.archives = archives;
        this.launcher = launcher;
        this.loaded = loaded;
        this.adminLock = adminLock;
    }

    void bundledDir(@Nullable Path dir) {
        this.bundledDir = dir;
    }

    @Nullable Path bundledDir() {
        return bundledDir;
    }

    /** Loads every enabled plugin not loaded yet; one that cannot be loaded goes FAILED and the others load. */
    void activateEnabled() {
        for (PluginRecord record : store.current()) {
            followChannel(record);
            if (loaded.active.containsKey(record.pluginId()) || record.state() != PluginState.ENABLED) {
                continue;
            }
            try {
                activate(record);
            } catch (RuntimeException e) {
                fail(record, e.getMessage());
            }
        }
    }

    /** Checks the recorded plugin's archive again, loads it and routes its calls to it. */
    PluginSlot activate(PluginRecord record) {
        if (record.fileName() == null) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' has no archive recorded");
        }
        Path archive = pluginsDir.resolve(record.fileName());
        if (!Files.isRegularFile(archive)) {
            archives.materialize(record, archive);
        }
        VerifiedArchive verified = "bundled".equals(record.signerKeyId()) && isBundled(record)
                ? new VerifiedArchive("bundled", PluginTrust.sha256(archive), -1) : trust.verify(archive);
        if (record.archiveSha256() != null && !record.archiveSha256().equals(verified.archiveSha256())) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' archive " + archive
                    + " changed since it was installed (SHA-256 " + verified.archiveSha256() + ", installed "
                    + record.archiveSha256() + ")");
        }
        ArchiveDescriptor descriptor = ArchiveDescriptor.read(archive);
        archives.checkHostVersion(descriptor);
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        record.permissions().forEach(p -> granted.add(Permission.parse(p)));
        if (!granted.containsAll(descriptor.permissions())) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' now asks for permissions "
                    + PluginArchives.ids(descriptor.permissions()) + " but was granted " + PluginArchives.ids(granted));
        }
        PluginSlot slot = launcher.load(archive, descriptor, record.signerKeyId(), verified.archiveSha256(), granted,
                record.channel());
        loaded.active.put(record.pluginId(), slot);
        loaded.failures.remove(record.pluginId());
        return slot;
    }

    /** A worker kept crashing: the plugin goes FAILED with the cause, and stays out of service until re-enabled. */
    void workerGaveUp(@Nullable PluginSlot slot, String cause) {
        if (slot == null) {
            return;
        }
        adminLock.lock();
        try {
            if (loaded.active.get(slot.id()) != slot) {
                return; // replaced or unloaded meanwhile
            }
            loaded.active.remove(slot.id());
            store.current(slot.id()).ifPresent(record -> fail(record, cause));
        } finally {
            adminLock.unlock();
        }
        slot.unload();
    }

    /** Records why a plugin is out of service: FAILED in the database, the cause shown, an audit event. */
    void fail(PluginRecord record, @Nullable String cause) {
        String message = cause == null ? "unknown cause" : cause;
        log.warn("Plugin '{}' {} failed: {}", record.pluginId(), record.version(), message);
        loaded.failures.put(record.pluginId(), message);
        store.changeState(record.id(), PluginState.FAILED, message, "system");
        audit.append("system", "plugin.failed", record.pluginId(), Map.of("version", record.version(), "cause", message));
    }

    /** Lets a slot's calls finish (until the drain deadline), then unloads it. */
    void retire(PluginSlot old) {
        boolean drained = old.drain(settings.drainTimeout());
        old.unload();
        log.info("Plugin '{}' {} unloaded{}", old.id(), old.version(),
                drained ? "" : " (some calls were cancelled at the drain deadline)");
    }

    /** Keeps the node's set of sandbox-channel plugins in step with a record. */
    void followChannel(PluginRecord record) {
        if (record.channel() == PluginChannel.SANDBOX) {
            loaded.sandboxed.add(record.pluginId());
        } else {
            loaded.sandboxed.remove(record.pluginId());
        }
    }

    /** The current record of an installed plugin. */
    PluginRecord record(String pluginId) {
        return store.current(pluginId).orElseThrow(() -> new PluginUnavailableException("Plugin '" + pluginId
                + "' is not installed; installed: " + store.current().stream().map(PluginRecord::pluginId).toList(),
                true));
    }

    /** A record marked bundled is trusted only while the distribution still ships that exact archive. */
    private boolean isBundled(PluginRecord record) {
        Path dir = bundledDir;
        if (dir == null || record.archiveSha256() == null) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .anyMatch(p -> record.archiveSha256().equals(PluginTrust.sha256(p)));
        } catch (IOException e) {
            return false;
        }
    }
}
