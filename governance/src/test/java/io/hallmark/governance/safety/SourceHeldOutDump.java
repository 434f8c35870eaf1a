package io.hallmark.governance.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.testing.TestData;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dev-only tool (issue 18, design 10): writes the screen features of every <b>dev</b> prompt the input heads learn
 * or are measured on, so that source-held-out cross-validation of other heads can run from disk without embedding
 * again ({@code scripts/safety-source-cv.py} reads it). Nothing of a test split is read.
 *
 * <p>Written to {@code <folder>/<embedding-model-id>/}:
 * <ul>
 *   <li>{@code texts.jsonl}: every distinct text once ({@code {"i", "text"}}), in the order of
 *   <li>{@code features.f32}: their {@link TextFeatures} vectors, little-endian float32, one row per text;
 *   <li>{@code items.jsonl}: one row per prompt: its text, the texts of its first {@link #SENTENCES} sentences (the
 *       injection screen reads them), a label ({@code benign}, {@code injection}, {@code jailbreak}, {@code harmful}),
 *       subset ({@code benign}, {@code benign_risky_looking}, ...), source (the cross-validation unit), origin
 *       ({@code kit} for the sets design 7 learns, {@code extras} for the safety-screen extras) and whether its
 *       licence lets a shipped model learn it; for a prompt with a blank line, its {@code instruction} (the text
 *       before the first blank line), {@code data} (after it) and {@code dataSentences} (design 11's role-aware
 *       reading, approximating the role splitter);
 *   <li>{@code d7-<head>.jsonl}: design 7's training set of each input head as {@link SafetyData} builds it;
 *   <li>{@code meta.json}: the embedder, dimension and row count.
 * </ul>
 * Run: {@code java -cp ... io.hallmark.governance.safety.SourceHeldOutDump [--reading platform] target/source-cv
 * [embedding-model-id ...]} (one sub-folder per embedding model; MiniLM when none is named).
 *
 * <p>Readings ({@link Reading}; {@code meta.json} names the one a dump was written with): {@code first-blank-line} (the
 * default, designs 10 to 13: the first {@link #SENTENCES} sentences; instruction and data split at the first blank
 * line) or {@code platform} (design 15a: what the shipped injection screen reads, {@link PlatformReading}: up to
 * {@link SafetyScreen#MAX_SENTENCES} sentences or windows covering all of a longer prompt, the role split of
 * {@link io.hallmark.governance.safety.roles.RoleSplitter}, and every data span's sentences or windows up to
 * {@link SafetyScreen#MAX_DATA_PIECES} pieces; {@code dataSentences} then holds every data piece the screen reads).
 *
 * <p>{@code SourceHeldOutDump --append-authored <authored-dir> <dump> <new-dump>} copies a dump and appends the
 * project's own authored prompts to the copy without embedding the rest again (design 13, {@link AuthoredDumpAppend}).
 */
public final class SourceHeldOutDump {

    /** Sentences of a prompt read on their own (design 8 read at most 8 texts a request). */
    static final int SENTENCES = 8;

    /** How a dump reads a prompt's pieces for the injection screen. */
    enum Reading {
        /** Designs 10 to 13: the first {@link #SENTENCES} sentences; the data is what follows the first blank line. */
        FIRST_BLANK_LINE("first-blank-line"),
        /** Design 15a: what the shipped screen reads ({@link PlatformReading}). */
        PLATFORM("platform");

        final String id;

        Reading(String id) {
            this.id = id;
        }

        static Reading of(String id) {
            return java.util.Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("No reading '" + id + "'; expected first-blank-line or platform"));
        }
    }

    static final String READING_FLAG = "--reading";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformReading platform;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<ObjectNode> items = new ArrayList<>();

    /** A dump reading prompts as designs 10 to 13 did ({@link Reading#FIRST_BLANK_LINE}). */
    SourceHeldOutDump() {
        this(null);
    }

    /** A dump reading prompts as {@code platform} says ({@link Reading#PLATFORM}); null: as designs 10 to 13. */
    SourceHeldOutDump(PlatformReading platform) {
        this.platform = platform;
    }

    Reading reading() {
        return platform == null ? Reading.FIRST_BLANK_LINE : Reading.PLATFORM;
    }

    /** A dump of {@code reading}, tokenized by {@code features}' embedder when it reads as the platform does. */
    static SourceHeldOutDump of(Reading reading, TextFeatures features) {
        return reading == Reading.PLATFORM ? new SourceHeldOutDump(new PlatformReading(features.embedder()::tokens))
                : new SourceHeldOutDump();
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals(AuthoredDumpAppend.FLAG)) {
            AuthoredDumpAppend.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Reading reading = Reading.FIRST_BLANK_LINE;
        if (args.length > 0 && args[0].equals(READING_FLAG)) {
            if (args.length < 2) {
                throw new IllegalArgumentException(READING_FLAG + " needs a value: first-blank-line or platform");
            }
            reading = Reading.of(args[1]);
            args = java.util.Arrays.copyOfRange(args, 2, args.length);
        }
        Path out = Path.of(args.length > 0 ? args[0] : "target/source-cv");
        List<String> ids = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of(EmbeddingModel.ALL_MINILM_L6_V2.id());
        for (String id : ids) {
            EmbeddingModel model = java.util.Arrays.stream(EmbeddingModel.values()).filter(m -> m.id().equals(id))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("No embedding model " + id));
            TextFeatures features = new TextFeatures(new OnnxEmbedder(model, 2, 32));
            SourceHeldOutDump.of(reading, features).write(out.resolve(id), TestData.eval(), features);
        }
    }

    int text(String t) {
        return index.computeIfAbsent(t, k -> index.size());
    }

    /** Every distinct text so far, in the order of their rows. */
    List<String> texts() {
        return new ArrayList<>(index.keySet());
    }

    List<ObjectNode> items() {
        return items;
    }

    /**
     * The texts and items of a dump this tool wrote, so that more items can be appended ({@link AuthoredDumpAppend})
     * read as the dump's items were ({@code reading}, tokenized by {@code features}' embedder); fails if the texts are not numbered 0, 1, 2, ... in order or are not distinct.
     */
    static SourceHeldOutDump read(Path dump, Reading reading, TextFeatures features) throws IOException {
        SourceHeldOutDump d = of(reading, features);
        int line = 0;
        for (String row : Files.readAllLines(dump.resolve("texts.jsonl"))) {
            JsonNode n = JSON.readTree(row);
            if (n.path("i").asInt(-1) != line || d.text(n.path("text").asText()) != line) {
                throw new IllegalStateException("texts.jsonl of " + dump + ": row " + line + " is text "
                        + n.path("i") + " or repeats an earlier text; expected distinct texts numbered in order");
            }
            line++;
        }
        for (String row : Files.readAllLines(dump.resolve("items.jsonl"))) {
            d.items.add((ObjectNode) JSON.readTree(row));
        }
        return d;
    }

    /** Writes one JSON object a line. */
    static void writeJsonl(Path file, List<?> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (Object n : rows) {
                w.write(JSON.writeValueAsString(n));
                w.newLine();
            }
        }
    }

    /** texts.jsonl and items.jsonl of this dump. */
    void writeTextsAndItems(Path out) throws IOException {
        writeJsonl(out.resolve("items.jsonl"), items);
        List<String> texts = texts();
        List<Map<String, Object>> rows = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            rows.add(Map.of("i", i, "text", texts.get(i)));
        }
        writeJsonl(out.resolve("texts.jsonl"), rows);
    }

    void write(Path out, EvalData eval, TextFeatures features) throws IOException {
        Files.createDirectories(out);
        SafetyData data = new SafetyData(eval);
        Map<String, List<LabeledText>> d7 = new LinkedHashMap<>();
        d7.put("injection", data.injection());
        d7.put("jailbreak", data.jailbreak());
        d7.put("harmful", data.harmful());
        for (var e : d7.entrySet()) {
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve("d7-" + e.getKey() + ".jsonl"))) {
                for (LabeledText t : e.getValue()) {
                    ObjectNode n = JSON.createObjectNode();
                    n.put("text", text(t.text()));
                    n.put("label", t.label());
                    n.put("weight", t.weight());
                    n.put("cap", t.cap());
                    n.put("group", t.group());
                    n.put("source", t.source());
                    n.put("scored", t.scored());
                    w.write(JSON.writeValueAsString(n));
                    w.newLine();
                }
            }
        }
        // harmful first, so JailbreakBench's goals keep their own source rather than "plain request"
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String head : List.of("harmful", "injection", "jailbreak")) {
            for (LabeledText t : d7.get(head)) {
                if (t.scored() && seen.add(t.text())) {
                    kitItem(head, t);
                }
            }
        }
        for (String source : SourceScreenEvaluation.SOURCES) {
            boolean trainable = io.hallmark.governance.ml.DataLicences.of(source).shippable(); // as ScreenCorpus
            for (JsonNode r : eval.split(source, "dev")) {
                item(r.path("text").asText(), r.path("label").asText(), r.path("subset").asText(), source,
                        r.path("group").asText(), "extras", trainable).put("category", r.path("category").asText())
                        .put("lang", r.path("lang").asText());
            }
        }
        writeTextsAndItems(out);
        List<String> texts = texts();
        long t0 = System.nanoTime();
        List<float[]> xs = features.features(texts, done -> System.err.printf("embedded %d of %d (%.0f s)%n", done,
                texts.size(), (System.nanoTime() - t0) / 1e9));
        int dim = features.dimension();
        try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(out.resolve("features.f32")), 1 << 20))) {
            ByteBuffer b = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] x : xs) {
                b.clear();
                b.asFloatBuffer().put(x);
                o.write(b.array());
            }
        }
        JSON.writeValue(out.resolve("meta.json").toFile(), Map.of("embedder", features.embedder().name(), "dim", dim,
                "rows", texts.size(), "embedSeconds", (System.nanoTime() - t0) / 1e9, "reading", reading().id));
        System.err.printf("wrote %d texts, %d items to %s%n", texts.size(), items.size(), out);
    }

    /**
     * A prompt of design 7's sets as an item: its label, subset and cross-validation source as {@link
     * ScreenCorpus#kitItem} maps them (one copy of the mapping), its group kept.
     */
    private void kitItem(String head, LabeledText t) {
        ScreenCorpus.Item it = ScreenCorpus.kitItem(head, t);
        String label = it.cls().equals("risky") ? "benign" : it.cls();
        item(t.text(), label, it.subset(), it.source(), t.group() == null ? "" : t.group(), ScreenCorpus.KIT, true);
    }

    /** The offset of the first blank line (two line breaks with only blanks between), or -1. */
    static int firstBlankLine(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\r?\\n[ \\t]*\\r?\\n").matcher(text);
        return m.find() ? m.start() : -1;
    }

    /**
     * Appends a prompt as an item: its text, the pieces the injection screen reads of it as this dump's {@link
     * Reading} says, and its labels.
     */
    ObjectNode item(String text, String label, String subset, String source, String group, String origin,
            boolean trainable) {
        ObjectNode n = JSON.createObjectNode();
        n.put("text", text(text));
        var sentences = n.putArray("sentences");
        if (platform != null) {
            PlatformReading.Read read = platform.read(text);
            read.sentences().forEach(s -> sentences.add(text(s)));
            if (read.data() != null) {
                n.put("instruction", text(read.instruction()));
                n.put("data", text(read.data()));
                var dataSentences = n.putArray("dataSentences");
                read.dataPieces().forEach(s -> dataSentences.add(text(s)));
            }
            return labelled(n, label, subset, source, group, origin, trainable);
        }
        List<String> own = SafetyScreen.sentencesOf(text);
        own.stream().limit(SENTENCES).forEach(s -> sentences.add(text(s)));
        // role-aware reading (design 11, approximate): the instruction is the text before the first blank line, the
        // data what follows it; a prompt without a blank line is all instruction
        int blank = firstBlankLine(text);
        if (blank >= 0) {
            String instruction = text.substring(0, blank).strip();
            String dataPart = text.substring(blank).strip();
            if (!instruction.isEmpty() && !dataPart.isEmpty()) {
                n.put("instruction", text(instruction));
                n.put("data", text(dataPart));
                var dataSentences = n.putArray("dataSentences");
                SafetyScreen.sentencesOf(dataPart).stream().limit(SENTENCES).forEach(s -> dataSentences.add(text(s)));
            }
        }
        return labelled(n, label, subset, source, group, origin, trainable);
    }

    private ObjectNode labelled(ObjectNode n, String label, String subset, String source, String group, String origin,
            boolean trainable) {
        n.put("label", label);
        n.put("subset", subset);
        n.put("source", source);
        n.put("group", group);
        n.put("origin", origin);
        n.put("trainable", trainable);
        items.add(n);
        return n;
    }
}
