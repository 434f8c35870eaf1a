package io.hallmark.governance.factcheck.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.WrittenStories;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores claim extraction as a check-worthiness detector: each item is one sentence (or a short text) and counts as
 * detected when {@link ClaimExtractor#extract} finds at least one claim in it.
 *
 * <p>The set, built from the shared eval folder per split: positives are Climate-FEVER claims ({@code
 * climate-fever}), HaluEval-QA answers that are statements (at least four words) and the sentences of its knowledge
 * paragraphs ({@code halueval-qa:answer}, {@code halueval-qa:knowledge}); negatives are the sentences of Tiny
 * Shakespeare (dialogue and drama, {@code tinyshakespeare}, the first {@link #SHAKESPEARE_CHUNKS} chunks of the
 * split) and of children's stories written for this project in the style of TinyStories ({@code stories},
 * {@link WrittenStories}). Climate-FEVER is internal-use data: this is
 * an evaluation, nothing is trained on it.
 */
public final class CheckWorthinessEvaluation {

    /** How many Tiny Shakespeare chunks (speeches) one split reads. */
    public static final int SHAKESPEARE_CHUNKS = 400;

    /** One item: a sentence, where it came from and whether it is check-worthy. */
    public record Item(String source, String text, boolean checkWorthy) {}

    private final ClaimExtractor extractor;

    public CheckWorthinessEvaluation(ClaimExtractor extractor) {
        this.extractor = extractor;
    }

    /** The items of a split ({@code dev} or {@code test}). */
    public List<Item> items(EvalData eval, String split) {
        List<Item> items = new ArrayList<>();
        for (JsonNode row : eval.split("climate-fever", split)) {
            items.add(new Item("climate-fever", row.path("claim").asText(), true));
        }
        for (JsonNode row : eval.split("halueval-qa", split)) {
            for (String field : List.of("right_answer", "hallucinated_answer")) {
                String answer = row.path(field).asText("").strip();
                if (answer.split("\\s+").length >= 4) {
                    items.add(new Item("halueval-qa:answer", answer, true));
                }
            }
            for (String sentence : sentences(row.path("knowledge").asText(""))) {
                items.add(new Item("halueval-qa:knowledge", sentence, true));
            }
        }
        List<JsonNode> chunks = eval.split("tinyshakespeare", split);
        for (JsonNode row : chunks.subList(0, Math.min(SHAKESPEARE_CHUNKS, chunks.size()))) {
            String speech = row.path("text").asText("").lines().filter(l -> !l.strip().endsWith(":"))
                    .reduce("", (a, b) -> a + " " + b).strip();
            for (String sentence : sentences(speech)) {
                items.add(new Item("tinyshakespeare", sentence, false));
            }
        }
        for (String story : WrittenStories.of(split)) {
            for (String sentence : sentences(story)) {
                items.add(new Item("stories", sentence, false));
            }
        }
        return items;
    }

    /** Precision, recall and F1 of check-worthy detection, with the share detected per source. */
    public Map<String, Object> evaluate(List<Item> items) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, int[]> perSource = new TreeMap<>();
        for (Item item : items) {
            boolean detected = !extractor.extract(item.text()).isEmpty();
            int[] counts = perSource.computeIfAbsent(item.source(), k -> new int[2]);
            counts[0]++;
            if (detected) {
                counts[1]++;
            }
            if (detected && item.checkWorthy()) {
                tp++;
            } else if (detected) {
                fp++;
            } else if (item.checkWorthy()) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items.size());
        out.put("precision", round(precision));
        out.put("recall", round(recall));
        out.put("f1", round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
        Map<String, Object> sources = new LinkedHashMap<>();
        perSource.forEach((source, c) -> sources.put(source, Map.of("items", c[0], "detectedAsClaim", c[1],
                "share", round((double) c[1] / c[0]))));
        out.put("perSource", sources);
        return out;
    }

    private List<String> sentences(String text) {
        return extractor.sentences(text).stream().map(s -> text.substring(s.getStart(), s.getEnd()).strip())
                .filter(s -> !s.isEmpty()).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
