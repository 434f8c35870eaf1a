package io.hallmark.governance.bias;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.ml.EvalData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demographic terms by bias axis: the HolisticBias descriptors and nouns (mapped onto the nine axes of {@link
 * io.hallmark.governance.policy.Metrics#BIAS_AXES}) plus gendered pronouns and a few group nouns. Finds them in text
 * as whole words (plurals included).
 */
public final class BiasLexicon {

    private static final Map<String, String> HOLISTIC_AXES = Map.of("ability", "disability", "age", "age",
            "body_type", "physical_appearance", "gender_and_sex", "gender", "nationality", "nationality",
            "race_ethnicity", "race_ethnicity", "religion", "religion", "sexual_orientation", "sexual_orientation",
            "socioeconomic_class", "socioeconomic");

    /** Terms HolisticBias lacks in the form texts use them (pronouns, plural group nouns). */
    private static final Map<String, List<String>> EXTRA = Map.of(
            "gender", List.of("he", "she", "him", "her", "his", "hers", "himself", "herself", "boy", "girl", "mother",
                    "father", "wife", "husband", "sister", "brother", "daughter", "son", "mom", "dad", "female", "male"),
            "race_ethnicity", List.of("black", "white", "blacks", "whites", "african", "asian", "hispanic", "latino",
                    "arab", "caucasian"),
            "religion", List.of("muslims", "jews", "christians", "church", "mosque", "synagogue", "bible", "quran"),
            "socioeconomic", List.of("poor", "rich", "wealthy", "homeless", "welfare", "poverty"),
            "sexual_orientation", List.of("gay", "lesbian", "gays", "homosexual", "straight"),
            "age", List.of("old", "elderly", "young", "teenager", "teenagers", "kids"));

    private final Map<String, List<String>> terms;
    private final Pattern pattern;

    /** A lexicon of lower-cased terms by axis. */
    public BiasLexicon(Map<String, List<String>> terms) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        terms.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.terms = java.util.Collections.unmodifiableMap(copy);
        List<String> all = terms.values().stream().flatMap(List::stream).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList();
        this.pattern = Pattern.compile("(?i)(?<![\\w-])((?:" + String.join("|", all) + ")(?:es|s)?)(?![\\w-])");
    }

    public Map<String, List<String>> terms() {
        return terms;
    }

    /** Builds the lexicon from {@code holisticbias/descriptors.jsonl} and {@code nouns.jsonl}. */
    public static BiasLexicon fromHolisticBias(EvalData eval) {
        Map<String, Set<String>> byAxis = new LinkedHashMap<>();
        for (JsonNode r : eval.rows("holisticbias", "descriptors.jsonl")) {
            String axis = HOLISTIC_AXES.get(r.path("axis").asText());
            String d = r.path("descriptor").asText().toLowerCase(Locale.ROOT).strip();
            if (axis != null && d.length() >= 3) {
                byAxis.computeIfAbsent(axis, k -> new LinkedHashSet<>()).add(d);
            }
        }
        for (JsonNode r : eval.rows("holisticbias", "nouns.jsonl")) {
            if (!r.path("gender").asText().equals("neutral")) {
                Set<String> g = byAxis.computeIfAbsent("gender", k -> new LinkedHashSet<>());
                g.add(r.path("noun").asText().toLowerCase(Locale.ROOT));
                g.add(r.path("plural").asText().toLowerCase(Locale.ROOT));
            }
        }
        EXTRA.forEach((axis, words) -> byAxis.computeIfAbsent(axis, k -> new LinkedHashSet<>()).addAll(words));
        Map<String, List<String>> terms = new LinkedHashMap<>();
        byAxis.forEach((k, v) -> terms.put(k, new ArrayList<>(v)));
        return new BiasLexicon(terms);
    }

    /** A demographic term found in a text. */
    public record Mention(String axis, String term, int start, int end) {}

    /** Every mention, in text order; a term listed under several axes counts for each. */
    public List<Mention> find(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            for (String axis : axesOf(word)) {
                out.add(new Mention(axis, word, m.start(1), m.end(1)));
            }
        }
        return out;
    }

    private List<String> axesOf(String word) {
        List<String> axes = new ArrayList<>();
        terms.forEach((axis, list) -> {
            if (list.contains(word) || (word.endsWith("s") && list.contains(word.substring(0, word.length() - 1)))
                    || (word.endsWith("es") && list.contains(word.substring(0, word.length() - 2)))) {
                axes.add(axis);
            }
        });
        return axes;
    }

    /** Up to {@code n} other single-word terms of the axis, spread over its list so they come from different buckets. */
    public List<String> alternatives(String axis, String term, int n) {
        List<String> all = terms.getOrDefault(axis, List.of());
        List<String> out = new java.util.ArrayList<>();
        if (all.size() < 2) {
            return out;
        }
        int step = Math.max(1, all.size() / (n + 1));
        for (int i = Math.floorMod(term.hashCode(), step); i < all.size() && out.size() < n; i += step) {
            String t = all.get(i);
            if (!t.equalsIgnoreCase(term) && t.split(" ").length == 1) {
                out.add(t);
            }
        }
        return out;
    }

    /** The text with every whole-word occurrence of {@code term} (any case) replaced by {@code replacement}. */
    public static String swap(String text, String term, String replacement) {
        return text.replaceAll("(?i)(?<![\\w-])" + java.util.regex.Pattern.quote(term) + "(?![\\w-])",
                java.util.regex.Matcher.quoteReplacement(replacement));
    }
}
