package io.hallmark.app.bench;

import ai.djl.Device;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import io.hallmark.textgen.GgufLoader;
import io.hallmark.textgen.GgufWriter;
import io.hallmark.textgen.LlamaCheckpoint;
import io.hallmark.textgen.LlamaConfig;
import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.LlamaModel;
import io.hallmark.textgen.Precision;
import io.hallmark.textgen.SamplingSettings;
import io.hallmark.textgen.Sequence;
import io.hallmark.textgen.TensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Prefill and decode tokens per second of Hallmark's Llama runtime (DJL PyTorch NDArrays) and of llama.cpp
 * (through de.kherud:llama) on the same GGUF files, side by side in one JVM: stories260k and a ~100M-parameter
 * random-weight Llama written here. Also the total tokens per second of concurrent requests with dynamic batching
 * on and off. Peak resident memory is measured per engine by resetting the kernel's high-water mark once the RSS has
 * settled, and reported above that baseline and over the model file's size.
 */
public final class TextgenBenchmark {

    /** What to run; {@code device} is where Hallmark's runtime runs (llama.cpp always runs on the CPU). */
    public record Settings(Path storiesGguf, Path work, int threads, int promptTokens, int decodeTokens,
            int batchTokens, List<Integer> concurrency, boolean llamaCpp, boolean bigModel, List<Path> modelFiles,
            Device device) {}

    /**
     * Llama 3.2 1B's shape (tied output, grouped-query attention 32/8, RoPE base 500000, a 128256-token vocabulary)
     * with a 2048-token context, for random-weight files.
     */
    public static final LlamaConfig LLAMA3_1B = new LlamaConfig(2048, 8192, 16, 32, 8, 128256, 2048, 1e-5f, 500000f, true);

    /** The ~100M-parameter shape: Llama-2 style with grouped-query attention, the stories vocabulary. */
    public static final LlamaConfig BIG = new LlamaConfig(768, 2048, 16, 12, 4, 512, 512, 1e-5f, 10000f, true);

    private static final String PROMPT = "Once upon a time, there was a little girl named Lily. She loved to play outside "
            + "in the park with her friends. One day, she saw a big red ball under a tree and ran to get it. ";

    private final Settings settings;
    private final Consumer<String> progress;

    public TextgenBenchmark(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Map<String, Object> run() throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("threads", settings.threads());
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("promptTokens", settings.promptTokens());
        result.put("decodeTokens", settings.decodeTokens());
        result.put("device", settings.device().toString());
        result.put("maxYoungGenerationMiB", PeakMemory.maxYoungGenerationMiB());
        List<Map<String, Object>> models = new ArrayList<>();
        if (!settings.modelFiles().isEmpty()) { // the user's files, side by side with llama.cpp
            for (Path file : settings.modelFiles()) {
                models.add(compare(file.getFileName().toString(), file));
            }
            result.put("models", models);
            return result;
        }
        models.add(compare("stories260k", settings.storiesGguf()));
        Path big = null;
        if (settings.bigModel()) {
            big = settings.work().resolve("random-100m-f32.gguf");
            writeRandomModel(big);
            models.add(compare("random-100m", big));
        }
        result.put("models", models);
        Path batchModel = big != null ? big : settings.storiesGguf();
        result.put("batching", batching(big != null ? "random-100m" : "stories260k", batchModel));
        return result;
    }

    private Map<String, Object> compare(String name, Path gguf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", name);
        m.put("file", gguf.toString());
        m.put("fileBytes", gguf.toFile().length());
        progress.accept(name + ": Hallmark (DJL PyTorch)");
        Map<String, Object> ours = hallmark(gguf);
        m.put("parameters", ours.remove("parameters"));
        m.put("hallmark", ours);
        if (settings.llamaCpp()) {
            progress.accept(name + ": llama.cpp (de.kherud:llama 4.2.0)");
            Map<String, Object> theirs = llamaCpp(gguf);
            m.put("llamaCpp", theirs);
            m.put("decodeRatio", ratio(ours.get("decodeTokensPerSecond"), theirs.get("decodeTokensPerSecond")));
            m.put("prefillRatio", ratio(ours.get("prefillTokensPerSecond"), theirs.get("prefillTokensPerSecond")));
        }
        return m;
    }

    private Map<String, Object> hallmark(Path gguf) {
        long baseline = PeakMemory.settleResetAndRssKiB();
        long start = System.nanoTime();
        LlamaCheckpoint checkpoint = GgufLoader.load(gguf);
        try (LlamaModel model = LlamaModel.load(checkpoint, "PyTorch", settings.device(), Precision.FLOAT32)) {
            double loadMs = (System.nanoTime() - start) / 1e6;
            int[] prompt = promptTokens(checkpoint);
            int capacity = prompt.length + settings.decodeTokens() + 1;
            double bestPrefill = Double.MAX_VALUE;
            double bestDecode = Double.MAX_VALUE;
            // warm-up rounds for at least 20 s (at most 6): until C2 has compiled them, the Vector API kernels run
            // tens of times slower, and on a busy machine the compiler threads get little time (a single warm-up
            // round left the first model of a run at a seventh of its speed)
            int warmUp = 0;
            long warmStart = System.nanoTime();
            while (warmUp < 6 && (warmUp == 0 || System.nanoTime() - warmStart < 20_000_000_000L)) {
                try (Sequence seq = model.newSequence(capacity)) {
                    float[] logits = model.forward(List.of(new LlamaModel.Chunk(seq, prompt)))[0];
                    for (int i = 0; i < settings.decodeTokens(); i++) {
                        logits = model.forward(List.of(new LlamaModel.Chunk(seq, new int[] {argmax(logits)})))[0];
                    }
                }
                warmUp++;
            }
            for (int round = 0; round < 2; round++) {
                try (Sequence seq = model.newSequence(capacity)) {
                    long t0 = System.nanoTime();
                    float[] logits = model.forward(List.of(new LlamaModel.Chunk(seq, prompt)))[0];
                    long t1 = System.nanoTime();
                    for (int i = 0; i < settings.decodeTokens(); i++) {
                        logits = model.forward(List.of(new LlamaModel.Chunk(seq, new int[] {argmax(logits)})))[0];
                    }
                    long t2 = System.nanoTime();
                    bestPrefill = Math.min(bestPrefill, t1 - t0);
                    bestDecode = Math.min(bestDecode, t2 - t1);
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("parameters", checkpoint.config().parameterCount());
            r.put("device", model.device().toString());
            r.put("weightPlacement", model.placement().name());
            r.put("weightBytes", model.weightBytes());
            if (model.device().isGpu()) {
                r.put("gpuWeightBytes", model.deviceWeightBytes());
            }
            r.put("weightBytesPerFileByte", round((double) model.weightBytes() / gguf.toFile().length()));
            r.put("loadMillis", round(loadMs));
            r.put("warmUpRounds", warmUp);
            r.put("prefillTokensPerSecond", round(prompt.length * 1e9 / bestPrefill));
            r.put("decodeTokensPerSecond", round(settings.decodeTokens() * 1e9 / bestDecode));
            r.put("msPerDecodedToken", round(bestDecode / 1e6 / settings.decodeTokens()));
            PeakMemory.put(r, baseline, gguf);
            return r;
        }
    }

    private Map<String, Object> llamaCpp(Path gguf) {
        long baseline = PeakMemory.settleResetAndRssKiB();
        long start = System.nanoTime();
        ModelParameters params = new ModelParameters().setModel(gguf.toString()).setThreads(settings.threads())
                .setThreadsBatch(settings.threads()).setCtxSize(512).setGpuLayers(0).disableLog();
        java.io.PrintStream stdout = System.out;
        de.kherud.llama.LlamaModel loaded;
        System.setOut(System.err); // its native-library loader prints to stdout, which carries --json output
        try {
            loaded = new de.kherud.llama.LlamaModel(params);
        } finally {
            System.setOut(stdout);
        }
        try (de.kherud.llama.LlamaModel model = loaded) {
            double loadMs = (System.nanoTime() - start) / 1e6;
            String prompt = PROMPT + PROMPT + PROMPT + PROMPT;
            while (prompt.length() > 4 && model.encode(prompt).length > settings.promptTokens() - 1) {
                prompt = prompt.substring(0, prompt.length() - 4);
            }
            int promptTokens = model.encode(prompt).length + 1; // + BOS
            double bestPrefill = Double.MAX_VALUE;
            double bestDecode = Double.MAX_VALUE;
            int produced = 0;
            for (int round = 0; round < 3; round++) {
                InferenceParameters inference = new InferenceParameters(prompt).setNPredict(settings.decodeTokens() + 1)
                        .setTemperature(0).setIgnoreEos(true).setCachePrompt(false).setSeed(1);
                long t0 = System.nanoTime();
                long first = 0;
                int n = 0;
                for (LlamaOutput ignored : model.generate(inference)) {
                    if (n++ == 0) {
                        first = System.nanoTime();
                    }
                }
                long end = System.nanoTime();
                if (round > 0 && n > 1) {
                    bestPrefill = Math.min(bestPrefill, first - t0);
                    bestDecode = Math.min(bestDecode, (double) (end - first) / (n - 1));
                    produced = n;
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("loadMillis", round(loadMs));
            r.put("promptTokens", promptTokens);
            r.put("prefillTokensPerSecond", round(promptTokens * 1e9 / bestPrefill));
            r.put("decodeTokensPerSecond", round(1e9 / bestDecode));
            r.put("msPerDecodedToken", round(bestDecode / 1e6));
            r.put("tokensGenerated", produced);
            PeakMemory.put(r, baseline, gguf);
            r.put("note", "prefill time is the time to the first streamed token (prefill plus one decode step)");
            return r;
        }
    }

    private List<Map<String, Object>> batching(String name, Path gguf) {
        List<Map<String, Object>> rows = new ArrayList<>();
        LlamaCheckpoint checkpoint = GgufLoader.load(gguf);
        try (LlamaModel model = LlamaModel.load(checkpoint, "PyTorch", settings.device(), Precision.FLOAT32)) {
            int maxConcurrency = settings.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
            ExecutorService pool = Executors.newFixedThreadPool(maxConcurrency);
            try {
                for (int c : settings.concurrency()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("model", name);
                    row.put("concurrentRequests", c);
                    for (boolean on : new boolean[] {false, true}) {
                        progress.accept(name + ": " + c + " concurrent requests, batching " + (on ? "on" : "off"));
                        try (LlamaGenerator generator = new LlamaGenerator(model, on ? maxConcurrency : 1)) {
                            generate(generator, pool, 1); // warm-up
                            long t0 = System.nanoTime();
                            long tokens = generate(generator, pool, c);
                            double seconds = (System.nanoTime() - t0) / 1e9;
                            row.put(on ? "batchedTokensPerSecond" : "unbatchedTokensPerSecond", round(tokens / seconds));
                        }
                    }
                    row.put("speedup", ratio(row.get("batchedTokensPerSecond"), row.get("unbatchedTokensPerSecond")));
                    rows.add(row);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return rows;
    }

    private long generate(LlamaGenerator generator, ExecutorService pool, int concurrent) {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            String prompt = "Once upon a time, " + (i % 2 == 0 ? "a cat" : "a little boy") + " went";
            futures.add(pool.submit(() -> generator.generate(prompt, true, SamplingSettings.greedy(settings.batchTokens()),
                    p -> { }, () -> false).outputTokens()));
        }
        long tokens = 0;
        for (Future<Integer> f : futures) {
            try {
                tokens += f.get();
            } catch (Exception e) {
                throw new IllegalStateException("A benchmark request failed: " + e, e);
            }
        }
        return tokens;
    }

    /**
     * Writes a random-weight model of {@link #LLAMA3_1B}'s shape in {@code type}: a {@link TensorType} name, or
     * {@code Q4_K_M} for llama-quantize's mix ({@link GgufWriter#q4KMedium}); the stories vocabulary padded with
     * plain pieces to 128256 tokens, weights uniform in +-0.02*sqrt(3) (std 0.02), norms 1.
     */
    public static void writeLlama3Shaped(Path stories, Path target, String type) {
        java.util.function.Function<String, TensorType> typeOf = type.equals("Q4_K_M") ? GgufWriter.q4KMedium(LLAMA3_1B)
                : typeOf(type);
        io.hallmark.textgen.SentencePieceTokenizer base = (io.hallmark.textgen.SentencePieceTokenizer) GgufLoader.load(stories).tokenizer();
        List<String> tokens = new ArrayList<>(base.ggufTokens());
        float[] baseScores = base.scores();
        float[] scores = java.util.Arrays.copyOf(baseScores, LLAMA3_1B.vocabSize());
        for (int i = tokens.size(); i < LLAMA3_1B.vocabSize(); i++) {
            tokens.add("\u2581w" + i);
            scores[i] = -1000 - i;
        }
        io.hallmark.textgen.SentencePieceTokenizer vocab = io.hallmark.textgen.SentencePieceTokenizer.fromGguf(tokens, scores,
                base.bos(), base.eos());
        float bound = (float) (0.02 * Math.sqrt(3));
        GgufWriter.write(target, LLAMA3_1B, vocab, name -> {
            long[] shape = GgufWriter.shapes(LLAMA3_1B).get(name);
            int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            float[] v = new float[n];
            if (shape.length == 1) {
                java.util.Arrays.fill(v, 1f);
            } else {
                java.util.stream.IntStream.range(0, n / 65536 + 1).parallel().forEach(chunk -> {
                    SplittableRandom random = new SplittableRandom(name.hashCode() * 31L + chunk);
                    for (int i = chunk * 65536; i < Math.min(n, (chunk + 1) * 65536); i++) {
                        v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                    }
                });
            }
            return v;
        }, typeOf, "random-llama3-1b-" + type, null, Map.of());
    }

    private static java.util.function.Function<String, TensorType> typeOf(String type) {
        TensorType t;
        try {
            t = TensorType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown weight type '" + type + "'; expected Q4_K_M or one of "
                    + java.util.Arrays.toString(TensorType.values()), e);
        }
        return name -> t;
    }

    /** Writes the random-weight ~100M model as GGUF F32 with the stories vocabulary. */
    private void writeRandomModel(Path target) {
        progress.accept("writing a random-weight Llama of " + BIG.parameterCount() / 1_000_000 + "M parameters to " + target);
        LlamaCheckpoint stories = GgufLoader.load(settings.storiesGguf());
        SplittableRandom random = new SplittableRandom(20261128);
        float bound = (float) (0.02 * Math.sqrt(3));
        GgufWriter.write(target, BIG, (io.hallmark.textgen.SentencePieceTokenizer) stories.tokenizer(), name -> {
            long[] shape = GgufWriter.shapes(BIG).get(name);
            int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            float[] v = new float[n];
            if (shape.length == 1) {
                java.util.Arrays.fill(v, 1f);
            } else {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                }
            }
            return v;
        }, TensorType.F32, "random-100m");
    }

    private int[] promptTokens(LlamaCheckpoint checkpoint) {
        int[] all = checkpoint.tokenizer().encode(PROMPT + PROMPT + PROMPT + PROMPT, true);
        return java.util.Arrays.copyOf(all, Math.min(all.length, settings.promptTokens()));
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Object ratio(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && y.doubleValue() > 0) {
            return round(x.doubleValue() / y.doubleValue());
        }
        return null;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The process's peak resident set (VmHWM), which Linux resets when "5" is written to clear_refs. */
    static final class PeakMemory {
        /**
         * Collects garbage, waits until the RSS stops falling (G1 hands a shrunk heap back to the kernel concurrently,
         * after {@code System.gc()} returns), then resets the high-water mark and returns the RSS. Without the wait
         * the heap an engine before had grown was still being returned while the next one loaded, and that engine's
         * peak read as 0 MiB above a baseline that was still falling (llama.cpp after Hallmark).
         */
        static long settleResetAndRssKiB() {
            System.gc();
            long last = read("VmRSS:");
            for (int stable = 0, i = 0; stable < 3 && i < 50; i++) { // 3 readings 200 ms apart within 1 MiB; 10 s at most
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                long now = read("VmRSS:");
                stable = Math.abs(now - last) <= 1024 ? stable + 1 : 0;
                last = now;
            }
            return resetAndRssKiB();
        }

        static long resetAndRssKiB() {
            try {
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            } catch (IOException | RuntimeException e) {
                // not Linux, or not allowed: the peak then covers the whole run
            }
            return read("VmRSS:");
        }

        static long peakKiB() {
            return read("VmHWM:");
        }

        /**
         * Puts the RSS before loading, the peak above it, and that peak over the file's size (the goal: at
         * most 1.3x; weights plus everything the engine needed to run them: its native library, its Java heap's
         * young generation, caches, activations).
         */
        static void put(Map<String, Object> r, long baselineKiB, Path file) {
            long above = peakKiB() - baselineKiB;
            r.put("baselineRssMiB", baselineKiB / 1024);
            r.put("peakRssAboveBaselineMiB", above / 1024);
            r.put("peakRssAboveBaselinePerFileByte", round(above * 1024.0 / file.toFile().length()));
        }

        /** The JVM's cap on its young generation ({@code -XX:MaxNewSize}, set by the launcher), in MiB; -1 where unset. */
        static long maxYoungGenerationMiB() {
            try {
                com.sun.management.HotSpotDiagnosticMXBean hotspot = java.lang.management.ManagementFactory
                        .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                com.sun.management.VMOption option = hotspot.getVMOption("MaxNewSize");
                return option.getOrigin() == com.sun.management.VMOption.Origin.DEFAULT ? -1
                        : Long.parseLong(option.getValue()) >> 20;
            } catch (RuntimeException e) {
                return -1;
            }
        }

        private static long read(String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.replaceAll("\\D+", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux
            }
            return -1;
        }
    }
}
