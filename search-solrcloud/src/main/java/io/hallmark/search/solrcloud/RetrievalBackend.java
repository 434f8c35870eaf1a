package io.hallmark.search.solrcloud;

import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.index.LuceneIndex;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code retrieval-backend} setting: where knowledge bases keep and search their chunks.
 *
 * <pre>
 * retrieval-backend=local                 # a Lucene index per knowledge base under the data directory (default)
 * retrieval-backend=solrcloud             # a SolrCloud collection per knowledge base
 * solrcloud.zk-host=zk1:2181,zk2:2181/solr   # or: solrcloud.urls=http://solr1:8983/solr,http://solr2:8983/solr
 * solrcloud.collection=hallmark           # the default knowledge base's collection; kb NAME uses hallmark_NAME
 * solrcloud.shards=2
 * solrcloud.replicas=1
 * </pre>
 *
 * @param kind which backend
 * @param solrCloud the cluster, for {@link Kind#SOLRCLOUD}; {@code null} for {@link Kind#LOCAL}
 */
public record RetrievalBackend(Kind kind, @Nullable SolrCloudSettings solrCloud) {

    public static final String KEY = "retrieval-backend";

    /** The backends. */
    public enum Kind { LOCAL, SOLRCLOUD }

    /** The local Lucene backend. */
    public static final RetrievalBackend LOCAL = new RetrievalBackend(Kind.LOCAL, null);

    public RetrievalBackend {
        if ((kind == Kind.SOLRCLOUD) != (solrCloud != null)) {
            throw new IllegalArgumentException("solrCloud settings are required exactly for the solrcloud backend");
        }
    }

    public static RetrievalBackend solrCloud(SolrCloudSettings settings) {
        return new RetrievalBackend(Kind.SOLRCLOUD, settings);
    }

    /**
     * Reads the settings above from configuration entries (e.g. a properties file or the environment mapped to
     * these keys); a missing {@code retrieval-backend} means {@code local}.
     *
     * @throws InvalidRetrievalRequestException naming the key of a bad or missing value
     */
    public static RetrievalBackend fromConfig(Map<String, String> config) {
        String kind = config.getOrDefault(KEY, "local").trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "local":
                return LOCAL;
            case "solrcloud":
                break;
            case "opensearch", "elasticsearch":
                throw new InvalidRetrievalRequestException(KEY + "=" + kind + " is not supported: Hallmark has no "
                        + kind + " backend; the supported backends are 'local' and 'solrcloud' (a SolrCloud cluster, "
                        + "solrcloud.zk-host or solrcloud.urls)");
            default:
                throw new InvalidRetrievalRequestException(KEY + " must be 'local' or 'solrcloud', got '" + kind + "'");
        }
        String zk = blankToNull(config.get("solrcloud.zk-host"));
        String urls = blankToNull(config.get("solrcloud.urls"));
        SolrCloudSettings.Builder b = zk != null && urls == null
                ? SolrCloudSettings.zkHost(zk)
                : SolrCloudSettings.urls(urls == null ? List.of() : Arrays.stream(urls.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList());
        if (zk != null && urls != null) {
            throw new InvalidRetrievalRequestException("Set solrcloud.zk-host or solrcloud.urls, not both");
        }
        if (zk == null && urls == null) {
            throw new InvalidRetrievalRequestException(KEY + "=solrcloud needs solrcloud.zk-host (e.g. zk1:2181/solr) "
                    + "or solrcloud.urls (e.g. http://solr1:8983/solr)");
        }
        if (config.containsKey("solrcloud.collection")) {
            b.collection(config.get("solrcloud.collection").trim());
        }
        b.shards(intValue(config, "solrcloud.shards", 2));
        b.replicas(intValue(config, "solrcloud.replicas", 1));
        return new RetrievalBackend(Kind.SOLRCLOUD, b.build());
    }

    /**
     * Opens knowledge base {@code kb} on this backend: for {@code local}, the Lucene index in {@code localFolder};
     * for {@code solrcloud}, its collection (created on first use).
     */
    public KnowledgeBase open(String kb, Path localFolder, KnowledgeBaseOptions options, @Nullable Embedder embedder,
            List<? extends Embedder> passageEmbedders) {
        return switch (kind) {
            case LOCAL -> KnowledgeBase.open(settings -> LuceneIndex.open(localFolder, settings), options, embedder,
                    passageEmbedders);
            case SOLRCLOUD -> KnowledgeBase.open(settings -> SolrCloudIndex.open(solrCloud, kb, settings), options,
                    embedder, passageEmbedders);
        };
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int intValue(Map<String, String> config, String key, int fallback) {
        String v = config.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRetrievalRequestException(key + " must be a whole number, got '" + v + "'");
        }
    }
}
