package io.hallmark.core;

import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.audit.AuditSettings;
import io.hallmark.core.audit.AuditTrail;
import io.hallmark.core.audit.PlatformKey;
import io.hallmark.core.audit.Witnessing;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.blob.LegacyFallbackBlobStore;
import io.hallmark.core.blob.LocalBlobStore;
import io.hallmark.core.blob.PostgresBlobStore;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.data.DataDirectory;
import io.hallmark.core.data.DataDirectoryOwner;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseInfo;
import io.hallmark.core.db.DatabaseMonitor;
import io.hallmark.core.db.PostgresSupervisor;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.db.EmbeddedPostgresServer;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.core.model.ModelRuntime;
import io.hallmark.core.model.ServingProfile;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.plugin.PluginStore;
import io.hallmark.core.jobs.GenerationPipeline;
import io.hallmark.core.jobs.JobQueue;
import io.hallmark.core.jobs.JobWorkers;
import io.hallmark.core.jobs.PluginChecksAssessor;
import io.hallmark.core.policy.PolicyService;
import io.hallmark.core.governance.DatabaseModelStore;
import io.hallmark.core.governance.ActiveModelFollower;
import io.hallmark.core.governance.LocalModelImport;
import io.hallmark.core.governance.GovernanceTraining;
import io.hallmark.core.probe.BiasProbes;
import io.hallmark.governance.artifact.ModelStore;
import io.hallmark.core.kb.FactCheckService;
import io.hallmark.core.kb.KnowledgeBases;
import io.hallmark.core.kb.LlmJudge;
import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.FactCheckAssessor;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.SelfConsistency;
import io.hallmark.governance.factcheck.verify.ConsistencyVerifier;
import io.hallmark.governance.factcheck.verify.SemanticVerifier;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.stage.Assessor;
import io.hallmark.governance.stage.StandardAssessors;
import java.util.List;
import io.hallmark.core.security.Access;
import io.hallmark.core.security.ApiTokenService;
import io.hallmark.core.security.SessionService;
import io.hallmark.core.security.UserService;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Hallmark platform on a data directory: the directory's lock, the database (embedded or
 * external), the blob store, and what later subsystems add. Servers and standalone commands both start one;
 * {@link #close()} stops everything in reverse order.
 */
public final class Platform implements AutoCloseable {

    /** The largest artifact the blob store accepts: 2 GiB. */
    public static final long MAX_BLOB_BYTES = 2L << 30;
    /** How often a server polls the knowledge-base change log when no notification came (the fallback). */
    static final java.time.Duration KB_FOLLOW_POLL = java.time.Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    /** How often the database monitor probes: health reports a database that went away within about this long. */
    public static final java.time.Duration DATABASE_PROBE_EVERY = java.time.Duration.ofMillis(500);

    /** The longest health waits for a subsystem that needs the database. */
    private static final java.time.Duration HEALTH_WAIT = java.time.Duration.ofSeconds(1);
    private static final java.util.concurrent.Executor HEALTH_CALLS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final HallmarkConfig config;
    private final DataDirectory dataDirectory;
    private final @Nullable EmbeddedPostgresServer embeddedPostgres;
    private final Database database;
    private final DatabaseMonitor databaseMonitor;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final ModelRuntime models;
    private final PluginHost plugins;
    private final Access access;
    private final PolicyService policies;
    private final JobQueue jobs;
    private final GovernanceStage governance;
    private final KnowledgeBases knowledgeBases;
    private final BiasProbes probes;
    private final GovernanceModels governanceModels;
    private final GovernanceTraining governanceTraining;
    private volatile @Nullable JobWorkers workers;
    private final Deque<AutoCloseable> closeables;

    private Platform(HallmarkConfig config, DataDirectory dataDirectory, @Nullable EmbeddedPostgresServer postgres,
            Database database, DatabaseMonitor databaseMonitor, BlobStore blobs, AuditTrail audit, ModelRuntime models, PluginHost plugins,
            Access access, PolicyService policies, JobQueue jobs, GovernanceStage governance,
            KnowledgeBases knowledgeBases, BiasProbes probes, GovernanceModels governanceModels,
            GovernanceTraining governanceTraining, Deque<AutoCloseable> closeables) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.embeddedPostgres = postgres;
        this.database = database;
        this.databaseMonitor = databaseMonitor;
        this.blobs = blobs;
        this.audit = audit;
        this.models = models;
        this.plugins = plugins;
        this.access = access;
        this.policies = policies;
        this.jobs = jobs;
        this.governance = governance;
        this.knowledgeBases = knowledgeBases;
        this.probes = probes;
        this.governanceModels = governanceModels;
        this.governanceTraining = governanceTraining;
        this.closeables = closeables;
    }

    /**
     * Takes the data directory, starts or connects to the database, migrates it and opens the blob store.
     * On any failure whatever was started is stopped again before the exception propagates.
     *
     * @param ownerKind {@code server} or {@code command}, shown to other processes that find the directory taken
     */
    public static Platform start(HallmarkConfig config, String ownerKind) {
        // checked before anything starts: a bad retrieval-backend or solrcloud.* value is refused by name
        io.hallmark.search.solrcloud.RetrievalBackend retrieval = config.retrievalBackend();
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            DataDirectory dataDir = DataDirectory.open(config.dataDir());
            started.push(dataDir);
            dataDir.advertise(DataDirectoryOwner.self(ownerKind, null));
            configureDjl(config, dataDir);

            EmbeddedPostgresServer postgres = null;
            DatabaseSettings settings;
            if (config.embeddedDatabase()) {
                postgres = EmbeddedPostgresServer.start(dataDir.postgres(), dataDir.cache().resolve("postgres-binaries"));
                started.push(postgres);
                settings = new DatabaseSettings(postgres.jdbcUrl(), postgres.user(), null, config.dbPoolSize());
            } else {
                settings = new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
            }
            Database database = Database.connect(settings);
            started.push(database);
            DatabaseMonitor databaseMonitor = DatabaseMonitor.start(settings, DATABASE_PROBE_EVERY,
                    postgres == null ? null : postgres.clusterDir());
            started.push(databaseMonitor);
            databaseMonitor.onBackUp(database::renewConnections); // connections from before an outage are dead
            if (postgres != null) {
                started.push(PostgresSupervisor.start(postgres, databaseMonitor, java.time.Duration.ofMillis(500),
                        java.time.Duration.ofSeconds(30)));
            }
            BlobStore blobs = blobStore(config, dataDir, database);
            if ("server".equals(ownerKind) && blobs instanceof LegacyFallbackBlobStore shared) {
                // blobs written before the shared store existed become visible to every node
                Thread.ofVirtual().name("blob-copy").start(() -> {
                    try {
                        shared.copyLocalBlobs();
                    } catch (RuntimeException e) {
                        log.warn("Copying local blobs into the shared store stopped: {}", e.getMessage());
                    }
                });
            }
            var witnesses = AuditSettings.witnesses(config);
            PlatformKey platformKey = PlatformKey.loadOrCreate(dataDir.root().resolve("keys"));
            io.hallmark.core.audit.Signer signer = AuditSettings.signer(config, platformKey);
            if (signer != platformKey) { // an HSM key: offline checks (hallmark verify) trust what it signed
                PlatformKey.recordSigner(dataDir.root().resolve("keys"), signer.verifierKey());
            }
            AuditTrail audit = AuditTrail.open(database.dataSource(), platformKey,
                    signer, AuditSettings.from(config), java.time.Clock.systemUTC(),
                    AuditSettings.publisher(config), new Witnessing(database.dataSource(), witnesses,
                            AuditSettings.witnessQuorum(config, witnesses.size()), java.time.Clock.systemUTC()));
            started.push(audit);
            ModelRuntime models = new ModelRuntime(new ModelDirectory(config.modelsDir()), config.device(),
                    ServingProfile.of(config.servingProfile()), 0).start();
            started.push(models);
            PluginHost plugins = new PluginHost(config.plugins(), dataDir.plugins(), new PluginStore(database),
                    audit.log(), models, Version.current()).withBundledPlugins(config.plugins().bundledDir());
            started.push(plugins);
            plugins.start();
            UserService users = new UserService(database, audit.log(), Clock.systemUTC());
            Access access = new Access(users, new SessionService(database, users, Clock.systemUTC()),
                    new ApiTokenService(database, users, audit.log(), Clock.systemUTC()));
            PolicyService policies = new PolicyService(database, audit.log());
            policies.ensureDefault();
            policies.ensureSandbox();
            JobQueue jobs = new JobQueue(database, new JobQueue.Settings(
                    config.intSetting(ConfigKey.JOB_QUEUE_CAPACITY, 1, 1_000_000),
                    java.time.Duration.ofSeconds(config.intSetting(ConfigKey.JOB_LEASE_SECONDS, 2, 3_600)), 3,
                    java.time.Duration.ofSeconds(2)));
            // PostgreSQL is the record of every knowledge base; this node's Lucene indexes (retrieval-backend=local)
            // are caches of it, or the SolrCloud collections every node shares are written from it
            KnowledgeBases knowledgeBases = new KnowledgeBases(dataDir.root(), database.dataSource(), nodeName(),
                    "server".equals(ownerKind), retrieval);
            if (retrieval.kind() != io.hallmark.search.solrcloud.RetrievalBackend.Kind.LOCAL) {
                log.info("Knowledge bases on SolrCloud: {}", retrieval.solrCloud());
            }
            started.push(knowledgeBases);
            models.withEmbedders(knowledgeBases::embedder); // one copy of each embedder for the KB and plugins
            plugins.withKnowledgeSearch(new io.hallmark.core.kb.PluginKnowledgeSearch(knowledgeBases,
                    String.valueOf(config.setting(ConfigKey.FACTCHECK_KB))));
            java.util.Optional<LlmJudge> judge = LlmJudge.open(config.llmJudge(), models, System.getenv());
            judge.ifPresent(j -> {
                started.push(j);
                log.info("Fact check LLM judge: {}", j.describe());
            });
            FactCheckService factCheck = new FactCheckService(knowledgeBases,
                    String.valueOf(config.setting(ConfigKey.FACTCHECK_KB)), dataDir.root(), plugins,
                    judge.map(LlmJudge::verifier).orElse(null));
            // a server trains missing models in the background and fails closed meanwhile; a one-shot command trains
            // a missing model when it first needs it
            boolean server = "server".equals(ownerKind);
            DatabaseModelStore modelStore = new DatabaseModelStore(database.dataSource(), audit.log());
            // models kept in this node's data directory become versions every node sees (issue 20)
            LocalModelImport.run(dataDir.root().resolve("governance"), modelStore, "import:" + nodeName());
            GovernanceModels governanceModels = governanceModels(config, dataDir, modelStore, !server);
            started.push(governanceModels);
            // every knowledge-base document is screened for injection at ingest (REST, console, plugins, CLI); a
            // server holds documents while its safety model trains, a one-shot command trains a missing one first
            knowledgeBases.screenWith(name -> server
                    ? new io.hallmark.governance.safety.roles.InjectionIngestScreen(governanceModels, name)
                    : io.hallmark.governance.safety.roles.InjectionIngestScreen.trainingOnFirstUse(governanceModels, name));
            // with nothing trained locally, the fact check combines votes with the cluster's active combiner artifact
            factCheck.useActiveCombiner(governanceModels::combiner);
            GovernanceTraining governanceTraining = server ? GovernanceTraining.start(governanceModels)
                    : GovernanceTraining.none(governanceModels);
            started.push(governanceTraining);
            if (server) {
                started.push(ActiveModelFollower.start(governanceModels, java.time.Duration.ofSeconds(
                        config.intSetting(ConfigKey.GOVERNANCE_MODEL_FOLLOW_SECONDS, 1, 86_400))));
            }
            // the optional guard model beside the built-in safety screens (guard-* settings; none by default)
            io.hallmark.governance.safety.guard.GuardScreen guard = config.guard()
                    .map(g -> new io.hallmark.governance.safety.guard.GuardScreen(
                            io.hallmark.governance.safety.guard.GuardModel.openAi(g)))
                    .orElse(null);
            if (guard != null) {
                log.info("Safety screens read with a {}", guard.settings().describe());
            }
            List<Assessor> assessors = new ArrayList<>(StandardAssessors.of(governanceModels, guard));
            assessors.add(new FactCheckAssessor(factCheck::checker, factCheck.knowledgeBase()));
            assessors.add(new PluginChecksAssessor(plugins));
            GovernanceStage governance = new GovernanceStage(assessors, java.time.Duration.ofSeconds(config.intSetting(
                    ConfigKey.GOVERNANCE_CHECK_TIMEOUT_SECONDS, 1, 86_400)), screenFloor(config));
            BiasProbes probes = new BiasProbes(database, plugins, audit.log(), governanceModels, nodeName());
            started.push(probes);
            if (server) { // after the fact check registered its passage-vector models
                knowledgeBases.follow(KB_FOLLOW_POLL);
            }
            return new Platform(config, dataDir, postgres, database, databaseMonitor, blobs, audit, models, plugins, access, policies,
                    jobs, governance, knowledgeBases, probes, governanceModels, governanceTraining, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * The blob store {@code blob-store} names: {@code postgres} (default) keeps blobs in the database every node
     * shares and still reads, and copies over, blobs of this node's former local store; {@code s3} does the same with
     * an S3-compatible bucket ({@code blob-store-s3}); {@code local} keeps them in
     * {@code <data-dir>/blobs}, readable by this node only.
     */
    private static BlobStore blobStore(HallmarkConfig config, DataDirectory dataDir, Database database) {
        String value = String.valueOf(config.setting(ConfigKey.BLOB_STORE)).strip().toLowerCase(java.util.Locale.ROOT);
        LocalBlobStore local = LocalBlobStore.open(dataDir.blobs(), MAX_BLOB_BYTES);
        return switch (value) {
            case "postgres" -> new LegacyFallbackBlobStore(PostgresBlobStore.open(database.dataSource(), MAX_BLOB_BYTES),
                    local);
            case "s3" -> {
                String bucket = config.setting(ConfigKey.BLOB_STORE_S3);
                if (bucket == null || bucket.isBlank()) {
                    throw new io.hallmark.core.config.ConfigException("blob-store is s3 but blob-store-s3 is not set; "
                            + "set it to s3://bucket/prefix?endpoint=URL");
                }
                try {
                    yield new LegacyFallbackBlobStore(io.hallmark.core.blob.S3BlobStore.open(
                            io.hallmark.core.s3.S3Location.parse(bucket.strip()), MAX_BLOB_BYTES), local);
                } catch (IllegalArgumentException e) {
                    throw new io.hallmark.core.config.ConfigException("blob-store-s3: " + e.getMessage());
                }
            }
            case "local" -> local;
            default -> throw new io.hallmark.core.config.ConfigException("blob-store is '" + value
                    + "'; use postgres, s3 or local");
        };
    }

    /** What happens to a prompt whose input screen could not run: {@code governance-screen-unavailable}. */
    private static io.hallmark.governance.policy.Action screenFloor(HallmarkConfig config) {
        String value = String.valueOf(config.setting(ConfigKey.GOVERNANCE_SCREEN_UNAVAILABLE)).strip();
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "reject" -> io.hallmark.governance.policy.Action.REJECT;
            case "review", "needs_review" -> io.hallmark.governance.policy.Action.NEEDS_REVIEW;
            default -> throw new io.hallmark.core.config.ConfigException("governance-screen-unavailable is '" + value
                    + "'; use reject or review");
        };
    }

    /**
     * The governance models: the active versions in the database; missing ones are trained in the background
     * ({@link GovernanceTraining}) from {@code eval-dir} when set (else {@code HALLMARK_EVAL_DIR} or {@code
     * ../shared/eval}), never inside a request.
     */
    private static GovernanceModels governanceModels(HallmarkConfig config, DataDirectory dataDir, ModelStore store,
            boolean trainOnFirstUse) {
        String evalDir = config.setting(ConfigKey.EVAL_DIR);
        java.nio.file.Path folder = dataDir.root().resolve("governance");
        if (evalDir == null || evalDir.isBlank()) {
            return new GovernanceModels(folder, () -> io.hallmark.governance.ml.EvalData.locate(null), store,
                    trainOnFirstUse);
        }
        java.nio.file.Path eval = java.nio.file.Path.of(evalDir).toAbsolutePath().normalize();
        return new GovernanceModels(folder, () -> java.nio.file.Files.isDirectory(eval)
                ? java.util.Optional.of(new io.hallmark.governance.ml.EvalData(eval)) : java.util.Optional.empty(),
                store, trainOnFirstUse);
    }

    private static void configureDjl(HallmarkConfig config, DataDirectory dataDir) {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", dataDir.cache().resolve("djl").toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", Boolean.toString(config.djlOffline()));
        }
    }

    /** This process's node name in per-node state: host name and process id. */
    public static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String name = host + "-" + ProcessHandle.current().pid();
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    /** Tells other processes that this platform serves HTTP at {@code httpUrl}. */
    public void advertiseServer(String httpUrl) {
        dataDirectory.advertise(DataDirectoryOwner.self("server", httpUrl));
    }

    public HallmarkConfig config() {
        return config;
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    public Database database() {
        return database;
    }

    /**
     * Whether the database answers now (probed every {@link #DATABASE_PROBE_EVERY}; an embedded PostgreSQL that exits
     * is reported at once): requests fail fast with {@link DatabaseMonitor#requireUp()} while it is away.
     */
    public DatabaseMonitor databaseMonitor() {
        return databaseMonitor;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** The audit log every subsystem records its events in. */
    public AuditLog auditLog() {
        return audit.log();
    }

    /** The audit trail: log, platform key, checkpoints, verification, retention, export. */
    public AuditTrail audit() {
        return audit;
    }

    /** The model runtime plugins lease models from (its {@link ModelRuntime#directory()} is the model directory). */
    public ModelRuntime models() {
        return models;
    }

    /** Users, sessions, tokens: who may do what. */
    public Access access() {
        return access;
    }

    /** The durable generation job queue. */
    public JobQueue jobs() {
        return jobs;
    }

    /** The knowledge bases under the data directory, shared by the REST API and the fact checker. */
    public KnowledgeBases knowledgeBases() {
        return knowledgeBases;
    }

    /** The governance models (the active versions of the database). */
    public GovernanceModels governanceModels() {
        return governanceModels;
    }

    /** Background training of missing governance models at start, and its status for the dashboard. */
    public GovernanceTraining governanceTraining() {
        return governanceTraining;
    }

    /** Counterfactual bias probes of stored texts (run in the background on this node, kept in the database). */
    public BiasProbes probes() {
        return probes;
    }

    /** The governance stage every generated item passes. */
    public GovernanceStage governance() {
        return governance;
    }

    /**
     * Starts this node's job workers (servers do; standalone commands do not). They stop, letting running jobs
     * finish within the shutdown grace, when the platform closes.
     */
    public synchronized JobWorkers startWorkers(int threads, String node) {
        if (workers == null) {
            JobWorkers w = new JobWorkers(jobs, new GenerationPipeline(database, plugins, blobs, governance, policies,
                    audit.log(), pipelines(), this::selfConsistency), threads, node, databaseMonitor::downSince);
            w.start();
            closeables.push(() -> w.stop(config.shutdownGrace()));
            workers = w;
        }
        return workers;
    }

    /**
     * How a pipeline's {@code selfcheck} step scores the kept text's claims against the resampled texts: the fact
     * check's first semantic verifier (MiniLM, the knowledge bases' shared embedder) and the consistency verifier.
     */
    private SelfConsistency selfConsistency() {
        var embedder = knowledgeBases.embedder(FactCheckers.FIRST_MODEL);
        return new SelfConsistency(new ClaimExtractor(), List.of(new SemanticVerifier(embedder,
                SemanticVerifier.defaultThreshold(embedder.name())), new ConsistencyVerifier()));
    }

    /** The generation pipelines in force: the shipped defaults, overridden by {@code <data-dir>/pipelines/}. */
    public io.hallmark.core.pipeline.PipelineDefinitions pipelines() {
        return new io.hallmark.core.pipeline.PipelineDefinitions(dataDirectory.root().resolve("pipelines"));
    }

    /** Submitting and reading generations. */
    public io.hallmark.core.jobs.GenerationService generations() {
        return new io.hallmark.core.jobs.GenerationService(database, plugins, jobs, auditLog(),
                () -> workers().ifPresent(JobWorkers::nudge));
    }

    /**
     * Follows plugin changes other nodes make in the shared database (servers call this; see
     * {@link PluginHost#sync()}).
     */
    public synchronized void startPluginSync(java.time.Duration every) {
        java.util.concurrent.ScheduledExecutorService sync = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("plugin-sync").daemon(true).factory());
        sync.scheduleWithFixedDelay(plugins::sync, every.toMillis(), every.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        closeables.push(sync::shutdownNow);
    }

    /** This node's workers, once started. */
    public java.util.Optional<JobWorkers> workers() {
        return java.util.Optional.ofNullable(workers);
    }

    /** Governance policies. */
    public PolicyService policies() {
        return policies;
    }

    /** The governance stage and the policy in force, on given content (no generation). */
    public io.hallmark.core.policy.ContentChecks checks() {
        return new io.hallmark.core.policy.ContentChecks(governance, policies);
    }

    /** Re-runs governance on a stored item and compares with its recorded decision. */
    public io.hallmark.core.policy.DecisionReplay replays() {
        return new io.hallmark.core.policy.DecisionReplay(database, governance, policies);
    }

    /** The plugin host. */
    public PluginHost plugins() {
        return plugins;
    }

    /** Asks every subsystem how it is; never throws. */
    public PlatformHealth health() {
        Map<String, SubsystemHealth> subsystems = new LinkedHashMap<>();
        DatabaseMonitor.Status db = databaseMonitor.status();
        DatabaseInfo info = db.info();
        // the subsystems kept in the database are asked at once, and health waits for them HEALTH_WAIT in all
        long healthDeadline = System.currentTimeMillis() + HEALTH_WAIT.toMillis();
        java.util.concurrent.CompletableFuture<Integer> installed = db.up()
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> plugins.list().size(), HEALTH_CALLS)
                : java.util.concurrent.CompletableFuture.completedFuture(0);
        if (db.up() && info != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", info.product());
            details.put("version", info.version());
            details.put("schemaVersion", info.schemaVersion());
            details.put("embedded", embeddedPostgres != null);
            details.put("latencyMillis", db.latencyMillis());
            subsystems.put("database", SubsystemHealth.up(details));
        } else {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("error", "Database at " + database.settings().maskedUrl() + " is unavailable: " + db.reason());
            details.put("since", db.since().toString());
            details.put("embedded", embeddedPostgres != null);
            subsystems.put("database", new SubsystemHealth("DOWN", details));
            info = null;
        }
        if (!db.up() && !(blobs instanceof LocalBlobStore)) {
            // the shared store lives in the database: asking it would wait for the pool's connection timeout
            subsystems.put("blobStore", SubsystemHealth.down("the blob store is in the database, which is unavailable"));
        } else {
            // bounded like the plugin store below (both asked at once): a database that dies during the call
            // cannot hold health up
            var described = java.util.concurrent.CompletableFuture.supplyAsync(blobs::describe, HEALTH_CALLS);
            subsystems.put("blobStore", boundedHealth(described, healthDeadline, "the blob store", SubsystemHealth::up));
        }
        if (!db.up()) {
            subsystems.put("plugins", SubsystemHealth.down("the plugin store is in the database, which is unavailable"));
        } else {
            // the installed plugins are read from the database: bounded, so a database that dies during the call
            // cannot hold health up for the pool's connection timeout
            subsystems.put("plugins", boundedHealth(installed, healthDeadline, "the plugin store",
                    count -> SubsystemHealth.up(Map.of("enabled", plugins.enabledIds(), "installed", count))));
        }
        // a knowledge base being rebuilt answers 503 itself; the node serves everything else meanwhile
        subsystems.put("knowledgeBases", SubsystemHealth.up(Map.of("shared", knowledgeBases.shared(),
                "indexes", knowledgeBases.describe())));
        try {
            java.util.List<String> missing = io.hallmark.core.plugin.ModelReadiness.problems(config.modelsDir(),
                    plugins.generators());
            subsystems.put("models", missing.isEmpty() ? SubsystemHealth.up(models.status())
                    : SubsystemHealth.degraded(models.status(), missing));
        } catch (RuntimeException e) {
            subsystems.put("models", SubsystemHealth.down(String.valueOf(e.getMessage())));
        }
        Map<String, String> kbProblems = knowledgeBases.problems();
        if (!kbProblems.isEmpty()) { // listed only when one fails: the fact checks against it go to review
            subsystems.put("knowledgeBases", SubsystemHealth.degraded(Map.of("failed", kbProblems.keySet()),
                    kbProblems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        }
        boolean up = subsystems.values().stream().allMatch(SubsystemHealth::up);
        boolean down = subsystems.values().stream().anyMatch(SubsystemHealth::down);
        return new PlatformHealth(up ? "UP" : down ? "DOWN" : "DEGRADED", Version.current(),
                info == null ? null : info.product(),
                info == null ? null : info.version(),
                info == null ? null : info.schemaVersion(),
                embeddedPostgres != null, subsystems);
    }

    /** Stops the database connections, the embedded PostgreSQL and releases the data directory. */
    @Override
    public void close() {
        closeAll(closeables);
    }

    private static void closeAll(Deque<AutoCloseable> closeables) {
        while (!closeables.isEmpty()) {
            AutoCloseable c = closeables.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Error while stopping {}: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /**
     * A subsystem's health from a call started on {@link #HEALTH_CALLS}, waited for until {@code deadline} (epoch
     * millis): DOWN when it does not answer by then, fails, or the wait is interrupted.
     */
    private static <T> SubsystemHealth boundedHealth(java.util.concurrent.Future<T> call, long deadline, String what,
            java.util.function.Function<T, SubsystemHealth> up) {
        try {
            return up.apply(call.get(Math.max(1, deadline - System.currentTimeMillis()),
                    java.util.concurrent.TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            return SubsystemHealth.down(what + " did not answer within " + HEALTH_WAIT.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            return SubsystemHealth.down(String.valueOf(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SubsystemHealth.down("interrupted");
        }
    }
}
