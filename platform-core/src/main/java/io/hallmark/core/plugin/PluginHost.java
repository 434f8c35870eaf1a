package io.hallmark.core.plugin;

import io.hallmark.api.Capability;
import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckResult;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.PluginSignatureException;
import io.hallmark.api.signing.VerifiedArchive;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.model.ModelProvider;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.persistence.PluginRecord;
import io.hallmark.core.persistence.PluginState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * Runs third-party plugins safely: signed archives only (outside development mode), permissions granted by an
 * administrator, hot install, upgrade, disable and removal while calls are running, and containment of plugins
 * that throw, hang or return garbage.
 *
 * <p>The host is split into rooms: this class installs, upgrades, enables, disables and removes plugins, follows
 * other nodes ({@link #sync()}) and answers queries; {@link PluginTrust} holds the signing keys and checks signatures; {@link PluginArchives} receives archives and
 * checks their manifest demands;
 * {@link PluginLauncher} decides where a plugin version runs (in this JVM for bundled plugins, otherwise a
 * bubblewrap-confined worker process: {@link WorkerRuntime}, {@link WorkerProcess}, {@link WorkerSandbox});
 * {@link PluginInvoker} makes the calls; {@link LoadedPlugins} is what this node has loaded.
 *
 * <p>Each loaded plugin version lives in its own {@link PluginSlot}. An upgrade loads the new version beside the old one, routes new calls to it, lets the old one's calls finish
 * (until the drain deadline), then unloads the old version so its class loader can be collected. Every change is
 * recorded in the database and in the audit log with who made it.
 */
public final class PluginHost implements AutoCloseable {

    /** The largest plugin archive accepted. */
    public static final long MAX_ARCHIVE_BYTES = 256L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginSettings settings;
    private final Path pluginsDir;
    private final PluginStore store;
    private final AuditLog audit;
    private final ModelProvider models;
    private final String hostVersion;
    private final LoadedPlugins loaded = new LoadedPlugins();
    private final Map<String, PluginSlot> active = loaded.active;
    private final Map<String, String> loadFailures = loaded.failures;
    private final Set<String> sandboxed = loaded.sandboxed;
    private final PluginTrust trust;
    private final PluginInvoker invoker;
    private final PluginLauncher launcher;
    private final PluginArchives archives;
    private final ReentrantLock adminLock = new ReentrantLock();
    private @Nullable Path bundledDir;
    private volatile KnowledgeSearch knowledge = KnowledgeSearch.NONE;

    /**
     * @param hostVersion the platform version plugins' {@code Plugin-Requires} is checked against
     */
    public PluginHost(PluginSettings settings, Path pluginsDir, PluginStore store, AuditLog audit, ModelProvider models,
            String hostVersion) {
        this.settings = settings;
        this.pluginsDir = pluginsDir.toAbsolutePath().normalize();
        this.store = store;
        this.audit = audit;
        this.models = models;
        this.hostVersion = releaseVersion(hostVersion);
        this.trust = new PluginTrust(store, audit, settings);
        this.archives = new PluginArchives(settings, this.pluginsDir, store, this.hostVersion);
        this.launcher = new PluginLauncher(settings, audit, this.pluginsDir, this.hostVersion, this::workerGaveUp);
        this.invoker = new PluginInvoker(loaded, store, settings, models, audit, this.pluginsDir, () -> knowledge);
    }

    /** {@code 0.1.0-SNAPSHOT} satisfies {@code >=0.1.0}: plugins are checked against the release it will become. */
    static String releaseVersion(String version) {
        int dash = version.indexOf('-');
        return dash > 0 ? version.substring(0, dash) : version;
    }

    /**
     * Loads every enabled plugin. A plugin that cannot be loaded (missing file, revoked key, failing start) is
     * marked FAILED with its cause; the others load regardless.
     */
    public void start() {
        launcher.checkConfinement();
        adminLock.lock();
        try {
            if (bundledDir != null) {
                installBundled(bundledDir);
            }
            for (PluginRecord record : store.current()) {
                followChannel(record);
                if (active.containsKey(record.pluginId())) {
                    continue;
                }
                if (record.state() != PluginState.ENABLED) {
                    continue;
                }
                try {
                    activate(record);
                } catch (RuntimeException e) {
                    fail(record, e.getMessage());
                }
            }
        } finally {
            adminLock.unlock();
        }
        log.info("Plugin host started: {} plugins enabled, {} failed", active.size(), loadFailures.size());
    }

    /**
     * Gives plugins granted {@code kb:read} the platform's knowledge-base search (takes effect for the next call).
     */
    public PluginHost withKnowledgeSearch(KnowledgeSearch search) {
        this.knowledge = search;
        return this;
    }

    /**
     * Sets the folder of plugins that ship with the distribution. They are trusted like the platform itself (no
     * signature needed), installed on first start, upgraded when the distribution brings a new version, and stay
     * disabled when an administrator disabled them. Call before {@link #start()}.
     */
    public PluginHost withBundledPlugins(@Nullable Path dir) {
        this.bundledDir = dir;
        return this;
    }

    private void installBundled(Path dir) {
        List<Path> archives;
        try (var files = Files.list(dir)) {
            archives = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot read the bundled plugins folder {}: {}", dir, e.getMessage());
            return;
        }
        for (Path archive : archives) {
            try {
                ArchiveDescriptor descriptor = ArchiveDescriptor.read(archive);
                Optional<PluginRecord> current = store.current(descriptor.id());
                if (current.isPresent() && current.get().version().equals(descriptor.version())) {
                    continue; // loaded with the other enabled plugins below
                }
                if (current.isPresent() && current.get().state() == PluginState.DISABLED) {
                    continue; // an administrator turned it off
                }
                installVerified(archive, new VerifiedArchive(null, PluginTrust.sha256(archive), -1), descriptor,
                        descriptor.permissions(), "system", "bundled", PluginChannel.PRODUCTION);
            } catch (RuntimeException e) {
                log.warn("Bundled plugin {} cannot be installed: {}", archive.getFileName(), e.getMessage());
                loadFailures.put(archive.getFileName().toString(), String.valueOf(e.getMessage()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ administration

    /**
     * Installs (or upgrades to) the plugin in {@code archive}: checks size, signature, manifest, host version and
     * permissions, loads and starts it, then routes new calls to it. An older version's calls finish before it is
     * unloaded.
     *
     * @param grants permissions the administrator grants beyond the configured defaults
     * @throws PluginInstallException or {@link PluginSignatureException} saying exactly why it was refused
     */
    public PluginView install(Path archive, Set<Permission> grants, String actor) {
        return install(archive, grants, actor, PluginChannel.PRODUCTION, null);
    }

    /**
     * Installs (or upgrades) a plugin on the plugin developers' sandbox channel: the same signature, manifest and
     * host-version checks, only the configured default permissions, and never over a production plugin of the same
     * id. Its generators serve only jobs on the {@value PluginChannel#SANDBOX_JOB_CHANNEL} channel and its checks
     * never judge production content until an administrator {@linkplain #promote promotes} it.
     */
    public PluginView installToSandbox(Path archive, String actor) {
        return install(archive, Set.of(), actor, PluginChannel.SANDBOX, null);
    }

    /**
     * Upgrades an installed plugin to the version in {@code archive}, which must carry the same plugin id and a
     * different version; the plugin keeps its channel.
     */
    public PluginView upgrade(String pluginId, Path archive, Set<Permission> grants, String actor) {
        PluginRecord current = record(pluginId);
        return install(archive, grants, actor, current.channel(), pluginId);
    }

    private PluginView install(Path archive, Set<Permission> grants, String actor, PluginChannel channel,
            @Nullable String expectedId) {
        adminLock.lock();
        Path incoming = null;
        try {
            incoming = archives.receive(archive);
            VerifiedArchive verified = verify(incoming);
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

        followChannel(record);
        PluginSlot old = active.put(descriptor.id(), slot);
        loadFailures.remove(descriptor.id());
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
            retire(old);
        }
        previous.filter(p -> p.fileName() != null && !p.fileName().equals(fileName))
                .ifPresent(p -> PluginArchives.deleteQuietly(pluginsDir.resolve(p.fileName())));
        return view(record, slot);
    }

    /** Loads a disabled or failed plugin again (its signature is checked again). */
    public PluginView enable(String pluginId, String actor) {
        adminLock.lock();
        try {
            PluginRecord record = record(pluginId);
            PluginSlot slot = active.get(pluginId);
            if (slot == null) {
                try {
                    slot = activate(record);
                } catch (RuntimeException e) {
                    fail(record, e.getMessage());
                    throw e;
                }
            }
            store.changeState(record.id(), PluginState.ENABLED, null, actor);
            audit.append(actor, "plugin.enabled", pluginId, Map.of("version", record.version()));
            return view(store.current(pluginId).orElseThrow(), slot);
        } finally {
            adminLock.unlock();
        }
    }

    /** Stops routing calls to the plugin, lets running calls finish, and unloads it; the archive stays. */
    public PluginView disable(String pluginId, String actor) {
        adminLock.lock();
        try {
            PluginRecord record = unload(pluginId);
            store.changeState(record.id(), PluginState.DISABLED, null, actor);
            audit.append(actor, "plugin.disabled", pluginId, Map.of("version", record.version()));
            return view(store.current(pluginId).orElseThrow(), null);
        } finally {
            adminLock.unlock();
        }
    }

    /** Takes an installed plugin out of service here (draining its calls) and returns its record. */
    private PluginRecord unload(String pluginId) {
        PluginRecord record = record(pluginId);
        PluginSlot slot = active.remove(pluginId);
        if (slot != null) {
            retire(slot);
        }
        models.release(ModelProvider.pluginHolder(pluginId));
        loadFailures.remove(pluginId);
        return record;
    }

    /** Disables the plugin if needed and deletes its archive; its records stay as history. */
    public void remove(String pluginId, String actor) {
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

    /**
     * Moves a sandbox plugin to production: from now on its generators serve every channel's jobs and its checks
     * judge production content. Recorded in the audit log.
     */
    public PluginView promote(String pluginId, String actor) {
        adminLock.lock();
        try {
            PluginRecord record = record(pluginId);
            if (record.channel() != PluginChannel.SANDBOX) {
                throw new PluginInstallException("Plugin '" + pluginId + "' is on the production channel already");
            }
            store.changeChannel(record.id(), PluginChannel.PRODUCTION);
            PluginRecord promoted = store.current(pluginId).orElseThrow();
            followChannel(promoted);
            audit.append(actor, "plugin.promoted", pluginId, Map.of("version", record.version(),
                    "from", "sandbox", "to", "production"));
            log.info("Plugin '{}' {} promoted to production by {}", pluginId, record.version(), actor);
            PluginSlot old = active.get(pluginId);
            if (old != null && old.runtime() instanceof WorkerRuntime) {
                // a new worker with production limits takes the calls; the sandbox-sized one finishes its own
                try {
                    activate(promoted);
                    retire(old);
                } catch (RuntimeException e) {
                    log.warn("Plugin '{}' keeps its sandbox-sized worker until its next start: {}", pluginId,
                            e.getMessage());
                }
            }
            return view(promoted, active.get(pluginId));
        } finally {
            adminLock.unlock();
        }
    }

    /** The channel an installed plugin serves on. */
    public PluginChannel channel(String pluginId) {
        return sandboxed.contains(pluginId) ? PluginChannel.SANDBOX : PluginChannel.PRODUCTION;
    }

    private void followChannel(PluginRecord record) {
        if (record.channel() == PluginChannel.SANDBOX) {
            sandboxed.add(record.pluginId());
        } else {
            sandboxed.remove(record.pluginId());
        }
    }

    /** Trusts a public key (PEM text) to sign plugins, recorded in the audit log. */
    public TrustedKeyView trustKey(String publicKeyPem, String name, String actor) {
        return trust.trustKey(publicKeyPem, name, actor);
    }

    /** Revokes a trusted key; plugins signed with it are refused from now on and fail at the next start. */
    public void revokeKey(String keyId, String actor) {
        trust.revokeKey(keyId, actor);
    }

    /** Every key ever trusted, revoked ones included. */
    public List<TrustedKeyView> trustedKeys() {
        return trust.trustedKeys();
    }

    // ------------------------------------------------------------------------------------------------- queries

    /** Every installed plugin with its state. */
    public List<PluginView> list() {
        return store.current().stream().map(r -> view(r, active.get(r.pluginId()))).toList();
    }

    /** One installed plugin. */
    public Optional<PluginView> find(String pluginId) {
        return store.current(pluginId).map(r -> view(r, active.get(pluginId)));
    }

    /** Every generator of every enabled plugin. */
    public List<GeneratorView> generators() {
        List<GeneratorView> all = new ArrayList<>();
        active.values().forEach(slot -> slot.generators().forEach(
                g -> all.add(new GeneratorView(slot.id(), slot.version(), g.info(), channel(slot.id())))));
        return all;
    }

    /** The ids of enabled plugins. */
    public Set<String> enabledIds() {
        return new TreeSet<>(active.keySet());
    }

    // ------------------------------------------------------------------------------------------------- calling

    /**
     * Generates content with a plugin's generator for the request's modality (see {@link PluginInvoker#generate}).
     *
     * @throws PluginUnavailableException when the plugin is not enabled or its circuit is open
     * @throws InvalidRequestException when the request does not fit the generator
     * @throws GenerationCancelledException when the caller cancelled
     * @throws PluginCallException when the plugin threw, hung past the deadline, returned invalid output, or its
     *     worker died
     */
    public GeneratedContent generate(String pluginId, GenerationRequest request, CallOptions options) {
        return invoker.generate(pluginId, request, options);
    }

    /** Runs every enabled production plugin's governance checks for the content (see {@link PluginInvoker#runChecks}). */
    public List<CheckResult> runChecks(CheckInput input, CallOptions options) {
        return invoker.runChecks(input, options);
    }

    /** The claim verifiers of enabled production plugins, as {@code <plugin id>/<name>}, sorted. */
    public List<String> claimVerifiers() {
        return invoker.claimVerifiers();
    }

    /** Runs one claim verifier (see {@link PluginInvoker#runClaimVerifier}). */
    public CheckResult runClaimVerifier(String qualifiedName, CheckInput input, CallOptions options) {
        return invoker.runClaimVerifier(qualifiedName, input, options);
    }

    // ------------------------------------------------------------------------------------------------ internals

    private PluginSlot activate(PluginRecord record) {
        if (record.fileName() == null) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' has no archive recorded");
        }
        Path archive = pluginsDir.resolve(record.fileName());
        if (!Files.isRegularFile(archive)) {
            archives.materialize(record, archive);
        }
        VerifiedArchive verified = "bundled".equals(record.signerKeyId()) && isBundled(archive, record)
                ? new VerifiedArchive("bundled", PluginTrust.sha256(archive), -1) : verify(archive);
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
        active.put(record.pluginId(), slot);
        loadFailures.remove(record.pluginId());
        return slot;
    }

    /** A worker kept crashing: the plugin goes FAILED with the cause, and stays out of service until re-enabled. */
    private void workerGaveUp(@Nullable PluginSlot slot, String cause) {
        if (slot == null) {
            return;
        }
        adminLock.lock();
        try {
            if (active.get(slot.id()) != slot) {
                return; // replaced or unloaded meanwhile
            }
            active.remove(slot.id());
            store.current(slot.id()).ifPresent(record -> fail(record, cause));
        } finally {
            adminLock.unlock();
        }
        slot.unload();
    }

    /**
     * Brings this node in line with the plugin records another node may have changed: loads newly enabled or
     * upgraded plugins (fetching their archives from the database) and retires those disabled or removed elsewhere.
     * Servers call it every few seconds; it is cheap when nothing changed.
     */
    public void sync() {
        if (!adminLock.tryLock()) {
            return; // an administrative change is running here; the next round catches up
        }
        try {
            Map<String, PluginRecord> current = new java.util.HashMap<>();
            store.current().forEach(r -> {
                current.put(r.pluginId(), r);
                followChannel(r);
            });
            for (PluginRecord record : current.values()) {
                PluginSlot slot = active.get(record.pluginId());
                boolean wanted = record.state() == PluginState.ENABLED;
                if (wanted && (slot == null || !slot.version().equals(record.version()))) {
                    if (slot == null && loadFailures.containsKey(record.pluginId())) {
                        continue; // failed here already; an administrator re-enables it
                    }
                    try {
                        PluginSlot old = active.get(record.pluginId());
                        activate(record);
                        if (old != null) {
                            retire(old);
                        }
                        log.info("Plugin '{}' {} loaded to follow another node", record.pluginId(), record.version());
                    } catch (RuntimeException e) {
                        loadFailures.put(record.pluginId(), String.valueOf(e.getMessage()));
                        log.warn("Plugin '{}' {} cannot be loaded on this node: {}", record.pluginId(), record.version(),
                                e.getMessage());
                    }
                } else if (!wanted && slot != null) {
                    active.remove(record.pluginId());
                    retire(slot);
                }
            }
            for (String id : List.copyOf(active.keySet())) {
                if (!current.containsKey(id)) {
                    PluginSlot slot = active.remove(id);
                    if (slot != null) {
                        retire(slot);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Plugin sync failed: {}", e.toString());
        } finally {
            adminLock.unlock();
        }
    }

    /** A record marked bundled is trusted only while the distribution still ships that exact archive. */
    private boolean isBundled(Path installed, PluginRecord record) {
        if (bundledDir == null || record.archiveSha256() == null) {
            return false;
        }
        try (var files = Files.list(bundledDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .anyMatch(p -> record.archiveSha256().equals(PluginTrust.sha256(p)));
        } catch (IOException e) {
            return false;
        }
    }

    private void fail(PluginRecord record, @Nullable String cause) {
        String message = cause == null ? "unknown cause" : cause;
        log.warn("Plugin '{}' {} failed: {}", record.pluginId(), record.version(), message);
        loadFailures.put(record.pluginId(), message);
        store.changeState(record.id(), PluginState.FAILED, message, "system");
        audit.append("system", "plugin.failed", record.pluginId(), Map.of("version", record.version(), "cause", message));
    }

    private void retire(PluginSlot old) {
        boolean drained = old.drain(settings.drainTimeout());
        old.unload();
        log.info("Plugin '{}' {} unloaded{}", old.id(), old.version(),
                drained ? "" : " (some calls were cancelled at the drain deadline)");
    }

    private VerifiedArchive verify(Path archive) {
        return trust.verify(archive);
    }

    private PluginRecord record(String pluginId) {
        return store.current(pluginId).orElseThrow(() -> new PluginUnavailableException("Plugin '" + pluginId
                + "' is not installed; installed: " + store.current().stream().map(PluginRecord::pluginId).toList(),
                true));
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

    private PluginView view(PluginRecord record, @Nullable PluginSlot slot) {
        boolean loaded = slot != null && slot.version().equals(record.version());
        String failure = record.failure() != null ? record.failure() : loadFailures.get(record.pluginId());
        if (loaded && slot.breaker().state() != CircuitBreaker.State.CLOSED) {
            failure = slot.breaker().describe();
        }
        if (loaded && slot.runtime().failure() != null) {
            failure = slot.runtime().failure();
        }
        return new PluginView(record.pluginId(), record.version(), record.provider(),
                loaded ? slot.descriptor().description() : "", record.state().name(), record.signerKeyId(),
                record.archiveSha256(), record.permissions(),
                loaded ? slot.generators().stream()
                        .map(g -> new GeneratorView(slot.id(), slot.version(), g.info(), record.channel())).toList()
                        : List.of(),
                loaded ? slot.checks().stream().map(c -> c.name()).toList() : List.of(),
                failure, loaded ? slot.breaker().state().name() : null, loaded ? slot.inFlight() : 0,
                record.installedAt(), record.installedBy(), record.channel().name().toLowerCase(java.util.Locale.ROOT),
                loaded ? slot.runtime().isolation() : null);
    }

    /** For tests: a weak reference to the class loader of the loaded version of a plugin. */
    Optional<java.lang.ref.WeakReference<ClassLoader>> classLoaderOf(String pluginId) {
        return Optional.ofNullable(active.get(pluginId)).flatMap(PluginSlot::classLoaderReference);
    }

    /** The worker process serving a plugin now, if it runs in one; for tests, health and the benchmark. */
    public Optional<ProcessHandle> workerOf(String pluginId) {
        return Optional.ofNullable(active.get(pluginId)).flatMap(s -> s.runtime().process());
    }

    /**
     * How a loaded plugin is: {@code ok}, where it runs and, for a worker, its process id, calls in flight and heap
     * in use (a {@code health} frame answered within 5 s).
     *
     * @throws PluginUnavailableException when the plugin is not loaded here
     */
    public Map<String, Object> health(String pluginId) {
        PluginSlot slot = active.get(pluginId);
        if (slot == null) {
            throw invoker.unavailable(pluginId);
        }
        return slot.runtime().health();
    }

    /** Where a plugin runs: {@code in-process}, {@code worker (bubblewrap)} or {@code worker (unconfined)}. */
    public Optional<String> isolationOf(String pluginId) {
        return Optional.ofNullable(active.get(pluginId)).map(s -> s.runtime().isolation());
    }

    /** Unloads every plugin, one by one (never PF4J's {@code stopPlugins()}, see pf4j #656). */
    @Override
    public void close() {
        adminLock.lock();
        try {
            for (String id : List.copyOf(active.keySet())) {
                PluginSlot slot = active.remove(id);
                if (slot != null) {
                    slot.drain(Duration.ofSeconds(5));
                    slot.unload();
                }
            }
        } finally {
            adminLock.unlock();
            invoker.close();
        }
    }
}
