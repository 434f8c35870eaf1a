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
 * Measures the plugin host: how long a signed plugin takes from install to serving its first call, and how much
 * latency a call through the host (validation, its own thread, deadline, output checks) adds over calling the
 * same generator directly, loaded from the same archive, in the same run.
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

            ContentGenerator direct = loadDirectly(archive);
            GenerationRequest validated = request.withParameters(direct.info().validate(request.parameters()));
            GeneratorContext context = new DirectContext();
            int warmup = Math.max(200, calls / 5);
            for (int i = 0; i < warmup; i++) {
                direct.generate(validated, context);
                host.generate("example-markov", request, CallOptions.defaults("bench"));
            }
            progress.accept("warm-up done; measuring " + calls + " calls each");
            long[] directNanos = new long[calls];
            long[] hostNanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                direct.generate(validated, context);
                long t1 = System.nanoTime();
                host.generate("example-markov", request, CallOptions.defaults("bench"));
                long t2 = System.nanoTime();
                directNanos[i] = t1 - t0;
                hostNanos[i] = t2 - t1;
            }
            Stats d = Stats.ofNanos(directNanos);
            Stats h = Stats.ofNanos(hostNanos);
            result.put("directCallMicros", d.toMap());
            result.put("hostCallMicros", h.toMap());
            result.put("addedLatencyP50Micros", Stats.round(h.p50Micros() - d.p50Micros()));
            result.put("addedLatencyMeanMicros", Stats.round(h.meanMicros() - d.meanMicros()));
            result.put("hostOverDirectRatioP50", Stats.round(h.p50Micros() / d.p50Micros()));
            result.put("memory", Memory.snapshot());
            result.put("measuredAt", Instant.now().toString());
        }
        return result;
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
