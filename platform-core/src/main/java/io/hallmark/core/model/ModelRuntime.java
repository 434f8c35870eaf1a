package io.hallmark.core.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.textgen.GgufLoader;
import io.hallmark.textgen.Llama2cLoader;
import io.hallmark.textgen.LlamaCheckpoint;
import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.LlamaModel;
import io.hallmark.textgen.ModelFormatException;
import io.hallmark.textgen.SafetensorsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's model runtime: owns the DJL engines (ONNX Runtime initialised first, then PyTorch; offline), loads
 * each model once, lends it to plugins and counts the leases, and frees its native memory when nobody can use it
 * any more (the last lease closed and, unless the serving profile unloads idle models at once, every plugin that
 * used it was disabled or removed).
 *
 * <p>Models are found in the {@link ModelDirectory} by name and format and identified by the SHA-256 of their
 * weights; a file whose checksum differs from the one the model folder lists ({@code SOURCE.md} or
 * {@code SHA256SUMS}), a truncated or corrupt file and an unknown format are refused with a message naming the
 * file and what was expected. Llama-family formats ({@code llama2c}, {@code gguf}) are loaded into a shared
 * {@link LlamaGenerator} with dynamic batching, which a lease hands out through {@code loaded(LlamaGenerator.class)}.
 * ONNX models ({@code onnx}: one {@code .onnx} file, or a folder of ONNX components) are handed out as an
 * {@link OnnxLoader} through {@code loaded(OnnxLoader.class)}: it loads each file of the model once on DJL's ONNX
 * Runtime engine, checked against the folder's checksums, and every lease of the model shares those sessions.
 */
public final class ModelRuntime implements ModelProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelRuntime.class);
    private static final Pattern GPU = Pattern.compile("gpu(?::(\\d+))?");

    private final ModelDirectory directory;
    private final String deviceSetting;
    private final ServingProfile profile;
    private final int threads;
    private final Map<Path, LoadedModel> loaded = new LinkedHashMap<>();
    private @Nullable Device device;
    private final List<String> engines = new ArrayList<>();
    private final HostEmbeddings embeddings = new HostEmbeddings();

    /**
     * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @param threads intra-op threads for the engines; 0 sizes them to the machine
     */
    public ModelRuntime(ModelDirectory directory, String device, ServingProfile profile, int threads) {
        this.directory = directory;
        this.deviceSetting = device.toLowerCase(Locale.ROOT);
        if (!deviceSetting.equals("auto") && !deviceSetting.equals("cpu") && !GPU.matcher(deviceSetting).matches()) {
            throw new IllegalArgumentException("Device '" + device + "' is not one of auto, cpu, gpu, gpu:N");
        }
        this.profile = profile;
        this.threads = threads > 0 ? threads : defaultThreads();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(this.threads));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.offline", "true");
    }

    /**
     * Intra-op threads when none are configured: half the logical CPUs (one per physical core with SMT), at least
     * one. On a 2-CPU machine shared with other processes, PyTorch's OpenMP barriers made two threads 2-40 times
     * slower than one (see docs/text-generation.md).
     */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** A runtime on the CPU with the low-latency profile, for tests and tools. */
    public static ModelRuntime onCpu(Path modelsDir) {
        return new ModelRuntime(new ModelDirectory(modelsDir), "cpu", ServingProfile.LOW_LATENCY, 0);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Initialises the ONNX Runtime engine at once: if another library (a LangChain4j embedder) created the ONNX
     * Runtime environment first, DJL's engine could not set its thread pool any more. PyTorch starts with the first
     * model that needs it, so commands and tests that load no model never unpack libtorch. Called at platform start.
     */
    public synchronized ModelRuntime start() {
        return startEngines(List.of("OnnxRuntime"));
    }

    private synchronized ModelRuntime startEngines(List<String> names) {
        for (String name : names) {
            if (engines.stream().anyMatch(e -> e.startsWith(name + " "))) {
                continue;
            }
            if (Engine.getAllEngines().contains(name)) {
                try {
                    Engine engine = Engine.getEngine(name);
                    engines.add(name + " " + engine.getVersion());
                } catch (RuntimeException | LinkageError e) { // UnsatisfiedLinkError, ExceptionInInitializerError
                    log.warn("Engine {} is not usable: {}", name, e.toString());
                }
            }
        }
        return this;
    }

    public ModelDirectory directory() {
        return directory;
    }

    public ServingProfile profile() {
        return profile;
    }

    /**
     * The device models run on, resolved from the {@code device} setting on first use: {@code auto} takes the first
     * GPU when PyTorch sees one, else the CPU; {@code gpu} / {@code gpu:N} on a machine where PyTorch sees no such
     * GPU fails with the reason (no GPU visible to the CUDA runtime, or a CPU build of libtorch).
     */
    public synchronized Device device() {
        if (device == null) {
            if (deviceSetting.equals("cpu")) {
                device = Device.cpu();
            } else {
                startEngines(List.of("OnnxRuntime", "PyTorch"));
                Engine pytorch = Engine.getEngine("PyTorch");
                int gpus = pytorch.getGpuCount();
                Matcher m = GPU.matcher(deviceSetting);
                if (deviceSetting.equals("auto")) {
                    device = gpus > 0 ? Device.gpu() : Device.cpu();
                } else {
                    m.matches();
                    int index = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
                    if (index >= gpus) {
                        throw new GenerationFailedException("Device '" + deviceSetting + "' was asked for but PyTorch "
                                + pytorch.getVersion() + " sees " + gpus + " GPU(s): " + gpuMissingReason(gpus)
                                + ". Use device=auto or cpu, or run a build with the CUDA libtorch (-Pcuda, see "
                                + "docs/text-generation.md) on a machine with an NVIDIA GPU", false, null);
                    }
                    device = Device.gpu(index);
                }
            }
            log.info("Models run on {} ({} threads, serving profile {})", device, threads, profile.id());
        }
        return device;
    }

    /** Why PyTorch sees fewer GPUs than asked for: none visible to the CUDA runtime, or a CPU build of libtorch. */
    private static String gpuMissingReason(int pytorchGpus) {
        int visible;
        try {
            visible = ai.djl.util.cuda.CudaUtils.getGpuCount();
        } catch (RuntimeException | LinkageError e) {
            return "the CUDA runtime cannot be asked (" + e.getMessage() + ")";
        }
        String libtorch;
        try {
            libtorch = ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            libtorch = "unknown";
        }
        if (visible == 0) {
            return "no CUDA GPU is visible to this process (no NVIDIA driver or libcudart found, or "
                    + "CUDA_VISIBLE_DEVICES hides them)";
        }
        if (pytorchGpus == 0) {
            return "the CUDA runtime sees " + visible + " GPU(s) but the libtorch loaded is not a CUDA build ("
                    + libtorch + ")";
        }
        return "there are only " + pytorchGpus + " (GPUs are numbered from 0)";
    }

    /**
     * The device models would run on, for listings: the resolved device, or where the setting cannot be met, a line
     * saying why. Does not start PyTorch for {@code cpu}, nor for {@code auto} when no CUDA GPU is visible.
     */
    public synchronized String deviceDescription() {
        if (device == null && deviceSetting.equals("auto") && visibleGpus() == 0) {
            return "cpu";
        }
        try {
            Device d = device();
            return d.isGpu() ? d.toString() : "cpu";
        } catch (GenerationFailedException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    private static int visibleGpus() {
        try {
            return ai.djl.util.cuda.CudaUtils.getGpuCount();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    /**
     * Lends plugins the knowledge base's embedders (format {@code embedding}) instead of loading copies of its own,
     * so one instance of each embedding model serves the knowledge base and every plugin.
     */
    public ModelRuntime withEmbedders(java.util.function.Function<io.hallmark.retrieval.embed.EmbeddingModel,
            ? extends io.hallmark.retrieval.embed.Embedder> source) {
        embeddings.share(source);
        return this;
    }

    @Override
    public ModelLease lease(ModelRequirement requirement, String holder) {
        if (requirement.format().equals(HostEmbeddings.FORMAT)) {
            // ONNX Runtime first through DJL: an embedder creating the environment first would fix its thread pool
            return embeddings.lease(requirement, () -> startEngines(List.of("OnnxRuntime")));
        }
        ModelFiles files = ModelFiles.find(directory, requirement);
        String sha = checkedSha256(files);
        if (requirement.sha256() != null && !requirement.sha256().equals(sha)) {
            throw new GenerationFailedException("Model '" + requirement.name() + "' at " + files.weights() + " has SHA-256 "
                    + sha + " but " + holder + " expects " + requirement.sha256()
                    + "; the file is corrupt or a different version");
        }
        return new Lease(files, new ModelInfo(requirement.name(), sha), holder);
    }

    /** Checks the weights (and tokenizer) against the checksums the model folder lists; returns the weights' SHA-256. */
    private String checkedSha256(ModelFiles files) {
        String sha = directory.sha256(files.weights());
        if (Files.isRegularFile(files.weights())) {
            check(files.weights(), sha);
        }
        if (files.tokenizer() != null) {
            check(files.tokenizer(), directory.sha256(files.tokenizer()));
        }
        return sha;
    }

    private void check(Path file, String actual) {
        String expected = Checksums.expected(file.getParent()).get(file.getFileName().toString());
        if (expected != null && !expected.equals(actual)) {
            long size = file.toFile().length();
            throw new GenerationFailedException("Model file " + file + " (" + size + " bytes) has SHA-256 " + actual
                    + "; its folder lists " + expected + ". The file is truncated or corrupt: copy it again from its "
                    + "source (see SOURCE.md)");
        }
    }

    /** Loads (once) and returns the generator of a Llama-family model; the caller holds a lease. */
    private LlamaGenerator generator(ModelFiles files, ModelInfo info, String holder) {
        if (files.format().equals("onnx")) {
            throw new GenerationFailedException("Model '" + files.name() + "' has format 'onnx': the model runtime "
                    + "hands it out as an OnnxLoader (lease.loaded(OnnxLoader.class)), not as a Llama generator");
        }
        if (!files.loadable()) {
            throw new GenerationFailedException("Model '" + files.name() + "' has format '" + files.format()
                    + "', which the model runtime does not load; it loads " + ModelFiles.LOADABLE
                    + " (other formats are leased as files)");
        }
        synchronized (this) {
            LoadedModel model = loaded.get(files.weights());
            if (model != null && model.sha256.equals(info.sha256())) {
                return model.generator;
            }
            if (model != null) {
                log.info("Model file {} changed; loading it again", files.weights());
                unload(model);
            }
            long start = System.nanoTime();
            LlamaCheckpoint checkpoint;
            try {
                checkpoint = switch (files.format()) {
                    case "gguf" -> GgufLoader.load(files.weights());
                    case "safetensors" -> SafetensorsLoader.load(files.path());
                    default -> Llama2cLoader.load(files.weights(), files.tokenizer());
                };
            } catch (ModelFormatException e) {
                throw new GenerationFailedException("Model '" + files.name() + "' cannot be loaded: " + e.getMessage(), false, e);
            }
            LlamaModel llama = LlamaModel.load(checkpoint, "PyTorch", device(), profile.precision());
            LlamaGenerator generator = new LlamaGenerator(llama, profile.maxBatch());
            LoadedModel entry = new LoadedModel(files, info.sha256(), generator, (System.nanoTime() - start) / 1_000_000);
            entry.leases = 1; // the lease that asked
            entry.holders.add(holder);
            loaded.put(files.weights(), entry);
            log.info("Loaded model '{}' ({}, {} parameters, {} MiB) on {} in {} ms", files.name(), files.format(),
                    checkpoint.config().parameterCount(), llama.weightBytes() >> 20, llama.device(), entry.loadMillis);
            return generator;
        }
    }

    private synchronized void returned(Path weights, String holder, boolean counted) {
        LoadedModel model = loaded.get(weights);
        if (model == null || !counted) {
            return;
        }
        model.leases--;
        if (model.leases <= 0 && (profile.unloadWhenIdle() || model.holders.isEmpty())) {
            unload(model);
        }
    }

    @Override
    public synchronized void release(String holder) {
        for (LoadedModel model : List.copyOf(loaded.values())) {
            model.holders.remove(holder);
            if (model.holders.isEmpty() && model.leases <= 0) {
                unload(model);
            }
        }
    }

    /** Unloads a model nobody holds a lease on; returns whether it was loaded. */
    public synchronized boolean unload(String name) {
        for (LoadedModel model : List.copyOf(loaded.values())) {
            if (model.files.name().equals(name)) {
                if (model.leases > 0) {
                    throw new IllegalStateException("Model '" + name + "' has " + model.leases + " open lease(s)");
                }
                unload(model);
                return true;
            }
        }
        return false;
    }

    private void unload(LoadedModel model) {
        loaded.remove(model.files.weights());
        model.close();
        log.info("Unloaded model '{}' ({})", model.files.name(), model.files.weights());
    }

    /**
     * Checks every file of every model in the model directory: size, SHA-256 against the folder's listed checksums,
     * and for Llama formats the header and tensor extents. Never throws for a bad file; reports it.
     */
    public List<ModelCheck> verify() {
        return ModelCheck.all(directory);
    }

    /** What the runtime holds: device, engines, profile and every loaded model with its leases and memory. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("device", device == null ? deviceSetting + " (not resolved yet)" : device.toString());
        s.put("engines", List.copyOf(engines));
        s.put("servingProfile", profile.id());
        s.put("threads", threads);
        s.put("maxBatch", profile.maxBatch());
        s.put("precision", profile.precision().name().toLowerCase(Locale.ROOT));
        s.put("modelsDir", directory.root().toString());
        long total = 0;
        List<Map<String, Object>> models = new ArrayList<>();
        for (LoadedModel m : loaded.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.files.name());
            e.put("format", m.files.format());
            e.put("file", m.files.weights().toString());
            e.put("sha256", m.sha256);
            if (m.generator != null) {
                LlamaModel model = m.model();
                e.put("parameters", model.config().parameterCount());
                e.put("device", model.device().toString());
                e.put("weightPlacement", model.placement().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                e.put("kvCacheBytes", model.cacheBytes());
                if (model.device().isGpu()) {
                    // what the model holds on the GPU: its weight NDArrays and its open sequences' KV caches
                    e.put("gpuMemoryBytes", model.deviceWeightBytes() + model.cacheBytes());
                }
                e.put("activeRequests", m.generator.active());
                e.put("generatedTokens", m.generator.generatedTokens());
            } else {
                e.put("onnxFiles", m.onnx.loadedFiles());
                e.put("device", "cpu (ONNX Runtime)");
            }
            e.put("weightBytes", m.weightBytes());
            e.put("leases", m.leases);
            e.put("holders", List.copyOf(new java.util.TreeSet<>(m.holders)));
            e.put("loadMillis", m.loadMillis);
            e.put("loadedAt", m.loadedAt.toString());
            total += m.weightBytes();
            models.add(e);
        }
        s.put("loaded", models);
        s.put("nativeWeightBytes", total);
        s.put("processRssBytes", rssBytes());
        if (device != null && device.isGpu()) {
            try {
                java.lang.management.MemoryUsage gpu = ai.djl.util.cuda.CudaUtils.getGpuMemory(device);
                s.put("gpuMemoryUsedBytes", gpu.getUsed());
                s.put("gpuMemoryTotalBytes", gpu.getMax());
            } catch (RuntimeException | LinkageError e) {
                s.put("gpuMemory", "unavailable: " + e.getMessage());
            }
        }
        return s;
    }

    private static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    @Override
    public synchronized void close() {
        for (LoadedModel model : List.copyOf(loaded.values())) {
            unload(model);
        }
        embeddings.close();
    }

    /** A lease: the files always, the loaded model when asked for. */
    private final class Lease implements CancellableModelLease {
        private final ModelFiles files;
        private final ModelInfo info;
        private final String holder;
        private boolean counted;
        private boolean closed;

        Lease(ModelFiles files, ModelInfo info, String holder) {
            this.files = files;
            this.info = info;
            this.holder = holder;
            synchronized (ModelRuntime.this) {
                LoadedModel existing = loaded.get(files.weights());
                if (existing != null && existing.sha256.equals(info.sha256())) {
                    existing.leases++;
                    existing.holders.add(holder);
                    counted = true;
                }
            }
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public Path path() {
            return files.path();
        }

        @Override
        public synchronized <T> Optional<T> loaded(Class<T> type) {
            if (closed) {
                throw new IllegalStateException("The lease of model '" + files.name() + "' is closed");
            }
            if (type.isAssignableFrom(OnnxLoader.class) && files.format().equals("onnx")) {
                return Optional.of(type.cast(onnx()));
            }
            if (!type.isAssignableFrom(LlamaGenerator.class) && !type.isAssignableFrom(LlamaModel.class)) {
                return Optional.empty();
            }
            LlamaGenerator generator;
            synchronized (ModelRuntime.this) {
                LoadedModel existing = loaded.get(files.weights());
                if (existing != null && existing.sha256.equals(info.sha256()) && existing.generator != null) {
                    count(existing);
                    generator = existing.generator;
                } else {
                    generator = generator(files, info, holder);
                    counted = true;
                }
            }
            return Optional.of(type.isInstance(generator) ? type.cast(generator) : type.cast(generator.model()));
        }

        /**
         * Runs a text model in the host for a plugin (in a worker, a plugin cannot read weights): greedy unless the
         * options say {@code temperature}; {@code maxTokens} defaults to 64 (at most 4096).
         */
        @Override
        public String generateText(String prompt, java.util.Map<String, Object> options) {
            return generateText(prompt, options, () -> false);
        }

        @Override
        public String generateText(String prompt, java.util.Map<String, Object> options,
                java.util.function.BooleanSupplier cancelled) {
            LlamaGenerator generator = loaded(LlamaGenerator.class).orElseThrow(() -> new UnsupportedOperationException(
                    "Model '" + files.name() + "' (format " + files.format() + ") is not a text model the host can run"));
            int maxTokens = (int) Math.max(1, Math.min(4096, number(options.get("maxTokens"), 64)));
            double temperature = number(options.get("temperature"), 0);
            long seed = (long) number(options.get("seed"), 0);
            io.hallmark.textgen.Completion completion = generator.generate(prompt, true,
                    new io.hallmark.textgen.SamplingSettings(maxTokens, temperature, 0, 1, 1, List.of(), seed),
                    piece -> { }, cancelled);
            if (completion.finish() == io.hallmark.textgen.Completion.Finish.CANCELLED) {
                throw new io.hallmark.api.GenerationCancelledException("Text generation with model '" + files.name()
                        + "' stopped after " + completion.outputTokens() + " tokens: the plugin call ended");
            }
            return completion.text();
        }

        /** Draws one image with an ONNX image model on the host's shared sessions (see {@link HostImages}). */
        @Override
        public byte[] generateImage(String prompt, java.util.Map<String, Object> options) {
            return generateImage(prompt, options, () -> false);
        }

        @Override
        public byte[] generateImage(String prompt, java.util.Map<String, Object> options,
                java.util.function.BooleanSupplier cancelled) {
            if (!files.format().equals("onnx")) {
                throw new UnsupportedOperationException("Model '" + files.name() + "' (format " + files.format()
                        + ") is not an ONNX image model; lease one with format 'onnx'");
            }
            return HostImages.generate(files.path(), info, loaded(OnnxLoader.class).orElseThrow(), prompt, options,
                    cancelled);
        }

        private static double number(Object value, double fallback) {
            return value instanceof Number n ? n.doubleValue() : fallback;
        }

        /** The model's shared ONNX loader, created (empty; files load on demand) on the first lease that asks. */
        private OnnxModels onnx() {
            synchronized (ModelRuntime.this) {
                LoadedModel existing = loaded.get(files.weights());
                if (existing != null && existing.sha256.equals(info.sha256()) && existing.onnx != null) {
                    count(existing);
                    return existing.onnx;
                }
                if (existing != null) {
                    log.info("Model file {} changed; loading it again", files.weights());
                    unload(existing);
                }
                startEngines(List.of("OnnxRuntime"));
                LoadedModel entry = new LoadedModel(files, info.sha256(), new OnnxModels(files, directory));
                loaded.put(files.weights(), entry);
                counted = false;
                count(entry);
                return entry.onnx;
            }
        }

        private void count(LoadedModel model) {
            if (!counted) {
                model.leases++;
                model.holders.add(holder);
                counted = true;
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                returned(files.weights(), holder, counted);
            }
        }
    }
}
