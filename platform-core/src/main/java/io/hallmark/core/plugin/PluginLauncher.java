package io.hallmark.core.plugin;

import io.hallmark.api.Permission;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.persistence.PluginChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activation room of the plugin host: decides where a plugin version's code runs and starts it there. Bundled
 * plugins load into the platform's JVM (setting {@code plugins-bundled-in-process}); every other plugin gets a worker
 * process confined by bubblewrap, with the sandbox channel's tighter limits, or is refused where confinement is not
 * available and the administrator did not opt in to unconfined workers.
 */
final class PluginLauncher {

    private static final Logger log = LoggerFactory.getLogger(PluginLauncher.class);

    private final PluginSettings settings;
    private final AuditLog audit;
    private final Path pluginsDir;
    private final String hostVersion;
    private final BiConsumer<@Nullable PluginSlot, String> onGaveUp;

    /** @param onGaveUp told when a worker kept crashing, with the slot and the cause */
    PluginLauncher(PluginSettings settings, AuditLog audit, Path pluginsDir, String hostVersion,
            BiConsumer<@Nullable PluginSlot, String> onGaveUp) {
        this.settings = settings;
        this.audit = audit;
        this.pluginsDir = pluginsDir;
        this.hostVersion = hostVersion;
        this.onGaveUp = onGaveUp;
    }

    /** Says loudly, at start, whether third-party plugins can run confined here, and audits an unconfined opt-in. */
    void checkConfinement() {
        WorkerSandbox.Confinement confinement = WorkerSandbox.confinement();
        if (confinement.available()) {
            log.info("Third-party plugins run in worker processes confined by {}", confinement.detail());
        } else if (settings.workers().allowUnconfined()) {
            log.error("PLUGIN WORKERS RUN UNCONFINED: {}. An administrator allowed it "
                    + "(plugins-allow-unconfined-workers=true): a third-party plugin can read what the platform user "
                    + "can read and use the network", confinement.detail());
            audit.append("system", "plugin.unconfined_workers", null, Map.of("reason", confinement.detail()));
        } else {
            log.error("THIRD-PARTY PLUGINS ARE REFUSED ON THIS MACHINE: {}. Only bundled plugins load; install "
                    + "bubblewrap where namespaces are allowed, or set plugins-allow-unconfined-workers=true "
                    + "(audited, unsafe)", confinement.detail());
        }
    }

    /**
     * Loads one plugin version where it must run: bundled plugins in this JVM (by setting), every other plugin in a
     * worker process of its own, confined by bubblewrap, with the sandbox channel's tighter limits.
     */
    PluginSlot load(Path archive, ArchiveDescriptor descriptor, @Nullable String signer, String sha256,
            Set<Permission> granted, PluginChannel channel) {
        if ("bundled".equals(signer) && settings.workers().bundledInProcess()) {
            return PluginSlot.load(archive, descriptor, signer, sha256, granted, hostVersion);
        }
        WorkerSandbox.Confinement confinement = WorkerSandbox.confinement();
        if (!confinement.available() && !settings.workers().allowUnconfined()) {
            throw new PluginInstallException("Plugin '" + descriptor.id() + "' cannot run here: third-party plugins run "
                    + "confined in worker processes and " + confinement.detail() + ". Install bubblewrap where "
                    + "namespaces are allowed, or set plugins-allow-unconfined-workers=true to run workers unconfined "
                    + "(audited; the plugin can then read what the platform can)");
        }
        boolean sandbox = channel == PluginChannel.SANDBOX;
        var workers = settings.workers();
        WorkerLaunch launch = new WorkerLaunch(descriptor.id(), descriptor.version(), archive,
                workDir(descriptor.id(), descriptor.version()), sandbox ? workers.sandboxHeapMb() : workers.heapMb(),
                sandbox ? workers.sandboxCpuSeconds() : workers.cpuSeconds(), granted.contains(Permission.NETWORK),
                confinement.available(), hostVersion);
        PluginSlot[] slot = new PluginSlot[1];
        WorkerRuntime runtime = WorkerRuntime.launch(launch, workers, cause -> onGaveUp.accept(slot[0], cause));
        slot[0] = new PluginSlot(descriptor, signer, sha256, granted, runtime);
        return slot[0];
    }

    /** A plugin's own writable folder, the only part of the data directory its worker sees. */
    Path workDir(String pluginId, String version) {
        return pluginsDir.resolveSibling("plugin-work").resolve(pluginId).resolve(version);
    }

}
