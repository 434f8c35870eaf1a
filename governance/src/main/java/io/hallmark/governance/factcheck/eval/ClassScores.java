package io.hallmark.governance.factcheck.eval;

import io.hallmark.governance.factcheck.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Macro-F1, balanced accuracy, accuracy and the confusion matrix of 3-class verdicts. */
public record ClassScores(int n, double macroF1, double balancedAccuracy, double accuracy, int[][] confusion) {

    /** Scores predictions against gold labels (same order). */
    public static ClassScores of(List<Verdict> gold, List<Verdict> predicted) {
        int k = Verdict.values().length;
        int[][] c = new int[k][k];
        for (int i = 0; i < gold.size(); i++) {
            c[gold.get(i).ordinal()][predicted.get(i).ordinal()]++;
        }
        double f1Sum = 0;
        double recallSum = 0;
        int classes = 0;
        int correct = 0;
        for (int j = 0; j < k; j++) {
            int tp = c[j][j];
            correct += tp;
            int goldJ = 0;
            int predJ = 0;
            for (int i = 0; i < k; i++) {
                goldJ += c[j][i];
                predJ += c[i][j];
            }
            if (goldJ == 0) {
                continue; // a class absent from the gold labels does not count
            }
            classes++;
            double recall = (double) tp / goldJ;
            double precision = predJ == 0 ? 0 : (double) tp / predJ;
            recallSum += recall;
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new ClassScores(gold.size(), classes == 0 ? 0 : f1Sum / classes, classes == 0 ? 0 : recallSum / classes,
                gold.isEmpty() ? 0 : (double) correct / gold.size(), c);
    }

    /** As JSON-ready maps; the confusion matrix by gold label, then predicted label. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("macroF1", round(macroF1));
        m.put("balancedAccuracy", round(balancedAccuracy));
        m.put("accuracy", round(accuracy));
        Map<String, Map<String, Integer>> cm = new LinkedHashMap<>();
        for (Verdict g : Verdict.values()) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (Verdict p : Verdict.values()) {
                row.put(p.name(), confusion[g.ordinal()][p.ordinal()]);
            }
            cm.put(g.name(), row);
        }
        m.put("confusion", cm);
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
