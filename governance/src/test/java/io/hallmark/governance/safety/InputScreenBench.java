package io.hallmark.governance.safety;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.testing.TestData;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import io.hallmark.retrieval.embed.Vectors;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Latency of the input screen per request, side by side with two peers: the screen as it ran before (LangChain4j's
 * encoder, one text per model call, the request's pieces embedded in one call and then its whole texts in a second)
 * and one embedding of the whole request (the floor of any screen on these features). Besides wall-clock time it
 * prints the CPU time the process spent per request, which the load of other processes changes much less (on an idle
 * machine, wall time is about CPU time over the cores used). A benchmark, not a test: surefire runs it only when named
 * ({@code -Dtest=InputScreenBench}); it prints figures and asserts nothing about time.
 *
 * <p>The heads are stand-ins of the shipped shape (three logistic heads on the same features): a head costs one dot
 * product, so its weights do not change the time; what does is how many texts are embedded and how. Requests, from
 * dev rows only: every 4th dev row of deepset (benign and injections), the HaluEval-general dev instructions and the
 * AdvBench goals, at most 240, each (1) as a plain prompt and (2) as a document beside a short instruction; and (3)
 * 20 long prompts of 2,000 words or more (consecutive dev rows joined); (4) each text pasted into a prompt after
 * "Summarize this text:" (split by role: the pasted span read as data). Each request is screened once, from scratch
 * (a fresh feature cache), by the screen and its peers in turn, so all three see the same load.
 */
class InputScreenBench {

    @Test
    void printInputScreenLatency() {
        List<String> prompts = prompts();
        List<String> longPrompts = longPrompts();
        OnnxEmbedder batched = new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2, OnnxEmbedder.defaultThreads(), 32);
        OneTextPerCall before = new OneTextPerCall(OnnxEmbedder.defaultThreads(), 1);
        OneTextPerCall beforeWithDocument = before.withWholes(2);
        SafetyModel model = standIn(new TextFeatures(batched));
        for (int i = 0; i < 20; i++) {
            String warm = "Warm-up prompt number " + i + ". It has two sentences.";
            new SafetyScreen(model, new TextFeatures(batched)).explainPrompt(warm);
            new SafetyScreen(model, new TextFeatures(before)).explainPrompt(warm);
        }
        Map<String, Function<String, Object>> cases = new LinkedHashMap<>();
        cases.put("plain prompt", p -> new SafetyScreen(model, new TextFeatures(batched)).explainPrompt(p));
        cases.put("plain prompt, before", p -> new SafetyScreen(model, new TextFeatures(before)).explainPrompt(p));
        cases.put("instruction + document", p -> new SafetyScreen(model, new TextFeatures(batched)).explain(document(p)));
        cases.put("instruction + document, before",
                p -> new SafetyScreen(model, new TextFeatures(beforeWithDocument)).explain(document(p)));
        // the same text pasted into the prompt after a lead-in: split off by RoleSplitter and read as data
        cases.put("text pasted into the prompt", p -> new SafetyScreen(model, new TextFeatures(batched))
                .explain(List.of(ScreenInput.instruction("Summarize this text:\n\n" + p))));
        cases.put("peer: one embedding of the prompt", p -> new TextFeatures(batched).features(p));
        Map<String, List<Double>> shortTimes = time(cases, prompts);
        Map<String, List<Double>> longTimes = time(cases, longPrompts);
        System.out.printf("input-screen bench: %d prompts (%.2f texts embedded per plain prompt), %d long prompts "
                + "(%d-%d words), %d cores, load average %.1f%n", prompts.size(),
                prompts.stream().mapToInt(p -> 1 + SafetyScreen.sentencesOf(p).size()).average().orElse(0),
                longPrompts.size(), longPrompts.stream().mapToInt(InputScreenBench::words).min().orElse(0),
                longPrompts.stream().mapToInt(InputScreenBench::words).max().orElse(0),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        print("", shortTimes);
        print("long prompt: ", longTimes);
    }

    private static List<ScreenInput> document(String text) {
        return List.of(ScreenInput.instruction("Summarize the document in one sentence."),
                ScreenInput.data("documents[0]", text));
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

    private static void print(String prefix, Map<String, List<Double>> times) {
        for (String suffix : List.of("", CPU)) {
            double[] peer = stats(times.get("peer: one embedding of the prompt" + suffix));
            for (Map.Entry<String, List<Double>> e : times.entrySet()) {
                if (e.getKey().endsWith(CPU) != suffix.equals(CPU)) {
                    continue;
                }
                double[] s = stats(e.getValue());
                System.out.printf("  %-60s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  to peer %.2fx / %.2fx%n",
                        prefix + e.getKey(), s[0], s[1], s[2], s[0] / peer[0], s[1] / peer[1]);
            }
            for (String k : List.of("plain prompt", "instruction + document")) {
                double[] now = stats(times.get(k + suffix));
                double[] was = stats(times.get(k + ", before" + suffix));
                System.out.printf("  %-60s p50 %.2fx  p95 %.2fx  max %.2fx%n", prefix + k + ": before / now" + suffix,
                        was[0] / now[0], was[1] / now[1], was[2] / now[2]);
            }
        }
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

    /** 20 prompts of at least 2,000 words: consecutive dev rows joined by blank lines, from spread-out starts. */
    private static List<String> longPrompts() {
        List<String> all = devRows();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            StringBuilder prompt = new StringBuilder();
            for (int i = k * all.size() / 20; words(prompt.toString()) < 2000; i = (i + 1) % all.size()) {
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

    private static double[] stats(List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {at(sorted, 0.5), at(sorted, 0.95), sorted[sorted.length - 1]};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /**
     * The embedding the screen had before the batched encoder: all-MiniLM-L6-v2 on LangChain4j's encoder, one text per
     * model call on a one-thread session, the texts of a call spread over a pool of {@code threads}; and, as the screen
     * then asked, the request's pieces in one call, then its last {@code wholes} texts (the whole inputs) in a second.
     */
    private static final class OneTextPerCall implements Embedder {

        private final AbstractInProcessEmbeddingModel model;
        private final int wholes;

        private OneTextPerCall(AbstractInProcessEmbeddingModel model, int wholes) {
            this.model = model;
            this.wholes = wholes;
        }

        OneTextPerCall withWholes(int count) {
            return new OneTextPerCall(model, count);
        }

        OneTextPerCall(int threads, int wholes) {
            this.wholes = wholes;
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "bench-before");
                t.setDaemon(true);
                return t;
            });
            ClassLoader loader = dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel.class
                    .getClassLoader();
            try (InputStream onnx = loader.getResourceAsStream("all-minilm-l6-v2.onnx");
                    InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-tokenizer.json");
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment,
                        environment.createSession(onnx.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
                this.model = new AbstractInProcessEmbeddingModel(executor) {
                    @Override
                    protected OnnxBertBiEncoder model() {
                        return encoder;
                    }

                    @Override
                    protected Integer knownDimension() {
                        return 384;
                    }
                };
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String name() {
            return EmbeddingModel.ALL_MINILM_L6_V2.id();
        }

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
            int split = Math.max(0, texts.size() - wholes);
            List<float[]> out = new ArrayList<>(embed(texts.subList(0, split)));
            out.addAll(embed(texts.subList(split, texts.size())));
            return out;
        }

        private List<float[]> embed(List<String> texts) {
            if (texts.isEmpty()) {
                return List.of();
            }
            return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                    .map(e -> Vectors.normalize(e.vector())).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            return embedDocuments(List.of(query)).get(0);
        }
    }
}
