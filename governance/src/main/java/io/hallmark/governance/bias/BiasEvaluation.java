package io.hallmark.governance.bias;

import io.hallmark.governance.ml.EvalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairwise accuracy of the stereotype detector on one data set and split: the share of pairs where the more
 * stereotyping sentence scores higher (ties count half; chance is 50%), overall and per axis.
 */
public final class BiasEvaluation {

    private final BiasScorer scorer;
    private final EvalData eval;

    public BiasEvaluation(BiasScorer scorer, EvalData eval) {
        this.scorer = scorer;
        this.eval = eval;
    }

    public Map<String, Object> run(String dataset, String split) {
        List<BiasPairs.Pair> pairs = BiasPairs.load(eval, dataset, split);
        List<String> texts = new ArrayList<>();
        pairs.forEach(p -> {
            texts.add(p.more());
            texts.add(p.less());
        });
        List<Double> s = scorer.rank(texts);
        Map<String, double[]> perAxis = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < pairs.size(); i++) {
            double a = s.get(2 * i);
            double b = s.get(2 * i + 1);
            double hit = a > b ? 1 : a == b ? 0.5 : 0;
            total += hit;
            double[] c = perAxis.computeIfAbsent(pairs.get(i).axis(), k -> new double[2]);
            c[0] += hit;
            c[1]++;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dataset", dataset);
        report.put("split", split);
        report.put("pairs", pairs.size());
        report.put("accuracy", round(pairs.isEmpty() ? 0 : total / pairs.size()));
        Map<String, Object> axes = new LinkedHashMap<>();
        perAxis.forEach((axis, c) -> axes.put(axis, Map.of("pairs", (int) c[1], "accuracy", round(c[0] / c[1]))));
        report.put("perAxis", axes);
        return report;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
