package io.hallmark.core;

import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.audit.SequentialAuditLog;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.data.DataDirectory;
import io.hallmark.core.data.DataDirectoryOwner;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseInfo;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.db.EmbeddedPostgresServer;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.core.model.ModelRuntime;
import io.hallmark.core.model.ServingProfile;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.plugin.PluginStore;
import java.util.ArrayDeque;
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

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    private final HallmarkConfig config;
    private final DataDirectory dataDirectory;
    private final @Nullable EmbeddedPostgresServer embeddedPostgres;
    private final Database database;
    private final BlobStore blobs;
    private final AuditLog auditLog;
    private final ModelRuntime models;
    private final PluginHost plugins;
    private final Deque<AutoCloseable> closeables;

    private Platform(HallmarkConfig config, DataDirectory dataDirectory, @Nullable EmbeddedPostgresServer postgres,
            Database database, BlobStore blobs, AuditLog auditLog, ModelRuntime models, PluginHost plugins,
            Deque<AutoCloseable> closeables) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.embeddedPostgres = postgres;
        this.database = database;
        this.blobs = blobs;
        this.auditLog = auditLog;
        this.models = models;
        this.plugins = plugins;
        this.closeables = closeables;
    }

    /**
     * Takes the data directory, starts or connects to the database, migrates it and opens the blob store.
     * On any failure whatever was started is stopped again before the exception propagates.
     *
     * @param ownerKind {@code server} or {@code command}, shown to other processes that find the directory taken
     */
    public static Platform start(HallmarkConfig config, String ownerKind) {
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
            BlobStore blobs = BlobStore.open(dataDir.blobs(), MAX_BLOB_BYTES);
            AuditLog auditLog = new SequentialAuditLog(database);
            ModelRuntime models = new ModelRuntime(new ModelDirectory(config.modelsDir()), config.device(),
                    ServingProfile.of(config.servingProfile()), 0).start();
            started.push(models);
            PluginHost plugins = new PluginHost(config.plugins(), dataDir.plugins(), new PluginStore(database), auditLog,
                    models, Version.current()).withBundledPlugins(config.plugins().bundledDir());
            started.push(plugins);
            plugins.start();
            return new Platform(config, dataDir, postgres, database, blobs, auditLog, models, plugins, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static void configureDjl(HallmarkConfig config, DataDirectory dataDir) {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", dataDir.cache().resolve("djl").toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", Boolean.toString(config.djlOffline()));
        }
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

    public BlobStore blobs() {
        return blobs;
    }

    /** The audit log every subsystem records its events in. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** The model runtime plugins lease models from (its {@link ModelRuntime#directory()} is the model directory). */
    public ModelRuntime models() {
        return models;
    }

    /** The plugin host. */
    public PluginHost plugins() {
        return plugins;
    }

    /** Asks every subsystem how it is; never throws. */
    public PlatformHealth health() {
        Map<String, SubsystemHealth> subsystems = new LinkedHashMap<>();
        DatabaseInfo info = null;
        try {
            long start = System.nanoTime();
            info = database.info();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", info.product());
            details.put("version", info.version());
            details.put("schemaVersion", info.schemaVersion());
            details.put("embedded", embeddedPostgres != null);
            details.put("latencyMillis", (System.nanoTime() - start) / 1_000_000.0);
            subsystems.put("database", SubsystemHealth.up(details));
        } catch (RuntimeException e) {
            subsystems.put("database", SubsystemHealth.down(e.getMessage()));
        }
        long usable = blobs.usableSpace();
        subsystems.put("blobStore", usable >= 0
                ? SubsystemHealth.up(Map.of("usableBytes", usable))
                : SubsystemHealth.down("cannot read free space of " + blobs.root()));
        try {
            subsystems.put("plugins", SubsystemHealth.up(Map.of("enabled", plugins.enabledIds(),
                    "installed", plugins.list().size())));
        } catch (RuntimeException e) {
            subsystems.put("plugins", SubsystemHealth.down(String.valueOf(e.getMessage())));
        }
        try {
            subsystems.put("models", SubsystemHealth.up(models.status()));
        } catch (RuntimeException e) {
            subsystems.put("models", SubsystemHealth.down(String.valueOf(e.getMessage())));
        }
        boolean up = subsystems.values().stream().allMatch(SubsystemHealth::up);
        return new PlatformHealth(up ? "UP" : "DOWN", Version.current(),
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
}
