package io.hallmark.governance.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A dev-only tool (issue 18, design 13): copies a {@link SourceHeldOutDump} folder and appends to the copy the project's
 * own authored prompts (the JSONL files of a folder, fields {@code id, text, label, subset, category, lang, source,
 * group}, as the safety-screen extras), embedding only the texts the dump does not hold yet with the same
 * {@link TextFeatures} and the embedder named in the dump's {@code meta.json}. An authored prompt becomes an item with
 * {@code origin: "authored"}, its file's {@code source} and {@code trainable: true}, read exactly as the dump reads a
 * prompt (the {@link SourceHeldOutDump.Reading} its {@code meta.json} names; a dump without one was read at the first
 * blank line);
 * {@code scripts/safety-source-cv.py --authored include} then trains on it in every fold and never scores it.
 *
 * <p>Before appending, the tool recomputes the features of {@value #CHECKED} texts already in the dump and compares
 * them with the stored rows (the largest difference goes into {@code meta.json}); it refuses to write if they differ
 * by more than {@value #TOLERANCE}, since the appended rows would then not be comparable. An authored prompt whose
 * text is already a prompt of the dump (or an earlier authored prompt) is left out and counted, so that no real
 * source's prompt is trained on while it is held out.
 *
 * <p>Run: {@code java -cp ... io.hallmark.governance.safety.SourceHeldOutDump --append-authored <authored-dir> <dump>
 * <new-dump>}; the new dump must not exist yet.
 */
final class AuthoredDumpAppend {

    static final String FLAG = "--append-authored";
    static final String ORIGIN = "authored";
    /** Texts of the old dump whose features are recomputed and compared with the stored rows. */
    static final int CHECKED = 12;
    /** The largest difference allowed between a recomputed and a stored feature. */
    static final double TOLERANCE = 1e-4;

    private static final Set<String> LABELS = Set.of("benign", "injection", "jailbreak", "harmful");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthoredDumpAppend() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: SourceHeldOutDump " + FLAG
                    + " <authored-dir> <existing-dump> <new-dump>; got " + List.of(args));
        }
        Path dump = Path.of(args[1]);
        String embedder = JSON.readTree(dump.resolve("meta.json").toFile()).path("embedder").asText();
        TextFeatures features = new TextFeatures(new OnnxEmbedder(EmbeddingModel.byId(embedder), 2, 32));
        append(Path.of(args[0]), dump, Path.of(args[2]), features);
    }

    /** One authored prompt, validated. */
    record Authored(String file, String id, String text, String label, String subset, String source, String group,
            String category, String lang) {
    }

    /** Every prompt of the folder's {@code *.jsonl} files, files in name order; fails on the first bad row. */
    static List<Authored> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No *.jsonl file in " + dir + "; expected the authored prompts there");
        }
        List<Authored> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int k = 0; k < lines.size(); k++) {
                if (!lines.get(k).isBlank()) {
                    out.add(parse(f.getFileName().toString(), k + 1, lines.get(k)));
                }
            }
        }
        return out;
    }

    static Authored parse(String file, int line, String row) {
        JsonNode n;
        try {
            n = JSON.readTree(row);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + line + " is not JSON: " + e.getOriginalMessage(), e);
        }
        String label = n.path("label").asText("");
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException(file + ":" + line + ": label '" + label + "'; expected one of " + LABELS);
        }
        for (String field : List.of("text", "subset", "source")) {
            if (n.path(field).asText("").isBlank()) {
                throw new IllegalArgumentException(file + ":" + line + ": field '" + field + "' is missing or blank");
            }
        }
        return new Authored(file, n.path("id").asText(""), n.path("text").asText(), label, n.path("subset").asText(),
                n.path("source").asText(), n.path("group").asText(""), n.path("category").asText(""),
                n.path("lang").asText(""));
    }

    static void append(Path authoredDir, Path dump, Path out, TextFeatures features) throws IOException {
        if (Files.exists(out)) {
            throw new IllegalArgumentException("The new dump " + out + " exists already; name a new folder");
        }
        JsonNode meta = JSON.readTree(dump.resolve("meta.json").toFile());
        int dim = meta.path("dim").asInt();
        int oldRows = meta.path("rows").asInt();
        if (!features.embedder().name().equals(meta.path("embedder").asText()) || features.dimension() != dim) {
            throw new IllegalArgumentException("The dump " + dump + " was written with " + meta.path("embedder")
                    + " (" + dim + " features); these features are " + features.embedder().name() + " ("
                    + features.dimension() + ")");
        }
        Path oldFeatures = dump.resolve("features.f32");
        if (Files.size(oldFeatures) != (long) oldRows * dim * Float.BYTES) {
            throw new IllegalStateException(oldFeatures + " holds " + Files.size(oldFeatures) + " bytes, not "
                    + oldRows + " rows x " + dim + " floats");
        }
        SourceHeldOutDump.Reading reading = SourceHeldOutDump.Reading.of(meta.path("reading").asText(
                SourceHeldOutDump.Reading.FIRST_BLANK_LINE.id));
        SourceHeldOutDump d = SourceHeldOutDump.read(dump, reading, features);
        if (d.texts().size() != oldRows) {
            throw new IllegalStateException("texts.jsonl of " + dump + " holds " + d.texts().size()
                    + " texts, meta.json says " + oldRows);
        }
        Set<String> promptTexts = new HashSet<>();
        for (ObjectNode it : d.items()) {
            if (ORIGIN.equals(it.path("origin").asText())) {
                throw new IllegalArgumentException(dump + " holds authored items already; append to a dump without");
            }
            promptTexts.add(d.texts().get(it.path("text").asInt()));
        }

        double maxDifference = check(oldFeatures, d.texts(), dim, features);
        System.err.printf("recomputed %d stored rows: largest difference %.3g%n", CHECKED, maxDifference);
        if (maxDifference > TOLERANCE) {
            throw new IllegalStateException("Features recomputed for texts of " + dump + " differ from the stored rows"
                    + " by " + maxDifference + " (allowed " + TOLERANCE + "); appended rows would not be comparable");
        }

        List<Authored> authored = read(authoredDir);
        Map<String, Integer> appended = new LinkedHashMap<>();
        int duplicates = 0;
        for (Authored a : authored) {
            if (!promptTexts.add(a.text())) {
                duplicates++;
                continue;
            }
            d.item(a.text(), a.label(), a.subset(), a.source(), a.group(), ORIGIN, true)
                    .put("category", a.category()).put("lang", a.lang()).put("id", a.id()).put("file", a.file());
            appended.merge(a.file(), 1, Integer::sum);
        }
        List<String> texts = d.texts();
        List<String> fresh = texts.subList(oldRows, texts.size());
        long t0 = System.nanoTime();
        List<float[]> xs = features.features(fresh, done -> System.err.printf("embedded %d of %d new texts (%.0f s)%n",
                done, fresh.size(), (System.nanoTime() - t0) / 1e9));
        double seconds = (System.nanoTime() - t0) / 1e9;

        // written beside the target and moved in place at the end, so that a failure leaves no half-written dump
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        if (Files.exists(partial)) {
            throw new IllegalArgumentException(partial + " is left from a failed run; remove it first");
        }
        writeDump(d, dump, partial, dim, xs);
        Map<String, Object> newMeta = new LinkedHashMap<>();
        newMeta.put("embedder", meta.path("embedder").asText());
        newMeta.put("dim", dim);
        newMeta.put("rows", texts.size());
        newMeta.put("embedSeconds", meta.path("embedSeconds").asDouble());
        newMeta.put("reading", reading.id);
        newMeta.put("appendedFrom", dump.toString());
        newMeta.put("authoredDir", authoredDir.toString());
        newMeta.put("authoredItemsPerFile", appended);
        newMeta.put("authoredDuplicatesLeftOut", duplicates);
        newMeta.put("appendedRows", fresh.size());
        newMeta.put("appendSeconds", seconds);
        newMeta.put("checkedRows", CHECKED);
        newMeta.put("checkedLargestDifference", maxDifference);
        JSON.writeValue(partial.resolve("meta.json").toFile(), newMeta);
        Files.move(partial, out);
        System.err.printf("appended %d authored prompts (%d texts, %d duplicates left out) to a copy of %s in %s%n",
                appended.values().stream().mapToInt(Integer::intValue).sum(), fresh.size(), duplicates, dump, out);
    }

    /** The old dump's design-7 sets and feature rows, the new rows after them, and every text and item. */
    private static void writeDump(SourceHeldOutDump d, Path dump, Path out, int dim, List<float[]> xs)
            throws IOException {
        Files.createDirectories(out);
        for (String head : List.of("injection", "jailbreak", "harmful")) {
            Files.copy(dump.resolve("d7-" + head + ".jsonl"), out.resolve("d7-" + head + ".jsonl"));
        }
        Files.copy(dump.resolve("features.f32"), out.resolve("features.f32"));
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out.resolve("features.f32"),
                StandardOpenOption.APPEND), 1 << 20)) {
            ByteBuffer b = ByteBuffer.allocate(dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] x : xs) {
                b.clear();
                b.asFloatBuffer().put(x);
                o.write(b.array());
            }
        }
        d.writeTextsAndItems(out);
    }

    /**
     * Recomputes the features of {@value #CHECKED} texts spread over the dump (the longest one among them) and
     * returns the largest absolute difference from their stored rows.
     */
    static double check(Path featureFile, List<String> texts, int dim, TextFeatures features) throws IOException {
        List<Integer> rows = new ArrayList<>();
        for (int k = 0; k < CHECKED - 1; k++) {
            rows.add((int) ((long) k * texts.size() / (CHECKED - 1)));
        }
        int longest = 0;
        for (int i = 1; i < texts.size(); i++) {
            longest = texts.get(i).length() > texts.get(longest).length() ? i : longest;
        }
        rows.add(longest);
        List<float[]> again = features.features(rows.stream().map(texts::get).toList());
        double max = 0;
        byte[] raw = new byte[dim * Float.BYTES];
        try (RandomAccessFile f = new RandomAccessFile(featureFile.toFile(), "r")) {
            for (int k = 0; k < rows.size(); k++) {
                f.seek((long) rows.get(k) * raw.length);
                f.readFully(raw);
                var stored = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                for (int j = 0; j < dim; j++) {
                    max = Math.max(max, Math.abs(stored.get(j) - again.get(k)[j]));
                }
            }
        }
        return max;
    }
}
