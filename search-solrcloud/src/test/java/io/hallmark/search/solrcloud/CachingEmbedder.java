package io.hallmark.search.solrcloud;

import io.hallmark.retrieval.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real embedder that remembers what it embedded, so two backends ingesting the same corpus in one test share the
 * cost of embedding it (and receive identical vectors). Same name and dimension as the model it wraps.
 */
final class CachingEmbedder implements Embedder {

    private final Embedder model;
    private final Map<String, float[]> documents = new ConcurrentHashMap<>();
    private final Map<String, float[]> queries = new ConcurrentHashMap<>();

    CachingEmbedder(Embedder model) {
        this.model = model;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !documents.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = model.embedDocuments(missing);
            for (int i = 0; i < missing.size(); i++) {
                documents.put(missing.get(i), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(documents.get(t)));
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return queries.computeIfAbsent(query, model::embedQuery);
    }

    @Override
    public boolean symmetric() {
        return model.symmetric();
    }
}
