package io.hallmark.core.config;

import io.hallmark.governance.safety.guard.GuardSettings;
import io.hallmark.governance.safety.guard.GuardStyle;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the optional guard model's settings ({@code guard-*}): none while {@code guard-base-url} is empty. Checked when
 * the configuration is loaded, so a bad value stops the platform with the setting's name and source instead of a guard
 * that silently never runs. The API key is never echoed.
 */
final class GuardConfig {

    private GuardConfig() {}

    static Optional<GuardSettings> from(Map<ConfigKey, ConfigValue> values) {
        String baseUrl = blankToNull(value(values, ConfigKey.GUARD_BASE_URL).value());
        if (baseUrl == null) {
            return Optional.empty();
        }
        ConfigValue urlValue = value(values, ConfigKey.GUARD_BASE_URL);
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw invalid(urlValue, "an http:// or https:// URL such as http://127.0.0.1:8000/v1");
        }
        if (uri.getUserInfo() != null) { // not echoed: it holds a password
            throw new ConfigException("Invalid value for setting '" + ConfigKey.GUARD_BASE_URL.key() + "' ("
                    + urlValue.source() + "); the URL must not hold credentials, set '" + ConfigKey.GUARD_API_KEY.key()
                    + "' instead");
        }
        String model = blankToNull(value(values, ConfigKey.GUARD_MODEL).value());
        if (model == null) {
            throw new ConfigException("Setting '" + ConfigKey.GUARD_MODEL.key() + "' is required when '"
                    + ConfigKey.GUARD_BASE_URL.key() + "' is set (" + urlValue.source() + "); set it to the model "
                    + "name the endpoint serves, e.g. meta-llama/Llama-Guard-3-8B (or clear '"
                    + ConfigKey.GUARD_BASE_URL.key() + "')");
        }
        ConfigValue styleValue = value(values, ConfigKey.GUARD_STYLE);
        GuardStyle style;
        try {
            style = GuardStyle.of(String.valueOf(blankToNull(styleValue.value())));
        } catch (IllegalArgumentException e) {
            throw invalid(styleValue, "one of " + GuardStyle.choices());
        }
        ConfigValue timeoutValue = value(values, ConfigKey.GUARD_TIMEOUT_SECONDS);
        int seconds;
        try {
            seconds = Integer.parseInt(String.valueOf(blankToNull(timeoutValue.value())));
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > 600) {
            throw invalid(timeoutValue, "a whole number of seconds from 1 to 600");
        }
        ConfigValue inputsValue = value(values, ConfigKey.GUARD_INPUTS);
        Set<GuardSettings.Input> inputs = EnumSet.noneOf(GuardSettings.Input.class);
        try {
            for (String part : String.valueOf(inputsValue.value()).split(",")) {
                if (!part.isBlank()) {
                    inputs.add(GuardSettings.Input.of(part));
                }
            }
        } catch (IllegalArgumentException e) {
            inputs.clear();
        }
        if (inputs.isEmpty()) {
            throw invalid(inputsValue, "one or more of prompt, documents, output, comma-separated");
        }
        ConfigValue combineValue = value(values, ConfigKey.GUARD_COMBINE);
        GuardSettings.Combine combine;
        try {
            combine = GuardSettings.Combine.of(String.valueOf(blankToNull(combineValue.value())));
        } catch (IllegalArgumentException e) {
            throw invalid(combineValue, "either or report");
        }
        String key = blankToNull(value(values, ConfigKey.GUARD_API_KEY).value());
        try {
            return Optional.of(new GuardSettings(uri, model, key, style, Duration.ofSeconds(seconds), inputs, combine));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid guard setting '" + ConfigKey.GUARD_BASE_URL.key() + "' ("
                    + urlValue.source() + "): " + e.getMessage());
        }
    }

    private static ConfigException invalid(ConfigValue value, String expected) {
        return new ConfigException("Invalid value '" + value.display() + "' for setting '" + value.key().key() + "' ("
                + value.source() + "); expected " + expected);
    }

    private static ConfigValue value(Map<ConfigKey, ConfigValue> values, ConfigKey key) {
        ConfigValue v = values.get(key);
        return v == null ? new ConfigValue(key, key.defaultValue(), "default") : v;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
