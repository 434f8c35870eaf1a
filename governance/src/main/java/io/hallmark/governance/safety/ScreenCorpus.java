package io.hallmark.governance.safety;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.ml.DataLicences;
import io.hallmark.governance.ml.EvalData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every labelled dev prompt of the input screens (issue 18), one {@link Item} each: what design 15's prototypes learn
 * and what its source-held-out cross-validation scores. Three origins:
 * <ul>
 *   <li>{@value #KIT}: the scored prompts of design 7's injection, jailbreak and harmful sets ({@link SafetyData}),
 *       harmful first (so JailbreakBench's goals keep their own source), each text once; the label comes from the
 *       head that holds it as a positive, else from its source (XSTest's safe prompts are risky-looking safe ones,
 *       its unsafe ones, AdvBench's, HarmBench's and the plain requests are harmful, the rest ordinary). Sources are
 *       the cross-validation units: XSTest's two halves are one, AdvBench's questions and plain requests are AdvBench,
 *       JailbreakBench's goals are JailbreakBench.
 *   <li>{@value #EXTRAS}: the dev rows of the safety-screen extras ({@link SourceScreenEvaluation#SOURCES}); a source
 *       whose licence does not let a model ship ({@link DataLicences}) is never trained on ({@link Item#trainable()}
 *       false) and is left out altogether unless asked for (a training read through {@link EvalData#forTraining}
 *       refuses to read it).
 *   <li>{@value #AUTHORED}: the project's own prompts ({@link AuthoredSet}), source {@code authored:} + the row's
 *       source; always trained on, never held out or scored. A row whose text is already a prompt of the corpus is
 *       left out (so that no real source's prompt is trained on while that source is held out).
 * </ul>
 * {@code SourceHeldOutDump} writes the same items for the numpy cross-validation ({@code scripts/safety-source-cv.py}).
 */
public final class ScreenCorpus {

    public static final String KIT = "kit";
    public static final String EXTRAS = "extras";
    public static final String AUTHORED = "authored";

    /** The classes: ordinary and risky-looking safe prompts, and the three attacks the input heads screen. */
    public static final List<String> CLASSES = List.of("benign", "risky", "injection", "jailbreak", "harmful");

    /** The attack classes, one input head each. */
    public static final List<String> HEADS = List.of("injection", "jailbreak", "harmful");

    /**
     * One labelled prompt.
     *
     * @param text the prompt
     * @param cls its class ({@link #CLASSES}; {@code risky} = subset {@code benign_risky_looking})
     * @param subset the subset its set gives it ({@code benign}, {@code benign_risky_looking}, {@code
     *     injection_direct}, ...)
     * @param source the cross-validation unit (authored rows: {@code authored:} + their file's source)
     * @param origin {@link #KIT}, {@link #EXTRAS} or {@link #AUTHORED}
     * @param lang its language code where its set gives one, else empty
     * @param trainable whether its licence lets a shipped model learn it
     * @param group the group its set gives it (variants of one document or template share one, e.g. a document and
     *     the same document with an injection), else empty
     */
    public record Item(String text, String cls, String subset, String source, String origin, String lang,
            boolean trainable, String group) {

        public Item {
            if (!CLASSES.contains(cls)) {
                throw new IllegalArgumentException("A prompt of " + source + " has the class '" + cls + "'; expected "
                        + "one of " + CLASSES);
            }
            group = group == null ? "" : group;
        }

        /** An item of no group. */
        public Item(String text, String cls, String subset, String source, String origin, String lang,
                boolean trainable) {
            this(text, cls, subset, source, origin, lang, trainable, "");
        }

        /** Whether it is a safe prompt (ordinary or risky-looking). */
        public boolean safe() {
            return cls.equals("benign") || cls.equals("risky");
        }

        /** Whether it is a real prompt (kit or extras), held out and scored, rather than an authored one. */
        public boolean real() {
            return !origin.equals(AUTHORED);
        }
    }

    private final List<Item> items;
    private final Map<String, String> authoredFiles;

    public ScreenCorpus(List<Item> items, Map<String, String> authoredFiles) {
        this.items = List.copyOf(items);
        this.authoredFiles = Map.copyOf(authoredFiles);
    }

    /**
     * The corpus of the dev splits and the authored rows.
     *
     * @param eval the eval folder (dev splits only are read)
     * @param authored the authored rows ({@link AuthoredSet#bundled()}), or {@code null} for none
     * @param withEvaluationOnly whether to read the extras whose licence keeps them out of a shipped model (as
     *     never-trained-on items, for measuring); false for a training through {@link EvalData#forTraining}
     */
    public static ScreenCorpus read(EvalData eval, AuthoredSet authored, boolean withEvaluationOnly) {
        List<Item> items = new ArrayList<>();
        SafetyData data = new SafetyData(eval);
        Map<String, List<LabeledText>> d7 = new LinkedHashMap<>();
        d7.put("harmful", data.harmful());
        d7.put("injection", data.injection());
        d7.put("jailbreak", data.jailbreak());
        Set<String> seen = new HashSet<>();
        d7.forEach((head, set) -> {
            for (LabeledText t : set) {
                if (t.scored() && seen.add(t.text())) {
                    items.add(kitItem(head, t));
                }
            }
        });
        for (String source : SourceScreenEvaluation.SOURCES) {
            boolean trainable = DataLicences.of(source).shippable();
            if (!trainable && !withEvaluationOnly) {
                continue;
            }
            for (JsonNode r : eval.split(source, "dev")) {
                String subset = r.path("subset").asText();
                String label = r.path("label").asText();
                items.add(new Item(r.path("text").asText(), classOf(label, subset), subset, source, EXTRAS,
                        r.path("lang").asText(""), trainable, r.path("group").asText("")));
            }
        }
        if (authored == null) {
            return new ScreenCorpus(items, Map.of());
        }
        return new ScreenCorpus(withAuthored(items, authored), authored.files());
    }

    /**
     * The real items, then the authored rows whose text is neither a real prompt nor an earlier authored one.
     */
    static List<Item> withAuthored(List<Item> real, AuthoredSet authored) {
        List<Item> items = new ArrayList<>(real);
        Set<String> prompts = new HashSet<>();
        real.forEach(i -> prompts.add(i.text()));
        for (AuthoredSet.Row row : authored.rows()) {
            if (prompts.add(row.text())) {
                items.add(new Item(row.text(), classOf(row.label(), row.subset()), row.subset(),
                        AUTHORED + ":" + row.source(), AUTHORED, row.lang(), true, row.group()));
            }
        }
        return items;
    }

    /** The class of a row of label and subset ({@code risky} for {@code benign_risky_looking}). */
    static String classOf(String label, String subset) {
        return subset.equals("benign_risky_looking") ? "risky" : label;
    }

    /** A prompt of design 7's sets as an item, its label read from the head it came from. */
    static Item kitItem(String head, LabeledText t) {
        String source = t.source();
        String cls;
        String subset;
        if (t.label() == 1) {
            cls = head;
            subset = head;
        } else if (source.equals("xstest-safe")) {
            cls = "risky";
            subset = "benign_risky_looking";
        } else if (source.equals("xstest-unsafe") || source.equals("advbench") || source.equals("plain-request")
                || source.equals("harmbench")) {
            cls = "harmful";
            subset = "harmful";
        } else {
            cls = "benign";
            subset = "benign";
        }
        String cvSource = switch (source) {
            case "xstest-safe", "xstest-unsafe" -> "xstest";
            case "question", "plain-request" -> "advbench";
            case "jailbreakbench-goal" -> "jailbreakbench";
            default -> source;
        };
        return new Item(t.text(), cls, subset, cvSource, KIT, "", true);
    }

    public List<Item> items() {
        return items;
    }

    /** The authored files read, as {@code authored/NAME.jsonl} to SHA-256 (empty without authored rows). */
    public Map<String, String> authoredFiles() {
        return authoredFiles;
    }
}
