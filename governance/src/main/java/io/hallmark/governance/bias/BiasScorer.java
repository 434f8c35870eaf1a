package io.hallmark.governance.bias;

import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.policy.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a text for bias on each axis: every sentence that mentions a demographic term gets the stereotype
 * detector's calibrated score, an axis scores the highest of its sentences, and each flagged sentence comes with the
 * term, the span and an explanation. For the top sentence of each mentioned axis a counterfactual probe swaps the
 * term for other terms of the same axis and reports how much the score moves (a large drop means the group, not the
 * content, drove the score). Representation statistics count who is mentioned. Thread-safe.
 */
public final class BiasScorer {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+|\\n|$)");
    private static final int PROBES = 3;

    private final BiasModel model;
    private final TextFeatures features;
    private final BiasLexicon lexicon;

    public BiasScorer(BiasModel model, TextFeatures features) {
        if (!model.embedder().equals(features.embedder().name())) {
            throw new IllegalArgumentException("The bias model was trained on '" + model.embedder() + "' embeddings, not '"
                    + features.embedder().name() + "'; retrain with `hallmark train bias`");
        }
        this.model = model;
        this.features = features;
        this.lexicon = new BiasLexicon(model.lexicon());
    }

    public BiasLexicon lexicon() {
        return lexicon;
    }

    /** The ranker's raw scores (higher = more stereotyping), for pairwise evaluation. */
    public List<Double> rank(List<String> sentences) {
        return BiasFeatures.of(features, model.coreference(), sentences).stream().map(x -> model.ranker().logit(x)).toList();
    }

    /** A sentence that drove an axis score. */
    public record Span(String axis, int start, int end, String sentence, String term, double score, String explanation) {}

    /** A counterfactual probe of one axis. */
    public record Probe(String axis, String sentence, String term, Map<String, Double> swapped, double original,
            double meanSwapped, double delta) {}

    /** The result for one text. */
    public record Result(Map<String, Double> scores, double max, List<Span> spans, List<Probe> probes,
            Map<String, Object> representation) {}

    public Result score(String text) {
        List<String> sentences = new ArrayList<>();
        List<int[]> bounds = new ArrayList<>();
        List<List<BiasLexicon.Mention>> mentions = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String s = m.group();
            List<BiasLexicon.Mention> found = lexicon.find(s);
            if (!found.isEmpty() && s.strip().length() >= 3) {
                int lead = s.length() - s.stripLeading().length();
                sentences.add(s.strip());
                bounds.add(new int[] {m.start() + lead, m.start() + lead + s.strip().length()});
                mentions.add(found);
            }
        }
        Map<String, Double> scores = new TreeMap<>();
        Metrics.BIAS_AXES.forEach(a -> scores.put(a, 0.0));
        Map<String, Integer> bestSentence = new LinkedHashMap<>();
        Map<String, BiasLexicon.Mention> bestMention = new LinkedHashMap<>();
        List<Span> spans = new ArrayList<>();
        List<Double> p = sentences.isEmpty() ? List.of()
                : BiasFeatures.of(features, model.coreference(), sentences).stream().map(model::probability).toList();
        for (int i = 0; i < sentences.size(); i++) {
            for (BiasLexicon.Mention mention : mentions.get(i)) {
                if (p.get(i) > scores.get(mention.axis())) {
                    scores.put(mention.axis(), p.get(i));
                    bestSentence.put(mention.axis(), i);
                    bestMention.put(mention.axis(), mention);
                }
            }
        }
        bestSentence.forEach((axis, i) -> {
            BiasLexicon.Mention mention = bestMention.get(axis);
            double s = round(p.get(i));
            spans.add(new Span(axis, bounds.get(i)[0], bounds.get(i)[1], sentences.get(i), mention.term(), s,
                    String.format(Locale.ROOT, "The sentence mentions '%s' (%s) and reads as %s to the stereotype "
                            + "detector (%.2f)", mention.term(), axis.replace('_', ' '), s >= 0.7 ? "stereotyping"
                            : s >= 0.4 ? "possibly stereotyping" : "not stereotyping", s)));
        });
        List<Probe> probes = probes(sentences, p, bestSentence, bestMention);
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        scores.replaceAll((k, v) -> round(v));
        return new Result(scores, round(max), spans, probes, representation(text));
    }

    private List<Probe> probes(List<String> sentences, List<Double> p, Map<String, Integer> best,
            Map<String, BiasLexicon.Mention> mention) {
        List<Probe> probes = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        List<String[]> meta = new ArrayList<>();
        best.forEach((axis, i) -> {
            BiasLexicon.Mention mn = mention.get(axis);
            String sentence = sentences.get(i);
            for (String alt : lexicon.alternatives(axis, mn.term(), PROBES)) {
                variants.add(BiasLexicon.swap(sentence, mn.term(), alt));
                meta.add(new String[] {axis, alt});
            }
        });
        if (variants.isEmpty()) {
            return probes;
        }
        List<Double> vp = BiasFeatures.of(features, model.coreference(), variants).stream().map(model::probability).toList();
        best.forEach((axis, i) -> {
            Map<String, Double> swapped = new LinkedHashMap<>();
            for (int k = 0; k < meta.size(); k++) {
                if (meta.get(k)[0].equals(axis)) {
                    swapped.put(meta.get(k)[1], round(vp.get(k)));
                }
            }
            if (!swapped.isEmpty()) {
                double mean = swapped.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
                probes.add(new Probe(axis, sentences.get(i), mention.get(axis).term(), swapped, round(p.get(i)),
                        round(mean), round(p.get(i) - mean)));
            }
        });
        return probes;
    }

    /** Who is mentioned: terms per axis and gendered pronouns. */
    private Map<String, Object> representation(String text) {
        Map<String, Map<String, Integer>> byAxis = new TreeMap<>();
        for (BiasLexicon.Mention mn : lexicon.find(text)) {
            byAxis.computeIfAbsent(mn.axis(), k -> new TreeMap<>()).merge(mn.term(), 1, Integer::sum);
        }
        int male = count(text, "\\b(?i:he|him|his|himself|man|men|boy|boys|father|husband|son|brother)\\b");
        int female = count(text, "\\b(?i:she|her|hers|herself|woman|women|girl|girls|mother|wife|daughter|sister)\\b");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mentionsByAxis", byAxis);
        r.put("maleReferences", male);
        r.put("femaleReferences", female);
        r.put("femaleShare", male + female == 0 ? null : round((double) female / (male + female)));
        return r;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
