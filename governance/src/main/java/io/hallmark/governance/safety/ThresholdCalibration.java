package io.hallmark.governance.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the decision thresholds of the input heads on out-of-fold dev scores under one false-positive budget on
 * XSTest's safe prompts: first each head alone takes the threshold with the best F1 among those that flag at most the
 * budget's share of the safe prompts in its set; then, while the heads together (a prompt counts once if any head
 * flags it) still flag more than the budget, the head whose next higher threshold clears a flagged safe prompt at the
 * smallest weighted loss of F1 per prompt cleared raises its threshold (a head's weight says how much a point of its
 * F1 is worth against the others'). Deterministic.
 */
final class ThresholdCalibration {

    static final double LOWEST = 0.05;
    static final double HIGHEST = 0.97;

    private ThresholdCalibration() {}

    /**
     * A head's out-of-fold probability for every text of its training set.
     *
     * <p>Its F1 weighs every source of positives equally: a positive counts {@code P / (S * n)}, where {@code P} is
     * the number of positives, {@code S} the number of sources they come from and {@code n} the positives of its own
     * source, so a large, easy source (AdvBench's 520 requests) cannot drown a small, hard one (HarmBench's 80
     * behaviours, one held-out attack style). With one source of positives it is the plain F1.
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
            set.stream().filter(t -> t.label() == 1).forEach(t -> perSource.merge(t.source(), 1, Integer::sum));
            int positives = perSource.values().stream().mapToInt(Integer::intValue).sum();
            double[] w = new double[set.size()];
            for (int i = 0; i < w.length; i++) {
                LabeledText t = set.get(i);
                w[i] = t.label() == 1 ? (double) positives / (perSource.size() * perSource.get(t.source())) : 1;
            }
            return w;
        }

        /** F1 on the whole set at threshold {@code t}, every source of positives weighing the same. */
        double f1(double t) {
            double tp = 0;
            double fp = 0;
            double fn = 0;
            for (int i = 0; i < probability.length; i++) {
                boolean flagged = probability[i] >= t;
                if (set.get(i).label() == 1) {
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
            Map<String, int[]> counts = new java.util.TreeMap<>();
            for (int i = 0; i < probability.length; i++) {
                if (set.get(i).label() == 1) {
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
                if (set.get(i).label() == 1 && which.test(set.get(i))) {
                    positives++;
                    found += probability[i] >= t ? 1 : 0;
                }
            }
            return positives == 0 ? 0 : (double) found / positives;
        }

        /** The safe prompts of the set flagged at threshold {@code t}. */
        Set<String> safeFlagged(double t) {
            Set<String> out = new HashSet<>();
            for (int i = 0; i < probability.length; i++) {
                if (set.get(i).safeContrast() && probability[i] >= t) {
                    out.add(set.get(i).text());
                }
            }
            return out;
        }

        int safeCount() {
            return (int) set.stream().filter(LabeledText::safeContrast).map(LabeledText::text).distinct().count();
        }

        /** The threshold with the best F1 among those flagging at most {@code budget} of the safe prompts. */
        Choice best(double budget) {
            int safe = safeCount();
            double bestT = HIGHEST;
            double bestF1 = -1;
            for (double t : grid()) {
                boolean allowed = safe == 0 || safeFlagged(t).size() <= budget * safe + 1e-9;
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
     * The thresholds of {@code heads} (all screening the same prompts) under {@code budget}, the largest share of the
     * distinct safe prompts that any of them may flag.
     */
    static Map<String, Choice> calibrate(Map<String, OutOfFold> heads, double budget) {
        return calibrate(heads, budget, Map.of());
    }

    /**
     * {@link #calibrate(Map, double)} with a weight per head on its loss of F1 (1 for a head not named).
     */
    static Map<String, Choice> calibrate(Map<String, OutOfFold> heads, double budget, Map<String, Double> weights) {
        if (!(budget >= 0 && budget <= 1)) {
            throw new IllegalArgumentException("The false-positive budget is a share between 0 and 1, got " + budget);
        }
        Map<String, Choice> chosen = new LinkedHashMap<>();
        heads.forEach((name, oof) -> chosen.put(name, oof.best(budget)));
        Set<String> safe = new HashSet<>();
        heads.values().forEach(o -> o.set().stream().filter(LabeledText::safeContrast)
                .forEach(t -> safe.add(t.text())));
        while (jointFlagged(heads, chosen).size() > budget * safe.size() + 1e-9) {
            int before = jointFlagged(heads, chosen).size();
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
                    int cleared = before - jointFlagged(heads, trial).size();
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

    /** The distinct safe prompts flagged by any head at the chosen thresholds. */
    static Set<String> jointFlagged(Map<String, OutOfFold> heads, Map<String, Choice> chosen) {
        Set<String> out = new HashSet<>();
        heads.forEach((name, oof) -> out.addAll(oof.safeFlagged(chosen.get(name).threshold())));
        return out;
    }

    /** The share of the distinct safe prompts that any head flags at the chosen thresholds. */
    static double jointRate(Map<String, OutOfFold> heads, Map<String, Choice> chosen) {
        Set<String> safe = new HashSet<>();
        heads.values().forEach(o -> o.set().stream().filter(LabeledText::safeContrast)
                .forEach(t -> safe.add(t.text())));
        return safe.isEmpty() ? 0 : (double) jointFlagged(heads, chosen).size() / safe.size();
    }
}
