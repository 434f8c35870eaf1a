package io.hallmark.governance.factcheck.verify;

import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.retrieval.embed.Embedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a claim by its embedding similarity to the evidence with one sentence-embedding model: a passage at
 * least {@code threshold} similar supports the claim, unless its polarity differs (negation, an antonym) or it
 * states other numbers, which refutes it; below the threshold there is not enough information. Using two or more models gives
 * independent votes.
 */
public final class SemanticVerifier implements Verifier {

    /** Passage vectors kept between claims (passages recur across the claims of a text); cleared when full. */
    private static final int CACHE_SIZE = 20_000;

    private final Embedder embedder;
    private final double threshold;
    private final java.util.concurrent.ConcurrentHashMap<String, float[]> passages =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @param threshold the cosine similarity from which a passage counts as stating the claim */
    public SemanticVerifier(Embedder embedder, double threshold) {
        this.embedder = embedder;
        this.threshold = threshold;
    }

    /** A threshold that suits the model, set on the Climate-FEVER dev split. */
    public static double defaultThreshold(String embedderName) {
        if (embedderName.startsWith("bge")) {
            return 0.80;
        }
        if (embedderName.startsWith("e5")) {
            return 0.88;
        }
        return 0.68;
    }

    @Override
    public String name() {
        return "semantic-" + embedder.name();
    }

    @Override
    public Vote verify(Claim claim, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return Vote.notEnoughInfo(name(), "no evidence retrieved");
        }
        List<float[]> v = embed(claim.text(), evidence);
        double best = -1;
        double sum = 0;
        int at = 0;
        for (int i = 1; i < v.size(); i++) {
            double s = dot(v.get(0), v.get(i));
            sum += s;
            if (s > best) {
                best = s;
                at = i - 1;
            }
        }
        Evidence e = evidence.get(at);
        TextSignals c = TextSignals.of(claim.text());
        TextSignals p = TextSignals.of(e.text());
        java.util.Set<String> numbers = new java.util.HashSet<>(c.numbers());
        numbers.removeAll(p.numbers());
        boolean flipped = c.negated() != p.negated() || !c.antonymsIn(p).isEmpty()
                || (!numbers.isEmpty() && !p.numbers().isEmpty());
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("maxSimilarity", best);
        signals.put("meanSimilarity", sum / evidence.size());
        signals.put("polarityFlip", flipped ? 1.0 : 0.0);
        if (best < threshold) {
            return new Vote(name(), Verdict.NOT_ENOUGH_INFO, clamp(0.5 + (threshold - best)),
                    String.format("no passage is close enough (best %.2f < %.2f)", best, threshold), e.id(), signals);
        }
        double conf = clamp(0.5 + (best - threshold) * 2);
        if (flipped) {
            return new Vote(name(), Verdict.REFUTED, conf, String.format(
                    "passage %s says nearly the same (%.2f) with the opposite polarity or other numbers", e.id(), best), e.id(), signals);
        }
        return new Vote(name(), Verdict.SUPPORTED, conf, String.format("passage %s says nearly the same (%.2f)",
                e.id(), best), e.id(), signals);
    }

    /** The claim's vector, then one per passage; passages come from the cache when seen before. */
    private List<float[]> embed(String claim, List<Evidence> evidence) {
        List<String> todo = new ArrayList<>();
        todo.add(claim);
        for (Evidence e : evidence) {
            if (!passages.containsKey(e.text()) && !todo.contains(e.text())) {
                todo.add(e.text());
            }
        }
        List<float[]> computed = embedder.embedDocuments(todo);
        if (passages.size() + todo.size() > CACHE_SIZE) {
            passages.clear();
        }
        java.util.Map<String, float[]> fresh = new java.util.HashMap<>();
        for (int i = 1; i < todo.size(); i++) {
            fresh.put(todo.get(i), computed.get(i));
            passages.put(todo.get(i), computed.get(i));
        }
        List<float[]> out = new ArrayList<>(evidence.size() + 1);
        out.add(computed.get(0));
        for (Evidence e : evidence) {
            float[] vector = fresh.get(e.text());
            if (vector == null) {
                vector = passages.get(e.text());
            }
            if (vector == null) { // another thread cleared the cache in between
                vector = embedder.embedDocuments(List.of(e.text())).get(0);
            }
            out.add(vector);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
