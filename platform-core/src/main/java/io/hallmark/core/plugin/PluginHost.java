package io.hallmark.core.plugin;

import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckResult;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.PluginSignatureException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.model.ModelProvider;
import io.hallmark.core.persistence.PluginChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs third-party plugins safely: signed archives only (outside development mode), permissions granted by an
 * administrator, hot install, upgrade, disable and removal while calls are running, and containment of plugins
 * that throw, hang or return garbage.
 *
 * <p>This class is the facade; the work is done in rooms, each small enough to read at once:
 * <ul>
 *   <li>{@link PluginInstaller}: install and upgrade from an archive, and the distribution's bundled plugins;</li>
 *   <li>{@link PluginAdmin}: enable, disable, remove, promote from the sandbox channel;</li>
 *   <li>{@link PluginActivator}: bring a recorded plugin into service (archive checked again) and out of it;</li>
 *   <li>{@link PluginClusterSync}: follow the changes other nodes made ({@link #sync()});</li>
 *   <li>{@link PluginViews}: what the console and the API see;</li>
 *   <li>{@link PluginTrust} (keys, signatures), {@link PluginArchives} (receiving archives, manifest demands),
 *       {@link PluginLauncher} (in this JVM for bundled plugins, otherwise a bubblewrap-confined worker process:
 *       {@link WorkerRuntime}, {@link WorkerProcess}, {@link WorkerSandbox}), {@link PluginInvoker} (the calls),
 *       {@link PluginCheckRunner} (governance checks and claim verifiers) and
 *       {@link LoadedPlugins} (what this node has loaded).</li>
 * </ul>
 *
 * <p>Each loaded plugin version lives in its own {@link PluginSlot}. An upgrade loads the new version beside the old
 * one, routes new calls to it, lets the old one's calls finish (until the drain deadline), then unloads the old
 * version so its class loader can be collected. Every change is recorded in the database and in the audit log with
 * who made it. Administrative changes take one lock, so they never interleave.
 */
public final class PluginHost implements AutoCloseable {

    /** The largest plugin archive accepted. */
    public static final long MAX_ARCHIVE_BYTES = 32L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final LoadedPlugins loaded = new LoadedPlugins();
    private final ReentrantLock adminLock = new ReentrantLock();
    private final PluginTrust trust;
    private final PluginInvoker invoker;
    private final PluginCheckRunner checks;
    private final PluginLauncher launcher;
    private final PluginActivator activator;
    private final PluginViews views;
    private final PluginInstaller installer;
    private final PluginAdmin admin;
    private final PluginClusterSync clusterSync;
    private final PluginConfigStore configs;
    private volatile KnowledgeSearch knowledge = KnowledgeSearch.NONE;

    /**
     * @param hostVersion the platform version plugins' {@code Plugin-Requires} is checked against
     */
    public PluginHost(PluginSettings settings, Path pluginsDir, PluginStore store, AuditLog audit, ModelProvider models,
            String hostVersion) {
        Path plugins = pluginsDir.toAbsolutePath().normalize();
        String release = releaseVersion(hostVersion);
        this.trust = new PluginTrust(store, audit, settings);
        PluginArchives archives = new PluginArchives(settings, plugins, store, release);
        this.launcher = new PluginLauncher(settings, audit, plugins, release, this::workerGaveUp);
        this.activator = new PluginActivator(settings, plugins, store, audit, trust, archives, launcher, loaded,
                adminLock);
        this.views = new PluginViews(store, loaded);
        this.installer = new PluginInstaller(plugins, store, audit, trust, archives, launcher, loaded, activator, views,
                adminLock);
        this.admin = new PluginAdmin(plugins, store, audit, models, launcher, loaded, activator, views, adminLock);
        this.clusterSync = new PluginClusterSync(store, loaded, activator, adminLock);
        this.configs = new PluginConfigStore(store.database().dataSource(), audit, plugins);
        this.invoker = new PluginInvoker(loaded, store, settings, models, audit, configs, () -> knowledge);
        this.checks = new PluginCheckRunner(invoker, loaded);
    }

    /** A worker kept crashing: the plugin goes FAILED (see {@link PluginActivator#workerGaveUp}). */
    private void workerGaveUp(@Nullable PluginSlot slot, String cause) {
        activator.workerGaveUp(slot, cause);
    }

    /** {@code 0.1.0-SNAPSHOT} satisfies {@code >=0.1.0}: plugins are checked against the release it will become. */
    static String releaseVersion(String version) {
        int dash = version.indexOf('-');
        return dash > 0 ? version.substring(0, dash) : version;
    }

    /**
     * Loads every enabled plugin (after installing new bundled ones). A plugin that cannot be loaded (missing file,
     * revoked key, failing start) is marked FAILED with its cause; the others load regardless.
     */
    public void start() {
        launcher.checkConfinement();
        configs.importFiles(); // settings files of this node become the cluster's settings
        adminLock.lock();
        try {
            Path bundled = activator.bundledDir();
            if (bundled != null) {
                installer.installBundled(bundled);
            }
            activator.activateEnabled();
        } finally {
            adminLock.unlock();
        }
        log.info("Plugin host started: {} plugins enabled, {} failed", loaded.active.size(), loaded.failures.size());
    }

    /** A plugin's settings as the cluster keeps them, values of secret-looking keys masked. */
    public Map<String, String> settings(String pluginId) {
        return PluginConfigStore.masked(configs.settings(pluginId));
    }

    /**
     * Sets and removes settings of a plugin (installed or not yet) for every node, audited; the next call on any node
     * reads them.
     *
     * @return the plugin's settings after the change, values of secret-looking keys masked
     */
    public Map<String, String> changeSettings(String pluginId, Map<String, String> set, java.util.Set<String> unset,
            String actor) {
        return PluginConfigStore.masked(configs.change(pluginId, set, unset, actor));
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
        activator.bundledDir(dir);
        return this;
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
        return installer.install(archive, grants, actor, PluginChannel.PRODUCTION, null);
    }

    /**
     * Installs (or upgrades) a plugin on the plugin developers' sandbox channel: the same signature, manifest and
     * host-version checks, only the configured default permissions, and never over a production plugin of the same
     * id. Its generators serve only jobs on the {@value PluginChannel#SANDBOX_JOB_CHANNEL} channel and its checks
     * never judge production content until an administrator {@linkplain #promote promotes} it.
     */
    public PluginView installToSandbox(Path archive, String actor) {
        return installer.install(archive, Set.of(), actor, PluginChannel.SANDBOX, null);
    }

    /**
     * Upgrades an installed plugin to the version in {@code archive}, which must carry the same plugin id and a
     * different version; the plugin keeps its channel.
     */
    public PluginView upgrade(String pluginId, Path archive, Set<Permission> grants, String actor) {
        return installer.install(archive, grants, actor, activator.record(pluginId).channel(), pluginId);
    }

    /** Loads a disabled or failed plugin again (its signature is checked again). */
    public PluginView enable(String pluginId, String actor) {
        return admin.enable(pluginId, actor);
    }

    /** Stops routing calls to the plugin, lets running calls finish, and unloads it; the archive stays. */
    public PluginView disable(String pluginId, String actor) {
        return admin.disable(pluginId, actor);
    }

    /** Disables the plugin if needed and deletes its archive and work folders; its records stay as history. */
    public void remove(String pluginId, String actor) {
        admin.remove(pluginId, actor);
    }

    /**
     * Moves a sandbox plugin to production: from now on its generators serve every channel's jobs and its checks
     * judge production content; a plugin in a worker gets a new worker with production limits. Recorded in the audit
     * log.
     */
    public PluginView promote(String pluginId, String actor) {
        return admin.promote(pluginId, actor);
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

    /**
     * Brings this node in line with the plugin records another node may have changed (see
     * {@link PluginClusterSync}). Servers call it every few seconds; it is cheap when nothing changed.
     */
    public void sync() {
        clusterSync.sync();
    }

    // ------------------------------------------------------------------------------------------------- queries

    /** Every installed plugin with its state. */
    public List<PluginView> list() {
        return views.list();
    }

    /** One installed plugin. */
    public Optional<PluginView> find(String pluginId) {
        return views.find(pluginId);
    }

    /** Every generator of every enabled plugin. */
    public List<GeneratorView> generators() {
        return views.generators();
    }

    /** The ids of enabled plugins. */
    public Set<String> enabledIds() {
        return views.enabledIds();
    }

    /** The channel an installed plugin serves on. */
    public PluginChannel channel(String pluginId) {
        return views.channel(pluginId);
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

    /** Runs every enabled production plugin's governance checks for the content (see {@link PluginCheckRunner#runChecks}). */
    public List<CheckResult> runChecks(CheckInput input, CallOptions options) {
        return checks.runChecks(input, options);
    }

    /** The claim verifiers of enabled production plugins, as {@code <plugin id>/<name>}, sorted. */
    public List<String> claimVerifiers() {
        return checks.claimVerifiers();
    }

    /** Runs one claim verifier (see {@link PluginCheckRunner#runClaimVerifier}). */
    public CheckResult runClaimVerifier(String qualifiedName, CheckInput input, CallOptions options) {
        return checks.runClaimVerifier(qualifiedName, input, options);
    }

    // ------------------------------------------------------------------------------------------ health and tests

    /** For tests: a weak reference to the class loader of the loaded version of a plugin. */
    Optional<java.lang.ref.WeakReference<ClassLoader>> classLoaderOf(String pluginId) {
        return Optional.ofNullable(loaded.active.get(pluginId)).flatMap(PluginSlot::classLoaderReference);
    }

    /** The worker process serving a plugin now, if it runs in one; for tests, health and the benchmark. */
    public Optional<ProcessHandle> workerOf(String pluginId) {
        return Optional.ofNullable(loaded.active.get(pluginId)).flatMap(s -> s.runtime().process());
    }

    /**
     * How a loaded plugin is: {@code ok}, where it runs and, for a worker, its process id, calls in flight and heap
     * in use (a {@code health} frame answered within 5 s).
     *
     * @throws PluginUnavailableException when the plugin is not loaded here
     */
    public Map<String, Object> health(String pluginId) {
        PluginSlot slot = loaded.active.get(pluginId);
        if (slot == null) {
            throw invoker.unavailable(pluginId);
        }
        return slot.runtime().health();
    }

    /** Where a plugin runs: {@code in-process}, {@code worker (bubblewrap)} or {@code worker (unconfined)}. */
    public Optional<String> isolationOf(String pluginId) {
        return Optional.ofNullable(loaded.active.get(pluginId)).map(s -> s.runtime().isolation());
    }

    /** Unloads every plugin, one by one (never PF4J's {@code stopPlugins()}, see pf4j #656). */
    @Override
    public void close() {
        adminLock.lock();
        try {
            for (String id : List.copyOf(loaded.active.keySet())) {
                PluginSlot slot = loaded.active.remove(id);
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
