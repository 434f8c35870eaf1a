package io.hallmark.core.plugin;

import io.hallmark.api.GeneratorContext;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.KnowledgePassage;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.Permission;
import io.hallmark.api.PermissionDeniedException;
import io.hallmark.core.audit.AuditLog;
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
    private final AuditLog audit;
    private final KnowledgeSearch knowledge;

    HostGeneratorContext(String pluginId, Set<Permission> granted, ModelProvider models, Instant deadline,
            Cancellation cancellation, CallListener listener, Map<String, String> config, AuditLog audit,
            KnowledgeSearch knowledge) {
        this.audit = audit;
        this.knowledge = knowledge;
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
            throw denied(Permission.MODELS_READ, "lease models", model.name());
        }
        ModelLease hostLease = models.lease(model, ModelProvider.pluginHolder(pluginId));
        ModelLease lease = hostLease instanceof io.hallmark.core.model.CancellableModelLease cancellable
                ? new CallBoundLease(cancellable, this::isCancelled) : hostLease;
        synchronized (leases) {
            leases.add(lease);
        }
        return lease;
    }

    @Override
    public List<KnowledgePassage> searchKnowledgeBase(String query, int limit) {
        if (!granted.contains(Permission.KNOWLEDGE_BASE_READ)) {
            throw denied(Permission.KNOWLEDGE_BASE_READ, "search the knowledge base", query);
        }
        if (limit < 1 || limit > 50) {
            throw new InvalidRequestException("A knowledge-base search returns 1 to 50 passages, not " + limit);
        }
        return List.copyOf(knowledge.search(query, limit));
    }

    /**
     * Checks a permission for an operation a plugin asks the host for (a model operation on an open lease), auditing
     * a refusal.
     *
     * @throws PermissionDeniedException when the plugin was not granted {@code permission}
     */
    void require(Permission permission, String what, String target) {
        if (!granted.contains(permission)) {
            throw denied(permission, what, target);
        }
    }

    /** Records the refusal in the audit log and returns the exception the plugin gets. */
    private PermissionDeniedException denied(Permission permission, String what, String target) {
        String message = "Plugin '" + pluginId + "' may not " + what + ": it was not granted " + permission.id();
        try {
            audit.append("plugin:" + pluginId, "plugin.permission_denied", pluginId, Map.of("permission",
                    permission.id(), "operation", what, "target", target.length() > 200 ? target.substring(0, 200)
                    : target));
        } catch (RuntimeException e) {
            logger.warn("Cannot audit a denied call: {}", e.toString());
        }
        return new PermissionDeniedException(message);
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
