package io.hallmark.governance.safety;

import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains the safety heads on the dev splits. Each head's threshold is chosen on out-of-fold predictions (4 folds
 * over the dev training set): the highest F1 among thresholds that flag at most {@link #MAX_SAFE_FPR} of XSTest's
 * safe dev prompts; the head is then refit on all of its dev data. Every head is a logistic regression trained with
 * DJL's training API ({@link DjlTraining#logistic}), classes balanced by row weights.
 */
public final class SafetyTrainer {

    /** Per input head, the largest share of XSTest safe dev prompts a threshold may flag. */
    public static final double MAX_SAFE_FPR = 0.03;

    private static final int FOLDS = 4;
    static final DjlTraining.Settings SETTINGS = new DjlTraining.Settings(20, 32, 0.003f, 3e-4f, 5);

    private final TextFeatures features;
    private final Consumer<String> progress;
    private final Map<String, float[]> cache = new HashMap<>();

    public SafetyTrainer(TextFeatures features, Consumer<String> progress) {
        this.features = features;
        this.progress = progress;
    }

    public SafetyModel train(EvalData eval) {
        SafetyData data = new SafetyData(eval);
        Map<String, List<LabeledText>> sets = new LinkedHashMap<>();
        sets.put("injection", data.injection());
        sets.put("jailbreak", data.jailbreak());
        sets.put("harmful", data.harmful());
        sets.put("toxicity", data.toxicity());
        List<String> all = sets.values().stream().flatMap(List::stream).map(LabeledText::text).distinct()
                .filter(t -> !cache.containsKey(t)).toList();
        progress.accept("embedding " + all.size() + " dev texts");
        List<float[]> vectors = features.features(all);
        for (int i = 0; i < all.size(); i++) {
            cache.put(all.get(i), vectors.get(i));
        }
        Map<String, SafetyModel.Head> heads = new LinkedHashMap<>();
        sets.forEach((category, set) -> {
            progress.accept("training " + category + " on " + set.size() + " dev texts");
            heads.put(category, trainHead(set, category.equals("toxicity") ? 1.0 : MAX_SAFE_FPR));
        });
        return new SafetyModel(features.embedder().name(), heads, "dev splits of " + eval.dir() + " at " + Instant.now());
    }

    private SafetyModel.Head trainHead(List<LabeledText> set, double maxSafeFpr) {
        double[] oof = new double[set.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> trainIdx = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                (Math.floorMod(set.get(i).text().hashCode(), FOLDS) == fold ? testIdx : trainIdx).add(i);
            }
            LogisticModel m = fit(set, trainIdx);
            for (int i : testIdx) {
                oof[i] = m.probability(cache.get(set.get(i).text()));
            }
        }
        double bestT = 0.5;
        double bestF1 = -1;
        for (int k = 5; k <= 97; k++) {
            double t = k / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int safe = 0;
            int safeFlagged = 0;
            for (int i = 0; i < set.size(); i++) {
                boolean flagged = oof[i] >= t;
                LabeledText lt = set.get(i);
                if (lt.safeContrast()) {
                    safe++;
                    safeFlagged += flagged ? 1 : 0;
                }
                if (flagged && lt.label() == 1) {
                    tp++;
                } else if (flagged) {
                    fp++;
                } else if (lt.label() == 1) {
                    fn++;
                }
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            boolean allowed = safe == 0 || (double) safeFlagged / safe <= maxSafeFpr;
            if (allowed && f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestT = t;
            }
        }
        List<Integer> everything = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            everything.add(i);
        }
        return new SafetyModel.Head(fit(set, everything), bestT, Math.max(0, bestF1));
    }

    private LogisticModel fit(List<LabeledText> set, List<Integer> idx) {
        float[][] x = new float[idx.size()][];
        float[] y = new float[idx.size()];
        float[] w = new float[idx.size()];
        double pos = 0;
        double neg = 0;
        for (int i : idx) {
            if (set.get(i).label() == 1) {
                pos += set.get(i).weight();
            } else {
                neg += set.get(i).weight();
            }
        }
        for (int k = 0; k < idx.size(); k++) {
            LabeledText lt = set.get(idx.get(k));
            x[k] = cache.get(lt.text());
            y[k] = lt.label();
            // balance the classes, keep the relative weights within each
            w[k] = (float) (lt.weight() * (lt.label() == 1 ? (pos + neg) / (2 * pos) : (pos + neg) / (2 * neg)));
        }
        return DjlTraining.logistic("safety-head", x, y, w, true, SETTINGS);
    }
}
