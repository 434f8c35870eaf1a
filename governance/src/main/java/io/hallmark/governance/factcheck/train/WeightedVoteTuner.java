package io.hallmark.governance.factcheck.train;

import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.governance.factcheck.WeightedVote;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Tunes the {@link WeightedVote} on dev votes by grid search: a weight per verifier from {@link #WEIGHTS} and a
 * scale for REFUTED and for NOT_ENOUGH_INFO from {@link #SCALES} (SUPPORTED stays 1), keeping the setting with the
 * best objective (the caller's score of the predictions, e.g. macro-F1). {@link #crossValidate} gives out-of-fold
 * predictions (tuned on the other folds) so that a tuned vote can be compared fairly with the trained verdict model.
 */
public final class WeightedVoteTuner {

    /** Weights tried per verifier. */
    static final double[] WEIGHTS = {0, 0.5, 1, 2};
    /** Scales tried for REFUTED and NOT_ENOUGH_INFO. */
    static final double[] SCALES = {0.5, 0.75, 1, 1.5, 2, 3};
    /** Name of a tuned vote in reports. */
    public static final String NAME = "weighted-vote-tuned";

    private static final Claim NO_CLAIM = Claim.of("-");

    private WeightedVoteTuner() {}

    /**
     * The best vote on these cases.
     *
     * @param votes per case, every verifier's vote (same verifiers in the same order for every case)
     * @param objective scores predictions given in case order; higher is better
     */
    public static WeightedVote tune(List<List<Vote>> votes, ToDoubleFunction<List<Verdict>> objective) {
        if (votes.isEmpty() || votes.get(0).isEmpty()) {
            throw new IllegalArgumentException("Tuning the weighted vote needs cases with votes, got none");
        }
        List<String> verifiers = votes.get(0).stream().map(Vote::verifier).toList();
        WeightedVote best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int combinations = (int) Math.pow(WEIGHTS.length, verifiers.size());
        for (int c = 0; c < combinations; c++) {
            Map<String, Double> weights = new LinkedHashMap<>();
            int rest = c;
            double sum = 0;
            for (String v : verifiers) {
                double w = WEIGHTS[rest % WEIGHTS.length];
                rest /= WEIGHTS.length;
                weights.put(v, w);
                sum += w;
            }
            if (sum == 0) {
                continue;
            }
            for (double refuted : SCALES) {
                for (double nei : SCALES) {
                    Map<Verdict, Double> scales = new EnumMap<>(Verdict.class);
                    scales.put(Verdict.REFUTED, refuted);
                    scales.put(Verdict.NOT_ENOUGH_INFO, nei);
                    WeightedVote vote = new WeightedVote(NAME, weights, 1.0, scales); // plugin verifiers weigh 1
                    double score = objective.applyAsDouble(predict(vote, votes));
                    if (score > bestScore + 1e-12) { // ties keep the earlier (simpler) setting
                        bestScore = score;
                        best = vote;
                    }
                }
            }
        }
        return best;
    }

    /**
     * Out-of-fold predictions: case {@code i} is predicted by a vote tuned on the cases of the other folds
     * ({@code i % folds} is its fold, as in {@link VerdictModel#crossValidate}).
     *
     * @param objective scores predictions of a subset, given the indexes of that subset's cases
     */
    public static List<Verdict> crossValidate(List<List<Vote>> votes, int folds,
            java.util.function.BiFunction<List<Integer>, List<Verdict>, Double> objective) {
        Verdict[] out = new Verdict[votes.size()];
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < votes.size(); i++) {
                if (i % folds != f) {
                    train.add(i);
                }
            }
            WeightedVote tuned = tune(train.stream().map(votes::get).toList(), p -> objective.apply(train, p));
            for (int i = f; i < votes.size(); i += folds) {
                out[i] = tuned.combine(NO_CLAIM, List.of(), votes.get(i)).verdict();
            }
        }
        return List.of(out);
    }

    static List<Verdict> predict(WeightedVote vote, List<List<Vote>> votes) {
        List<Verdict> out = new ArrayList<>(votes.size());
        for (List<Vote> v : votes) {
            out.add(vote.combine(NO_CLAIM, List.of(), v).verdict());
        }
        return out;
    }
}
