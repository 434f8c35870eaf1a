package io.hallmark.worker;

import io.hallmark.api.GeneratorContext;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;

/**
 * What a plugin sees of the host during one call in a worker: streaming and progress become frames, model leases
 * become calls back to the host (which checks the permissions), cancellation comes from the host's cancel frame or
 * the deadline.
 */
final class WorkerContext implements GeneratorContext {

    private final long callId;
    private final HostLink host;
    private final Instant deadline;
    private final Map<String, String> config;
    private final Logger logger;
    private volatile boolean cancelled;

    WorkerContext(long callId, HostLink host, Instant deadline, Map<String, String> config, Logger logger) {
        this.callId = callId;
        this.host = host;
        this.deadline = deadline;
        this.config = Map.copyOf(config);
        this.logger = logger;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public ModelLease leaseModel(ModelRequirement model) {
        Map<String, Object> reply = host.call(callId, Protocol.OP_LEASE_MODEL, Map.of("model", Codec.requirement(model)),
                deadline);
        return new HostModelLease(callId, host, String.valueOf(reply.get("lease")), Codec.model(reply.get("model")),
                deadline);
    }

    @Override
    public java.util.List<io.hallmark.api.KnowledgePassage> searchKnowledgeBase(String query, int limit) {
        Map<String, Object> reply = host.call(callId, Protocol.OP_KB_SEARCH, Map.of("query", query, "limit", limit),
                deadline);
        java.util.List<io.hallmark.api.KnowledgePassage> passages = new java.util.ArrayList<>();
        for (Object o : reply.get("passages") instanceof java.util.List<?> l ? l : java.util.List.of()) {
            Map<String, Object> p = Codec.map(o);
            passages.add(new io.hallmark.api.KnowledgePassage(String.valueOf(p.get("id")), String.valueOf(p.get("text")),
                    p.get("score") instanceof Number n ? n.doubleValue() : 0));
        }
        return java.util.List.copyOf(passages);
    }

    @Override
    public void progress(double fraction, String message) {
        Map<String, Object> frame = FrameChannel.frame(Protocol.PROGRESS, callId);
        frame.put("fraction", Math.max(0, Math.min(1, fraction)));
        frame.put("message", message);
        host.send(frame);
    }

    @Override
    public void stream(String piece) {
        if (!isCancelled()) {
            Map<String, Object> frame = FrameChannel.frame(Protocol.STREAM, callId);
            frame.put("piece", piece);
            host.send(frame);
        }
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
        return logger;
    }

    @Override
    public Map<String, String> config() {
        return config;
    }
}
