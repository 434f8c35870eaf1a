package io.hallmark.search.solrcloud;

import io.hallmark.retrieval.index.IndexFields;
import io.hallmark.retrieval.search.SearchFilter;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The Solr requests of the backend. User text never becomes query syntax: it travels in its own parameter,
 * dereferenced by local params ({@code v=$hq}), so a query starting with {@code {!...}} is just words.
 */
final class SolrQueries {

    /** BM25 fields and weights, as {@code LuceneIndex} searches them. */
    static final String BM25_FIELDS = IndexFields.TEXT + "^1.0 " + ChunkDocuments.CONTEXT + "^0.3";

    private SolrQueries() {}

    /** Lucene's SimpleQueryParser with whitespace as the only operator, OR between words: as the local index. */
    static ModifiableSolrParams bm25(String query) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "{!simple qf='" + BM25_FIELDS + "' q.operators=WHITESPACE q.op=OR v=$hq}");
        p.set("hq", query);
        return p;
    }

    /** HNSW nearest neighbours; each shard returns its {@code n} best, merged to the {@code n} best overall. */
    static ModifiableSolrParams knn(float[] vector, int n) {
        StringBuilder v = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                v.append(',');
            }
            v.append(vector[i]);
        }
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "{!knn f=" + IndexFields.VECTOR + " topK=" + n + " v=$qv}");
        p.set("qv", v.append(']').toString());
        return p;
    }

    /** One exact term, e.g. a source id. */
    static ModifiableSolrParams term(String field, String value) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "{!term f=" + field + " v=$tv}");
        p.set("tv", value);
        return p;
    }

    /** A query for documents whose string field has any of these values (escaped, not parsed). */
    static String anyOf(String field, Collection<String> values) {
        return field + ":(" + values.stream().map(ClientUtils::escapeQueryChars).collect(Collectors.joining(" OR ")) + ")";
    }

    /** The filter as filter queries: Solr applies them to BM25 as filters and to knn as a pre-filter. */
    static void filter(ModifiableSolrParams p, SearchFilter filter) {
        if (!filter.sources().isEmpty()) {
            p.add("fq", anyOf(IndexFields.SOURCE, filter.sources()));
        }
        for (Map.Entry<String, String> e : filter.metadata().entrySet()) {
            p.add("fq", ClientUtils.escapeQueryChars(IndexFields.META_PREFIX + e.getKey()) + ":"
                    + ClientUtils.escapeQueryChars(e.getValue()));
        }
    }
}
