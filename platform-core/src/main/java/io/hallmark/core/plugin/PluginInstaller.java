package io.hallmark.core.plugin;

import io.hallmark.api.Capability;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.VerifiedArchive;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.persistence.PluginRecord;
import io.hallmark.core.persistence.PluginState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and upgrades plugins: an uploaded archive is received ({@link PluginArchives}), its signature checked
 * ({@link PluginTrust}), its manifest, host version and permissions checked, then it is copied into the plugins folder,
 * loaded beside any older version, recorded, and swapped in; the older version's calls finish before it is unloaded.
 * The distribution's bundled plugins are installed the same way without a signature.
 */
final class PluginInstaller {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginsDir;
    private final PluginStore store;
    private final AuditLog audit;
    private final PluginTrust trust;
    private final PluginArchives archives;
    private final PluginLauncher launcher;
    private final LoadedPlugins loaded;
    private final PluginActivator activator;
    private final PluginViews views;
    private final ReentrantLock adminLock;

    PluginInstaller(Path pluginsDir, PluginStore store, AuditLog audit, PluginTrust trust, PluginArchives archives,
            PluginLauncher launcher, LoadedPlugins loaded, PluginActivator activator, PluginViews views,
            ReentrantLock adminLock) {
        this.pluginsDir = pluginsDir;
        this.store = store;
        this.audit = audit;
        this.trust = trust;
        this.archives = archives;
        this.launcher = launcher;
        this.loaded = loaded;
        this.activator = activator;
        this.views = views;
        this.adminLock = adminLock;
    }

    /**
     * Installs the distribution's plugins in {@code dir} that are new or of a new version, unless an administrator
     * disabled them. A plugin that cannot be installed is logged and shown as failed; the others go on.
     */
    void installBundled(Path dir) {
        List<Path> jars;
        try (var files = Files.list(dir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot read the bundled plugins folder {}: {}", dir, e.getMessage());
            return;
        }
        for (Path archive : jars) {
            try {
                ArchiveDescriptor descriptor = ArchiveDescriptor.read(archive);
                Optional<PluginRecord> current = store.current(descriptor.id());
                if (current.isPresent() && current.get().version().equals(descriptor.version())) {
                    continue; // loaded with the other enabled plugins
                }
                if (current.isPresent() && current.get().state() == PluginState.DISABLED) {
                    continue; // an administrator turned it off
                }
                installVerified(archive, new VerifiedArchive(null, PluginTrust.sha256(archive), -1), descriptor,
                        descriptor.permissions(), "system", "bundled", PluginChannel.PRODUCTION);
            } catch (RuntimeException e) {
                log.warn("Bundled plugin {} cannot be installed: {}", archive.getFileName(), e.getMessage());
                loaded.failures.put(archive.getFileName().toString(), String.valueOf(e.getMessage()));
            }
        }
    }

    /**
     * Installs or upgrades from an uploaded archive (see {@link PluginHost#install}).
     *
     * @param expectedId the plugin id an upgrade must carry, or {@code null} for an install
     */
    PluginView install(Path archive, Set<Permission> grants, String actor, PluginChannel channel,
            @Nullable String expectedId) {
        adminLock.lock();
        Path incoming = null;
        try {
            incoming = archives.receive(archive);
            VerifiedArchive verified = trust.verify(incoming);
            ArchiveDescriptor descriptor = ArchiveDescriptor.read(incoming);
            if (expectedId != null && !expectedId.equals(descriptor.id())) {
                throw new PluginInstallException("The archive holds plugin '" + descriptor.id()
                        + "', not '" + expectedId + "'; an upgrade must carry the same plugin id");
            }
            Optional<PluginRecord> previous = store.current(descriptor.id());
            if (channel == PluginChannel.SANDBOX && previous.isPresent()
                    && previous.get().channel() == PluginChannel.PRODUCTION) {
                throw new PluginInstallException("Plugin '" + descriptor.id() + "' is installed on the production "
                        + "channel; a sandbox install cannot replace it (give your plugin another id, or ask an "
                        + "administrator to upgrade it)");
            }
            Set<Permission> granted = archives.checkPermissions(descriptor, grants);
            PluginView view = installVerified(incoming, verified, descriptor, granted, actor, verified.keyId(), channel);
            incoming = null;
            return view;
        } catch (IOException e) {
            throw new PluginInstallException("Cannot install " + archive.getFileName() + ": " + e.getMessage(), e);
        } finally {
            if (incoming != null) {
                PluginArchives.deleteQuietly(incoming);
                PluginArchives.deleteQuietly(incoming.getParent());
            }
            adminLock.unlock();
        }
    }

    /**
     * Installs an archive whose signature (or bundling) was already checked: copies it into the plugins folder
     * (moving it when it came in through {@code .incoming}), loads it, records it and swaps it in.
     */
    private PluginView installVerified(Path source, VerifiedArchive verified, ArchiveDescriptor descriptor,
            Set<Permission> granted, String actor, @Nullable String signer, PluginChannel channel) {
        archives.checkHostVersion(descriptor);
        Optional<PluginRecord> previous = store.current(descriptor.id());
        if (previous.isPresent() && previous.get().version().equals(descriptor.version())) {
            throw new PluginInstallException("Plugin '" + descriptor.id() + "' " + descriptor.version()
                    + " is installed already; remove it first or install another version");
        }
        String fileName = descriptor.id() + "-" + descriptor.version() + ".jar";
        Path target = pluginsDir.resolve(fileName);
        copyIn(source, target);

        PluginSlot slot;
        try {
            slot = launcher.load(target, descriptor, signer, verified.archiveSha256(), granted, channel);
        } catch (RuntimeException e) {
            PluginArchives.deleteQuietly(target);
            audit.append(actor, "plugin.install_failed", descriptor.id(), Map.of("version", descriptor.version(),
                    "reason", String.valueOf(e.getMessage())));
            throw e;
        }
        PluginRecord record = new PluginRecord(descriptor.id(), descriptor.version(), actor);
        record.setProvider(descriptor.provider());
        record.setArchive(verified.archiveSha256(), signer);
        record.setFileName(fileName);
        record.setPermissions(granted.stream().map(Permission::id).sorted().toList());
        record.setCapabilities(capabilities(slot));
        record.setChannel(channel);
        record.changeState(PluginState.ENABLED, null, actor);
        try {
            store.storeArchive(verified.archiveSha256(), target);
            store.saveInstall(record, previous.map(PluginRecord::id).orElse(null), actor);
        } catch (RuntimeException e) {
            slot.unload();
            PluginArchives.deleteQuietly(target);
            throw e;
        }

        activator.followChannel(record);
        PluginSlot old = loaded.active.put(descriptor.id(), slot);
        loaded.failures.remove(descriptor.id());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", descriptor.version());
        event.put("channel", channel.name().toLowerCase(java.util.Locale.ROOT));
        event.put("archiveSha256", verified.archiveSha256());
        event.put("signer", signer == null ? "unsigned (development mode)" : signer);
        event.put("permissions", record.permissions());
        previous.ifPresent(p -> event.put("previousVersion", p.version()));
        audit.append(actor, previous.isPresent() ? "plugin.upgraded" : "plugin.installed", descriptor.id(), event);
        log.info("Plugin '{}' {} {} by {}", descriptor.id(), descriptor.version(),
                previous.isPresent() ? "upgraded from " + previous.get().version() : "installed", actor);
        if (old != null) {
            activator.retire(old);
        }
        previous.filter(p -> p.fileName() != null && !p.fileName().equals(fileName))
                .ifPresent(p -> PluginArchives.deleteQuietly(pluginsDir.resolve(p.fileName())));
        return views.view(record, slot);
    }

    /** Moves an archive received through {@code .incoming} into place, or copies one from elsewhere (bundled). */
    private void copyIn(Path source, Path target) {
        try {
            if (source.getParent() != null && source.getParent().getParent() != null
                    && source.getParent().getParent().equals(pluginsDir.resolve(".incoming"))) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                PluginArchives.deleteQuietly(source.getParent());
            } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PluginInstallException("Cannot copy " + source.getFileName() + " into " + pluginsDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<String> capabilities(PluginSlot slot) {
        Set<String> caps = new TreeSet<>();
        slot.generators().forEach(g -> {
            caps.add(g.info().modality().name());
            g.info().capabilities().stream().map(Capability::name).forEach(caps::add);
        });
        if (!slot.checks().isEmpty()) {
            caps.add("GOVERNANCE_CHECK");
        }
        return List.copyOf(caps);
    }
}
