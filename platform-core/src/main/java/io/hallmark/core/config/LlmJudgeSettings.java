package io.hallmark.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The fact check's LLM judge as configured ({@code factcheck-llm-judge*} settings): off (the default), a local Llama
 * model run in-process, or an OpenAI-compatible endpoint. Validated when the configuration is loaded, so a bad value
 * stops the platform with the setting's name and source instead of a judge that silently never votes.
 *
 * @param mode off, local or openai
 * @param model local: a model file or folder in the model directory; openai: the model name
 * @param baseUrl openai: the endpoint's base URL
 * @param apiKeyEnv openai: the name of the environment variable that holds the API key, or {@code null} for none
 * @param timeout the longest the judge may take over one claim
 */
public record LlmJudgeSettings(Mode mode, @Nullable String model, @Nullable String baseUrl, @Nullable String apiKeyEnv,
        Duration timeout) {

    /** Where the judge's model runs. */
    public enum Mode {
        OFF, LOCAL, OPENAI;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String choices() {
            return Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", "));
        }
    }

    /** Whether the judge votes. */
    public boolean enabled() {
        return mode != Mode.OFF;
    }

    /** What the judge is, for logs and listings: never the API key. */
    public String describe() {
        return switch (mode) {
            case OFF -> "off";
            case LOCAL -> "local model " + model;
            case OPENAI -> "model " + model + " at " + baseUrl + (apiKeyEnv == null ? " (no API key)"
                    : " (API key from $" + apiKeyEnv + ")");
        };
    }

    /**
     * Reads and checks the settings.
     *
     * @throws ConfigException naming the setting, its source and what was expected
     */
    static LlmJudgeSettings from(Map<ConfigKey, ConfigValue> values) {
        ConfigValue modeValue = ConfigValue.of(values, ConfigKey.FACTCHECK_LLM_JUDGE);
        String modeText = modeValue.trimmed();
        Mode mode;
        try {
            mode = modeText == null ? Mode.OFF : Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid value '" + modeText + "' for setting '" + ConfigKey.FACTCHECK_LLM_JUDGE.key()
                    + "' (" + modeValue.source() + "); expected one of " + Mode.choices());
        }
        int seconds = ConfigValue.of(values, ConfigKey.FACTCHECK_LLM_JUDGE_TIMEOUT_SECONDS).timeoutSeconds();
        String model = ConfigValue.of(values, ConfigKey.FACTCHECK_LLM_JUDGE_MODEL).trimmed();
        String baseUrl = ConfigValue.of(values, ConfigKey.FACTCHECK_LLM_JUDGE_BASE_URL).trimmed();
        String keyEnv = ConfigValue.of(values, ConfigKey.FACTCHECK_LLM_JUDGE_API_KEY_ENV).trimmed();
        switch (mode) {
            case OFF -> {
                return new LlmJudgeSettings(Mode.OFF, model, baseUrl, keyEnv, Duration.ofSeconds(seconds));
            }
            case LOCAL -> {
                if (model == null) {
                    throw missing(ConfigKey.FACTCHECK_LLM_JUDGE_MODEL, modeValue, "local",
                            "the judge's model file or folder in the model directory, e.g. "
                                    + "stories260k/stories260K-f32.gguf");
                }
            }
            case OPENAI -> {
                if (baseUrl == null) {
                    throw missing(ConfigKey.FACTCHECK_LLM_JUDGE_BASE_URL, modeValue, "openai",
                            "the endpoint's base URL, e.g. https://api.openai.com/v1");
                }
                checkUrl(baseUrl, ConfigValue.of(values, ConfigKey.FACTCHECK_LLM_JUDGE_BASE_URL));
                if (model == null) {
                    throw missing(ConfigKey.FACTCHECK_LLM_JUDGE_MODEL, modeValue, "openai",
                            "the model name the endpoint serves, e.g. gpt-4o-mini");
                }
                if (keyEnv != null && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    ConfigValue v = ConfigValue.of(values, ConfigKey.FACTCHECK_LLM_JUDGE_API_KEY_ENV);
                    // the value may be the key itself: not echoed
                    throw new ConfigException("Invalid value for setting '"
                            + ConfigKey.FACTCHECK_LLM_JUDGE_API_KEY_ENV.key() + "' (" + v.source() + "); expected "
                            + "the NAME of an environment variable (letters, digits, '_'), such as OPENAI_API_KEY, "
                            + "not the key itself");
                }
            }
            default -> throw new IllegalStateException(mode.toString());
        }
        return new LlmJudgeSettings(mode, model, baseUrl, keyEnv, Duration.ofSeconds(seconds));
    }

    private static void checkUrl(String url, ConfigValue value) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException("Invalid value '" + url + "' for setting '" + value.key().key() + "' ("
                + value.source() + "); expected an http:// or https:// URL such as https://api.openai.com/v1");
    }

    private static ConfigException missing(ConfigKey key, ConfigValue mode, String modeName, String expected) {
        return new ConfigException("Setting '" + key.key() + "' is required when '" + ConfigKey.FACTCHECK_LLM_JUDGE.key()
                + "' is " + modeName + " (" + mode.source() + "); set it to " + expected + " (or set '"
                + ConfigKey.FACTCHECK_LLM_JUDGE.key() + "' to off)");
    }
}
