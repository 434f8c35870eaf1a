package io.hallmark.governance.factcheck;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted vote: each verifier adds {@code weight x confidence} to its verdict; the verdict with the most
 * wins, with that share of the total as confidence. Ties go to NOT_ENOUGH_INFO, the cautious answer.
 */
public final class WeightedVote implements VoteCombiner {

    private final Map<String, Double> weights;
    private final double defaultWeight;

    /** @param weights per verifier name; verifiers not named weigh {@code defaultWeight} */
    public WeightedVote(Map<String, Double> weights, double defaultWeight) {
        this.weights = Map.copyOf(weights);
        this.defaultWeight = defaultWeight;
    }

    /** Every verifier weighs the same. */
    public static WeightedVote equal() {
        return new WeightedVote(Map.of(), 1.0);
    }

    @Override
    public String name() {
        return "weighted-vote";
    }

    @Override
    public Vote combine(Claim claim, List<Evidence> evidence, List<Vote> votes) {
        if (votes.isEmpty()) {
            return Vote.notEnoughInfo(name(), "no verifier voted");
        }
        Map<Verdict, Double> tally = new EnumMap<>(Verdict.class);
        double total = 0;
        for (Vote v : votes) {
            double w = weights.getOrDefault(v.verifier(), defaultWeight) * Math.max(0.05, v.confidence());
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
        return new Vote(name(), best, total == 0 ? 0 : bestWeight / total, String.format("%s by %.0f%% of the weighted "
                + "votes", best, total == 0 ? 0 : 100 * bestWeight / total), evidenceId, Map.of());
    }
}
