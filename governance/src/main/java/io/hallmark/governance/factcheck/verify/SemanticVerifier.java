package io.hallmark.governance.factcheck.verify;

import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.PassageVectors;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.retrieval.embed.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges a claim by its embedding similarity to the evidence with one sentence-embedding model: a passage at
 * least {@code threshold} similar supports the claim, unless its polarity differs (negation, an antonym) or it
 * states other numbers, which refutes it; below the threshold there is not enough information. Using two or more
 * models gives independent votes.
 *
 * <p>Passage vectors come from {@link PassageVectors} when stored there (a knowledge base's passage vectors), else
 * from a cache, else they are embedded; claim vectors likewise (a knowledge base's query vectors). {@link
 * #verifyAll} embeds all remaining claims and passages of a text in one call each.
 */
public final class SemanticVerifier implements Verifier {

    /** Passage vectors kept between texts (passages recur); cleared when full. */
    private static final int CACHE_SIZE = 20_000;

    private final Embedder embedder;
    private final double threshold;
    private final PassageVectors stored;
    private final ConcurrentHashMap<String, float[]> passages = new ConcurrentHashMap<>();
    /** Claim vectors made by {@link #prepare}, taken (and removed) by the next {@link #verifyAll}. */
    private final ConcurrentHashMap<String, float[]> prepared = new ConcurrentHashMap<>();

    /** @param threshold the cosine similarity from which a passage counts as stating the claim */
    public SemanticVerifier(Embedder embedder, double threshold) {
        this(embedder, threshold, PassageVectors.NONE);
    }

    /** @param stored passage vectors that need not be computed (a knowledge base's chunk vectors) */
    public SemanticVerifier(Embedder embedder, double threshold, PassageVectors stored) {
        this.embedder = embedder;
        this.threshold = threshold;
        this.stored = stored;
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
    public java.util.Map<String, String> models() {
        return embedder instanceof io.hallmark.retrieval.embed.OnnxEmbedder onnx
                ? java.util.Map.of("embedder:" + onnx.model().id(), onnx.model().sha256()) : java.util.Map.of();
    }

    @Override
    public String name() {
        return "semantic-" + embedder.name();
    }

    /** Embeds the claims now, unless the knowledge base will know their vectors from its search. */
    @Override
    public void prepare(List<Claim> claims) {
        if (stored.knowsClaims(embedder.name())) {
            return;
        }
        List<String> texts = claims.stream().map(Claim::text).distinct().toList();
        if (prepared.size() + texts.size() > CACHE_SIZE) {
            prepared.clear();
        }
        List<float[]> vectors = embedder.embedDocuments(texts);
        for (int i = 0; i < texts.size(); i++) {
            prepared.put(texts.get(i), vectors.get(i));
        }
    }

    @Override
    public Vote verify(Claim claim, List<Evidence> evidence) {
        return verifyAll(List.of(claim), List.of(evidence)).get(0);
    }

    @Override
    public List<Vote> verifyAll(List<Claim> claims, List<List<Evidence>> evidence) {
        if (claims.size() != evidence.size()) {
            throw new IllegalArgumentException("Expected one evidence list per claim, got " + evidence.size()
                    + " for " + claims.size() + " claims");
        }
        List<float[]> claimVectors = claimVectors(claims.stream().map(Claim::text).toList());
        Map<String, float[]> vectors = passageVectors(evidence);
        List<Vote> out = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            out.add(judge(claims.get(i), claimVectors.get(i), evidence.get(i), vectors));
        }
        return out;
    }

    private Vote judge(Claim claim, float[] claimVector, List<Evidence> evidence, Map<String, float[]> vectors) {
        if (evidence.isEmpty()) {
            return Vote.notEnoughInfo(name(), "no evidence retrieved");
        }
        double best = -1;
        double sum = 0;
        int at = 0;
        for (int i = 0; i < evidence.size(); i++) {
            double s = dot(claimVector, vectors.get(key(evidence.get(i))));
            sum += s;
            if (s > best) {
                best = s;
                at = i;
            }
        }
        Evidence e = evidence.get(at);
        TextSignals c = TextSignals.of(claim.text());
        TextSignals p = TextSignals.of(e.text());
        Set<String> numbers = new HashSet<>(c.numbers());
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

    /**
     * A vector for every passage, by {@link #key}: stored ones first, then cached ones, and the rest embedded
     * in one call.
     */
    private Map<String, float[]> passageVectors(List<List<Evidence>> evidence) {
        Map<String, Evidence> unique = new LinkedHashMap<>();
        evidence.forEach(list -> list.forEach(e -> unique.putIfAbsent(key(e), e)));
        Map<String, float[]> out = new HashMap<>();
        List<Evidence> notCached = new ArrayList<>();
        for (Map.Entry<String, Evidence> u : unique.entrySet()) {
            float[] v = passages.get(u.getKey());
            if (v != null) {
                out.put(u.getKey(), v);
            } else {
                notCached.add(u.getValue());
            }
        }
        Map<String, float[]> fromStore = notCached.isEmpty() ? Map.of() : stored.find(embedder.name(), notCached);
        List<String> todo = new ArrayList<>();
        for (Evidence e : notCached) {
            float[] v = fromStore.get(e.id());
            if (v != null) {
                out.put(key(e), v);
            } else {
                todo.add(key(e));
            }
        }
        if (!todo.isEmpty()) {
            List<float[]> computed = embedder.embedDocuments(todo);
            if (passages.size() + todo.size() > CACHE_SIZE) {
                passages.clear();
            }
            for (int i = 0; i < todo.size(); i++) {
                out.put(todo.get(i), computed.get(i));
                passages.put(todo.get(i), computed.get(i));
            }
        }
        return out;
    }

    /** The claims' vectors: those known already (the knowledge base's query vectors), the rest in one call. */
    private List<float[]> claimVectors(List<String> texts) {
        Map<String, float[]> all = new HashMap<>(stored.claims(embedder.name(), texts));
        for (String t : texts) {
            float[] v = prepared.remove(t);
            if (v != null) {
                all.putIfAbsent(t, v);
            }
        }
        List<String> todo = texts.stream().filter(t -> !all.containsKey(t)).distinct().toList();
        if (!todo.isEmpty()) {
            List<float[]> computed = embedder.embedDocuments(todo);
            for (int i = 0; i < todo.size(); i++) {
                all.put(todo.get(i), computed.get(i));
            }
        }
        return texts.stream().map(all::get).toList();
    }

    /** Passages are keyed by their text (copies of a passage share a vector). */
    private static String key(Evidence e) {
        return e.text();
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
