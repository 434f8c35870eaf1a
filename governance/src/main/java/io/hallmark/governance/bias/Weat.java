package io.hallmark.governance.bias;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Word Embedding Association Tests (Caliskan et al. 2017) as a model-level audit of an embedding model: for target
 * word sets X, Y and attribute sets A, B, the effect size {@code d = (mean_x s(x) - mean_y s(y)) / std_{X u Y} s(w)}
 * with {@code s(w) = mean_a cos(w, a) - mean_b cos(w, b)}, and a one-sided permutation p-value over 10,000 random
 * equal-size partitions of X u Y. Words are embedded as one-word documents.
 */
public final class Weat {

    private static final int PERMUTATIONS = 10_000;

    private Weat() {}

    public static List<Map<String, Object>> run(Embedder embedder, EvalData eval) {
        Map<String, List<String>> sets = new HashMap<>();
        for (JsonNode r : eval.rows("weat", "dev.jsonl")) {
            List<String> words = new ArrayList<>();
            r.path("words").forEach(w -> words.add(w.asText()));
            sets.put(r.path("id").asText(), words);
        }
        Map<String, float[]> vectors = new HashMap<>();
        List<String> all = sets.values().stream().flatMap(List::stream).distinct().toList();
        List<float[]> embedded = embedder.embedDocuments(all);
        for (int i = 0; i < all.size(); i++) {
            vectors.put(all.get(i), Vectors.normalize(embedded.get(i)));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode t : eval.rows("weat", "weat_tests.jsonl")) {
            List<float[]> x = vecs(sets, vectors, t.path("target_x").asText());
            List<float[]> y = vecs(sets, vectors, t.path("target_y").asText());
            List<float[]> a = vecs(sets, vectors, t.path("attribute_a").asText());
            List<float[]> b = vecs(sets, vectors, t.path("attribute_b").asText());
            double[] sx = x.stream().mapToDouble(w -> association(w, a, b)).toArray();
            double[] sy = y.stream().mapToDouble(w -> association(w, a, b)).toArray();
            double[] both = new double[sx.length + sy.length];
            System.arraycopy(sx, 0, both, 0, sx.length);
            System.arraycopy(sy, 0, both, sx.length, sy.length);
            double stat = sum(sx) - sum(sy);
            double d = (mean(sx) - mean(sy)) / std(both);
            Random random = new Random(42);
            int atLeast = 0;
            for (int k = 0; k < PERMUTATIONS; k++) {
                double[] shuffled = both.clone();
                for (int i = shuffled.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    double tmp = shuffled[i];
                    shuffled[i] = shuffled[j];
                    shuffled[j] = tmp;
                }
                double s = 0;
                for (int i = 0; i < shuffled.length; i++) {
                    s += i < sx.length ? shuffled[i] : -shuffled[i];
                }
                atLeast += s >= stat ? 1 : 0;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("test", t.path("id").asText());
            row.put("description", t.path("description").asText());
            row.put("effectSize", Math.round(d * 1000) / 1000.0);
            row.put("pValue", Math.round((atLeast + 1.0) / (PERMUTATIONS + 1) * 10000) / 10000.0);
            out.add(row);
        }
        return out;
    }

    private static List<float[]> vecs(Map<String, List<String>> sets, Map<String, float[]> vectors, String id) {
        List<String> words = sets.get(id);
        if (words == null) {
            throw new IllegalArgumentException("WEAT word set '" + id + "' is not in weat/dev.jsonl");
        }
        return words.stream().map(vectors::get).toList();
    }

    private static double association(float[] w, List<float[]> a, List<float[]> b) {
        return a.stream().mapToDouble(v -> Vectors.dot(w, v)).average().orElse(0)
                - b.stream().mapToDouble(v -> Vectors.dot(w, v)).average().orElse(0);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double mean(double[] v) {
        return sum(v) / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
