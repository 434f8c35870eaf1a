package io.hallmark.governance.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three input heads' thresholds chosen together on out-of-fold scores of labelled prompts of many sources (issue
 * 18, designs 11b and 15; the port of {@code calibrate(..., worst=True)} of {@code scripts/safety-source-cv.py}).
 * Among threshold triples whose any-screen flag rate stays within the budgets on ordinary instructions ({@value
 * #ORDINARY_BUDGET}) and on risky-looking safe prompts ({@value #RISKY_BUDGET}), the one with the best mean of
 * injection F1 (injections against the safe prompts), jailbreak detection by any screen (source-averaged) and harmful
 * recall of the harmful head (source-averaged). With {@code worst}, every source with at least {@value #MIN_ROWS}
 * prompts of a kind is held to that kind's budget on its own (sources with fewer are not held; with none, the pooled
 * rate is); without, the pooled rate is. Each head's candidates: the {@link #QUANTILES} of the safe prompts' scores
 * (plus 1e-6), 0.05 to 0.95 by 0.05, and 1.01 (never flags). Ties go to the lowest injection, then
 * jailbreak, then harmful threshold. No triple within the budgets: every head at 1.01.
 *
 * <p>Rates are compared exactly ({@code flagged / rows <= budget} in double precision); numpy summed float32 shares,
 * so a rate exactly at a budget may fall the other way there.
 */
public final class WorstSourceCalibration {

    /** The largest any-screen flag rate of ordinary instructions (per source with {@code worst}). */
    public static final double ORDINARY_BUDGET = 0.025;

    /** The largest any-screen flag rate of risky-looking safe prompts (per source with {@code worst}). */
    public static final double RISKY_BUDGET = 0.04;

    /** The fewest prompts of a kind a source needs to be held to that kind's budget on its own. */
    public static final int MIN_ROWS = 30;

    /** A never-flagging threshold. */
    public static final double NEVER = 1.01;

    /**
     * The quantiles of the safe prompts' scores tried as thresholds: design 15's coarse grid and, since session 13,
     * every 0.001 from 0.95 to 0.999 (with the coarse grid alone the calibration left budget unused: design 16's dev
     * run, docs/evaluation/safety-and-bias.md).
     */
    static final double[] QUANTILES = quantiles();

    private static double[] quantiles() {
        java.util.TreeSet<Double> q = new java.util.TreeSet<>(List.of(0.9, 0.93, 0.95, 0.96, 0.97, 0.975, 0.98, 0.985,
                0.99, 0.9925, 0.995, 0.9975, 0.999, 1.0));
        for (int k = 0; k < 50; k++) {
            q.add(Math.round((0.95 + 0.001 * k) * 10_000) / 10_000.0);
        }
        return q.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * One prompt's out-of-fold scores.
     *
     * @param cls its class ({@link ScreenCorpus#CLASSES})
     * @param source its source
     * @param injection the injection head's probability
     * @param jailbreak the jailbreak head's
     * @param harmful the harmful head's
     */
    public record Scored(String cls, String source, double injection, double jailbreak, double harmful) {

        double score(int head) {
            return head == 0 ? injection : head == 1 ? jailbreak : harmful;
        }
    }

    private WorstSourceCalibration() {}

    /** The thresholds by head ({@link ScreenCorpus#HEADS}). */
    public static Map<String, Double> calibrate(List<Scored> rows, boolean worst) {
        int n = rows.size();
        double[][] cand = new double[3][];
        int[][] level = new int[3][n];
        for (int h = 0; h < 3; h++) {
            final int head = h;
            double[] neg = rows.stream().filter(r -> r.cls().equals("benign") || r.cls().equals("risky"))
                    .mapToDouble(r -> r.score(head)).sorted().toArray();
            cand[h] = candidates(neg);
            for (int i = 0; i < n; i++) {
                level[h][i] = levelOf(cand[h], rows.get(i).score(h));
            }
        }
        int ta = cand[0].length;
        int tb = cand[1].length;
        int tc = cand[2].length;

        // injection F1 per injection threshold
        double[] injF1 = new double[ta];
        for (int a = 0; a < ta; a++) {
            int tp = 0;
            int fp = 0;
            int pos = 0;
            for (int i = 0; i < n; i++) {
                String c = rows.get(i).cls();
                boolean f = a < level[0][i];
                if (c.equals("injection")) {
                    pos++;
                    tp += f ? 1 : 0;
                } else if ((c.equals("benign") || c.equals("risky")) && f) {
                    fp++;
                }
            }
            injF1[a] = f1(tp, fp, pos - tp);
        }
        Groups harmful = Groups.perSource(rows, "harmful");
        double[] hrec = new double[tc];
        for (int c = 0; c < tc; c++) {
            hrec[c] = harmful.harmfulShareMean(c, level[2]);
        }
        Groups ordinary = Groups.budget(rows, "benign", worst);
        Groups risky = Groups.budget(rows, "risky", worst);
        Groups jailbreak = Groups.perSource(rows, "jailbreak");

        double bestObj = Double.NEGATIVE_INFINITY;
        int[] best = null;
        for (int a = 0; a < ta; a++) {
            for (int b = 0; b < tb; b++) {
                double[] o = ordinary.worstRate(a, b, tc, level);
                double[] r = risky.worstRate(a, b, tc, level);
                double[] jrec = jailbreak.sourceMeans(a, b, tc, level);
                int arg = -1;
                double max = Double.NEGATIVE_INFINITY;
                boolean any = false;
                for (int c = 0; c < tc; c++) {
                    boolean ok = o[c] <= ORDINARY_BUDGET && r[c] <= RISKY_BUDGET;
                    any |= ok;
                    double obj = ok ? (injF1[a] + jrec[c] + hrec[c]) / 3 : -1;
                    if (obj > max) {
                        max = obj;
                        arg = c;
                    }
                }
                if (!any) {
                    continue;
                }
                if (best == null || max > bestObj + 1e-12) {
                    bestObj = max;
                    best = new int[] {a, b, arg};
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int h = 0; h < 3; h++) {
            out.put(ScreenCorpus.HEADS.get(h), best == null ? NEVER : cand[h][best[h]]);
        }
        return out;
    }

    /** A head's candidate thresholds, ascending and distinct. */
    static double[] candidates(double[] sortedNegatives) {
        java.util.TreeSet<Double> grid = new java.util.TreeSet<>();
        if (sortedNegatives.length > 0) {
            for (double q : QUANTILES) {
                grid.add(quantile(sortedNegatives, q) + 1e-6);
            }
        }
        for (int k = 0; k < 19; k++) {
            grid.add(0.05 + k * 0.05);
        }
        grid.add(NEVER);
        return grid.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** numpy's default (linear) quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** How many candidates a score reaches: it is flagged at candidate {@code t} exactly when {@code t < level}. */
    static int levelOf(double[] cand, double score) {
        int k = Arrays.binarySearch(cand, score);
        return k >= 0 ? k + 1 : -k - 1;
    }

    static double f1(int tp, int fp, int fn) {
        return 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
    }

    /** The prompts of one class, grouped by source (or pooled) for rates and source means. */
    private record Groups(List<int[]> members) {

        /** Every source of the class its own group (for source means). */
        static Groups perSource(List<Scored> rows, String cls) {
            return new Groups(List.copyOf(bySource(rows, cls).values()));
        }

        /**
         * The groups held to a budget: with {@code worst}, the sources with at least {@value #MIN_ROWS} prompts of
         * the class; without, or when none has that many, all the class's prompts pooled (perhaps none).
         */
        static Groups budget(List<Scored> rows, String cls, boolean worst) {
            Map<String, int[]> by = bySource(rows, cls);
            List<int[]> held = worst ? by.values().stream().filter(g -> g.length >= MIN_ROWS).toList() : List.of();
            if (!held.isEmpty()) {
                return new Groups(held);
            }
            return new Groups(List.of(by.values().stream().flatMapToInt(Arrays::stream).sorted().toArray()));
        }

        private static Map<String, int[]> bySource(List<Scored> rows, String cls) {
            Map<String, List<Integer>> by = new TreeMap<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).cls().equals(cls)) {
                    by.computeIfAbsent(rows.get(i).source(), k -> new ArrayList<>()).add(i);
                }
            }
            Map<String, int[]> out = new TreeMap<>();
            by.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            return out;
        }

        /** Per harmful candidate, the largest group's share flagged by any head at (a, b, c). */
        double[] worstRate(int a, int b, int tc, int[][] level) {
            double[] out = new double[tc];
            for (int[] g : members) {
                double[] rate = flaggedShare(g, a, b, tc, level);
                for (int c = 0; c < tc; c++) {
                    out[c] = Math.max(out[c], rate[c]);
                }
            }
            return out;
        }

        /** Per harmful candidate, the mean over groups (sources) of the share flagged by any head at (a, b, c). */
        double[] sourceMeans(int a, int b, int tc, int[][] level) {
            double[] out = new double[tc];
            for (int[] g : members) {
                double[] rate = flaggedShare(g, a, b, tc, level);
                for (int c = 0; c < tc; c++) {
                    out[c] += rate[c] / members.size();
                }
            }
            return out;
        }

        /** The mean over groups of the share the harmful head alone flags at its candidate c (0 without groups). */
        double harmfulShareMean(int c, int[] harmfulLevel) {
            if (members.isEmpty()) {
                return 0;
            }
            double sum = 0;
            for (int[] g : members) {
                int f = 0;
                for (int i : g) {
                    f += c < harmfulLevel[i] ? 1 : 0;
                }
                sum += (double) f / g.length;
            }
            return sum / members.size();
        }

        private static double[] flaggedShare(int[] g, int a, int b, int tc, int[][] level) {
            double[] out = new double[tc];
            if (g.length == 0) {
                return out;
            }
            int base = 0;
            int[] hist = new int[tc + 2];
            for (int i : g) {
                if (a < level[0][i] || b < level[1][i]) {
                    base++;
                } else {
                    hist[level[2][i]]++;
                }
            }
            // flagged at c by the harmful head when its level > c
            int above = 0;
            for (int c = tc - 1; c >= 0; c--) {
                above += hist[c + 1];
                out[c] = (double) (base + above) / g.length;
            }
            return out;
        }
    }
}
