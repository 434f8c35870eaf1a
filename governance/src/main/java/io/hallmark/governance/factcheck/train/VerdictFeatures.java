package io.hallmark.governance.factcheck.train;

import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Vote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict model's input: for every verifier its verdict weighted by confidence ({@code NAME.SUPPORTED}, ...)
 * and its signals ({@code NAME.maxSimilarity}, ...), plus the retrieval scores. Features are named so a model
 * trained with one set of verifiers reads a vote list in any order; a missing feature is 0.
 */
public final class VerdictFeatures {

    private VerdictFeatures() {}

    /** The named features of one claim. */
    public static Map<String, Double> of(List<Evidence> evidence, List<Vote> votes) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (Vote v : votes) {
            for (Verdict verdict : Verdict.values()) {
                f.put(v.verifier() + "." + verdict.name(), v.verdict() == verdict ? v.confidence() : 0.0);
            }
            new TreeMap<>(v.signals()).forEach((k, x) -> f.put(v.verifier() + "." + k, x));
        }
        f.put("evidence.count", (double) evidence.size());
        f.put("evidence.topScore", evidence.isEmpty() ? 0.0 : evidence.get(0).score());
        return f;
    }

    /** The features in the given order. */
    public static float[] vector(Map<String, Double> features, List<String> names) {
        float[] x = new float[names.size()];
        for (int i = 0; i < x.length; i++) {
            Double v = features.get(names.get(i));
            x[i] = v == null || v.isNaN() ? 0f : v.floatValue();
        }
        return x;
    }
}
