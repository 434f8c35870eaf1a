package io.hallmark.app;

import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.HallmarkConfig;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every subcommand takes to find its data directory, database and models. Unset options fall
 * back to the environment, then {@code <data-dir>/hallmark.properties}, then the defaults.
 */
final class PlatformOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default ./data, or HALLMARK_DATA_DIR).")
    @Nullable String dataDir;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL 14+ server (default: the embedded PostgreSQL).")
    @Nullable String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default postgres).")
    @Nullable String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Database password; prefer HALLMARK_DB_PASSWORD, which stays out of the process list.")
    @Nullable String dbPassword;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Model directory (default <data-dir>/models, or HALLMARK_MODELS_DIR).")
    @Nullable String modelsDir;

    /** Resolves the configuration with these options on top, plus any command-specific flags. */
    HallmarkConfig load(Map<ConfigKey, String> extra) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        put(flags, ConfigKey.DATA_DIR, dataDir);
        put(flags, ConfigKey.DB_URL, dbUrl);
        put(flags, ConfigKey.DB_USER, dbUser);
        put(flags, ConfigKey.DB_PASSWORD, dbPassword);
        put(flags, ConfigKey.MODELS_DIR, modelsDir);
        flags.putAll(extra);
        return new ConfigLoader(System.getenv()).load(flags);
    }

    HallmarkConfig load() {
        return load(Map.of());
    }

    /**
     * The flags given that only a platform this process starts can use (the database and the models): a server that
     * already holds the data directory keeps its own, so a command that goes through it refuses them.
     */
    java.util.List<String> localOnlyFlags() {
        java.util.List<String> given = new java.util.ArrayList<>();
        if (dbUrl != null) {
            given.add("--db-url");
        }
        if (dbUser != null) {
            given.add("--db-user");
        }
        if (dbPassword != null) {
            given.add("--db-password");
        }
        if (modelsDir != null) {
            given.add("--models-dir");
        }
        return given;
    }

    private static void put(Map<ConfigKey, String> flags, ConfigKey key, @Nullable String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
