package io.hallmark.core.governance;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.artifact.ArtifactKind;
import io.hallmark.governance.artifact.GovernanceArtifact;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the governance models that have no active version, in the background at platform start (one daemon
 * thread, the kinds one after another), never inside a request: until a model is ready, its checks report it
 * unavailable and fail closed. Nodes sharing a database take turns through the store's advisory lock, so one trains
 * and the others load its artifact. Progress is in the log ({@code io.hallmark.governance.GovernanceModels}) and in
 * {@link #status()}, which the dashboard shows.
 */
public final class GovernanceTraining implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GovernanceTraining.class);

    private final GovernanceModels models;
    private final CountDownLatch done = new CountDownLatch(1);
    private final @Nullable Thread thread;
    private volatile @Nullable Instant finishedAt;
    private final Instant startedAt = Instant.now();

    /**
     * Starts training in the background when some kind has no active model and there is eval data to train from;
     * otherwise does nothing (models not ready stay unavailable, with a reason saying how to train them).
     */
    public static GovernanceTraining start(GovernanceModels models) {
        return new GovernanceTraining(models, true);
    }

    /** No background training (a one-shot command, which trains a missing model when it first needs it). */
    public static GovernanceTraining none(GovernanceModels models) {
        return new GovernanceTraining(models, false);
    }

    private GovernanceTraining(GovernanceModels models, boolean background) {
        this.models = models;
        boolean missing = background && ArtifactKind.ids().stream().anyMatch(k -> !models.ready(k));
        if (!missing || models.evalData().isEmpty()) {
            if (missing) {
                log.warn("Governance models are missing and no eval folder is set (eval-dir / HALLMARK_EVAL_DIR): the "
                        + "safety and bias checks report UNAVAILABLE until `hallmark train` or `hallmark models "
                        + "governance import` provides them");
            }
            thread = null;
            finishedAt = startedAt;
            done.countDown();
            return;
        }
        thread = Thread.ofPlatform().daemon().name("governance-training").start(this::run);
    }

    private void run() {
        long t0 = System.nanoTime();
        try {
            for (String kind : ArtifactKind.ids()) {
                if (models.ready(kind)) {
                    continue;
                }
                try {
                    GovernanceArtifact a = models.ensure(kind);
                    log.info("Governance model {} ready: {}", kind, a.shortHash());
                } catch (RuntimeException e) {
                    log.error("Training the governance model {} failed; its checks stay UNAVAILABLE: {}", kind,
                            e.getMessage(), e);
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            models.reload();
            log.info("Governance models ready after {} s", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        } finally {
            finishedAt = Instant.now();
            done.countDown();
        }
    }

    /** Waits until background training has finished (or was never needed). */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether training is still running. */
    public boolean running() {
        return done.getCount() > 0;
    }

    /** For the dashboard: whether training runs, since when, and each kind's state, hash and last progress line. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("training", running());
        out.put("startedAt", startedAt.toString());
        Instant f = finishedAt;
        out.put("finishedAt", f == null ? null : f.toString());
        Map<String, Object> kinds = new LinkedHashMap<>();
        models.status().forEach((kind, s) -> {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("state", s.state().name());
            k.put("sha256", s.sha256());
            k.put("detail", s.detail());
            k.put("since", s.since().toString());
            kinds.put(kind, k);
        });
        out.put("models", kinds);
        return out;
    }

    @Override
    public void close() {
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
        }
    }
}
