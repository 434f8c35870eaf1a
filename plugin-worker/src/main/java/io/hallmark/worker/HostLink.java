package io.hallmark.worker;

import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.PermissionDeniedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** The worker's side of the channel: sends frames and makes calls back to the host, matching replies by id. */
final class HostLink {

    private final FrameChannel channel;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    HostLink(FrameChannel channel) {
        this.channel = channel;
    }

    FrameChannel channel() {
        return channel;
    }

    void send(Map<String, Object> frame) {
        try {
            channel.send(frame);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the host: " + e.getMessage(), e);
        }
    }

    /**
     * Calls a host operation for the plugin call {@code callId} and waits for the answer until {@code deadline}.
     *
     * @throws PermissionDeniedException when the host refused it for a missing permission
     * @throws GenerationFailedException when the host could not do it
     */
    Map<String, Object> call(long callId, String op, Map<String, Object> arguments, Instant deadline) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        Map<String, Object> frame = FrameChannel.frame(Protocol.HOST_CALL, id);
        frame.put("call", callId);
        frame.put("op", op);
        frame.putAll(arguments);
        try {
            send(frame);
            long wait = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            Map<String, Object> reply = answer.get(wait, TimeUnit.MILLISECONDS);
            if (reply.get("error") instanceof Map<?, ?> error) {
                String message = String.valueOf(error.get("message"));
                throw switch (String.valueOf(error.get("kind"))) {
                    case "denied" -> new PermissionDeniedException(message);
                    case "cancelled" -> new GenerationCancelledException(message);
                    default -> new GenerationFailedException(message, Boolean.TRUE.equals(error.get("retriable")), null);
                };
            }
            return Codec.map(reply.get("result"));
        } catch (TimeoutException e) {
            throw new GenerationCancelledException("The host did not answer " + op + " before the deadline " + deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException("Interrupted while waiting for the host to answer " + op);
        } catch (ExecutionException e) {
            throw new GenerationFailedException("The host call " + op + " failed: " + e.getCause(), false, e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    /** Tells the host something without waiting for an answer. */
    void notify(long callId, String op, Map<String, Object> arguments) {
        Map<String, Object> frame = FrameChannel.frame(Protocol.HOST_CALL, 0);
        frame.put("call", callId);
        frame.put("op", op);
        frame.putAll(arguments);
        try {
            channel.send(frame);
        } catch (IOException e) {
            // the host is gone; nothing to release
        }
    }

    /** Completes a pending host call with the host's reply. */
    void replied(Map<String, Object> reply) {
        Object id = reply.get("id");
        CompletableFuture<Map<String, Object>> answer = id instanceof Number n ? pending.get(n.longValue()) : null;
        if (answer != null) {
            answer.complete(reply);
        }
    }
}
