package io.hallmark.core.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One resolved setting and where its value came from ({@code default}, {@code file <path>},
 * {@code env HALLMARK_...} or {@code command line}).
 */
public record ConfigValue(ConfigKey key, @Nullable String value, String source) {

    /** The value as it may be printed: secrets are masked, a missing value shows as {@code (none)}. */
    public String display() {
        if (value == null || value.isEmpty()) {
            return "(none)";
        }
        return key.secret() ? "********" : value;
    }

    /** The resolved value of {@code key} in {@code values}, or its default when nothing set it. */
    static ConfigValue of(Map<ConfigKey, ConfigValue> values, ConfigKey key) {
        ConfigValue v = values.get(key);
        return v == null ? new ConfigValue(key, key.defaultValue(), "default") : v;
    }

    /** The value trimmed, or null when it is missing or blank. */
    @Nullable String trimmed() {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The error for this value, saying where it came from and what was {@code expected}. */
    ConfigException invalid(String expected) {
        return new ConfigException("Invalid value '" + display() + "' for setting '" + key.key() + "' (" + source
                + "); expected " + expected);
    }

    /** The value as a timeout: a whole number of seconds from 1 to 600, else {@link #invalid}. */
    int timeoutSeconds() {
        int seconds;
        try {
            seconds = Integer.parseInt(String.valueOf(trimmed()));
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > 600) {
            throw invalid("a whole number of seconds from 1 to 600");
        }
        return seconds;
    }
}
