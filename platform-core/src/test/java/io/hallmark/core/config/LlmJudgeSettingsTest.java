package io.hallmark.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code factcheck-llm-judge*} settings: off by default, and every bad combination named when loading. */
class LlmJudgeSettingsTest {

    @TempDir
    Path dataDir;

    private HallmarkConfig load(String properties) throws Exception {
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), properties);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.DATA_DIR, dataDir.toString());
        return new ConfigLoader(Map.of()).load(flags);
    }

    @Test
    void theJudgeIsOffByDefaultAndItsSettingsAreListedWithTheOthers() throws Exception {
        HallmarkConfig config = load("");

        assertThat(config.llmJudge().enabled()).isFalse();
        assertThat(config.llmJudge().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.describe()).contains("factcheck-llm-judge ").contains("factcheck-llm-judge-model")
                .contains("factcheck-llm-judge-base-url").contains("factcheck-llm-judge-api-key-env")
                .contains("factcheck-llm-judge-timeout-seconds");
    }

    @Test
    void anOpenAiJudgeKeepsOnlyTheNameOfItsKeyVariable() throws Exception {
        HallmarkConfig config = load("""
                factcheck-llm-judge=OpenAI
                factcheck-llm-judge-model=gpt-4o-mini
                factcheck-llm-judge-base-url=https://api.openai.com/v1
                factcheck-llm-judge-api-key-env=OPENAI_API_KEY
                factcheck-llm-judge-timeout-seconds=12
                """);

        LlmJudgeSettings judge = config.llmJudge();
        assertThat(judge.mode()).isEqualTo(LlmJudgeSettings.Mode.OPENAI);
        assertThat(judge.timeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(judge.describe()).isEqualTo("model gpt-4o-mini at https://api.openai.com/v1 (API key from "
                + "$OPENAI_API_KEY)");
    }

    @Test
    void anUnknownModeNamesTheChoices() {
        assertThatThrownBy(() -> load("factcheck-llm-judge=gpt\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'gpt' for setting 'factcheck-llm-judge'")
                .hasMessageContaining("file " + dataDir.resolve(ConfigLoader.CONFIG_FILE))
                .hasMessageContaining("expected one of off, local, openai");
    }

    @Test
    void aLocalJudgeNeedsItsModel() {
        assertThatThrownBy(() -> load("factcheck-llm-judge=local\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Setting 'factcheck-llm-judge-model' is required when 'factcheck-llm-judge' is "
                        + "local")
                .hasMessageContaining("stories260k/stories260K-f32.gguf");
    }

    @Test
    void anOpenAiJudgeNeedsABaseUrlThatIsAUrlAndAModel() {
        assertThatThrownBy(() -> load("factcheck-llm-judge=openai\nfactcheck-llm-judge-model=m\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Setting 'factcheck-llm-judge-base-url' is required when 'factcheck-llm-judge' "
                        + "is openai");
        assertThatThrownBy(() -> load("factcheck-llm-judge=openai\nfactcheck-llm-judge-model=m\n"
                + "factcheck-llm-judge-base-url=localhost:8000\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'localhost:8000' for setting 'factcheck-llm-judge-base-url'")
                .hasMessageContaining("expected an http:// or https:// URL");
        assertThatThrownBy(() -> load("factcheck-llm-judge=openai\nfactcheck-llm-judge-base-url=http://127.0.0.1:8000/v1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Setting 'factcheck-llm-judge-model' is required when 'factcheck-llm-judge' is "
                        + "openai");
    }

    @Test
    void aKeyWrittenWhereItsVariableNameBelongsIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> load("""
                factcheck-llm-judge=openai
                factcheck-llm-judge-model=m
                factcheck-llm-judge-base-url=http://127.0.0.1:8000/v1
                factcheck-llm-judge-api-key-env=sk-proj-abc123
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("setting 'factcheck-llm-judge-api-key-env'")
                .hasMessageContaining("expected the NAME of an environment variable")
                .hasMessageNotContaining("sk-proj-abc123");
    }

    @Test
    void theTimeoutIsBounded() {
        assertThatThrownBy(() -> load("factcheck-llm-judge-timeout-seconds=0\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'factcheck-llm-judge-timeout-seconds'")
                .hasMessageContaining("from 1 to 600");
    }
}
