package io.hallmark.governance.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hallmark.governance.testing.TestData;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dev-only check of the Java port against the numpy CV (issue 18, design 15): reads a {@link SourceHeldOutDump}
 * folder with the authored prompts appended (the CV's input: its items, texts and embeddings), compares its items with
 * {@link ScreenCorpus}'s, and runs {@link PrototypeTrainer} on exactly the CV's items and embeddings with the CV's
 * choices (the injection head reads a prompt's first blank line, calibration pools every real source), so that its
 * nested figures can be set beside {@code scripts/safety-source-cv.py <dump> --designs knn --roles data --authored
 * include --calibration worst}'s. Writes the report as JSON.
 *
 * <p>Run: {@code java -cp ... io.hallmark.governance.safety.PrototypeParityRun <dump> <report.json> [trainable-pool]};
 * with {@code trainable-pool}, calibration pools the trainable sources only, as the shipped trainer does (the CV's
 * reading kept), to tell the two differences apart.
 */
public final class PrototypeParityRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrototypeParityRun() {}

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]);
        JsonNode meta = JSON.readTree(dump.resolve("meta.json").toFile());
        int dim = meta.path("dim").asInt();
        int emb = 384;
        List<String> texts = new ArrayList<>();
        for (String row : Files.readAllLines(dump.resolve("texts.jsonl"))) {
            texts.add(JSON.readTree(row).path("text").asText());
        }
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            row.putIfAbsent(texts.get(i), i);
        }
        float[][] vectors = read(dump.resolve("features.f32"), texts.size(), dim, emb);

        List<ScreenCorpus.Item> items = new ArrayList<>();
        Map<String, List<String>> reading = new HashMap<>();
        for (String line : Files.readAllLines(dump.resolve("items.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            String text = texts.get(n.path("text").asInt());
            String origin = n.path("origin").asText();
            String source = n.path("source").asText();
            items.add(new ScreenCorpus.Item(text, ScreenCorpus.classOf(n.path("label").asText(),
                    n.path("subset").asText()), n.path("subset").asText(),
                    origin.equals(ScreenCorpus.AUTHORED) ? ScreenCorpus.AUTHORED + ":" + source : source, origin,
                    n.path("lang").asText(""), n.path("trainable").asBoolean()));
            List<String> r = new ArrayList<>();
            if (n.has("instruction")) {
                r.add(texts.get(n.path("instruction").asInt()));
                r.add(texts.get(n.path("data").asInt()));
                n.path("dataSentences").forEach(s -> r.add(texts.get(s.asInt())));
            } else {
                n.path("sentences").forEach(s -> r.add(texts.get(s.asInt())));
            }
            reading.put(text, r);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dump", dump.toString());
        out.put("calibrationPool", args.length > 2 && args[2].equals("trainable-pool") ? "trainable" : "every real");
        out.put("corpusDifferences", differences(items, ScreenCorpus.read(TestData.eval(), AuthoredSet.bundled(),
                true).items()));
        long t0 = System.nanoTime();
        PrototypeTrainer trainer = new PrototypeTrainer(meta.path("embedder").asText(), emb,
                ts -> ts.stream().map(t -> {
                    Integer i = row.get(t);
                    if (i == null) {
                        throw new IllegalStateException("The dump has no text " + t);
                    }
                    return vectors[i];
                }).toList(), reading::get, !(args.length > 2 && args[2].equals("trainable-pool")), false,
                System.err::println,
                2);
        PrototypeTrainer.Trained trained = trainer.train(new ScreenCorpus(items, Map.of()));
        out.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        out.put("report", trained.report());
        JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args[1]).toFile(), out);
        System.out.println(JSON.writeValueAsString(Map.of("extras", trained.report().extras(), "kit",
                trained.report().kit(), "differences", out.get("corpusDifferences"))));
        System.exit(0);
    }

    /** The items of one list not at the same place in the other, by text, class, source, origin and trainable. */
    private static Map<String, Object> differences(List<ScreenCorpus.Item> dump, List<ScreenCorpus.Item> corpus) {
        List<String> shown = new ArrayList<>();
        int differ = 0;
        for (int i = 0; i < Math.max(dump.size(), corpus.size()); i++) {
            ScreenCorpus.Item a = i < dump.size() ? dump.get(i) : null;
            ScreenCorpus.Item b = i < corpus.size() ? corpus.get(i) : null;
            boolean same = a != null && b != null && a.text().equals(b.text()) && a.cls().equals(b.cls())
                    && a.source().equals(b.source()) && a.origin().equals(b.origin())
                    && a.trainable() == b.trainable();
            if (!same) {
                differ++;
                if (shown.size() < 5) {
                    shown.add(i + ": dump " + brief(a) + " / corpus " + brief(b));
                }
            }
        }
        return Map.of("dumpItems", dump.size(), "corpusItems", corpus.size(), "differing", differ, "first", shown);
    }

    private static String brief(ScreenCorpus.Item i) {
        return i == null ? "-" : i.source() + "|" + i.cls() + "|" + i.origin() + "|" + i.trainable() + "|"
                + i.text().substring(0, Math.min(60, i.text().length()));
    }

    private static float[][] read(Path file, int rows, int dim, int emb) throws IOException {
        float[][] out = new float[rows][emb];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r"); FileChannel ch = f.getChannel()) {
            ByteBuffer b = ByteBuffer.allocate(emb * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < rows; r++) {
                b.clear();
                ch.read(b, (long) r * dim * Float.BYTES);
                b.flip();
                b.asFloatBuffer().get(out[r]);
            }
        }
        return out;
    }
}
