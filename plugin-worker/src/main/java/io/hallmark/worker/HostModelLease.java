package io.hallmark.worker;

import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A model the host lent to a plugin in a worker. The weights stay in the host process (one copy whatever number of
 * plugins use it); the plugin runs the model through {@link #generateText}, which the host serves from its model
 * runtime.
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

    @Override
    public Path path() {
        throw new UnsupportedOperationException("Model '" + info.id() + "' stays in the host process: a plugin in a "
                + "worker cannot read its weights; call generateText(...) on the lease to run it in the host");
    }

    @Override
    public String generateText(String prompt, Map<String, Object> options) {
        Map<String, Object> reply = host.call(callId, Protocol.OP_MODEL_GENERATE,
                Map.of("lease", leaseId, "prompt", prompt, "options", options), deadline);
        return String.valueOf(reply.get("text"));
    }

    @Override
    public void close() {
        host.notify(callId, Protocol.OP_RELEASE_MODEL, Map.of("lease", leaseId));
    }
}
