package io.hallmark.core.config;

import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.search.solrcloud.RetrievalBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The effective, typed configuration of one Hallmark process, resolved by {@link ConfigLoader} from
 * defaults, {@code <data-dir>/hallmark.properties}, environment variables and command-line flags, in that
 * order (later wins).
 *
 * @param dataDir folder that holds the embedded database, blobs, plugins, models and caches
 * @param host address the HTTP server binds to
 * @param port HTTP port; 0 picks a free one
 * @param dbUrl JDBC URL of an external PostgreSQL, or {@code null} for the embedded one
 * @param dbUser database user
 * @param dbPassword database password, or {@code null}
 * @param dbPoolSize maximum number of pooled connections
 * @param modelsDir model directory
 * @param djlOffline whether Deep Java Library may download anything
 * @param device where models run: {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param servingProfile how the model runtime serves models: {@code low-latency}, {@code high-throughput} or
 *     {@code low-memory}
 * @param shutdownGrace how long in-flight requests may take to finish on shutdown
 * @param plugins the plugin host's settings
 * @param cookieSecure whether the console's session cookie is marked Secure
 * @param adminPassword the first administrator's password, or {@code null} to generate one
 * @param values every setting with its source, for printing
 */
public record HallmarkConfig(
        Path dataDir,
        String host,
        int port,
        @Nullable String dbUrl,
        String dbUser,
        @Nullable String dbPassword,
        int dbPoolSize,
        Path modelsDir,
        boolean djlOffline,
        String device,
        String servingProfile,
        Duration shutdownGrace,
        PluginSettings plugins,
        boolean cookieSecure,
        @Nullable String adminPassword,
        List<ConfigValue> values) {

    public HallmarkConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        modelsDir = modelsDir.toAbsolutePath().normalize();
        values = List.copyOf(values);
    }

    /** Whether the platform starts its own embedded PostgreSQL under the data directory. */
    public boolean embeddedDatabase() {
        return dbUrl == null;
    }

    /**
     * A whole-number setting that has no typed field of its own, checked against its range.
     *
     * @throws ConfigException naming the setting, its source and the range when the value is out of it
     */
    public int intSetting(ConfigKey key, int min, int max) {
        ConfigValue v = values.stream().filter(c -> c.key() == key).findFirst()
                .orElse(new ConfigValue(key, key.defaultValue(), "default"));
        try {
            int parsed = Integer.parseInt(v.value() == null ? "" : v.value().trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("Invalid value '" + v.display() + "' for setting '" + key.key() + "' ("
                + v.source() + "); expected a whole number from " + min + " to " + max);
    }

    /** A text setting that has no typed field of its own: its value, else its default (may be {@code null}). */
    public @Nullable String setting(ConfigKey key) {
        return values.stream().filter(c -> c.key() == key).findFirst().map(ConfigValue::value)
                .orElse(key.defaultValue());
    }

    /**
     * The fact check's LLM judge ({@code factcheck-llm-judge*} settings), checked.
     *
     * @throws ConfigException naming the setting, its source and what was expected when a value is invalid
     */
    public LlmJudgeSettings llmJudge() {
        java.util.Map<ConfigKey, ConfigValue> byKey = new java.util.EnumMap<>(ConfigKey.class);
        values.forEach(v -> byKey.put(v.key(), v));
        return LlmJudgeSettings.from(byKey);
    }

    /**
     * The optional guard model ({@code guard-*} settings), checked; empty while {@code guard-base-url} is not set.
     *
     * @throws ConfigException naming the setting, its source and what was expected when a value is invalid
     */
    public java.util.Optional<io.hallmark.governance.safety.guard.GuardSettings> guard() {
        java.util.Map<ConfigKey, ConfigValue> byKey = new java.util.EnumMap<>(ConfigKey.class);
        values.forEach(v -> byKey.put(v.key(), v));
        return GuardConfig.from(byKey);
    }

    /**
     * The knowledge bases' retrieval backend ({@code retrieval-backend} and {@code solrcloud.*}), checked.
     *
     * @throws ConfigException naming the setting and what was expected when a value is invalid
     */
    public RetrievalBackend retrievalBackend() {
        java.util.Map<String, String> settings = new java.util.HashMap<>();
        for (ConfigKey key : List.of(ConfigKey.RETRIEVAL_BACKEND, ConfigKey.SOLRCLOUD_ZK_HOST, ConfigKey.SOLRCLOUD_URLS,
                ConfigKey.SOLRCLOUD_COLLECTION, ConfigKey.SOLRCLOUD_SHARDS, ConfigKey.SOLRCLOUD_REPLICAS)) {
            String value = setting(key);
            if (value != null) {
                settings.put(key.key(), value);
            }
        }
        try {
            return RetrievalBackend.fromConfig(settings);
        } catch (InvalidRetrievalRequestException e) {
            throw new ConfigException("Invalid retrieval backend setting: " + e.getMessage());
        }
    }

    /** A multi-line listing of every setting, its value (secrets masked) and its source. */
    public String describe() {
        int width = values.stream().mapToInt(v -> v.key().key().length()).max().orElse(10);
        return values.stream()
                .map(v -> String.format("  %-" + width + "s = %s  (%s)", v.key().key(), v.display(), v.source()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
