package io.hallmark.core.governance;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.artifact.ArtifactKind;
import io.hallmark.governance.artifact.ModelStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node on the cluster's active governance models: every few seconds it reads which version of each kind
 * is active in the shared store ({@link ModelStore#activation}, a small query) and, when a model this node has loaded
 * is no longer the active one (an administrator ran {@code hallmark models governance activate} on any node, or
 * another node finished training), drops the loaded models so the next check loads the active versions. A store
 * that cannot be read (database outage) changes nothing: the node keeps the models it has and tries again.
 */
public final class ActiveModelFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActiveModelFollower.class);

    private final GovernanceModels models;
    private final ScheduledExecutorService timer;

    private ActiveModelFollower(GovernanceModels models, Duration interval) {
        this.models = models;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("governance-model-follower").factory());
        timer.scheduleWithFixedDelay(this::followOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts following the store of {@code models}, checking every {@code interval}. */
    public static ActiveModelFollower start(GovernanceModels models, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The follow interval must be positive, was " + interval);
        }
        return new ActiveModelFollower(models, interval);
    }

    /**
     * Compares the loaded models with the active versions once and reloads when they differ.
     *
     * @return the kinds whose loaded version was replaced (empty when this node is up to date)
     */
    public List<String> followOnce() {
        List<String> stale = new ArrayList<>();
        try {
            Map<String, String> loaded = models.loadedModelHashes();
            ModelStore store = models.store();
            for (String kind : ArtifactKind.ids()) {
                String mine = loaded.get(kind);
                if (mine == null) {
                    continue; // not loaded yet: its first use loads the active version
                }
                Optional<ModelStore.Activation> active = store.activation(kind);
                if (active.isPresent() && !active.get().sha256().equals(mine)) {
                    stale.add(kind);
                    log.info("Governance model {} {} was activated by {} at {}; this node leaves {} and loads it",
                            kind, active.get().sha256().substring(0, 12), active.get().activatedBy(),
                            active.get().activatedAt(), mine.substring(0, 12));
                }
            }
            if (!stale.isEmpty()) {
                models.reload();
            }
        } catch (RuntimeException e) {
            log.warn("Cannot read the active governance models (keeping the loaded ones, trying again): {}",
                    e.getMessage());
        }
        return stale;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
