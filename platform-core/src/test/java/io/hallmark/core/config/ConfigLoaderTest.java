package io.hallmark.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        HallmarkConfig config = new ConfigLoader(Map.of()).load(cli(ConfigKey.DATA_DIR, dataDir.toString()));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.modelsDir()).isEqualTo(dataDir.resolve("models"));
        assertThat(config.djlOffline()).isTrue();
        assertThat(config.device()).isEqualTo("auto");
    }

    @Test
    void fileThenEnvironmentThenCommandLineWin() throws Exception {
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), "port=9001\nhost=0.0.0.0\ndevice=cpu\n");
        Map<String, String> env = Map.of("HALLMARK_PORT", "9002", "HALLMARK_DEVICE", "gpu:1");
        Map<ConfigKey, String> flags = cli(ConfigKey.DATA_DIR, dataDir.toString());
        flags.put(ConfigKey.PORT, "9003");

        HallmarkConfig config = new ConfigLoader(env).load(flags);

        assertThat(config.port()).isEqualTo(9003);
        assertThat(config.device()).isEqualTo("gpu:1");
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.describe())
                .contains("port")
                .contains("command line --port")
                .contains("env HALLMARK_DEVICE")
                .contains("file " + dataDir.resolve(ConfigLoader.CONFIG_FILE));
    }

    @Test
    void dataDirectoryComesFromTheEnvironmentWhenNoFlagIsGiven() {
        HallmarkConfig config = new ConfigLoader(Map.of("HALLMARK_DATA_DIR", dataDir.toString()))
                .load(new EnumMap<>(ConfigKey.class));

        assertThat(config.dataDir()).isEqualTo(dataDir.toAbsolutePath());
    }

    @Test
    void secretsAreMaskedInTheDescription() {
        Map<ConfigKey, String> flags = cli(ConfigKey.DATA_DIR, dataDir.toString());
        flags.put(ConfigKey.DB_URL, "jdbc:postgresql://db.example/hallmark");
        flags.put(ConfigKey.DB_PASSWORD, "s3cret-value");

        HallmarkConfig config = new ConfigLoader(Map.of()).load(flags);

        assertThat(config.embeddedDatabase()).isFalse();
        assertThat(config.dbPassword()).isEqualTo("s3cret-value");
        assertThat(config.describe()).doesNotContain("s3cret-value").contains("********");
    }

    @Test
    void badValuesNameTheSettingItsSourceAndTheValidChoices() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("HALLMARK_PORT", "eighty"))
                        .load(cli(ConfigKey.DATA_DIR, dataDir.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'eighty' for setting 'port' (env HALLMARK_PORT); expected a whole number "
                        + "from 0 to 65535");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("HALLMARK_DEVICE", "tpu"))
                        .load(cli(ConfigKey.DATA_DIR, dataDir.toString())))
                .hasMessageContaining("expected one of auto, cpu, gpu, gpu:N");
    }

    @Test
    void unknownSettingsInTheFileAreRejectedWithTheValidNames() throws Exception {
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), "prot=9001\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(cli(ConfigKey.DATA_DIR, dataDir.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown setting 'prot'")
                .hasMessageContaining("port");
    }

    private static Map<ConfigKey, String> cli(ConfigKey key, String value) {
        Map<ConfigKey, String> map = new EnumMap<>(ConfigKey.class);
        map.put(key, value);
        return map;
    }
}
