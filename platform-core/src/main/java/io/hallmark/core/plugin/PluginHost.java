package io.hallmark.core.plugin;

import io.hallmark.api.Capability;
import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckOutcome;
import io.hallmark.api.CheckResult;
import io.hallmark.api.ClaimVerifier;
import io.hallmark.api.GovernanceCheck;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.PluginArchiveVerifier;
import io.hallmark.api.signing.PluginSignatureException;
import io.hallmark.api.signing.VerifiedArchive;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.model.ModelProvider;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.persistence.PluginRecord;
import io.hallmark.core.persistence.PluginState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pf4j.DefaultVersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs third-party plugins safely: signed archives only (outside development mode), permissions granted by an
 * administrator, hot install, upgrade, disable and removal while calls are running, and containment of plugins
 * that throw, hang or return garbage.
 *
 * <p>Each loaded plugin version lives in its own {@link PluginSlot} (own PF4J manager and class loader). An
 * upgrade loads the new version beside the old one, routes new calls to it, lets the old one's calls finish
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
    private final Map<String, PluginSlot> active = new ConcurrentHashMap<>();
    private final Map<String, String> loadFailures = new ConcurrentHashMap<>();
    /** Plugin ids on the sandbox channel, as the records say (kept in step by every change and by sync). */
    private final Set<String> sandboxed = ConcurrentHashMap.newKeySet();
    private final ReentrantLock adminLock = new ReentrantLock();
    private @Nullable Path bundledDir;
    private volatile KnowledgeSearch knowledge = KnowledgeSearch.NONE;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("plugin-call-", 0).factory());

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
        checkConfinement();
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

    /** Says loudly, at start, whether third-party plugins can run confined here, and audits an unconfined opt-in. */
    private void checkConfinement() {
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
                installVerified(archive, new VerifiedArchive(null, sha256(archive), -1), descriptor,
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
            incoming = receive(archive);
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
            Set<Permission> granted = checkPermissions(descriptor, grants);
            PluginView view = installVerified(incoming, verified, descriptor, granted, actor, verified.keyId(), channel);
            incoming = null;
            return view;
        } catch (IOException e) {
            throw new PluginInstallException("Cannot install " + archive.getFileName() + ": " + e.getMessage(), e);
        } finally {
            if (incoming != null) {
                deleteQuietly(incoming);
                deleteQuietly(incoming.getParent());
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
        checkHostVersion(descriptor);
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
                deleteQuietly(source.getParent());
            } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PluginInstallException("Cannot copy " + source.getFileName() + " into " + pluginsDir + ": "
                    + e.getMessage(), e);
        }

        PluginSlot slot;
        try {
            slot = loadSlot(target, descriptor, signer, verified.archiveSha256(), granted, channel);
        } catch (RuntimeException e) {
            deleteQuietly(target);
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
            deleteQuietly(target);
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
                .ifPresent(p -> deleteQuietly(pluginsDir.resolve(p.fileName())));
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
                deleteQuietly(pluginsDir.resolve(record.fileName()));
            }
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
        java.security.PublicKey key;
        try {
            key = io.hallmark.api.signing.SigningKeys.parsePublicPem(publicKeyPem);
        } catch (io.hallmark.api.HallmarkException e) {
            throw new InvalidRequestException("Not an Ed25519 public key in PEM form: " + e.getMessage());
        }
        if (name.isBlank() || name.length() > 128) {
            throw InvalidRequestException.of("name", "Key name must be 1-128 characters");
        }
        var record = store.trust(key, name, actor);
        audit.append(actor, "key.trusted", record.keyId(), Map.of("name", name, "purpose", "plugin-signing"));
        return keyView(record);
    }

    /** Revokes a trusted key; plugins signed with it are refused from now on and fail at the next start. */
    public void revokeKey(String keyId, String actor) {
        if (!store.revoke(keyId)) {
            throw new PluginUnavailableException("No trusted key with id '" + keyId + "'; trusted: "
                    + store.keys().stream().filter(k -> k.active()).map(k -> k.keyId()).toList(), true);
        }
        audit.append(actor, "key.revoked", keyId, Map.of("purpose", "plugin-signing"));
    }

    /** Every key ever trusted, revoked ones included. */
    public List<TrustedKeyView> trustedKeys() {
        return store.keys().stream().map(PluginHost::keyView).toList();
    }

    private static TrustedKeyView keyView(io.hallmark.core.persistence.SigningKeyRecord r) {
        return new TrustedKeyView(r.keyId(), r.name(), r.publicKeyPem(), r.addedBy(), r.addedAt(), r.revokedAt());
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
     * Generates content with a plugin's generator for the request's modality. The request's parameters are
     * validated against the generator's declaration first; the call runs on its own thread with a deadline.
     *
     * @throws PluginUnavailableException when the plugin is not enabled or its circuit is open
     * @throws InvalidRequestException when the request does not fit the generator
     * @throws GenerationCancelledException when the caller cancelled
     * @throws PluginCallException when the plugin threw, hung past the deadline or returned invalid output
     */
    public GeneratedContent generate(String pluginId, GenerationRequest request, CallOptions options) {
        PluginSlot slot = acquire(pluginId, options.cancellation());
        HostGeneratorContext context = null;
        try {
            PluginSlot.LoadedGenerator generator = slot.generatorFor(request.modality())
                    .orElseThrow(() -> new InvalidRequestException("Plugin '" + pluginId + "' generates "
                            + slot.generators().stream().map(g -> g.info().modality()).toList() + ", not "
                            + request.modality()));
            GenerationRequest validated = request.withParameters(generator.info().validate(request.parameters()));
            if (!slot.breaker().allow()) {
                throw new PluginUnavailableException("Plugin '" + pluginId + "' is refusing calls: "
                        + slot.breaker().describe(), false);
            }
            Duration timeout = timeout(options);
            Instant deadline = Instant.now().plus(timeout);
            context = new HostGeneratorContext(pluginId, slot.permissions(), models, deadline, options.cancellation(),
                    options.listener(), pluginConfig(pluginId), audit, knowledge);
            HostGeneratorContext callContext = context;
            Future<GeneratedContent> future = calls.submit(() -> generator.generator().generate(validated, callContext));
            GeneratedContent content = await(slot, future, deadline, timeout, options.cancellation());
            checkOutput(slot, generator.info(), validated, content);
            slot.breaker().success();
            return content;
        } finally {
            if (context != null) {
                context.closeLeases();
            }
            slot.release(options.cancellation());
        }
    }

    /**
     * Runs every enabled plugin's governance checks that apply to the content's modality. A check that throws,
     * hangs past the deadline or returns nothing yields an UNDECIDED result that says why, so one broken check
     * never blocks the governance stage; its failures count towards its plugin's circuit breaker.
     */
    public List<CheckResult> runChecks(CheckInput input, CallOptions options) {
        List<CheckResult> results = new ArrayList<>();
        for (String pluginId : enabledIds()) {
            if (sandboxed.contains(pluginId)) {
                continue; // sandbox plugins never judge production content
            }
            PluginSlot slot;
            try {
                slot = acquire(pluginId, options.cancellation());
            } catch (PluginUnavailableException e) {
                continue; // removed while we iterated
            }
            try {
                for (GovernanceCheck check : slot.checks()) {
                    if (check.appliesTo(input.modality())) {
                        results.add(runCheck(slot, check, input, options));
                    }
                }
            } finally {
                slot.release(options.cancellation());
            }
        }
        return results;
    }

    /**
     * The claim verifiers ({@link ClaimVerifier} extensions) of enabled production plugins, as
     * {@code <plugin id>/<name>}, sorted; the fact checker gives each a vote.
     */
    public List<String> claimVerifiers() {
        List<String> out = new ArrayList<>();
        for (String pluginId : enabledIds()) {
            if (sandboxed.contains(pluginId)) {
                continue; // sandbox plugins never judge production content
            }
            PluginSlot slot = active.get(pluginId);
            if (slot != null) {
                slot.checks().stream().filter(c -> c instanceof ClaimVerifier).map(c -> pluginId + "/" + safeName(c))
                        .forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Runs one claim verifier (named as by {@link #claimVerifiers()}) on a claim input
     * ({@link ClaimVerifier#input}), under the same timeout and circuit breaker as every check; an
     * UNDECIDED result when it cannot run (plugin disabled or removed, timeout, failure).
     */
    public CheckResult runClaimVerifier(String qualifiedName, CheckInput input, CallOptions options) {
        int slash = qualifiedName.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("A claim verifier is named '<plugin id>/<name>', got '" + qualifiedName
                    + "'");
        }
        String pluginId = qualifiedName.substring(0, slash);
        String name = qualifiedName.substring(slash + 1);
        if (sandboxed.contains(pluginId)) {
            return undecided(qualifiedName, "plugin " + pluginId + " is on the sandbox channel");
        }
        PluginSlot slot;
        try {
            slot = acquire(pluginId, options.cancellation());
        } catch (PluginUnavailableException e) {
            return undecided(qualifiedName, "plugin " + pluginId + " is not enabled");
        }
        try {
            for (GovernanceCheck check : slot.checks()) {
                if (check instanceof ClaimVerifier && safeName(check).equals(name)) {
                    return runCheck(slot, check, input, options);
                }
            }
            return undecided(qualifiedName, "plugin " + pluginId + " has no claim verifier named " + name);
        } finally {
            slot.release(options.cancellation());
        }
    }

    private CheckResult runCheck(PluginSlot slot, GovernanceCheck check, CheckInput input, CallOptions options) {
        String name = slot.id() + "/" + safeName(check);
        if (!slot.breaker().allow()) {
            return undecided(name, "not run: " + slot.breaker().describe());
        }
        Duration timeout = timeout(options);
        Instant deadline = Instant.now().plus(timeout);
        HostGeneratorContext context = new HostGeneratorContext(slot.id(), slot.permissions(), models, deadline,
                options.cancellation(), options.listener(), pluginConfig(slot.id()), audit, knowledge);
        try {
            Future<CheckResult> future = calls.submit(() -> check.check(input, context));
            CheckResult result;
            try {
                result = future.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                slot.breaker().failure("check " + name + " did not finish within " + timeout);
                return undecided(name, "did not finish within " + timeout);
            } catch (ExecutionException e) {
                slot.breaker().failure("check " + name + " failed: " + PluginSlot.describe(e.getCause()));
                return undecided(name, "failed: " + PluginSlot.describe(e.getCause()));
            }
            String problem = result == null ? "returned no result" : checkJsonValues(result.details(), "details");
            if (problem != null) {
                slot.breaker().failure("check " + name + " " + problem);
                return undecided(name, problem);
            }
            slot.breaker().success();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return undecided(name, "interrupted");
        } finally {
            context.closeLeases();
        }
    }

    /** The caller's deadline, never longer than the host's call timeout. */
    private Duration timeout(CallOptions options) {
        return options.timeout() == null || options.timeout().compareTo(settings.callTimeout()) > 0
                ? settings.callTimeout() : options.timeout();
    }

    private static String safeName(GovernanceCheck check) {
        try {
            return check.name();
        } catch (RuntimeException e) {
            return check.getClass().getSimpleName();
        }
    }

    private static CheckResult undecided(String name, String why) {
        return new CheckResult(name, CheckOutcome.UNDECIDED, 0, "The check could not run: " + why, List.of(),
                Map.of("error", why));
    }

    private PluginSlot acquire(String pluginId, Cancellation cancellation) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            PluginSlot slot = active.get(pluginId);
            if (slot == null) {
                throw unavailable(pluginId);
            }
            if (slot.tryAcquire(cancellation)) {
                return slot;
            }
            Thread.onSpinWait(); // the slot is being swapped out; the next read sees its successor
        }
        throw unavailable(pluginId);
    }

    private PluginUnavailableException unavailable(String pluginId) {
        String failure = loadFailures.get(pluginId);
        if (failure != null) {
            return new PluginUnavailableException("Plugin '" + pluginId + "' failed to load: " + failure, false);
        }
        Optional<PluginRecord> record = store.current(pluginId);
        if (record.isPresent()) {
            return new PluginUnavailableException("Plugin '" + pluginId + "' is " + record.get().state()
                    + "; enable it first", false);
        }
        return new PluginUnavailableException("Plugin '" + pluginId + "' is not installed; enabled plugins: "
                + enabledIds(), true);
    }

    private GeneratedContent await(PluginSlot slot, Future<GeneratedContent> future, Instant deadline,
            Duration timeout, Cancellation cancellation) {
        String id = slot.id();
        try {
            long wait = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return future.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancellation.cancel();
            future.cancel(true);
            String message = "Plugin '" + id + "' did not finish within " + timeout + "; the call was abandoned";
            slot.breaker().failure(message);
            throw new PluginCallException(id, message, null);
        } catch (InterruptedException e) {
            cancellation.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException("Interrupted while waiting for plugin '" + id + "'");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GenerationCancelledException cancelled && cancellation.isCancelled()) {
                throw cancelled;
            }
            if (cause instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            if (cause instanceof PluginCallException workerFailure) { // the worker died or gave up: already says so
                slot.breaker().failure(workerFailure.getMessage());
                throw workerFailure;
            }
            String message = "Plugin '" + id + "' " + slot.version() + " failed: " + PluginSlot.describe(cause);
            slot.breaker().failure(message);
            if (cause instanceof GenerationFailedException failed && failed.retriable()) {
                throw new GenerationFailedException(message, true, cause);
            }
            throw new PluginCallException(id, message, cause);
        }
    }

    private static void checkOutput(PluginSlot slot, GeneratorInfo info, GenerationRequest request,
            @Nullable GeneratedContent content) {
        String problem = null;
        if (content == null) {
            problem = "returned no content";
        } else if (content.modality() != request.modality()) {
            problem = "returned " + content.modality() + " content for a " + request.modality() + " request";
        } else if (!info.models().isEmpty() && content.model() == null) {
            problem = "declares models but reported none in its output";
        } else {
            problem = checkJsonValues(content.metadata(), "metadata");
        }
        if (problem != null) {
            String message = "Plugin '" + slot.id() + "' " + slot.version() + " " + problem;
            slot.breaker().failure(message);
            throw new PluginCallException(slot.id(), message, null);
        }
    }

    /** Metadata must be plain JSON values: no plugin classes may outlive the call (they would pin its loader). */
    private static @Nullable String checkJsonValues(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return "returned a non-string key in " + path;
                }
                String problem = checkJsonValues(e.getValue(), path + "." + key);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String problem = checkJsonValues(list.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return "returned a " + value.getClass().getName() + " at " + path + "; only JSON values are allowed";
    }

    // ------------------------------------------------------------------------------------------------ internals

    private PluginSlot activate(PluginRecord record) {
        if (record.fileName() == null) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' has no archive recorded");
        }
        Path archive = pluginsDir.resolve(record.fileName());
        if (!Files.isRegularFile(archive)) {
            materialize(record, archive);
        }
        VerifiedArchive verified = "bundled".equals(record.signerKeyId()) && isBundled(archive, record)
                ? new VerifiedArchive("bundled", sha256(archive), -1) : verify(archive);
        if (record.archiveSha256() != null && !record.archiveSha256().equals(verified.archiveSha256())) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' archive " + archive
                    + " changed since it was installed (SHA-256 " + verified.archiveSha256() + ", installed "
                    + record.archiveSha256() + ")");
        }
        ArchiveDescriptor descriptor = ArchiveDescriptor.read(archive);
        checkHostVersion(descriptor);
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        record.permissions().forEach(p -> granted.add(Permission.parse(p)));
        if (!granted.containsAll(descriptor.permissions())) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' now asks for permissions "
                    + ids(descriptor.permissions()) + " but was granted " + ids(granted));
        }
        PluginSlot slot = loadSlot(archive, descriptor, record.signerKeyId(), verified.archiveSha256(), granted,
                record.channel());
        active.put(record.pluginId(), slot);
        loadFailures.remove(record.pluginId());
        return slot;
    }

    /**
     * Loads one plugin version where it must run: bundled plugins in this JVM (by setting), every other plugin in a
     * worker process of its own, confined by bubblewrap, with the sandbox channel's tighter limits.
     */
    private PluginSlot loadSlot(Path archive, ArchiveDescriptor descriptor, @Nullable String signer, String sha256,
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
        WorkerRuntime runtime = WorkerRuntime.launch(launch, workers, cause -> workerGaveUp(slot[0], cause));
        slot[0] = new PluginSlot(descriptor, signer, sha256, granted, runtime);
        return slot[0];
    }

    /** A plugin's own writable folder, the only part of the data directory its worker sees. */
    private Path workDir(String pluginId, String version) {
        return pluginsDir.resolveSibling("plugin-work").resolve(pluginId).resolve(version);
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
     * A plugin's settings as an administrator wrote them in {@code <plugins>/<id>.properties} (endpoint URLs, keys,
     * limits); empty when there is no such file. Read at each call, so edits apply without a restart.
     */
    Map<String, String> pluginConfig(String pluginId) {
        Path file = pluginsDir.resolve(pluginId + ".properties");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        java.util.Properties p = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            log.warn("Cannot read plugin settings {}: {}", file, e.getMessage());
            return Map.of();
        }
        Map<String, String> config = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> config.put(k, p.getProperty(k).trim()));
        return config;
    }

    /** Writes an archive another node installed from the database into this node's plugins folder. */
    private void materialize(PluginRecord record, Path archive) {
        byte[] bytes = record.archiveSha256() == null ? null : store.archive(record.archiveSha256()).orElse(null);
        if (bytes == null) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' archive " + archive
                    + " is missing and the database holds no copy of it");
        }
        try {
            Files.createDirectories(pluginsDir);
            Path tmp = Files.createTempFile(pluginsDir, ".fetch-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("Fetched plugin archive {} from the database", archive.getFileName());
        } catch (IOException e) {
            throw new PluginInstallException("Cannot write " + archive + ": " + e.getMessage(), e);
        }
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
                    .anyMatch(p -> record.archiveSha256().equals(sha256(p)));
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

    private Path receive(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new PluginInstallException("Plugin archive " + archive + " does not exist or is not a file");
        }
        long size = Files.size(archive);
        if (size > MAX_ARCHIVE_BYTES) {
            throw new PluginInstallException("Plugin archive " + archive.getFileName() + " has " + size
                    + " bytes; the limit is " + MAX_ARCHIVE_BYTES);
        }
        // a folder of its own keeps the archive's name, so that every message names the file the user gave
        Path incomingDir = Files.createDirectories(pluginsDir.resolve(".incoming").resolve(UUID.randomUUID().toString()));
        Path incoming = incomingDir.resolve(archive.getFileName().toString());
        Files.copy(archive, incoming);
        return incoming;
    }

    private VerifiedArchive verify(Path archive) {
        try {
            return PluginArchiveVerifier.verify(archive, store::trustedKey);
        } catch (PluginSignatureException e) {
            if (settings.devMode() && e.getMessage().contains("is not signed")) {
                log.warn("Loading unsigned plugin archive {} because development mode is on", archive.getFileName());
                return new VerifiedArchive(null, sha256(archive), -1);
            }
            throw e;
        }
    }

    private void checkHostVersion(ArchiveDescriptor descriptor) {
        boolean ok;
        try {
            ok = new DefaultVersionManager().checkVersionConstraint(hostVersion, descriptor.requires());
        } catch (RuntimeException e) {
            throw new PluginInstallException("Plugin '" + descriptor.id() + "' has an unreadable Plugin-Requires '"
                    + descriptor.requires() + "'; use a constraint like >=0.1.0");
        }
        if (!ok) {
            throw new PluginInstallException("Plugin '" + descriptor.id() + "' " + descriptor.version()
                    + " requires Hallmark " + descriptor.requires() + "; this is Hallmark " + hostVersion);
        }
    }

    private Set<Permission> checkPermissions(ArchiveDescriptor descriptor, Set<Permission> grants) {
        Set<Permission> allowed = EnumSet.noneOf(Permission.class);
        allowed.addAll(settings.defaultPermissions());
        allowed.addAll(grants);
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        missing.addAll(descriptor.permissions());
        missing.removeAll(allowed);
        if (!missing.isEmpty()) {
            throw new PluginInstallException("Plugin '" + descriptor.id() + "' asks for " + ids(missing)
                    + ", which an administrator has not granted; grant it at install (--grant "
                    + String.join(",", ids(missing)) + ") if you trust the plugin with it");
        }
        return descriptor.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(descriptor.permissions());
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
                record.installedAt(), record.installedBy(), record.channel().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static List<String> ids(Set<Permission> permissions) {
        return permissions.stream().map(Permission::id).sorted().collect(Collectors.toList());
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new PluginInstallException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }

    /** For tests: a weak reference to the class loader of the loaded version of a plugin. */
    Optional<java.lang.ref.WeakReference<ClassLoader>> classLoaderOf(String pluginId) {
        return Optional.ofNullable(active.get(pluginId)).flatMap(PluginSlot::classLoaderReference);
    }

    /** The worker process serving a plugin now, if it runs in one; for tests, health and the benchmark. */
    public Optional<ProcessHandle> workerOf(String pluginId) {
        return Optional.ofNullable(active.get(pluginId)).flatMap(s -> s.runtime().process());
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
            calls.shutdownNow();
        }
    }
}
