package io.hallmark.testkit;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GeneratorContext} for calling a generator directly in a unit test: it records streamed pieces and
 * progress, can be cancelled, and leases models as files from a folder (like the host's model directory).
 */
public final class RecordingContext implements GeneratorContext {

    /** One progress report. */
    public record Progress(double fraction, String message) {}

    private final @Nullable Path modelsDir;
    private final Instant deadline;
    private final Map<String, String> config;
    private final List<String> streamed = Collections.synchronizedList(new ArrayList<>());
    private final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean cancelled;
    private int openLeases;

    private RecordingContext(@Nullable Path modelsDir, Duration timeout, Map<String, String> config) {
        this.modelsDir = modelsDir;
        this.deadline = Instant.now().plus(timeout);
        this.config = Map.copyOf(config);
    }

    /** A context without models, with a one-minute deadline. */
    public static RecordingContext create() {
        return new RecordingContext(null, Duration.ofMinutes(1), Map.of());
    }

    /** A context that leases models from {@code modelsDir}. */
    public static RecordingContext withModels(Path modelsDir) {
        return new RecordingContext(modelsDir, Duration.ofMinutes(1), Map.of());
    }

    /** A context with plugin settings. */
    public RecordingContext withConfig(Map<String, String> newConfig) {
        return new RecordingContext(modelsDir, Duration.between(Instant.now(), deadline), newConfig);
    }

    /** Asks the generator to stop. */
    public void cancel() {
        cancelled = true;
    }

    public List<String> streamed() {
        return List.copyOf(streamed);
    }

    public List<Progress> progressReports() {
        return List.copyOf(progress);
    }

    /** Leases taken and not closed yet. */
    public synchronized int openLeases() {
        return openLeases;
    }

    @Override
    public synchronized ModelLease leaseModel(ModelRequirement model) {
        if (modelsDir == null) {
            throw new GenerationFailedException("This RecordingContext has no models; use RecordingContext.withModels(dir)");
        }
        Path path = modelsDir.resolve(model.name());
        if (!Files.exists(path)) {
            throw new GenerationFailedException("Model '" + model.name() + "' not found: expected " + path);
        }
        ModelInfo info = new ModelInfo(model.name(), sha256(path));
        openLeases++;
        return new ModelLease() {
            private boolean closed;

            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public Path path() {
                return path;
            }

            @Override
            public void close() {
                synchronized (RecordingContext.this) {
                    if (!closed) {
                        closed = true;
                        openLeases--;
                    }
                }
            }
        };
    }

    @Override
    public void progress(double fraction, String message) {
        progress.add(new Progress(fraction, message));
    }

    @Override
    public void stream(String piece) {
        streamed.add(piece);
    }

    @Override
    public boolean isCancelled() {
        return cancelled || Instant.now().isAfter(deadline);
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugin.test");
    }

    @Override
    public Map<String, String> config() {
        return config;
    }

    private static String sha256(Path path) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    digest.update(in.readAllBytes());
                }
            } else {
                digest.update(path.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new GenerationFailedException("Cannot read model " + path + ": " + e.getMessage());
        }
    }
}
