package io.hallmark.governance.safety;

import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.testing.TestData;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Latency of the input screen per request, side by side with a peer: one embedding of the whole request (the floor of
 * any screen on these features; it reads only the first 128 word pieces). Besides wall-clock time it prints the CPU
 * time the process spent per request, which the load of other processes changes much less, and the milliseconds per
 * 1,000 word pieces of the request (the screen reads every word piece since issue 18's long-input change, so its cost
 * should grow linearly). A benchmark, not a test: surefire runs it only when named ({@code -Dtest=InputScreenBench});
 * it prints figures and asserts nothing about time.
 *
 * <p>The heads are stand-ins of the shipped shape (three logistic heads on the same features): a head costs one dot
 * product, so its weights do not change the time; what does is how many texts are embedded and how. Requests, from
 * dev rows only: every 4th dev row of deepset (benign and injections), the HaluEval-general dev instructions and the
 * AdvBench goals, at most 240; 20 long prompts of 2,000 words or more and 5 very long ones of 10,000 words or more
 * (consecutive dev rows joined). Each text is sent (1) as a plain prompt, (2) as a document beside a short
 * instruction and (3) pasted into a prompt after "Summarize this text:" (split by role: the pasted span read as
 * data). Each request is screened once, from scratch (a fresh feature cache), by the screen and the peer in turn, so
 * both see the same load.
 *
 * <p>Design 15's screen runs side by side on the same requests ({@value #D15} cases): its input heads score by the
 * {@value #PROTOTYPES} nearest-prototype rows of a realistic set (top 3; 20,000 safe, 4,000 injection, 3,000 jailbreak,
 * 3,000 harmful: about the size of the dev prompts, their sentences and the authored rows it is trained on) on
 * bge-small-en-v1.5-q features, its toxicity head stays logistic on MiniLM. The prototypes are random unit vectors from
 * a fixed seed (embedding 30,000 dev texts with BGE would take longer than the bench; a prototype costs one dot product
 * whatever its values). Each design-15 row also prints its ratio to the same case of design 7.
 */
class InputScreenBench {

    private static final String PEER = "peer: one embedding of the prompt";

    /** The prefix of design 15's cases. */
    static final String D15 = "design 15: ";

    /** Prototype rows of design 15's stand-in. */
    static final int PROTOTYPES = 30_000;

    @Test
    void printInputScreenLatency() {
        double loadBefore = loadAverage();
        List<String> prompts = prompts();
        List<String> longPrompts = longPrompts(20, 2_000);
        List<String> veryLongPrompts = longPrompts(5, 10_000);
        OnnxEmbedder batched = new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2, OnnxEmbedder.defaultThreads(), 32);
        SafetyModel model = standIn(new TextFeatures(batched));
        OnnxEmbedder bge = new OnnxEmbedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, OnnxEmbedder.defaultThreads(), 32);
        SafetyModel prototypeModel = prototypeStandIn(model, bge);
        Function<String, SafetyScreen> design15 = p -> new SafetyScreen(prototypeModel, new TextFeatures(batched),
                new TextFeatures(bge));
        for (int i = 0; i < 20; i++) {
            String warm = "Warm-up prompt number " + i + ". It has two sentences.";
            new SafetyScreen(model, new TextFeatures(batched)).screenPrompt(warm);
            new SafetyScreen(model, new TextFeatures(batched)).screenPrompt(longPrompts.get(i % longPrompts.size()));
            design15.apply(warm).screenPrompt(warm);
            design15.apply(warm).explain(List.of(ScreenInput.instruction(PASTED + longPrompts.get(i % 3))));
        }
        Map<String, Function<String, Object>> cases = new LinkedHashMap<>();
        cases.put("plain prompt", p -> new SafetyScreen(model, new TextFeatures(batched))
                .explain(List.of(ScreenInput.instruction(p))));
        cases.put("instruction + document", p -> new SafetyScreen(model, new TextFeatures(batched))
                .explain(document(p)));
        // the same text pasted into the prompt after a lead-in: split off by RoleSplitter and read as data
        cases.put("text pasted into the prompt", p -> new SafetyScreen(model, new TextFeatures(batched))
                .explain(List.of(ScreenInput.instruction(PASTED + p))));
        cases.put(D15 + "plain prompt", p -> design15.apply(p).explain(List.of(ScreenInput.instruction(p))));
        cases.put(D15 + "instruction + document", p -> design15.apply(p).explain(document(p)));
        cases.put(D15 + "text pasted into the prompt", p -> design15.apply(p)
                .explain(List.of(ScreenInput.instruction(PASTED + p))));
        cases.put(PEER, p -> new TextFeatures(batched).features(p));
        Map<String, List<Double>> shortTimes = time(cases, prompts);
        Map<String, List<Double>> longTimes = time(cases, longPrompts);
        Map<String, List<Double>> veryLongTimes = time(cases, veryLongPrompts);
        System.out.printf("input-screen bench: %d prompts (%.0f word pieces on average), %d long prompts (%d-%d words,"
                + " %.0f word pieces on average), %d very long prompts (%d-%d words, %.0f word pieces), %d cores, load "
                + "average %.1f at the start, %.1f at the end%n", prompts.size(), averageTokens(batched, prompts),
                longPrompts.size(), minWords(longPrompts), maxWords(longPrompts), averageTokens(batched, longPrompts),
                veryLongPrompts.size(), minWords(veryLongPrompts), maxWords(veryLongPrompts),
                averageTokens(batched, veryLongPrompts), Runtime.getRuntime().availableProcessors(), loadBefore,
                loadAverage());
        print("", shortTimes, tokens(batched, prompts));
        print("2,000-word prompt: ", longTimes, tokens(batched, longPrompts));
        print("10,000-word prompt: ", veryLongTimes, tokens(batched, veryLongPrompts));
    }

    private static final String PASTED = "Summarize this text:\n\n";

    private static List<ScreenInput> document(String text) {
        return List.of(ScreenInput.instruction("Summarize the document in one sentence."),
                ScreenInput.data("documents[0]", text));
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Word pieces of each text as the screen's model reads it, untruncated. */
    private static List<Integer> tokens(Embedder embedder, List<String> texts) {
        return texts.stream().map(t -> embedder.tokens(t).size()).toList();
    }

    private static double averageTokens(Embedder embedder, List<String> texts) {
        return tokens(embedder, texts).stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    private static int minWords(List<String> texts) {
        return texts.stream().mapToInt(InputScreenBench::words).min().orElse(0);
    }

    private static int maxWords(List<String> texts) {
        return texts.stream().mapToInt(InputScreenBench::words).max().orElse(0);
    }

    /** Per case, the wall-clock milliseconds of each request, then (key + CPU) the process CPU milliseconds. */
    private static Map<String, List<Double>> time(Map<String, Function<String, Object>> cases, List<String> texts) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<Double>> out = new LinkedHashMap<>();
        cases.keySet().forEach(k -> {
            out.put(k, new ArrayList<>());
            out.put(k + CPU, new ArrayList<>());
        });
        for (String text : texts) {
            for (Map.Entry<String, Function<String, Object>> c : cases.entrySet()) {
                long cpu = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                c.getValue().apply(text);
                out.get(c.getKey()).add((System.nanoTime() - t0) / 1e6);
                out.get(c.getKey() + CPU).add((os.getProcessCpuTime() - cpu) / 1e6);
            }
        }
        return out;
    }

    private static final String CPU = " [CPU]";

    /** p50, p95, max per case, the ratio to the peer, and the p50 of milliseconds per 1,000 word pieces of the text. */
    private static void print(String prefix, Map<String, List<Double>> times, List<Integer> tokens) {
        for (String suffix : List.of("", CPU)) {
            double[] peer = stats(times.get(PEER + suffix));
            for (Map.Entry<String, List<Double>> e : times.entrySet()) {
                if (e.getKey().endsWith(CPU) != suffix.equals(CPU)) {
                    continue;
                }
                double[] s = stats(e.getValue());
                List<Double> perThousand = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    perThousand.add(e.getValue().get(i) * 1000.0 / Math.max(1, tokens.get(i)));
                }
                System.out.printf("  %-58s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  %6.1f ms/1k pieces  to peer "
                        + "%.2fx / %.2fx%s%n", prefix + e.getKey(), s[0], s[1], s[2], stats(perThousand)[0],
                        s[0] / peer[0], s[1] / peer[1], toDesign7(times, e.getKey(), s));
            }
        }
    }

    /** For a design-15 case, its p50 and p95 as multiples of design 7's on the same case; else nothing. */
    private static String toDesign7(Map<String, List<Double>> times, String key, double[] s) {
        if (!key.startsWith(D15)) {
            return "";
        }
        double[] d7 = stats(times.get(key.substring(D15.length())));
        return String.format("  to design 7 %.2fx / %.2fx", s[0] / d7[0], s[1] / d7[1]);
    }

    private static List<String> prompts() {
        List<String> all = devRows();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size() && out.size() < 240; i += 4) {
            out.add(all.get(i));
        }
        return out;
    }

    private static List<String> devRows() {
        SafetyData data = new SafetyData(TestData.eval());
        List<String> all = new ArrayList<>();
        all.addAll(data.deepset("dev", 0));
        all.addAll(data.deepset("dev", 1));
        all.addAll(data.instructions("dev"));
        all.addAll(data.advbench());
        return all;
    }

    /** {@code count} prompts of at least {@code words} words: consecutive dev rows joined by blank lines. */
    private static List<String> longPrompts(int count, int words) {
        List<String> all = devRows();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            StringBuilder prompt = new StringBuilder();
            for (int i = k * all.size() / count; words(prompt.toString()) < words; i = (i + 1) % all.size()) {
                prompt.append(prompt.isEmpty() ? "" : "\n\n").append(all.get(i).strip());
            }
            out.add(prompt.toString());
        }
        return out;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    /** Three input heads and a toxicity head of the shipped shape, random weights from a fixed seed. */
    private static SafetyModel standIn(TextFeatures features) {
        SplittableRandom random = new SplittableRandom(18);
        Map<String, SafetyModel.Head> heads = new java.util.HashMap<>();
        for (String name : List.of("injection", "jailbreak", "harmful", "toxicity")) {
            float[] w = new float[features.dimension()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (random.nextGaussian() * 0.01);
            }
            heads.put(name, new SafetyModel.Head(new LogisticModel(w, 0), 0.5, 0));
        }
        return new SafetyModel(features.embedder().name(), heads, "latency stand-in");
    }

    /**
     * Design 15's shape: the stand-in's toxicity head (logistic on MiniLM), and input heads that score by {@value
     * #PROTOTYPES} prototypes on {@code bge}'s embeddings, top 3: random unit vectors from a fixed seed.
     */
    private static SafetyModel prototypeStandIn(SafetyModel design7, Embedder bge) {
        SplittableRandom random = new SplittableRandom(15);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put(PrototypeSet.SAFE, 20_000);
        sizes.put("injection", 4_000);
        sizes.put("jailbreak", 3_000);
        sizes.put("harmful", 3_000);
        Map<String, List<float[]>> rows = new LinkedHashMap<>();
        sizes.forEach((c, n) -> {
            List<float[]> list = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                float[] v = new float[bge.dimension()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextGaussian();
                }
                list.add(v);
            }
            rows.put(c, list);
        });
        Map<String, SafetyModel.Head> heads = new java.util.HashMap<>();
        for (String name : List.of("injection", "jailbreak", "harmful")) {
            heads.put(name, new SafetyModel.Head(null, 0.5, 0));
        }
        heads.put("toxicity", design7.head("toxicity"));
        return new SafetyModel(design7.embedder(), heads, "latency stand-in, design 15", null,
                PrototypeSet.of(bge.name(), bge.dimension(), 3, rows));
    }

    private static double[] stats(List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {at(sorted, 0.5), at(sorted, 0.95), sorted[sorted.length - 1]};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
