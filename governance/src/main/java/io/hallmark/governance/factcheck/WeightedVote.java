package io.hallmark.governance.factcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted vote: each verifier adds {@code weight x confidence} to its verdict, each verdict's total is then
 * multiplied by that verdict's scale (1 unless tuned: a scale above 1 lets fewer votes carry that verdict, e.g.
 * REFUTED); the verdict with the most wins, with that share of the total as confidence. Ties go to
 * NOT_ENOUGH_INFO, the cautious answer. Weights and scales are tuned on dev data by
 * {@link io.hallmark.governance.factcheck.train.WeightedVoteTuner} and saved as JSON ({@link #save}).
 */
public final class WeightedVote implements VoteCombiner {

    /** The file a tuned vote is saved in, inside the fact-check folder of the data directory. */
    public static final String FILE = "weighted-vote.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, Double> weights;
    private final double defaultWeight;
    private final Map<Verdict, Double> scales;
    /** The SHA-256 of the artifact bytes this vote was read from ({@link #fromJson}), if it was. */
    private @org.jspecify.annotations.Nullable String artifactSha256;

    /** @param weights per verifier name; verifiers not named weigh {@code defaultWeight} */
    public WeightedVote(Map<String, Double> weights, double defaultWeight) {
        this("weighted-vote", weights, defaultWeight, Map.of());
    }

    /**
     * @param name the name in reports
     * @param weights per verifier name (at least 0); verifiers not named weigh {@code defaultWeight}
     * @param scales per verdict (above 0); verdicts not named have scale 1
     */
    public WeightedVote(String name, Map<String, Double> weights, double defaultWeight, Map<Verdict, Double> scales) {
        weights.forEach((k, w) -> {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("The weight of verifier '" + k + "' must be at least 0, got " + w);
            }
        });
        scales.forEach((k, s) -> {
            if (!(s > 0)) {
                throw new IllegalArgumentException("The scale of verdict " + k + " must be above 0, got " + s);
            }
        });
        this.name = name;
        this.weights = Map.copyOf(weights);
        this.defaultWeight = defaultWeight;
        this.scales = scales.isEmpty() ? Map.of() : new EnumMap<>(scales);
    }

    /** Every verifier weighs the same. */
    public static WeightedVote equal() {
        return new WeightedVote(Map.of(), 1.0);
    }

    @Override
    public String name() {
        return name;
    }

    public Map<String, Double> weights() {
        return weights;
    }

    public Map<Verdict, Double> scales() {
        return scales;
    }

    @Override
    public Vote combine(Claim claim, List<Evidence> evidence, List<Vote> votes) {
        if (votes.isEmpty()) {
            return Vote.notEnoughInfo(name(), "no verifier voted");
        }
        Map<Verdict, Double> tally = new EnumMap<>(Verdict.class);
        double total = 0;
        for (Vote v : votes) {
            double w = weights.getOrDefault(v.verifier(), defaultWeight) * Math.max(0.05, v.confidence())
                    * scales.getOrDefault(v.verdict(), 1.0);
            tally.merge(v.verdict(), w, Double::sum);
            total += w;
        }
        Verdict best = Verdict.NOT_ENOUGH_INFO;
        double bestWeight = tally.getOrDefault(Verdict.NOT_ENOUGH_INFO, 0.0);
        for (Verdict v : List.of(Verdict.SUPPORTED, Verdict.REFUTED)) {
            double w = tally.getOrDefault(v, 0.0);
            if (w > bestWeight + 1e-9) {
                best = v;
                bestWeight = w;
            }
        }
        Verdict winner = best;
        String evidenceId = votes.stream().filter(v -> v.verdict() == winner && !v.evidenceId().isEmpty())
                .map(Vote::evidenceId).findFirst().orElse("");
        double share = total == 0 ? 0 : bestWeight / total;
        return new Vote(name(), best, share, String.format("%s by %.0f%% of the weighted votes", best, 100 * share),
                evidenceId, Map.of());
    }

    /** The SHA-256 of the canonical JSON of the weights and scales (what {@link #save} writes, compactly). */
    @Override
    public java.util.Optional<String> sha256() {
        if (artifactSha256 != null) {
            return java.util.Optional.of(artifactSha256); // the factcheck-combiner artifact's own hash
        }
        try {
            return java.util.Optional.of(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                    .getInstance("SHA-256").digest(JSON.writeValueAsBytes(document()))));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the weighted vote: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("weights", new java.util.TreeMap<>(weights));
        doc.put("defaultWeight", defaultWeight);
        Map<String, Double> s = new java.util.TreeMap<>();
        scales.forEach((v, x) -> s.put(v.name(), x));
        doc.put("scales", s);
        return doc;
    }

    /** Writes the weights and scales to {@code file} (JSON). */
    public void save(Path file) {
        Map<String, Object> doc = document();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the weighted vote to " + file, e);
        }
    }

    /** Reads a vote written by {@link #save}. */
    public static WeightedVote load(Path file) {
        try {
            return parse(JSON.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read a weighted vote from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a vote from JSON bytes in {@link #save}'s form (a {@code factcheck-combiner} artifact). */
    public static WeightedVote fromJson(byte[] json) {
        try {
            WeightedVote vote = parse(JSON.readTree(json), "a fact-check combiner artifact");
            vote.artifactSha256 = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(json));
            return vote;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read a weighted vote from a fact-check combiner artifact: "
                    + e.getMessage(), e);
        }
    }

    private static WeightedVote parse(com.fasterxml.jackson.databind.JsonNode n, String file) {
        try {
            Map<String, Double> weights = new LinkedHashMap<>();
            n.path("weights").properties().forEach(e -> weights.put(e.getKey(), e.getValue().asDouble()));
            Map<Verdict, Double> scales = new EnumMap<>(Verdict.class);
            n.path("scales").properties().forEach(e -> scales.put(Verdict.valueOf(e.getKey()), e.getValue().asDouble()));
            return new WeightedVote(n.path("name").asText("weighted-vote"), weights,
                    n.path("defaultWeight").asDouble(1.0), scales);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read a weighted vote from " + file + " (expected JSON with "
                    + "name, weights, defaultWeight and scales, as hallmark train factcheck writes): " + e.getMessage(), e);
        }
    }
}
