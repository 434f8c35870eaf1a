package io.hallmark.worker;

import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A model the host lent to a plugin in a worker. The weights stay in the host process (one copy whatever number of
 * plugins use it); the plugin runs the model through {@link #generateText}, {@link #embed} or
 * {@link #generateImage}, which the host serves from its model runtime. Small model files (a corpus, a vocabulary) can be copied into the worker's folder through {@link #path}.
 */
final class HostModelLease implements ModelLease {

    private final long callId;
    private final HostLink host;
    private final String leaseId;
    private final ModelInfo info;
    private final Instant deadline;

    HostModelLease(long callId, HostLink host, String leaseId, @Nullable ModelInfo info, Instant deadline) {
        if (info == null) {
            throw new IllegalStateException("The host lent a model without its identity");
        }
        this.callId = callId;
        this.host = host;
        this.leaseId = leaseId;
        this.info = info;
        this.deadline = deadline;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /**
     * A read-only copy of the model file in the worker's own folder, fetched from the host in chunks the first time;
     * the host refuses files over its copy limit (weights stay in the host: use {@link #generateText}).
     */
    @Override
    public synchronized Path path() {
        Path copy = Path.of("models", info.sha256(), info.id()).toAbsolutePath();
        if (Files.isRegularFile(copy)) {
            return copy;
        }
        try {
            Files.createDirectories(copy.getParent());
            // a partial file of this lease's own: two leases of the same model may copy it at the same time
            Path partial = Files.createTempFile(copy.getParent(), info.id() + ".", ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                long offset = 0;
                while (true) {
                    Map<String, Object> chunk = host.call(callId, Protocol.OP_READ_MODEL, Map.of("lease", leaseId,
                            "offset", offset), deadline);
                    byte[] bytes = Base64.getDecoder().decode(String.valueOf(chunk.get("data")));
                    out.write(bytes);
                    offset += bytes.length;
                    if (bytes.length == 0 || offset >= ((Number) chunk.get("size")).longValue()) {
                        break;
                    }
                }
            }
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy model '" + info.id() + "' into the worker's folder: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String generateText(String prompt, Map<String, Object> options) {
        Map<String, Object> reply = host.call(callId, Protocol.OP_MODEL_GENERATE,
                Map.of("lease", leaseId, "prompt", prompt, "options", options), deadline);
        return String.valueOf(reply.get("text"));
    }

    /** Embeds in the host: the texts travel to the host's embedder and the vectors come back as numbers. */
    @Override
    public java.util.List<float[]> embed(java.util.List<String> texts, boolean asQueries) {
        Map<String, Object> reply = host.call(callId, Protocol.OP_MODEL_EMBED,
                Map.of("lease", leaseId, "texts", texts, "queries", asQueries), deadline);
        java.util.List<float[]> vectors = new java.util.ArrayList<>();
        for (Object vector : (java.util.List<?>) reply.get("vectors")) {
            java.util.List<?> numbers = (java.util.List<?>) vector;
            float[] v = new float[numbers.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) numbers.get(i)).floatValue();
            }
            vectors.add(v);
        }
        return vectors;
    }

    /** Draws in the host; a large picture comes as a file in this worker's folder, read and deleted here. */
    @Override
    public byte[] generateImage(String prompt, Map<String, Object> options) {
        Map<String, Object> reply = host.call(callId, Protocol.OP_MODEL_IMAGE,
                Map.of("lease", leaseId, "prompt", prompt, "options", options), deadline);
        if (reply.get("png") instanceof String inline) {
            return Base64.getDecoder().decode(inline);
        }
        Path file = Path.of(String.valueOf(reply.get("file"))).toAbsolutePath();
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.deleteIfExists(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image the host wrote to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        host.notify(callId, Protocol.OP_RELEASE_MODEL, Map.of("lease", leaseId));
    }
}
