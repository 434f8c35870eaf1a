package io.hallmark.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a {@link HallmarkConfig} from four layers, later ones winning: built-in defaults, the optional
 * file {@code <data-dir>/hallmark.properties}, environment variables ({@code HALLMARK_*}) and command-line
 * flags. The data directory itself comes from the command line, the environment or the default only,
 * because the file lives inside it.
 */
public final class ConfigLoader {

    /** The name of the optional configuration file inside the data directory. */
    public static final String CONFIG_FILE = "hallmark.properties";

    private static final List<String> SERVING_PROFILES = List.of("low-latency", "high-throughput", "low-memory");
    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu(:\\d+)?");

    private final Map<String, String> environment;

    /** A loader that reads the given environment (pass {@code System.getenv()} in production). */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Resolves the configuration.
     *
     * @param commandLine settings given as flags, keyed by {@link ConfigKey}; only non-null values count
     * @throws ConfigException naming the setting, its source and the valid values when anything is invalid
     */
    public HallmarkConfig load(Map<ConfigKey, String> commandLine) {
        Map<ConfigKey, ConfigValue> resolved = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            resolved.put(key, new ConfigValue(key, key.defaultValue(), "default"));
        }
        ConfigValue dataDirValue = pick(ConfigKey.DATA_DIR, commandLine, resolved.get(ConfigKey.DATA_DIR));
        resolved.put(ConfigKey.DATA_DIR, dataDirValue);
        Path dataDir = Path.of(require(dataDirValue));

        Path file = dataDir.resolve(CONFIG_FILE);
        if (Files.isRegularFile(file)) {
            readFile(file).forEach(resolved::put);
        }
        for (ConfigKey key : ConfigKey.values()) {
            if (key != ConfigKey.DATA_DIR) {
                resolved.put(key, pick(key, commandLine, resolved.get(key)));
            }
        }
        return build(dataDir, resolved);
    }

    private ConfigValue pick(ConfigKey key, Map<ConfigKey, String> commandLine, ConfigValue fallback) {
        String flag = commandLine.get(key);
        if (flag != null) {
            return new ConfigValue(key, flag, "command line --" + key.key());
        }
        String env = environment.get(key.envVar());
        if (env != null && !env.isBlank()) {
            return new ConfigValue(key, env, "env " + key.envVar());
        }
        return fallback;
    }

    private static Map<ConfigKey, ConfigValue> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        for (String name : properties.stringPropertyNames()) {
            ConfigKey key = ConfigKey.byKey(name)
                    .orElseThrow(() -> new ConfigException("Unknown setting '" + name + "' in " + file
                            + "; valid settings: " + ConfigKey.validKeys()));
            if (key == ConfigKey.DATA_DIR) {
                throw new ConfigException("Setting 'data-dir' cannot be set in " + file
                        + " (the file lives inside the data directory); use --data-dir or HALLMARK_DATA_DIR");
            }
            values.put(key, new ConfigValue(key, properties.getProperty(name).trim(), "file " + file));
        }
        return values;
    }

    private static HallmarkConfig build(Path dataDir, Map<ConfigKey, ConfigValue> resolved) {
        String modelsDir = blankToNull(resolved.get(ConfigKey.MODELS_DIR).value());
        if (modelsDir == null) {
            Path defaultModels = dataDir.resolve("models");
            resolved.put(ConfigKey.MODELS_DIR,
                    new ConfigValue(ConfigKey.MODELS_DIR, defaultModels.toString(), "default <data-dir>/models"));
            modelsDir = defaultModels.toString();
        }
        String device = require(resolved.get(ConfigKey.DEVICE)).toLowerCase(Locale.ROOT);
        if (!DEVICE.matcher(device).matches()) {
            throw invalid(resolved.get(ConfigKey.DEVICE), "one of auto, cpu, gpu, gpu:N");
        }
        String servingProfile = require(resolved.get(ConfigKey.SERVING_PROFILE)).toLowerCase(Locale.ROOT);
        if (!SERVING_PROFILES.contains(servingProfile)) {
            throw invalid(resolved.get(ConfigKey.SERVING_PROFILE), "one of " + String.join(", ", SERVING_PROFILES));
        }
        LlmJudgeSettings.from(resolved); // checked now, so a bad judge setting stops start-up with its name
        GuardConfig.from(resolved); // the same for the guard model's settings
        List<ConfigValue> values = new ArrayList<>(resolved.values());
        return new HallmarkConfig(
                dataDir,
                require(resolved.get(ConfigKey.HOST)),
                intIn(resolved.get(ConfigKey.PORT), 0, 65_535),
                blankToNull(resolved.get(ConfigKey.DB_URL).value()),
                require(resolved.get(ConfigKey.DB_USER)),
                blankToNull(resolved.get(ConfigKey.DB_PASSWORD).value()),
                intIn(resolved.get(ConfigKey.DB_POOL_SIZE), 1, 200),
                Path.of(modelsDir),
                bool(resolved.get(ConfigKey.DJL_OFFLINE)),
                device,
                servingProfile,
                Duration.ofSeconds(intIn(resolved.get(ConfigKey.SHUTDOWN_GRACE_SECONDS), 0, 3_600)),
                new PluginSettings(
                        bool(resolved.get(ConfigKey.PLUGINS_DEV_MODE)),
                        permissions(resolved.get(ConfigKey.PLUGIN_PERMISSIONS)),
                        Duration.ofSeconds(intIn(resolved.get(ConfigKey.PLUGIN_CALL_TIMEOUT_SECONDS), 1, 86_400)),
                        Duration.ofSeconds(intIn(resolved.get(ConfigKey.PLUGIN_DRAIN_SECONDS), 0, 3_600)),
                        bundled(resolved.get(ConfigKey.BUNDLED_PLUGINS_DIR)),
                        workers(resolved)),
                bool(resolved.get(ConfigKey.COOKIE_SECURE)),
                blankToNull(resolved.get(ConfigKey.ADMIN_PASSWORD).value()),
                values);
    }

    private static WorkerSettings workers(Map<ConfigKey, ConfigValue> resolved) {
        WorkerSettings defaults = WorkerSettings.defaults();
        int heap = intIn(resolved.get(ConfigKey.PLUGIN_WORKER_HEAP_MB), 32, 65_536);
        return new WorkerSettings(bool(resolved.get(ConfigKey.PLUGINS_BUNDLED_IN_PROCESS)), heap, Math.max(32, heap / 2),
                defaults.cpuSeconds(), defaults.sandboxCpuSeconds(), defaults.maxRestarts(), defaults.cancelGrace(),
                defaults.startTimeout(), bool(resolved.get(ConfigKey.PLUGINS_ALLOW_UNCONFINED)));
    }

    private static String require(ConfigValue value) {
        String v = blankToNull(value.value());
        if (v == null) {
            throw new ConfigException("Setting '" + value.key().key() + "' (" + value.source() + ") must not be empty");
        }
        return v;
    }

    private static int intIn(ConfigValue value, int min, int max) {
        String text = require(value);
        try {
            int parsed = Integer.parseInt(text.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw invalid(value, "a whole number from " + min + " to " + max);
    }

    private static boolean bool(ConfigValue value) {
        String text = require(value).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(value, "true or false");
        };
    }

    private static @Nullable Path bundled(ConfigValue value) {
        String dir = blankToNull(value.value());
        return dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
    }

    private static java.util.Set<io.hallmark.api.Permission> permissions(ConfigValue value) {
        String text = value.value();
        java.util.Set<io.hallmark.api.Permission> set = java.util.EnumSet.noneOf(io.hallmark.api.Permission.class);
        if (text == null || text.isBlank()) {
            return set;
        }
        for (String part : text.split(",")) {
            try {
                set.add(io.hallmark.api.Permission.parse(part));
            } catch (IllegalArgumentException e) {
                throw invalid(value, "a comma-separated list of " + io.hallmark.api.Permission.choices());
            }
        }
        return set;
    }

    private static ConfigException invalid(ConfigValue value, String expected) {
        return new ConfigException("Invalid value '" + value.display() + "' for setting '" + value.key().key()
                + "' (" + value.source() + "); expected " + expected);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
