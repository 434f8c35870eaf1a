package io.hallmark.governance.safety.encoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hallmark.governance.safety.SourceScreenEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Dev measurement of {@link EncodedSpans} and {@link EncodedPayload} (issue 18, session 13; dev splits only, never a
 * test split): over every dev row of the sets the input screens learn from (the kit's deepset, XSTest, JailbreakBench
 * prompts and goals, HarmBench, AdvBench, HaluEval-general instructions) and of the twelve safety-screen extras
 * ({@link SourceScreenEvaluation#SOURCES}), prints per source and label the rows, the rows with an encoded span and
 * the rows the payload rule flags, lists every flagged safe row and every safe row with a decoded span, and writes
 * each row's flags ({@code encoding:payload} or none) to a JSON file keyed by row id (the extras' ids as they are,
 * the kit's as {@code <folder>/<id>}). Then times the scan on 100 KB inputs (a print, no assertion).
 *
 * <pre>
 * java -cp ... io.hallmark.governance.safety.encoding.EncodedPayloadDevRun ../shared/eval /tmp/s13/encoding-dev-flags.json
 * </pre>
 */
public final class EncodedPayloadDevRun {

    /** One dev row: its id, text and label. */
    record Row(String source, String id, String text, String label) {}

    public static void main(String[] args) throws IOException {
        Path eval = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        Path out = Path.of(args.length > 1 ? args[1] : "/tmp/s13/encoding-dev-flags.json");
        List<Row> rows = rows(eval);
        Map<String, List<String>> flags = new LinkedHashMap<>();
        Map<String, int[]> table = new TreeMap<>();
        Map<String, Integer> byEncoding = new TreeMap<>();
        List<String> safeNotes = new ArrayList<>();
        for (Row row : rows) {
            List<EncodedSpans.Span> spans = EncodedSpans.find(row.text());
            boolean payload = spans.stream().anyMatch(s -> EncodedPayload.matches(s.decoded()));
            flags.put(row.id(), payload ? List.of("encoding:payload") : List.of());
            int[] counts = table.computeIfAbsent(row.source() + "\t" + row.label(), k -> new int[3]);
            counts[0]++;
            counts[1] += spans.isEmpty() ? 0 : 1;
            counts[2] += payload ? 1 : 0;
            spans.forEach(s -> byEncoding.merge(s.encoding() + (row.label().equals("benign") ? " (benign rows)"
                    : " (attack rows)"), 1, Integer::sum));
            if (row.label().equals("benign") && !spans.isEmpty()) {
                for (EncodedSpans.Span s : spans) {
                    safeNotes.add((payload ? "FLAGGED " : "decoded ") + row.id() + " " + s.encoding() + " ["
                            + s.start() + "," + s.end() + ") -> "
                            + abbreviate(s.decoded()) + EncodedPayload.match(s.decoded()).map(i -> " {" + i.name() + "}")
                            .orElse(""));
                }
            }
        }
        System.out.println("source\tlabel\trows\twith encoded span\tpayload flagged");
        int[] total = new int[3];
        int[] safe = new int[3];
        for (Map.Entry<String, int[]> e : table.entrySet()) {
            int[] c = e.getValue();
            System.out.println(e.getKey() + "\t" + c[0] + "\t" + c[1] + "\t" + c[2]);
            for (int k = 0; k < 3; k++) {
                total[k] += c[k];
                safe[k] += e.getKey().endsWith("\tbenign") ? c[k] : 0;
            }
        }
        System.out.println("ALL\tall\t" + total[0] + "\t" + total[1] + "\t" + total[2]);
        System.out.println("ALL\tbenign\t" + safe[0] + "\t" + safe[1] + "\t" + safe[2]);
        System.out.println("spans by encoding: " + byEncoding);
        System.out.println("safe rows with a decoded span:");
        safeNotes.forEach(n -> System.out.println("  " + n));
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), flags);
        System.out.println("wrote " + flags.size() + " rows' flags to " + out);
        bench(rows);
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 100 ? one : one.substring(0, 100) + "...";
    }

    static List<Row> rows(Path eval) throws IOException {
        List<Row> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode r : read(json, eval, "deepset-prompt-injections")) {
            rows.add(new Row("deepset-prompt-injections", "deepset-prompt-injections/" + r.path("id").asText(),
                    r.path("text").asText(), r.path("label").asInt() == 1 ? "injection" : "benign"));
        }
        for (JsonNode r : read(json, eval, "xstest")) {
            rows.add(new Row("xstest", "xstest/" + r.path("id").asText(), r.path("prompt").asText(),
                    r.path("label").asText().equals("safe") ? "benign" : "harmful"));
        }
        for (JsonNode r : read(json, eval, "jailbreakbench")) {
            rows.add(new Row("jailbreakbench", "jailbreakbench/" + r.path("id").asText(), r.path("prompt").asText(),
                    "jailbreak"));
            rows.add(new Row("jailbreakbench-goal", "jailbreakbench-goal/" + r.path("id").asText(),
                    r.path("goal").asText(), "harmful"));
        }
        for (JsonNode r : read(json, eval, "harmbench")) {
            rows.add(new Row("harmbench", "harmbench/" + r.path("id").asText(), r.path("behavior").asText(),
                    "harmful"));
        }
        for (JsonNode r : read(json, eval, "advbench")) {
            rows.add(new Row("advbench", "advbench/" + r.path("id").asText(), r.path("goal").asText(), "harmful"));
        }
        for (JsonNode r : read(json, eval, "halueval-general")) {
            rows.add(new Row("halueval-general", "halueval-general/" + r.path("id").asText(),
                    r.path("user_query").asText(), "benign"));
        }
        for (String source : SourceScreenEvaluation.SOURCES) {
            for (JsonNode r : read(json, eval, source)) {
                rows.add(new Row(source, r.path("id").asText(), r.path("text").asText(), r.path("label").asText()));
            }
        }
        return rows;
    }

    private static List<JsonNode> read(ObjectMapper json, Path eval, String folder) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(eval.resolve(folder).resolve("dev.jsonl"))) {
            if (!line.isBlank()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    /** The scan (spans and payload rule) on 100 KB inputs: dev prose, random printable noise, base64 runs. */
    private static void bench(List<Row> rows) {
        StringBuilder prose = new StringBuilder();
        for (int i = 0; prose.length() < 100_000; i = (i + 97) % rows.size()) {
            prose.append(rows.get(i).text()).append("\n\n");
        }
        SplittableRandom random = new SplittableRandom(13);
        StringBuilder noise = new StringBuilder();
        while (noise.length() < 100_000) {
            noise.append(random.nextInt(12) == 0 ? ' ' : (char) random.nextInt(33, 127));
        }
        String base64 = "Q2F0cyBhcmUgbmljZSBhbmQgZG9ncyBhcmUgdG9vLg== ".repeat(100_000 / 45 + 1);
        for (Map.Entry<String, String> input : Map.of("dev prose", prose.substring(0, 100_000), "printable noise",
                noise.substring(0, 100_000), "base64 runs", base64.substring(0, 100_000)).entrySet()) {
            for (int warm = 0; warm < 5; warm++) {
                scan(input.getValue());
            }
            long[] ns = new long[21];
            int spans = 0;
            for (int k = 0; k < ns.length; k++) {
                long t0 = System.nanoTime();
                spans = scan(input.getValue());
                ns[k] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(ns);
            System.out.printf("bench 100 KB %-16s p50 %.2f ms, max %.2f ms, %d spans%n", input.getKey(),
                    ns[ns.length / 2] / 1e6, ns[ns.length - 1] / 1e6, spans);
        }
    }

    private static int scan(String text) {
        List<EncodedSpans.Span> spans = EncodedSpans.find(text);
        spans.forEach(s -> EncodedPayload.matches(s.decoded()));
        return spans.size();
    }

    private EncodedPayloadDevRun() {}
}
