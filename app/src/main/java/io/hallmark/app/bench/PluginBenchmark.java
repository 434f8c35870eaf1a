package io.hallmark.app.bench;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.signing.PluginArchiveSigner;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the plugin host: how long a signed plugin takes from install to serving its first call (its worker process
 * started), how much latency a call adds through the host in process (validation, its own thread, deadline, output
 * checks) and through a confined worker process (the protocol round trip on top) over calling the same generator
 * directly, loaded from the same archive, in the same run; the streaming cost per piece; the worker's start time and
 * resident memory.
 */
public final class PluginBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PluginBenchmark.class);

    private final Path archive;
    private final Path workDir;
    private final Consumer<String> progress;

    public PluginBenchmark(Path archive, Path workDir, Consumer<String> progress) {
        this.archive = archive;
        this.workDir = workDir;
        this.progress = progress;
    }

    public Map<String, Object> run(int installs, int calls) throws Exception {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.DATA_DIR, workDir.resolve("data").toString());
        // the same archive under another id, shipped as a bundled plugin: loaded in the platform's JVM
        Path bundled = Files.createDirectories(workDir.resolve("bundled"));
        withId(archive, IN_PROCESS_ID, bundled.resolve(IN_PROCESS_ID + "-1.0.0.jar"));
        flags.put(ConfigKey.BUNDLED_PLUGINS_DIR, bundled.toString());
        HallmarkConfig config = new ConfigLoader(Map.of()).load(flags);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("archive", archive.toString());
        result.put("javaVersion", Runtime.version().toString());
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        try (Platform platform = Platform.start(config, "command")) {
            PluginHost host = platform.plugins();
            KeyPair key = SigningKeys.generate();
            host.trustKey(SigningKeys.publicPem(key.getPublic()), "bench", "bench");
            Path signed = workDir.resolve("example-markov-1.0.0.jar");
            Files.copy(archive, signed, StandardCopyOption.REPLACE_EXISTING);
            PluginArchiveSigner.sign(signed, key.getPrivate(), key.getPublic());
            GenerationRequest request = GenerationRequest.of(Modality.TEXT, "The keeper")
                    .withParameters(Map.of("maxWords", 1)).withSeed(1L);

            long[] installNanos = new long[installs];
            long[] readyNanos = new long[installs];
            for (int i = 0; i < installs; i++) {
                long t0 = System.nanoTime();
                host.install(signed, Set.of(), "bench");
                installNanos[i] = System.nanoTime() - t0;
                host.generate("example-markov", request, CallOptions.defaults("bench"));
                readyNanos[i] = System.nanoTime() - t0;
                if (i < installs - 1) {
                    host.remove("example-markov", "bench");
                }
                progress.accept("install " + (i + 1) + "/" + installs);
            }
            result.put("installMillis", millis(Stats.ofNanos(installNanos)));
            result.put("installToFirstCallMillis", millis(Stats.ofNanos(readyNanos)));
            result.put("isolation", host.isolationOf("example-markov").orElse("?"));
            result.put("inProcessIsolation", host.isolationOf(IN_PROCESS_ID).orElse("?"));

            // worker start: disable (stops the worker) and enable (starts a new one), then the first call
            long[] startNanos = new long[Math.max(1, installs)];
            for (int i = 0; i < startNanos.length; i++) {
                host.disable("example-markov", "bench");
                long t0 = System.nanoTime();
                host.enable("example-markov", "bench");
                host.generate("example-markov", request, CallOptions.defaults("bench"));
                startNanos[i] = System.nanoTime() - t0;
            }
            result.put("workerStartToFirstCallMillis", millis(Stats.ofNanos(startNanos)));

            ContentGenerator direct = loadDirectly(archive);
            GenerationRequest validated = request.withParameters(direct.info().validate(request.parameters()));
            GeneratorContext context = new DirectContext();
            int warmup = Math.max(200, calls / 5);
            for (int i = 0; i < warmup; i++) {
                direct.generate(validated, context);
                host.generate(IN_PROCESS_ID, request, CallOptions.defaults("bench"));
                host.generate("example-markov", request, CallOptions.defaults("bench"));
            }
            progress.accept("warm-up done; measuring " + calls + " calls each");
            long[] directNanos = new long[calls];
            long[] inProcessNanos = new long[calls];
            long[] workerNanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                direct.generate(validated, context);
                long t1 = System.nanoTime();
                host.generate(IN_PROCESS_ID, request, CallOptions.defaults("bench"));
                long t2 = System.nanoTime();
                host.generate("example-markov", request, CallOptions.defaults("bench"));
                long t3 = System.nanoTime();
                directNanos[i] = t1 - t0;
                inProcessNanos[i] = t2 - t1;
                workerNanos[i] = t3 - t2;
            }
            Stats d = Stats.ofNanos(directNanos);
            Stats h = Stats.ofNanos(inProcessNanos);
            Stats w = Stats.ofNanos(workerNanos);
            result.put("directCallMicros", d.toMap());
            result.put("hostCallMicros", h.toMap());
            result.put("workerCallMicros", w.toMap());
            result.put("addedLatencyP50Micros", Stats.round(h.p50Micros() - d.p50Micros()));
            result.put("addedLatencyMeanMicros", Stats.round(h.meanMicros() - d.meanMicros()));
            result.put("hostOverDirectRatioP50", Stats.round(h.p50Micros() / d.p50Micros()));
            result.put("workerAddedOverInProcessP50Micros", Stats.round(w.p50Micros() - h.p50Micros()));
            result.put("workerAddedOverInProcessP99Micros", Stats.round(w.p99Micros() - h.p99Micros()));

            // streaming: 200 words, each streamed as one piece, in process and in the worker
            GenerationRequest longer = request.withParameters(Map.of("maxWords", STREAMED_WORDS));
            int streamCalls = Math.max(20, calls / 100);
            long[] inProcessStream = new long[streamCalls];
            long[] workerStream = new long[streamCalls];
            int[] pieces = new int[1];
            CallOptions counting = CallOptions.defaults("bench").withListener(new io.hallmark.core.plugin.CallListener() {
                @Override
                public void streamed(String piece) {
                    pieces[0]++;
                }
            });
            for (int i = 0; i < streamCalls + 5; i++) {
                long t0 = System.nanoTime();
                host.generate(IN_PROCESS_ID, longer, counting);
                long t1 = System.nanoTime();
                host.generate("example-markov", longer, counting);
                long t2 = System.nanoTime();
                if (i >= 5) {
                    inProcessStream[i - 5] = t1 - t0;
                    workerStream[i - 5] = t2 - t1;
                }
            }
            double piecesPerCall = pieces[0] / (2.0 * (streamCalls + 5));
            Stats si = Stats.ofNanos(inProcessStream);
            Stats sw = Stats.ofNanos(workerStream);
            result.put("streamedPiecesPerCall", Stats.round(piecesPerCall));
            result.put("streamCallInProcessMicros", si.toMap());
            result.put("streamCallWorkerMicros", sw.toMap());
            result.put("streamOverheadPerPieceMicrosP50", Stats.round((sw.p50Micros() - si.p50Micros()) / piecesPerCall));

            result.put("memory", Memory.snapshot());
            // the worker's JVM runs under prlimit and bubblewrap: count the whole process tree
            result.put("workerRssMiB", host.workerOf("example-markov").map(p -> java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(p), p.descendants()).mapToLong(proc -> Math.max(0,
                    Memory.rssMiB(Long.toString(proc.pid())))).sum()).orElse(-1L));
            result.put("measuredAt", Instant.now().toString());
        }
        return result;
    }

    private static final String IN_PROCESS_ID = "example-markov-in-process";
    private static final int STREAMED_WORDS = 200;

    /** Copies a plugin archive with another {@code Plugin-Id} (unsigned: bundled plugins need no signature). */
    private static void withId(Path archive, String id, Path target) throws IOException {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(archive.toFile())) {
            java.util.jar.Manifest manifest = new java.util.jar.Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Plugin-Id", id);
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(target),
                    manifest)) {
                for (var entries = in.entries(); entries.hasMoreElements(); ) {
                    java.util.jar.JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.equals(java.util.jar.JarFile.MANIFEST_NAME) || name.startsWith("META-INF/HALLMARK")
                            || name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".EC")) {
                        continue;
                    }
                    out.putNextEntry(new java.util.jar.JarEntry(name));
                    in.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }

    private static Map<String, Object> millis(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("mean", Stats.round(s.meanMicros() / 1_000));
        m.put("p50", Stats.round(s.p50Micros() / 1_000));
        m.put("p95", Stats.round(s.p95Micros() / 1_000));
        return m;
    }

    /** The example generator loaded from its archive by a plain class loader, without the host around it. */
    private static ContentGenerator loadDirectly(Path archive) throws IOException, ReflectiveOperationException {
        URLClassLoader loader = new URLClassLoader(new URL[] {archive.toUri().toURL()},
                PluginBenchmark.class.getClassLoader());
        String className;
        try (InputStream in = loader.findResource("META-INF/extensions.idx").openStream()) {
            className = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
        }
        return (ContentGenerator) loader.loadClass(className).getDeclaredConstructor().newInstance();
    }

    /** The least a generator needs to run outside the host. */
    private static final class DirectContext implements GeneratorContext {
        private final Instant deadline = Instant.now().plusSeconds(3_600);

        @Override
        public ModelLease leaseModel(ModelRequirement model) {
            throw new UnsupportedOperationException("the benchmark uses the built-in corpus");
        }

        @Override
        public void progress(double fraction, String message) {}

        @Override
        public void stream(String piece) {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public Logger logger() {
            return log;
        }

        @Override
        public Map<String, String> config() {
            return Map.of();
        }
    }
}
