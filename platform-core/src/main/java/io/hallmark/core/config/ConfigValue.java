package io.hallmark.core.config;

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
}
