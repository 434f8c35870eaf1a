package io.hallmark.core.plugin;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.ModelLease;
import io.hallmark.api.PluginContext;
import io.hallmark.worker.Codec;
import io.hallmark.worker.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The host services a worker asks for on behalf of one plugin call ({@code host} frames): model leases and the model
 * operations on them (text, embeddings, images, small-file copies), and knowledge-base search. Every operation goes
 * through the call's context or re-checks its permission here, so a refusal is audited wherever it happens.
 */
final class WorkerHostServices {

    /** The largest model file a worker may get a copy of; weights beyond it stay in the host. */
    static final long MAX_COPIED_MODEL_BYTES = 64L * 1024 * 1024;
    private static final int MODEL_CHUNK_BYTES = 4 * 1024 * 1024;

    private final Path workDir;

    WorkerHostServices(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Performs one host operation for the call whose context and open leases are given.
     *
     * @return the reply's {@code result}, or {@code null} for an operation that answers nothing
     */
    @Nullable Map<String, Object> answer(PluginContext context, Map<String, ModelLease> leases,
            Map<String, Object> frame) {
        String op = String.valueOf(frame.get("op"));
        switch (op) {
            case Protocol.OP_LEASE_MODEL -> {
                ModelLease lease = context.leaseModel(Codec.requirement(Codec.map(frame.get("model"))));
                String leaseId = UUID.randomUUID().toString();
                leases.put(leaseId, lease);
                return Map.of("lease", leaseId, "model", Codec.model(lease.info()));
            }
            case Protocol.OP_MODEL_GENERATE -> {
                ModelLease lease = modelLease(context, leases, frame, "generate text");
                return Map.of("text", lease.generateText(String.valueOf(frame.get("prompt")),
                        Codec.map(frame.get("options"))));
            }
            case Protocol.OP_MODEL_EMBED -> {
                ModelLease lease = modelLease(context, leases, frame, "embed texts");
                List<String> texts = ((List<?>) frame.get("texts")).stream().map(String::valueOf).toList();
                return Map.of("vectors", lease.embed(texts, Boolean.TRUE.equals(frame.get("queries"))));
            }
            case Protocol.OP_MODEL_IMAGE -> {
                ModelLease lease = modelLease(context, leases, frame, "generate images");
                return imageReply(lease.generateImage(String.valueOf(frame.get("prompt")),
                        Codec.map(frame.get("options"))));
            }
            case Protocol.OP_READ_MODEL -> {
                ModelLease lease = leases.get(String.valueOf(frame.get("lease")));
                if (lease == null) {
                    throw new GenerationFailedException("No open model lease '" + frame.get("lease") + "'");
                }
                return readModelChunk(lease, ((Number) frame.getOrDefault("offset", 0L)).longValue());
            }
            case Protocol.OP_RELEASE_MODEL -> {
                ModelLease lease = leases.remove(String.valueOf(frame.get("lease")));
                if (lease != null) {
                    lease.close();
                }
                return null;
            }
            case Protocol.OP_KB_SEARCH -> {
                return Map.of("passages", context.searchKnowledgeBase(String.valueOf(frame.get("query")),
                        ((Number) frame.getOrDefault("limit", 5L)).intValue()).stream()
                        .map(p -> Map.of("id", p.id(), "text", p.text(), "score", p.score())).toList());
            }
            default -> throw new InvalidRequestException("Unknown host operation '" + op + "'");
        }
    }

    /**
     * The open lease a model operation names, after checking {@code models:read} again at this boundary (a denial is
     * audited like any other).
     */
    private static ModelLease modelLease(PluginContext context, Map<String, ModelLease> leases, Map<String, Object> frame,
            String what) {
        ModelLease lease = leases.get(String.valueOf(frame.get("lease")));
        if (context instanceof HostGeneratorContext host) {
            host.require(io.hallmark.api.Permission.MODELS_READ, what, lease == null ? "?" : lease.info().id());
        }
        if (lease == null) {
            throw new GenerationFailedException("No open model lease '" + frame.get("lease") + "'");
        }
        return lease;
    }

    /** A small image inline; a large one as a file in the worker's folder, which the worker reads and deletes. */
    private Map<String, Object> imageReply(byte[] png) {
        if (png.length <= Protocol.INLINE_IMAGE_BYTES) {
            return Map.of("png", java.util.Base64.getEncoder().encodeToString(png));
        }
        try {
            Path folder = Files.createDirectories(workDir.resolve("host-images"));
            Path file = folder.resolve(UUID.randomUUID() + ".png");
            Files.write(file, png);
            return Map.of("file", workDir.relativize(file).toString());
        } catch (IOException e) {
            throw new GenerationFailedException("Cannot hand a " + png.length + "-byte image to the worker through "
                    + workDir + ": " + e.getMessage(), true, e);
        }
    }

    private static Map<String, Object> readModelChunk(ModelLease lease, long offset) {
        Path file = lease.path();
        try {
            if (!Files.isRegularFile(file)) {
                throw new GenerationFailedException("Model '" + lease.info().id() + "' is a folder of files; a plugin in "
                        + "a worker uses it through the lease (generateText, embed, generateImage), not by reading it");
            }
            long size = Files.size(file);
            if (size > MAX_COPIED_MODEL_BYTES) {
                throw new GenerationFailedException("Model '" + lease.info().id() + "' has " + size + " bytes; a plugin "
                        + "in a worker gets copies of model files up to " + MAX_COPIED_MODEL_BYTES + " bytes. Run the "
                        + "model in the host through the lease (generateText, embed, generateImage) instead");
            }
            byte[] chunk;
            try (var channel = java.nio.channels.FileChannel.open(file)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.max(0, Math.min(MODEL_CHUNK_BYTES,
                        size - offset)));
                channel.position(offset);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // fill the chunk
                }
                chunk = java.util.Arrays.copyOf(buffer.array(), buffer.position());
            }
            return Map.of("size", size, "data", java.util.Base64.getEncoder().encodeToString(chunk));
        } catch (IOException e) {
            throw new GenerationFailedException("Cannot read model '" + lease.info().id() + "': " + e.getMessage(), false,
                    e);
        }
    }
}
