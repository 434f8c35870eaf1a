package io.hallmark.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.governance.safety.guard.GuardSettings;
import io.hallmark.governance.safety.guard.GuardStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code guard-*} settings: no guard by default, the API key a masked secret, bad values named when loading. */
class GuardConfigTest {

    private static final String KEY = "sk-guard-0123456789abcdef";

    @TempDir
    Path dataDir;

    private HallmarkConfig load(String properties, Map<String, String> env) throws Exception {
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), properties);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.DATA_DIR, dataDir.toString());
        return new ConfigLoader(env).load(flags);
    }

    @Test
    void thereIsNoGuardByDefault() throws Exception {
        HallmarkConfig config = load("", Map.of());
        assertThat(config.guard()).isEmpty();
        assertThat(config.describe()).contains("guard-base-url").contains("guard-style").contains("guard-inputs");
    }

    @Test
    void aGuardFromTheEnvironmentWithItsKeyMaskedEverywhere() throws Exception {
        HallmarkConfig config = load("guard-model=meta-llama/Llama-Guard-3-8B\n", Map.of(
                "HALLMARK_GUARD_BASE_URL", "http://guard.internal:8000/v1",
                "HALLMARK_GUARD_API_KEY", KEY,
                "HALLMARK_GUARD_INPUTS", "prompt, documents,output",
                "HALLMARK_GUARD_TIMEOUT_SECONDS", "7"));
        GuardSettings guard = config.guard().orElseThrow();
        assertThat(guard.model()).isEqualTo("meta-llama/Llama-Guard-3-8B");
        assertThat(guard.style()).isEqualTo(GuardStyle.LLAMA_GUARD_3);
        assertThat(guard.apiKey()).isEqualTo(KEY);
        assertThat(guard.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(guard.inputs()).isEqualTo(Set.of(GuardSettings.Input.PROMPT, GuardSettings.Input.DOCUMENTS,
                GuardSettings.Input.OUTPUT));
        assertThat(guard.combine()).isEqualTo(GuardSettings.Combine.EITHER);
        assertThat(config.describe()).contains("guard-api-key").doesNotContain(KEY);
        assertThat(guard.describe()).doesNotContain(KEY);
    }

    @Test
    void badValuesStopLoadingWithTheSettingsName() {
        assertThatThrownBy(() -> load("guard-base-url=http://g:8000/v1\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'guard-model' is required");
        assertThatThrownBy(() -> load("guard-base-url=http://g:8000/v1\nguard-model=m\nguard-style=prompt-guard\n",
                Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'guard-style'").hasMessageContaining("llama-guard-3, qwen3guard, plain");
        assertThatThrownBy(() -> load("guard-base-url=http://g:8000/v1\nguard-model=m\nguard-inputs=prompt,images\n",
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("'guard-inputs'");
        assertThatThrownBy(() -> load("guard-base-url=http://g:8000/v1\nguard-model=m\nguard-combine=both\n",
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("either or report");
        assertThatThrownBy(() -> load("guard-base-url=ftp://g/v1\nguard-model=m\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> load("guard-base-url=http://u:" + KEY + "@g/v1\nguard-model=m\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("credentials")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> load("guard-base-url=http://g/v1\nguard-model=m\nguard-timeout-seconds=0\n",
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("1 to 600");
    }
}
