package io.hallmark.governance.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the decision thresholds of the input heads on out-of-fold dev scores under false-positive budgets, one per
 * capped set of benign prompts ({@link LabeledText#cap}: XSTest's safe prompts, benign user instructions): first
 * each head alone takes the threshold with the best F1 among those that flag at most each budget's share of its
 * capped set; then, while the heads together (a prompt counts once if any head flags it) still flag more than a
 * budget allows, the head whose next higher threshold clears an excess prompt at the smallest weighted loss of F1 per
 * prompt cleared raises its threshold (a head's weight says how much a point of its F1 is worth against the others').
 * Capped prompts are held to their budgets and not counted in F1. Deterministic.
 */
final class ThresholdCalibration {

    static final double LOWEST = 0.05;
    static final double HIGHEST = 0.97;

    private ThresholdCalibration() {}

    /**
     * A head's out-of-fold probability for every text of its training set; texts that are not {@linkplain
     * LabeledText#scored scored} are ignored.
     *
     * <p>Its F1 counts the scored texts outside the capped sets, and weighs every source of positives equally: a
     * positive counts {@code P / (S * n)}, where {@code P} is the number of positives, {@code S} the number of sources
     * they come from and {@code n} the positives of its own source, so a large, easy source (AdvBench's 520
     * requests) cannot drown a small, hard one (HarmBench's 80 behaviours, one held-out attack style). With one
     * source of positives it is the plain F1.
     */
    record OutOfFold(List<LabeledText> set, double[] probability, double[] positiveWeight) {

        OutOfFold {
            if (set.size() != probability.length || set.size() != positiveWeight.length) {
                throw new IllegalArgumentException("Need a probability per text, got " + set.size() + " texts and "
                        + probability.length + " probabilities");
            }
        }

        OutOfFold(List<LabeledText> set, double[] probability) {
            this(set, probability, positiveWeights(set));
        }

        private static double[] positiveWeights(List<LabeledText> set) {
            Map<String, Integer> perSource = new HashMap<>();
            set.stream().filter(t -> t.scored() && t.label() == 1).forEach(t -> perSource.merge(t.source(), 1,
                    Integer::sum));
            int positives = perSource.values().stream().mapToInt(Integer::intValue).sum();
            double[] w = new double[set.size()];
            for (int i = 0; i < w.length; i++) {
                LabeledText t = set.get(i);
                w[i] = t.scored() && t.label() == 1
                        ? (double) positives / (perSource.size() * perSource.get(t.source())) : 1;
            }
            return w;
        }

        /** F1 at threshold {@code t} on the scored texts outside the capped sets, every source of positives the same. */
        double f1(double t) {
            double tp = 0;
            double fp = 0;
            double fn = 0;
            for (int i = 0; i < probability.length; i++) {
                LabeledText text = set.get(i);
                if (!text.scored() || text.cap() != null) {
                    continue;
                }
                boolean flagged = probability[i] >= t;
                if (text.label() == 1) {
                    tp += flagged ? positiveWeight[i] : 0;
                    fn += flagged ? 0 : positiveWeight[i];
                } else {
                    fp += flagged ? 1 : 0;
                }
            }
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        /** The share of each source's positives flagged at threshold {@code t}, by source name. */
        Map<String, Double> recallBySource(double t) {
            return flaggedBySource(t, 1);
        }

        /** The share of each source's negatives flagged at threshold {@code t}, by source name. */
        Map<String, Double> falsePositivesBySource(double t) {
            return flaggedBySource(t, 0);
        }

        private Map<String, Double> flaggedBySource(double t, int label) {
            Map<String, int[]> counts = new java.util.TreeMap<>();
            for (int i = 0; i < probability.length; i++) {
                if (set.get(i).scored() && set.get(i).label() == label) {
                    int[] c = counts.computeIfAbsent(set.get(i).source(), k -> new int[2]);
                    c[0]++;
                    c[1] += probability[i] >= t ? 1 : 0;
                }
            }
            Map<String, Double> out = new LinkedHashMap<>();
            counts.forEach((k, c) -> out.put(k, Math.round(1000.0 * c[1] / c[0]) / 1000.0));
            return out;
        }

        /** The share of the set's positives that {@code which} selects flagged at threshold {@code t}. */
        double recall(double t, java.util.function.Predicate<LabeledText> which) {
            int positives = 0;
            int found = 0;
            for (int i = 0; i < probability.length; i++) {
                if (set.get(i).scored() && set.get(i).label() == 1 && which.test(set.get(i))) {
                    positives++;
                    found += probability[i] >= t ? 1 : 0;
                }
            }
            return positives == 0 ? 0 : (double) found / positives;
        }

        /** The distinct prompts of capped set {@code cap} flagged at threshold {@code t}. */
        Set<String> flagged(String cap, double t) {
            Set<String> out = new HashSet<>();
            for (int i = 0; i < probability.length; i++) {
                if (set.get(i).scored() && cap.equals(set.get(i).cap()) && probability[i] >= t) {
                    out.add(set.get(i).text());
                }
            }
            return out;
        }

        /** The distinct prompts of capped set {@code cap} in the set. */
        int count(String cap) {
            return (int) set.stream().filter(t -> t.scored() && cap.equals(t.cap())).map(LabeledText::text).distinct()
                    .count();
        }

        /** The threshold with the best F1 among those flagging at most each budget's share of its capped set. */
        Choice best(Map<String, Double> budgets) {
            double bestT = HIGHEST;
            double bestF1 = -1;
            for (double t : grid()) {
                boolean allowed = true;
                for (Map.Entry<String, Double> b : budgets.entrySet()) {
                    allowed &= flagged(b.getKey(), t).size() <= b.getValue() * count(b.getKey()) + 1e-9;
                }
                double f1 = f1(t);
                if (allowed && f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    bestT = t;
                }
            }
            return new Choice(bestT, Math.max(0, bestF1));
        }
    }

    /** A threshold and the out-of-fold F1 there. */
    record Choice(double threshold, double f1) {}

    static List<Double> grid() {
        List<Double> out = new ArrayList<>();
        for (long k = Math.round(LOWEST * 100); k <= Math.round(HIGHEST * 100); k++) {
            out.add(k / 100.0);
        }
        return out;
    }

    /**
     * The thresholds of {@code heads} (all screening the same prompts) under {@code budgets}: per capped set, the
     * largest share of its distinct prompts that any of the heads may flag; {@code weights} weigh a head's loss of F1
     * (1 for a head not named).
     */
    static Map<String, Choice> calibrate(Map<String, OutOfFold> heads, Map<String, Double> budgets,
            Map<String, Double> weights) {
        budgets.forEach((cap, budget) -> {
            if (!(budget >= 0 && budget <= 1)) {
                throw new IllegalArgumentException("The false-positive budget of " + cap + " is a share between 0 "
                        + "and 1, got " + budget);
            }
        });
        Map<String, Choice> chosen = new LinkedHashMap<>();
        heads.forEach((name, oof) -> chosen.put(name, oof.best(budgets)));
        while (excess(heads, chosen, budgets) > 0) {
            int before = excess(heads, chosen, budgets);
            String bestHead = null;
            Choice bestNext = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, OutOfFold> e : heads.entrySet()) {
                Choice current = chosen.get(e.getKey());
                for (double t : grid()) {
                    if (t <= current.threshold() + 1e-9) {
                        continue;
                    }
                    Map<String, Choice> trial = new HashMap<>(chosen);
                    Choice next = new Choice(t, e.getValue().f1(t));
                    trial.put(e.getKey(), next);
                    int cleared = before - excess(heads, trial, budgets);
                    if (cleared > 0) {
                        double cost = weights.getOrDefault(e.getKey(), 1.0) * (current.f1() - next.f1()) / cleared;
                        if (cost < bestCost - 1e-12) {
                            bestCost = cost;
                            bestHead = e.getKey();
                            bestNext = next;
                        }
                        break;
                    }
                }
            }
            if (bestHead == null) {
                break; // every head is at its highest threshold already
            }
            chosen.put(bestHead, bestNext);
        }
        return chosen;
    }

    /** The prompts flagged beyond the budgets, summed over the capped sets. */
    private static int excess(Map<String, OutOfFold> heads, Map<String, Choice> chosen, Map<String, Double> budgets) {
        int excess = 0;
        for (Map.Entry<String, Double> b : budgets.entrySet()) {
            int allowed = (int) Math.floor(b.getValue() * prompts(heads, b.getKey()).size() + 1e-9);
            excess += Math.max(0, jointFlagged(heads, chosen, b.getKey()).size() - allowed);
        }
        return excess;
    }

    /** The distinct prompts of capped set {@code cap} flagged by any head at the chosen thresholds. */
    static Set<String> jointFlagged(Map<String, OutOfFold> heads, Map<String, Choice> chosen, String cap) {
        Set<String> out = new HashSet<>();
        heads.forEach((name, oof) -> out.addAll(oof.flagged(cap, chosen.get(name).threshold())));
        return out;
    }

    /** The share of capped set {@code cap}'s distinct prompts that any head flags at the chosen thresholds. */
    static double jointRate(Map<String, OutOfFold> heads, Map<String, Choice> chosen, String cap) {
        Set<String> all = prompts(heads, cap);
        return all.isEmpty() ? 0 : (double) jointFlagged(heads, chosen, cap).size() / all.size();
    }

    private static Set<String> prompts(Map<String, OutOfFold> heads, String cap) {
        Set<String> out = new HashSet<>();
        heads.values().forEach(o -> o.set().stream().filter(t -> t.scored() && cap.equals(t.cap()))
                .forEach(t -> out.add(t.text())));
        return out;
    }
}
