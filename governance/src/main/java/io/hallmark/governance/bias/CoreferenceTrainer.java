package io.hallmark.governance.bias;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.retrieval.embed.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Trains {@link OccupationCoreference} on the WinoBias dev split only: the occupation vocabulary and majority genders
 * from its annotations, and the resolver (DJL's training API, {@link DjlTraining#logistic}) on its sentences with
 * the annotated referent as the label. Also computes out-of-fold cues for the dev sentences (folds grouped by
 * occupation pair, so no fold sees a sentence about the same two occupations), which the stereotype detector trains
 * on instead of the resolver's in-sample cues, and the resolver's out-of-fold accuracy.
 */
final class CoreferenceTrainer {

    static final DjlTraining.Settings SETTINGS = BiasTrainer.TUNED.bias("coreference");
    private static final int FOLDS = 4;

    /** The trained cue, the out-of-fold cue of every WinoBias dev text, and the resolver's out-of-fold accuracy. */
    record Result(OccupationCoreference coreference, Map<String, Double> outOfFoldCues, double outOfFoldAccuracy) {}

    private final Embedder embedder;
    private final Consumer<String> progress;

    CoreferenceTrainer(Embedder embedder, Consumer<String> progress) {
        this.embedder = embedder;
        this.progress = progress;
    }

    Result train(EvalData eval) {
        return train(eval.split("winobias", "dev"));
    }

    /** Trains on WinoBias rows (dev rows only: the caller's promise). */
    Result train(List<JsonNode> rows) {
        Map<String, Integer> gender = new TreeMap<>();
        for (JsonNode r : rows) {
            String g = r.path("occupation_majority_gender").asText();
            if (g.equals("male") || g.equals("female")) {
                gender.put(r.path("referent_occupation").asText().toLowerCase(Locale.ROOT), g.equals("male") ? 1 : -1);
            }
        }
        Pattern vocabulary = PronounReadings.vocabulary(gender.keySet());
        List<String> texts = new ArrayList<>();
        List<PronounReadings> readings = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        for (JsonNode r : rows) {
            String text = r.path("text").asText();
            Optional<PronounReadings> found = PronounReadings.find(text, vocabulary);
            String referent = r.path("referent_occupation").asText().toLowerCase(Locale.ROOT);
            if (found.isPresent() && (found.get().first().equals(referent) || found.get().second().equals(referent))) {
                texts.add(text);
                readings.add(found.get());
                labels.add(found.get().first().equals(referent) ? 1f : 0f);
            }
        }
        progress.accept("coreference: " + readings.size() + " of " + rows.size() + " WinoBias dev sentences have a "
                + "pronoun between two of " + gender.size() + " occupations; embedding their readings");
        List<float[]> inputs = OccupationCoreference.resolverInputs(embedder,
                readings.stream().map(Optional::of).toList());
        float[] y = new float[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        Map<String, Double> outOfFold = new HashMap<>();
        int correct = 0;
        for (int f = 0; f < FOLDS; f++) {
            List<Integer> trainIdx = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < readings.size(); i++) {
                (fold(readings.get(i)) == f ? testIdx : trainIdx).add(i);
            }
            LogisticModel resolver = fit(inputs, y, trainIdx, f);
            OccupationCoreference partial = new OccupationCoreference(gender, resolver);
            for (int i : testIdx) {
                double p = resolver.probability(inputs.get(i));
                outOfFold.put(texts.get(i), partial.cue(readings.get(i), p));
                correct += (p >= 0.5) == (y[i] == 1) ? 1 : 0;
            }
        }
        double accuracy = readings.isEmpty() ? 0 : correct / (double) readings.size();
        progress.accept(String.format(Locale.ROOT, "coreference: out-of-fold resolver accuracy on dev %.3f", accuracy));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            all.add(i);
        }
        return new Result(new OccupationCoreference(gender, fit(inputs, y, all, FOLDS)), outOfFold, accuracy);
    }

    private static int fold(PronounReadings r) {
        String pair = r.first().compareTo(r.second()) < 0 ? r.first() + "|" + r.second() : r.second() + "|" + r.first();
        return Math.floorMod(pair.hashCode(), FOLDS);
    }

    private static LogisticModel fit(List<float[]> inputs, float[] y, List<Integer> idx, int salt) {
        float[][] x = new float[idx.size()][];
        float[] labels = new float[idx.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = inputs.get(idx.get(i));
            labels[i] = y[idx.get(i)];
        }
        DjlTraining.Settings s = SETTINGS;
        return DjlTraining.logistic("coreference", x, labels, null, true, new DjlTraining.Settings(s.epochs(), s.batchSize(),
                s.learningRate(), s.weightDecay(), s.seed() + salt));
    }
}
