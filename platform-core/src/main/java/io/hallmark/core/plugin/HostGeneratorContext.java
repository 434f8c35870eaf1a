package io.hallmark.core.plugin;

import io.hallmark.api.GeneratorContext;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.Permission;
import io.hallmark.api.PermissionDeniedException;
import io.hallmark.core.model.ModelProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a plugin sees of the host during one call. Leases it takes are closed by the host when the call ends,
 * so a plugin that forgets to close one does not pin a model.
 */
final class HostGeneratorContext implements GeneratorContext {

    private final String pluginId;
    private final Set<Permission> granted;
    private final ModelProvider models;
    private final Instant deadline;
    private final Cancellation cancellation;
    private final CallListener listener;
    private final Map<String, String> config;
    private final Logger logger;
    private final List<ModelLease> leases = new ArrayList<>();

    HostGeneratorContext(String pluginId, Set<Permission> granted, ModelProvider models, Instant deadline,
            Cancellation cancellation, CallListener listener, Map<String, String> config) {
        this.pluginId = pluginId;
        this.granted = granted;
        this.models = models;
        this.deadline = deadline;
        this.cancellation = cancellation;
        this.listener = listener;
        this.config = Map.copyOf(config);
        this.logger = LoggerFactory.getLogger("plugin." + pluginId);
    }

    @Override
    public ModelLease leaseModel(ModelRequirement model) {
        if (!granted.contains(Permission.MODELS_READ)) {
            throw new PermissionDeniedException("Plugin '" + pluginId + "' may not lease models: it was not granted "
                    + Permission.MODELS_READ.id());
        }
        ModelLease lease = models.lease(model, ModelProvider.pluginHolder(pluginId));
        synchronized (leases) {
            leases.add(lease);
        }
        return lease;
    }

    @Override
    public void progress(double fraction, String message) {
        listener.progress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public void stream(String piece) {
        if (!isCancelled()) {
            listener.streamed(piece);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancellation.isCancelled() || Instant.now().isAfter(deadline);
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

    /** Closes every lease the plugin took and left open. */
    void closeLeases() {
        synchronized (leases) {
            leases.forEach(ModelLease::close);
            leases.clear();
        }
    }
}
