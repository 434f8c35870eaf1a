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
        String baseUrl = ConfigValue.of(values, ConfigKey.GUARD_BASE_URL).trimmed();
        if (baseUrl == null) {
            return Optional.empty();
        }
        ConfigValue urlValue = ConfigValue.of(values, ConfigKey.GUARD_BASE_URL);
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw urlValue.invalid("an http:// or https:// URL such as http://127.0.0.1:8000/v1");
        }
        if (uri.getUserInfo() != null) { // not echoed: it holds a password
            throw new ConfigException("Invalid value for setting '" + ConfigKey.GUARD_BASE_URL.key() + "' ("
                    + urlValue.source() + "); the URL must not hold credentials, set '" + ConfigKey.GUARD_API_KEY.key()
                    + "' instead");
        }
        String model = ConfigValue.of(values, ConfigKey.GUARD_MODEL).trimmed();
        if (model == null) {
            throw new ConfigException("Setting '" + ConfigKey.GUARD_MODEL.key() + "' is required when '"
                    + ConfigKey.GUARD_BASE_URL.key() + "' is set (" + urlValue.source() + "); set it to the model "
                    + "name the endpoint serves, e.g. meta-llama/Llama-Guard-3-8B (or clear '"
                    + ConfigKey.GUARD_BASE_URL.key() + "')");
        }
        ConfigValue styleValue = ConfigValue.of(values, ConfigKey.GUARD_STYLE);
        GuardStyle style;
        try {
            style = GuardStyle.of(String.valueOf(styleValue.trimmed()));
        } catch (IllegalArgumentException e) {
            throw styleValue.invalid("one of " + GuardStyle.choices());
        }
        int seconds = ConfigValue.of(values, ConfigKey.GUARD_TIMEOUT_SECONDS).timeoutSeconds();
        ConfigValue inputsValue = ConfigValue.of(values, ConfigKey.GUARD_INPUTS);
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
            throw inputsValue.invalid("one or more of prompt, documents, output, comma-separated");
        }
        ConfigValue combineValue = ConfigValue.of(values, ConfigKey.GUARD_COMBINE);
        GuardSettings.Combine combine;
        try {
            combine = GuardSettings.Combine.of(String.valueOf(combineValue.trimmed()));
        } catch (IllegalArgumentException e) {
            throw combineValue.invalid("either or report");
        }
        String key = ConfigValue.of(values, ConfigKey.GUARD_API_KEY).trimmed();
        try {
            return Optional.of(new GuardSettings(uri, model, key, style, Duration.ofSeconds(seconds), inputs, combine));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid guard setting '" + ConfigKey.GUARD_BASE_URL.key() + "' ("
                    + urlValue.source() + "): " + e.getMessage());
        }
    }
}
