package io.hallmark.search.solrcloud;

import io.hallmark.retrieval.InvalidRetrievalRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the SolrCloud cluster is and how a knowledge base's collection is laid out. Give either the ZooKeeper
 * ensemble ({@code zkHost}, e.g. {@code zk1:2181,zk2:2181/solr}) or one or more Solr node URLs
 * ({@code http://solr1:8983/solr}); with URLs SolrJ reads the cluster state over HTTP.
 *
 * @param zkHost the ZooKeeper connect string with an optional chroot, or {@code null}
 * @param solrUrls Solr base URLs; empty when {@code zkHost} is given
 * @param collection the collection of the default knowledge base; another knowledge base {@code NAME} lives in
 *     {@code <collection>_NAME}
 * @param shards shards of a collection the backend creates
 * @param replicas replicas per shard of a collection the backend creates
 */
public record SolrCloudSettings(@Nullable String zkHost, List<String> solrUrls, String collection, int shards,
        int replicas) {

    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public SolrCloudSettings {
        solrUrls = List.copyOf(solrUrls);
        if ((zkHost == null || zkHost.isBlank()) == solrUrls.isEmpty()) {
            throw new InvalidRetrievalRequestException("solrcloud.zk-host or solrcloud.urls must be set (one of them, "
                    + "not both); got zk-host=" + zkHost + ", urls=" + solrUrls);
        }
        for (String url : solrUrls) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new InvalidRetrievalRequestException("solrcloud.urls must be http(s) URLs of Solr nodes such as "
                        + "http://solr1:8983/solr; got '" + url + "'");
            }
        }
        Objects.requireNonNull(collection, "collection");
        if (!COLLECTION.matcher(collection).matches()) {
            throw new InvalidRetrievalRequestException("solrcloud.collection must be 1-100 letters, digits, '.', '_' "
                    + "or '-' starting with a letter or digit; got '" + collection + "'");
        }
        if (shards < 1 || shards > 64) {
            throw new InvalidRetrievalRequestException("solrcloud.shards must be 1-64, got " + shards);
        }
        if (replicas < 1 || replicas > 16) {
            throw new InvalidRetrievalRequestException("solrcloud.replicas must be 1-16, got " + replicas);
        }
    }

    /** Settings for a cluster reached through these Solr node URLs. */
    public static Builder urls(List<String> solrUrls) {
        return new Builder(null, solrUrls);
    }

    /** Settings for a cluster reached through this ZooKeeper ensemble. */
    public static Builder zkHost(String zkHost) {
        return new Builder(zkHost, List.of());
    }

    /** The collection that holds knowledge base {@code kb}. */
    public String collectionFor(String kb) {
        return kb.equals("default") ? collection : collection + "_" + kb;
    }

    /** Builds settings; collection {@code hallmark}, 2 shards and 1 replica unless told otherwise. */
    public static final class Builder {
        private final @Nullable String zkHost;
        private final List<String> urls;
        private String collection = "hallmark";
        private int shards = 2;
        private int replicas = 1;

        private Builder(@Nullable String zkHost, List<String> urls) {
            this.zkHost = zkHost;
            this.urls = new ArrayList<>(urls);
        }

        public Builder collection(String name) {
            this.collection = name;
            return this;
        }

        public Builder shards(int n) {
            this.shards = n;
            return this;
        }

        public Builder replicas(int n) {
            this.replicas = n;
            return this;
        }

        public SolrCloudSettings build() {
            return new SolrCloudSettings(zkHost, urls, collection, shards, replicas);
        }
    }
}
