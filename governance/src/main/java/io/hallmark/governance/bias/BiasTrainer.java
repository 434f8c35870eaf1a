package io.hallmark.governance.bias;

import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains the stereotype detector on the dev splits of CrowS-Pairs, StereoSet and WinoBias: a pairwise logistic
 * ranker on feature differences (more stereotyping minus less, and the reverse), each data set weighted equally;
 * then a Platt scaling of its score to 0..1 with stereotyping dev sentences as positives and StereoSet's unrelated
 * and anti-stereotype sentences plus benign deepset prompts as negatives.
 */
public final class BiasTrainer {

    private final TextFeatures features;
    private final Consumer<String> progress;

    public BiasTrainer(TextFeatures features, Consumer<String> progress) {
        this.features = features;
        this.progress = progress;
    }

    public BiasModel train(EvalData eval) {
        List<BiasPairs.Pair> pairs = new ArrayList<>();
        Map<String, Integer> perSet = new HashMap<>();
        for (String d : BiasPairs.DATASETS) {
            List<BiasPairs.Pair> p = BiasPairs.load(eval, d, "dev");
            perSet.put(d, p.size());
            pairs.addAll(p);
        }
        List<String> texts = new ArrayList<>();
        pairs.forEach(p -> {
            texts.add(p.more());
            texts.add(p.less());
        });
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
        List<String> all = new ArrayList<>(texts);
        all.addAll(calibPos);
        all.addAll(calibNeg);
        List<String> distinct = all.stream().distinct().toList();
        progress.accept("embedding " + distinct.size() + " dev sentences");
        List<float[]> vectors = BiasFeatures.of(features, distinct);
        Map<String, float[]> cache = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            cache.put(distinct.get(i), vectors.get(i));
        }
        List<float[]> x = new ArrayList<>();
        double[] y = new double[pairs.size() * 2];
        double[] w = new double[pairs.size() * 2];
        int k = 0;
        for (BiasPairs.Pair p : pairs) {
            float[] a = cache.get(p.more());
            float[] b = cache.get(p.less());
            float[] d = new float[a.length];
            float[] r = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = a[i] - b[i];
                r[i] = -d[i];
            }
            double weight = 1000.0 / perSet.get(p.dataset());
            x.add(d);
            y[k] = 1;
            w[k++] = weight;
            x.add(r);
            y[k] = 0;
            w[k++] = weight;
        }
        progress.accept("training the pairwise ranker on " + pairs.size() + " dev pairs");
        LogisticModel ranker = LogisticModel.train(x, y, w, new LogisticModel.Options(300, 0.01, 1e-3, false));
        progress.accept("calibrating on " + calibPos.size() + " stereotyping and " + calibNeg.size() + " other sentences");
        List<float[]> cx = new ArrayList<>();
        double[] cy = new double[calibPos.size() + calibNeg.size()];
        int j = 0;
        for (String s : calibPos) {
            cx.add(new float[] {(float) ranker.logit(cache.get(s))});
            cy[j++] = 1;
        }
        for (String s : calibNeg) {
            cx.add(new float[] {(float) ranker.logit(cache.get(s))});
            cy[j++] = 0;
        }
        LogisticModel platt = LogisticModel.train(cx, cy, null, new LogisticModel.Options(500, 0.05, 0, true));
        BiasLexicon lexicon = BiasLexicon.fromHolisticBias(eval);
        return new BiasModel(features.embedder().name(), ranker, platt.weights()[0], platt.bias(), lexicon.terms(),
                "dev splits of crows-pairs, stereoset, winobias under " + eval.dir() + " at " + Instant.now());
    }
}
