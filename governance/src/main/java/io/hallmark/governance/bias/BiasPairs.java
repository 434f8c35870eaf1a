package io.hallmark.governance.bias;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.ml.EvalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal pairs from the bias data sets: the more stereotyping sentence first. CrowS-Pairs ({@code sent_more} over
 * {@code sent_less}), StereoSet intrasentence (stereotype over anti-stereotype) and WinoBias (the pro-stereotypical
 * over the anti-stereotypical variant of the same sentence).
 */
public final class BiasPairs {

    /** One pair, with the axis it probes. */
    public record Pair(String more, String less, String axis, String dataset) {}

    public static final List<String> DATASETS = List.of("crows-pairs", "stereoset", "winobias");

    private static final Map<String, String> AXES = Map.ofEntries(Map.entry("race-color", "race_ethnicity"),
            Map.entry("race", "race_ethnicity"), Map.entry("gender", "gender"), Map.entry("religion", "religion"),
            Map.entry("age", "age"), Map.entry("disability", "disability"), Map.entry("nationality", "nationality"),
            Map.entry("sexual-orientation", "sexual_orientation"), Map.entry("socioeconomic", "socioeconomic"),
            Map.entry("physical-appearance", "physical_appearance"));

    private BiasPairs() {}

    public static List<Pair> load(EvalData eval, String dataset, String split) {
        List<Pair> out = new ArrayList<>();
        switch (dataset) {
            case "crows-pairs" -> {
                for (JsonNode r : eval.split(dataset, split)) {
                    out.add(new Pair(r.path("sent_more").asText(), r.path("sent_less").asText(),
                            axis(r.path("bias_type").asText()), dataset));
                }
            }
            case "stereoset" -> {
                for (JsonNode r : eval.split(dataset, split)) {
                    out.add(new Pair(r.path("stereotype").asText(), r.path("anti_stereotype").asText(),
                            axis(r.path("bias_type").asText()), dataset));
                }
            }
            case "winobias" -> {
                Map<String, String[]> byPair = new LinkedHashMap<>();
                for (JsonNode r : eval.split(dataset, split)) {
                    String[] p = byPair.computeIfAbsent(r.path("pair_id").asText(), k -> new String[2]);
                    p[r.path("stereotype").asText().equals("pro") ? 0 : 1] = r.path("text").asText();
                }
                byPair.values().stream().filter(p -> p[0] != null && p[1] != null)
                        .forEach(p -> out.add(new Pair(p[0], p[1], "gender", dataset)));
            }
            default -> throw new IllegalArgumentException("Unknown bias data set '" + dataset + "'; use one of "
                    + DATASETS);
        }
        return out;
    }

    static String axis(String biasType) {
        String a = AXES.get(biasType);
        if (a == null) {
            throw new IllegalArgumentException("Unknown bias type '" + biasType + "'");
        }
        return a;
    }
}
