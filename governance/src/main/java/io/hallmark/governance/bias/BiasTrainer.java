package io.hallmark.governance.bias;

import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains the stereotype detector on the dev splits of CrowS-Pairs, StereoSet and WinoBias with {@link DjlTraining}
 * ({@link DjlTraining#logistic}): first the occupational coreference cue ({@link CoreferenceTrainer}, WinoBias dev),
 * then a pairwise ranker, a linear unit without intercept on feature differences (more stereotyping minus less, and
 * the reverse; each data set weighted equally), then a Platt scaling of
 * its score to 0..1 with stereotyping dev sentences as positives and StereoSet's unrelated and anti-stereotype
 * sentences plus benign deepset prompts as negatives, fit on out-of-fold scores (each sentence scored by a ranker
 * trained without its pairs, {@link #CALIBRATION_FOLDS} folds), so the scale matches sentences the ranker has not
 * seen rather than its own training sentences. WinoBias dev sentences enter the ranker with their out-of-fold
 * cues, so the ranker does not learn to trust a resolver that has seen them.
 */
public final class BiasTrainer {

    /** The committed settings ({@code tuned-settings.json}, block {@code bias}). */
    static final io.hallmark.governance.artifact.TunedSettings TUNED =
            io.hallmark.governance.artifact.TunedSettings.committed();
    static final DjlTraining.Settings RANKER = TUNED.bias("ranker");
    static final DjlTraining.Settings CALIBRATION = TUNED.bias("calibration");

    /** Folds of the dev pairs whose held-out rankers give the calibration its scores. */
    static final int CALIBRATION_FOLDS = 4;

    private final TextFeatures features;
    private final Consumer<String> progress;

    public BiasTrainer(TextFeatures features, Consumer<String> progress) {
        this.features = features;
        this.progress = progress;
    }

    public BiasModel train(EvalData eval) {
        CoreferenceTrainer.Result coreference = new CoreferenceTrainer(features.embedder(), progress).train(eval);
        Map<String, List<BiasPairs.Pair>> bySet = new LinkedHashMap<>();
        for (String d : BiasPairs.DATASETS) {
            bySet.put(d, BiasPairs.load(eval, d, "dev"));
        }
        List<String> calibPos = new ArrayList<>();
        List<String> calibNeg = new ArrayList<>();
        eval.split("crows-pairs", "dev").stream().filter(r -> r.path("stereo_antistereo").asText().equals("stereo"))
                .forEach(r -> calibPos.add(r.path("sent_more").asText()));
        eval.split("stereoset", "dev").forEach(r -> {
            calibPos.add(r.path("stereotype").asText());
            calibNeg.add(r.path("unrelated").asText());
            calibNeg.add(r.path("anti_stereotype").asText());
        });
        eval.split("deepset-prompt-injections", "dev").stream().filter(r -> r.path("label").asInt() == 0)
                .forEach(r -> calibNeg.add(r.path("text").asText()));
        List<String> all = new ArrayList<>();
        bySet.values().forEach(pairs -> pairs.forEach(p -> {
            all.add(p.more());
            all.add(p.less());
        }));
        all.addAll(calibPos);
        all.addAll(calibNeg);
        List<String> distinct = all.stream().distinct().toList();
        progress.accept("embedding " + distinct.size() + " dev sentences");
        List<String> others = distinct.stream().filter(t -> !coreference.outOfFoldCues().containsKey(t)).toList();
        double[] otherCues = coreference.coreference().cues(features.embedder(), others);
        Map<String, Double> cueOf = new HashMap<>(coreference.outOfFoldCues());
        for (int i = 0; i < others.size(); i++) {
            cueOf.put(others.get(i), otherCues[i]);
        }
        double[] cues = distinct.stream().mapToDouble(cueOf::get).toArray();
        List<float[]> vectors = BiasFeatures.of(features, distinct, cues,
                done -> progress.accept("embedding " + done + " of " + distinct.size() + " dev sentences"));
        Map<String, float[]> cache = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            cache.put(distinct.get(i), vectors.get(i));
        }
        progress.accept("training the pairwise ranker on " + bySet.values().stream().mapToInt(List::size).sum()
                + " dev pairs");
        LogisticModel ranker = fitRanker(bySet, cache, p -> true);

        // the calibration reads each sentence's logit from a ranker that did not train on it: a sentence belongs to
        // the fold of its first pair; rankers are fit on the pairs of the other folds
        Map<String, Integer> foldOf = new HashMap<>();
        int index = 0;
        for (List<BiasPairs.Pair> pairs : bySet.values()) {
            for (BiasPairs.Pair p : pairs) {
                int f = index++ % CALIBRATION_FOLDS;
                foldOf.putIfAbsent(p.more(), f);
                foldOf.putIfAbsent(p.less(), f);
            }
        }
        List<LogisticModel> foldRankers = new ArrayList<>();
        for (int f = 0; f < CALIBRATION_FOLDS; f++) {
            int held = f;
            foldRankers.add(fitRanker(bySet, cache, p -> fold(foldOf, p.more()) != held
                    && fold(foldOf, p.less()) != held));
        }
        progress.accept("calibrating on " + calibPos.size() + " stereotyping and " + calibNeg.size() + " other sentences"
                + " (out-of-fold ranker scores, " + CALIBRATION_FOLDS + " folds)");
        List<float[]> cx = new ArrayList<>();
        List<Float> cy = new ArrayList<>();
        calibPos.forEach(s -> {
            cx.add(new float[] {(float) foldRankers.get(fold(foldOf, s)).logit(cache.get(s))});
            cy.add(1f);
        });
        calibNeg.forEach(s -> {
            cx.add(new float[] {(float) foldRankers.get(fold(foldOf, s)).logit(cache.get(s))});
            cy.add(0f);
        });
        LogisticModel platt = DjlTraining.logistic("bias-calibration", cx.toArray(float[][]::new), floats(cy), null, true,
                CALIBRATION);
        List<String> at = new ArrayList<>();
        for (double t : new double[] {0.5, 0.6, 0.7}) {
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < cx.size(); i++) {
                if (platt.probability(cx.get(i)) >= t) {
                    tp += cy.get(i) == 1f ? 1 : 0;
                    fp += cy.get(i) == 1f ? 0 : 1;
                }
            }
            at.add(String.format(java.util.Locale.ROOT, "score >= %.1f: precision %.3f, recall %.3f", t,
                    tp + fp == 0 ? 0 : (double) tp / (tp + fp), (double) tp / calibPos.size()));
        }
        progress.accept("calibrated, out of fold on those sentences: " + String.join("; ", at));
        BiasLexicon lexicon = BiasLexicon.fromHolisticBias(eval);
        // no time or folder in the model: the same dev files and settings give the same bytes on every machine
        return new BiasModel(features.embedder().name(), ranker, coreference.coreference(), platt.weights()[0],
                platt.bias(), lexicon.terms(), String.format(java.util.Locale.ROOT, "dev splits of crows-pairs, "
                        + "stereoset, winobias (plain-Java Adam); coreference resolver out-of-fold dev accuracy %.3f",
                        coreference.outOfFoldAccuracy()));
    }

    /** A sentence's calibration fold: that of its first pair, or by its hash if it is in no pair. */
    private static int fold(Map<String, Integer> foldOf, String sentence) {
        Integer f = foldOf.get(sentence);
        return f != null ? f : Math.floorMod(sentence.hashCode(), CALIBRATION_FOLDS);
    }

    /**
     * The pairwise ranker on the pairs {@code use} accepts: each pair both ways (more minus less labelled 1, the
     * reverse 0), each data set weighing the same in total.
     */
    private static LogisticModel fitRanker(Map<String, List<BiasPairs.Pair>> bySet, Map<String, float[]> cache,
            java.util.function.Predicate<BiasPairs.Pair> use) {
        List<float[]> x = new ArrayList<>();
        List<Float> y = new ArrayList<>();
        List<Float> w = new ArrayList<>();
        bySet.values().forEach(all -> {
            List<BiasPairs.Pair> pairs = all.stream().filter(use).toList();
            for (BiasPairs.Pair p : pairs) {
                float[] a = cache.get(p.more());
                float[] b = cache.get(p.less());
                float[] d = new float[a.length];
                float[] r = new float[a.length];
                for (int k = 0; k < a.length; k++) {
                    d[k] = a[k] - b[k];
                    r[k] = -d[k];
                }
                float weight = 1000f / pairs.size();
                x.add(d);
                y.add(1f);
                w.add(weight);
                x.add(r);
                y.add(0f);
                w.add(weight);
            }
        });
        return DjlTraining.logistic("bias-ranker", x.toArray(float[][]::new), floats(y), floats(w), false, RANKER);
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
