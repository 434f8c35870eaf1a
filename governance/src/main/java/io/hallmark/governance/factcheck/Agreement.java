package io.hallmark.governance.factcheck;

import java.util.List;

/**
 * Agreement between verifiers over a set of claims: Fleiss' kappa (1 full agreement, 0 chance level, below 0
 * worse than chance) and the disagreement score policies act on.
 */
public final class Agreement {

    private Agreement() {}

    /**
     * Fleiss' kappa of the votes, one list per claim (every list with the same raters). With a single category
     * used throughout (all agree on everything) it is 1; with fewer than two raters it is 1 as well.
     */
    public static double fleissKappa(List<List<Verdict>> votesPerClaim) {
        int categories = Verdict.values().length;
        int items = 0;
        double sumP = 0;
        double[] share = new double[categories];
        double totalRatings = 0;
        for (List<Verdict> votes : votesPerClaim) {
            int n = votes.size();
            if (n < 2) {
                continue;
            }
            int[] counts = new int[categories];
            votes.forEach(v -> counts[v.ordinal()]++);
            double agree = 0;
            for (int c : counts) {
                agree += (double) c * (c - 1);
            }
            sumP += agree / ((double) n * (n - 1));
            for (int j = 0; j < categories; j++) {
                share[j] += counts[j];
            }
            totalRatings += n;
            items++;
        }
        if (items == 0) {
            return 1;
        }
        double pBar = sumP / items;
        double pe = 0;
        for (double s : share) {
            double p = s / totalRatings;
            pe += p * p;
        }
        if (pe >= 1 - 1e-12) {
            return 1;
        }
        return (pBar - pe) / (1 - pe);
    }

    /**
     * Disagreement 0..1: {@code (1 - kappa) / 2}, so full agreement is 0, chance-level agreement 0.5 and
     * systematic disagreement up to 1. The default policy sends an item to review above 0.5.
     */
    public static double disagreement(List<List<Verdict>> votesPerClaim) {
        return Math.max(0, Math.min(1, (1 - fleissKappa(votesPerClaim)) / 2));
    }
}
