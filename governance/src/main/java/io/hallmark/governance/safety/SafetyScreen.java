package io.hallmark.governance.safety;

import io.hallmark.governance.ml.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the trained safety heads: {@link #screenPrompt} scores a prompt for injection, jailbreak and harm;
 * {@link #toxicity} scores an output sentence by sentence and keeps the toxic spans. Scores are 0..1 with the tuned
 * threshold at 0.8 (see {@link SafetyModel.Head#score}). Thread-safe.
 */
public final class SafetyScreen {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+|\\n|$)");

    private final SafetyModel model;
    private final TextFeatures features;

    public SafetyScreen(SafetyModel model, TextFeatures features) {
        if (!model.embedder().equals(features.embedder().name())) {
            throw new IllegalArgumentException("The safety model was trained on '" + model.embedder()
                    + "' embeddings, not '" + features.embedder().name() + "'; retrain with `hallmark train safety`");
        }
        this.model = model;
        this.features = features;
    }

    public SafetyModel model() {
        return model;
    }

    /** Scores of the input screens: {@code injection}, {@code jailbreak}, {@code harmful}. */
    public Map<String, Double> screenPrompt(String prompt) {
        return screenPrompts(List.of(prompt)).get(0);
    }

    /** {@link #screenPrompt} for many prompts at once (batched embeddings). */
    public List<Map<String, Double>> screenPrompts(List<String> prompts) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (float[] x : features.features(prompts)) {
            out.add(Map.of("injection", score("injection", x), "jailbreak", score("jailbreak", x), "harmful",
                    score("harmful", x)));
        }
        return out;
    }

    private double score(String category, float[] x) {
        SafetyModel.Head head = model.head(category);
        return head.score(head.model().probability(x));
    }

    /** A toxic stretch of output. */
    public record Span(int start, int end, String text, double score) {}

    /** Toxicity of a text: the highest sentence score and the sentences at or above 0.8. */
    public record Toxicity(double score, List<Span> spans) {}

    public Toxicity toxicity(String text) {
        List<int[]> bounds = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String s = m.group().strip();
            if (s.length() >= 3) {
                int lead = m.group().length() - m.group().stripLeading().length();
                bounds.add(new int[] {m.start() + lead, m.start() + lead + s.length()});
                sentences.add(s);
            }
        }
        if (sentences.isEmpty()) {
            return new Toxicity(0, List.of());
        }
        double max = 0;
        List<Span> spans = new ArrayList<>();
        List<float[]> xs = features.features(sentences);
        for (int i = 0; i < xs.size(); i++) {
            double s = score("toxicity", xs.get(i));
            max = Math.max(max, s);
            if (s >= 0.8) {
                spans.add(new Span(bounds.get(i)[0], bounds.get(i)[1], sentences.get(i), round(s)));
            }
        }
        return new Toxicity(max, spans);
    }

    /** Toxicity of single statements (evaluation: one score per item, no sentence split). */
    public List<Double> toxicityOfStatements(List<String> statements) {
        return features.features(statements).stream().map(x -> score("toxicity", x)).toList();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
