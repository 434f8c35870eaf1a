package io.hallmark.search.solrcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.InvalidRetrievalRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalBackendTest {

    @Test
    void localIsTheDefault() {
        assertThat(RetrievalBackend.fromConfig(Map.of())).isEqualTo(RetrievalBackend.LOCAL);
        assertThat(RetrievalBackend.fromConfig(Map.of("retrieval-backend", "LOCAL"))).isEqualTo(RetrievalBackend.LOCAL);
    }

    @Test
    void solrCloudReadsUrlsOrZooKeeperCollectionShardsAndReplicas() {
        RetrievalBackend urls = RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud",
                "solrcloud.urls", "http://solr1:8983/solr, http://solr2:8983/solr", "solrcloud.collection", "kbs",
                "solrcloud.shards", "4", "solrcloud.replicas", "2"));
        assertThat(urls.kind()).isEqualTo(RetrievalBackend.Kind.SOLRCLOUD);
        assertThat(urls.solrCloud()).isEqualTo(new SolrCloudSettings(null,
                List.of("http://solr1:8983/solr", "http://solr2:8983/solr"), "kbs", 4, 2));
        assertThat(urls.solrCloud().collectionFor("default")).isEqualTo("kbs");
        assertThat(urls.solrCloud().collectionFor("climate")).isEqualTo("kbs_climate");

        RetrievalBackend zk = RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud",
                "solrcloud.zk-host", "zk1:2181,zk2:2181/solr"));
        assertThat(zk.solrCloud().zkHost()).isEqualTo("zk1:2181,zk2:2181/solr");
        assertThat(zk.solrCloud().collection()).isEqualTo("hallmark");
        assertThat(zk.solrCloud().shards()).isEqualTo(2);
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> RetrievalBackend.fromConfig(Map.of("retrieval-backend", "elastic")))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("retrieval-backend")
                .hasMessageContaining("elastic");
        assertThatThrownBy(() -> RetrievalBackend.fromConfig(Map.of("retrieval-backend", "OpenSearch")))
                .isInstanceOf(InvalidRetrievalRequestException.class)
                .hasMessageContaining("retrieval-backend=opensearch is not supported")
                .hasMessageContaining("'local' and 'solrcloud'");
        assertThatThrownBy(() -> RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud")))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("solrcloud.zk-host")
                .hasMessageContaining("solrcloud.urls");
        assertThatThrownBy(() -> RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud",
                "solrcloud.urls", "http://a:8983/solr", "solrcloud.zk-host", "zk:2181")))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud",
                "solrcloud.urls", "solr1:8983")))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("solrcloud.urls");
        assertThatThrownBy(() -> RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud",
                "solrcloud.urls", "http://a:8983/solr", "solrcloud.shards", "two")))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("solrcloud.shards");
        assertThatThrownBy(() -> RetrievalBackend.fromConfig(Map.of("retrieval-backend", "solrcloud",
                "solrcloud.urls", "http://a:8983/solr", "solrcloud.collection", "no spaces")))
                .isInstanceOf(InvalidRetrievalRequestException.class).hasMessageContaining("solrcloud.collection");
    }
}
