package io.hallmark.app;

import io.hallmark.api.HallmarkException;
import io.hallmark.app.bench.Distribution;
import io.hallmark.app.bench.PluginBenchmark;
import io.hallmark.app.bench.TextgenBenchmark;
import io.hallmark.core.config.HallmarkConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hallmark bench}: benchmarks that run Hallmark side by side with a baseline and print the ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; each compares Hallmark with a baseline in the same run.",
        subcommands = {BenchCommand.Queue.class, BenchCommand.Plugins.class, RetrievalBenchCommand.class,
            BenchCommand.Textgen.class, GovernanceBenchCommand.class,
            FactCheckBenchCommand.class, BenchCommand.Image.class, BenchCommand.Video.class,
            DiffusionBenchCommand.class, FirstDecisionBenchCommand.class, StoriesBenchCommand.class,
            BenchCommand.Blobs.class, BenchCommand.KbFollow.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing benchmark; valid: queue, plugins, retrieval, textgen, governance, factcheck, image, video, "
                        + "first-decision, "
                        + "diffusion, blobs");
    }

    @Command(name = "plugins", mixinStandardHelpOptions = true,
            description = "Install-to-ready time of a signed plugin, and the latency a call through the plugin host "
                    + "adds over a direct call of the same generator.")
    static final class Plugins implements Callable<Integer> {

        @Option(names = "--installs", defaultValue = "10", description = "Install/remove cycles (default ${DEFAULT-VALUE}).")
        int installs;

        @Option(names = "--calls", defaultValue = "20000", description = "Measured calls each way (default ${DEFAULT-VALUE}).")
        int calls;

        @Option(names = "--archive", paramLabel = "FILE",
                description = "Plugin archive to use (default: the example plugin of the distribution).")
        Path archive;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (installs < 1 || calls < 1) {
                throw new IllegalArgumentException("--installs and --calls must be at least 1");
            }
            Path plugin = archive != null ? archive : Distribution.examplePlugin().orElseThrow(() ->
                    new HallmarkException("The example plugin is not in this distribution; pass --archive FILE"));
            return runInTempDir(spec, json, (work, progress) -> new PluginBenchmark(plugin, work, progress)
                    .run(installs, calls));
        }
    }

    @Command(name = "image", mixinStandardHelpOptions = true,
            description = "Images/s of the MNIST GAN through the image generator plugin and through the runtime, side "
                    + "by side with ONNX Runtime called directly on the same model (overhead ratios), and memory.")
    static final class Image extends PlatformCommand {

        @Option(names = "--batch", defaultValue = "16", description = "Images per call (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per path (default ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            if (batch < 1 || batch > 64 || seconds < 1) {
                throw new IllegalArgumentException("--batch must be 1 to 64 and --seconds at least 1");
            }
            HallmarkConfig config = platform.load();
            Path plugins = config.plugins().bundledDir() != null ? config.plugins().bundledDir()
                    : Distribution.home().map(h -> h.resolve("plugins")).orElseThrow(() ->
                            new HallmarkException("No bundled plugins folder; run from the distribution"));
            return runInTempDir(spec, json, (work, progress) -> new io.hallmark.app.bench.ImageBenchmark(
                    new io.hallmark.app.bench.ImageBenchmark.Settings(config.modelsDir(), plugins, work, batch, seconds),
                    progress).run());
        }
    }

    @Command(name = "video", mixinStandardHelpOptions = true,
            description = "Frames/s of rendering a latent trajectory through the MNIST VAE decoder and of encoding it "
                    + "as MP4 (H.264, JCodec) and GIF, next to ffmpeg's libx264 on the same frames when installed.")
    static final class Video extends PlatformCommand {

        @Option(names = "--frames", defaultValue = "240", description = "Frames (default ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--size", defaultValue = "256", description = "Frame width and height, even (default ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--fps", defaultValue = "24", description = "Frames per second (default ${DEFAULT-VALUE}).")
        int fps;

        @Override
        public Integer call() throws Exception {
            HallmarkConfig config = platform.load();
            if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                System.setProperty("DJL_CACHE_DIR", config.dataDir().resolve("cache/djl").toString());
            }
            return runInTempDir(spec, json, (work, progress) -> new io.hallmark.app.bench.VideoBenchmark(
                    new io.hallmark.app.bench.VideoBenchmark.Settings(config.modelsDir(), work, frames, size, fps),
                    progress).run());
        }
    }

    /** A benchmark body: given a scratch folder and a progress sink, returns the figures. */
    interface Body {
        Map<String, Object> run(Path work, java.util.function.Consumer<String> progress) throws Exception;
    }

    /** Runs a benchmark in a scratch folder (deleted afterwards), progress to stderr, figures to stdout. */
    static int runInTempDir(CommandLine.Model.CommandSpec spec, boolean json, Body body) throws Exception {
        Path work = Files.createTempDirectory("hallmark-bench-");
        try {
            PrintWriter err = spec.commandLine().getErr();
            Map<String, Object> result = body.run(work, m -> {
                err.println("bench: " + m);
                err.flush();
            });
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, result);
            } else {
                result.forEach((k, v) -> out.println(k + ": " + v));
            }
            return 0;
        } finally {
            deleteRecursively(work);
        }
    }

    @Command(name = "blobs", mixinStandardHelpOptions = true,
            description = "Write and read MB/s of the shared blob store in PostgreSQL (an embedded server on a scratch "
                    + "folder) next to the local-file store on the same disk, on the same incompressible blobs.")
    static final class Blobs implements Callable<Integer> {

        @Option(names = "--blobs", defaultValue = "16", description = "Blobs per store (default ${DEFAULT-VALUE}).")
        int blobs;

        @Option(names = "--blob-mib", defaultValue = "8", description = "MiB per blob (default ${DEFAULT-VALUE}).")
        int blobMiB;

        @Option(names = "--s3", paramLabel = "s3://BUCKET/PREFIX?endpoint=URL",
                description = "Also measure the S3 blob store (blob-store=s3) in this bucket; credentials from the AWS "
                        + "environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, profiles).")
        String s3;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            io.hallmark.core.blob.BlobStore s3Store = s3 == null ? null : io.hallmark.core.blob.S3BlobStore.open(
                    io.hallmark.core.s3.S3Location.parse(s3), io.hallmark.core.Platform.MAX_BLOB_BYTES);
            return runInTempDir(spec, json, (work, progress) -> io.hallmark.app.bench.BlobBenchmark.runEmbedded(work,
                    blobs, blobMiB, s3Store, progress));
        }
    }

    @Command(name = "kb-follow", mixinStandardHelpOptions = true,
            description = "The knowledge base shared through PostgreSQL: ingest throughput (shared next to local-only), "
                    + "catch-up latency from an ingest on one node to a search on another (p50/p95), and a fresh "
                    + "node's rebuild, on an embedded PostgreSQL in a scratch folder.")
    static final class KbFollow implements Callable<Integer> {

        @Option(names = "--documents", defaultValue = "300", description = "Documents ingested (default ${DEFAULT-VALUE}).")
        int documents;

        @Option(names = "--batch", defaultValue = "50", description = "Documents per ingest (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--rounds", defaultValue = "30", description = "Catch-up measurements (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return runInTempDir(spec, json, (work, progress) -> io.hallmark.app.bench.KbFollowBenchmark.runEmbedded(
                    work, documents, batch, rounds, progress));
        }
    }

    @Command(name = "queue", mixinStandardHelpOptions = true,
            description = "Jobs/s through the durable queue at 1, 2 and 4 workers next to a plain INSERT/UPDATE loop, "
                    + "and the end-to-end latency of a governed text job.")
    static final class Queue implements Callable<Integer> {

        @Option(names = "--jobs", defaultValue = "2000", description = "Jobs per run (default ${DEFAULT-VALUE}).")
        int jobs;

        @Option(names = "--text-jobs", defaultValue = "20", description = "Governed text jobs timed (default ${DEFAULT-VALUE}).")
        int textJobs;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path plugin = Distribution.examplePlugin().orElseThrow(() ->
                    new HallmarkException("The example plugin is not in this distribution"));
            return runInTempDir(spec, json, (work, progress) -> new io.hallmark.app.bench.QueueBenchmark(work, plugin,
                    progress).run(jobs, textJobs));
        }
    }

    @Command(name = "textgen", mixinStandardHelpOptions = true,
            description = "Prefill and decode tokens/s of the Llama runtime against llama.cpp on the same GGUF files "
                    + "(stories260k and a ~100M-parameter random-weight model), peak memory, and concurrent requests "
                    + "with dynamic batching on and off.")
    static final class Textgen extends PlatformCommand {

        @Option(names = "--threads", defaultValue = "0", description = "Threads for llama.cpp and for Hallmark's weight products "
                + "(default: the model runtime's, half the CPUs); PyTorch's own ops get at most the runtime's default.")
        int threads;

        @Option(names = "--prompt-tokens", defaultValue = "64", description = "Prompt length (default ${DEFAULT-VALUE}).")
        int promptTokens;

        @Option(names = "--tokens", defaultValue = "64", description = "Tokens decoded per run (default ${DEFAULT-VALUE}).")
        int tokens;

        @Option(names = "--batch-tokens", defaultValue = "32",
                description = "Tokens per request in the batching runs (default ${DEFAULT-VALUE}).")
        int batchTokens;

        @Option(names = "--concurrency", split = ",", defaultValue = "1,4,8",
                description = "Concurrent requests for the batching runs (default ${DEFAULT-VALUE}).")
        List<Integer> concurrency;

        @Option(names = "--no-llama-cpp", description = "Skip the llama.cpp baseline.")
        boolean noLlamaCpp;

        @Option(names = "--no-100m", description = "Skip the ~100M-parameter model.")
        boolean noBig;

        @Option(names = "--model", paramLabel = "FILE",
                description = "Benchmark these GGUF files (any supported architecture and type) against llama.cpp instead "
                        + "of the built-in models; repeatable.")
        List<Path> models = new java.util.ArrayList<>();

        @Option(names = "--write-llama3-1b", paramLabel = "DIR",
                description = "Only write random-weight Llama-3.2-1B-shaped GGUF files (random-llama3-1b-TYPE.gguf) into DIR, "
                        + "one per --types, for --model runs.")
        Path writeDir;

        @Option(names = "--device", defaultValue = "cpu",
                description = "Where Hallmark's runtime runs: cpu, gpu, gpu:N or auto (default ${DEFAULT-VALUE}); a GPU "
                        + "needs the -Pcuda build (scripts/gpu-suite.sh). llama.cpp runs on the CPU either way.")
        String device;

        @Option(names = "--kernels", description = "Only time the decode kernels of each quantized type (a 2048 x 8192 "
                + "matrix times one vector, --threads threads; Q8_0 is the reference), no model.")
        boolean kernels;

        @Option(names = "--types", split = ",", defaultValue = "Q4_K,Q8_0",
                description = "Weight types for --write-llama3-1b: Q8_0, Q4_K, Q6_K, ... or Q4_K_M (llama-quantize's mix: "
                        + "Q6_K output head and some ffn_down/attn_v, Q4_K otherwise; default ${DEFAULT-VALUE}).")
        List<String> types;

        @Override
        public Integer call() throws Exception {
            int n = threads > 0 ? threads : io.hallmark.core.model.ModelRuntime.defaultThreads();
            if (System.getProperty("ai.djl.pytorch.num_threads") == null) { // HALLMARK_JAVA_OPTS may set it
                // PyTorch runs only the decoder's small ops (norms, RoPE, attention): its OpenMP threads competing with
                // the kernels' pool for the same CPUs made decode 2.5-5x slower (docs/performance.md)
                System.setProperty("ai.djl.pytorch.num_threads",
                        Integer.toString(Math.min(n, io.hallmark.core.model.ModelRuntime.defaultThreads())));
            }
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            System.setProperty("hallmark.textgen.threads", Integer.toString(n)); // QuantizedMatrix's pool
            System.setProperty("ai.djl.offline", "true");
            if (kernels) {
                // best of 300: on the shared, loaded machine best of 30 products (a few ms each) often missed every
                // quiet moment (docs/performance.md)
                Map<String, Object> result = io.hallmark.textgen.KernelBenchmark.run(2048, 8192, 300,
                        io.hallmark.textgen.KernelBenchmark.TYPES);
                if (json) {
                    JsonOutput.print(spec.commandLine().getOut(), result);
                } else {
                    io.hallmark.textgen.KernelBenchmark.print(result, spec.commandLine().getOut());
                }
                return 0;
            }
            HallmarkConfig config = platform.load();
            if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                System.setProperty("DJL_CACHE_DIR", config.dataDir().resolve("cache/djl").toString());
            }
            Path stories = config.modelsDir().resolve("stories260k/stories260K-f32.gguf");
            if (!Files.isRegularFile(stories)) {
                throw new HallmarkException("The benchmark needs " + stories + "; point --models-dir (or HALLMARK_MODELS_DIR) "
                        + "at a model directory holding stories260k/, e.g. --models-dir ../shared/models");
            }
            if (writeDir != null) {
                Files.createDirectories(writeDir);
                for (String type : types) {
                    Path target = writeDir.resolve("random-llama3-1b-" + type + ".gguf");
                    spec.commandLine().getErr().println("bench: writing " + target);
                    spec.commandLine().getErr().flush();
                    TextgenBenchmark.writeLlama3Shaped(stories, target, type);
                    spec.commandLine().getOut().printf("%s %,d bytes%n", target, Files.size(target));
                }
                spec.commandLine().getOut().flush();
                return 0;
            }
            for (Path model : models) {
                if (!Files.isRegularFile(model)) {
                    throw new HallmarkException("--model " + model + " is not a file");
                }
            }
            ai.djl.Device runOn;
            try (io.hallmark.core.model.ModelRuntime runtime = new io.hallmark.core.model.ModelRuntime(
                    new io.hallmark.core.model.ModelDirectory(config.modelsDir()), device,
                    io.hallmark.core.model.ServingProfile.LOW_LATENCY, n)) {
                runOn = runtime.device(); // a GPU asked for and not there fails here, naming why
            } catch (IllegalArgumentException | io.hallmark.api.GenerationFailedException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--device " + device + ": " + e.getMessage());
            }
            Path work = Files.createTempDirectory("hallmark-bench-textgen-");
            try {
                PrintWriter err = spec.commandLine().getErr();
                Map<String, Object> result = new TextgenBenchmark(new TextgenBenchmark.Settings(stories, work, n, promptTokens,
                        tokens, batchTokens, concurrency, !noLlamaCpp, !noBig, List.copyOf(models), runOn), m -> {
                            err.println("bench: " + m);
                            err.flush();
                        }).run();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    JsonOutput.print(out, result);
                } else {
                    printTextgen(out, result);
                }
                return 0;
            } finally {
                deleteRecursively(work);
            }
        }

        @SuppressWarnings("unchecked")
        private static void printTextgen(PrintWriter out, Map<String, Object> result) {
            out.printf("threads %s of %s CPUs, prompt %s tokens, decode %s tokens, Hallmark on %s%n", result.get("threads"),
                    result.get("cpus"), result.get("promptTokens"), result.get("decodeTokens"), result.get("device"));
            Object young = result.get("maxYoungGenerationMiB");
            out.printf("JVM young generation: %s%n", young instanceof Number n && n.longValue() >= 0
                    ? "at most " + n + " MiB (-XX:MaxNewSize)" : "uncapped (no -XX:MaxNewSize; the launcher sets one)");
            for (Map<String, Object> m : (List<Map<String, Object>>) result.get("models")) {
                out.printf("%n%s (%,d parameters, %,d bytes GGUF)%n", m.get("model"), m.get("parameters"), m.get("fileBytes"));
                out.printf("  %-10s %14s %14s %12s %14s %12s%n", "engine", "prefill tok/s", "decode tok/s", "ms/token",
                        "peak RSS MiB", "RSS / file");
                for (String engine : List.of("hallmark", "llamaCpp")) {
                    Map<String, Object> e = (Map<String, Object>) m.get(engine);
                    if (e != null) {
                        out.printf("  %-10s %14s %14s %12s %14s %11sx%n", engine.equals("hallmark") ? "Hallmark" : "llama.cpp",
                                e.get("prefillTokensPerSecond"), e.get("decodeTokensPerSecond"), e.get("msPerDecodedToken"),
                                e.get("peakRssAboveBaselineMiB"), e.get("peakRssAboveBaselinePerFileByte"));
                    }
                }
                out.printf("  (peak RSS: the process's resident high-water mark above its RSS before loading, baselines"
                        + " %s / %s MiB)%n", ((Map<String, Object>) m.get("hallmark")).get("baselineRssMiB"),
                        m.get("llamaCpp") instanceof Map<?, ?> l ? l.get("baselineRssMiB") : "-");
                if (m.containsKey("decodeRatio")) {
                    out.printf("  Hallmark / llama.cpp: decode %sx, prefill %sx%n", m.get("decodeRatio"), m.get("prefillRatio"));
                }
                Map<String, Object> h = (Map<String, Object>) m.get("hallmark");
                out.printf("  Hallmark weights held: %,d bytes, %sx the file%n", h.get("weightBytes"), h.get("weightBytesPerFileByte"));
            }
            if (!result.containsKey("batching")) {
                out.flush();
                return;
            }
            out.printf("%ndynamic batching (total tokens/s):%n  %-12s %-12s %10s %10s %8s%n", "model", "concurrent", "off", "on",
                    "speedup");
            for (Map<String, Object> r : (List<Map<String, Object>>) result.get("batching")) {
                out.printf("  %-12s %-12s %10s %10s %7sx%n", r.get("model"), r.get("concurrentRequests"),
                        r.get("unbatchedTokensPerSecond"), r.get("batchedTokensPerSecond"), r.get("speedup"));
            }
            out.flush();
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
