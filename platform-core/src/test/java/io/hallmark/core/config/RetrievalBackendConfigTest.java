package io.hallmark.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.search.solrcloud.RetrievalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrieval-backend} and {@code solrcloud.*} as platform settings: default, sources, printing, refusal. */
class RetrievalBackendConfigTest {

    @TempDir
    Path dataDir;

    private HallmarkConfig load(Map<String, String> env, Map<ConfigKey, String> extraFlags) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.DATA_DIR, dataDir.toString());
        flags.putAll(extraFlags);
        return new ConfigLoader(env).load(flags);
    }

    @Test
    void theLocalBackendIsTheDefaultAndIsPrinted() {
        HallmarkConfig config = load(Map.of(), Map.of());

        assertThat(config.retrievalBackend()).isEqualTo(RetrievalBackend.LOCAL);
        assertThat(config.describe()).contains("retrieval-backend").contains("solrcloud.zk-host")
                .contains("solrcloud.collection");
    }

    @Test
    void solrCloudIsReadFromTheFileTheEnvironmentAndTheCommandLine() throws Exception {
        Files.writeString(dataDir.resolve(ConfigLoader.CONFIG_FILE), "retrieval-backend=solrcloud\nsolrcloud.shards=3\n");
        HallmarkConfig config = load(Map.of("HALLMARK_SOLRCLOUD_ZK_HOST", "zk1:2181,zk2:2181/solr"),
                Map.of(ConfigKey.SOLRCLOUD_COLLECTION, "kbs"));

        RetrievalBackend backend = config.retrievalBackend();
        assertThat(backend.kind()).isEqualTo(RetrievalBackend.Kind.SOLRCLOUD);
        assertThat(backend.solrCloud().zkHost()).isEqualTo("zk1:2181,zk2:2181/solr");
        assertThat(backend.solrCloud().solrUrls()).isEqualTo(List.of());
        assertThat(backend.solrCloud().collectionFor("facts")).isEqualTo("kbs_facts");
        assertThat(backend.solrCloud().shards()).isEqualTo(3);
        assertThat(backend.solrCloud().replicas()).isEqualTo(1);
        assertThat(config.describe()).contains("env HALLMARK_SOLRCLOUD_ZK_HOST");
    }

    @Test
    void badValuesAreRefusedByName() {
        assertThatThrownBy(() -> load(Map.of(), Map.of(ConfigKey.RETRIEVAL_BACKEND, "lucene")).retrievalBackend())
                .isInstanceOf(ConfigException.class).hasMessageContaining("retrieval-backend").hasMessageContaining("lucene");
        assertThatThrownBy(() -> load(Map.of("HALLMARK_RETRIEVAL_BACKEND", "opensearch"), Map.of()).retrievalBackend())
                .isInstanceOf(ConfigException.class).hasMessageContaining("retrieval-backend=opensearch is not supported")
                .hasMessageContaining("'local' and 'solrcloud'");
        assertThatThrownBy(() -> load(Map.of(), Map.of(ConfigKey.RETRIEVAL_BACKEND, "solrcloud")).retrievalBackend())
                .isInstanceOf(ConfigException.class).hasMessageContaining("solrcloud.zk-host");
        assertThatThrownBy(() -> load(Map.of(), Map.of(ConfigKey.RETRIEVAL_BACKEND, "solrcloud",
                ConfigKey.SOLRCLOUD_URLS, "http://solr1:8983/solr", ConfigKey.SOLRCLOUD_SHARDS, "two"))
                .retrievalBackend())
                .isInstanceOf(ConfigException.class).hasMessageContaining("solrcloud.shards");
        assertThatThrownBy(() -> load(Map.of(), Map.of(ConfigKey.RETRIEVAL_BACKEND, "solrcloud",
                ConfigKey.SOLRCLOUD_URLS, "solr1:8983")).retrievalBackend())
                .isInstanceOf(ConfigException.class).hasMessageContaining("solrcloud.urls");
    }
}
