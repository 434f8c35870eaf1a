package io.hallmark.governance.stage;

import io.hallmark.governance.ModelUnavailableException;
import io.hallmark.governance.policy.Action;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one governance stage every modality passes: runs each assessor over the content and gathers their scores
 * and findings. It fails closed: an assessor that throws, does not finish within its deadline, or whose model or
 * knowledge base is unavailable ({@link ModelUnavailableException}) is recorded as an {@code UNAVAILABLE} check with
 * its reason ({@link Assessment#unavailable()}, counted in {@code checks.unavailable}); whatever it wrote before it
 * failed is dropped, and the metrics it would have produced are unknown ({@link Assessment#unknownMetrics()}).
 * {@link io.hallmark.governance.policy.PolicyEngine#decide(io.hallmark.governance.policy.Policy, Map, Map, Set,
 * io.hallmark.governance.policy.Action)} then never lets such content be approved (the fail-closed floor).
 */
public final class GovernanceStage {

    /** How long one assessor may take on one piece of content unless configured otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(120);

    private static final Logger log = LoggerFactory.getLogger(GovernanceStage.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "governance-assessor-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final List<Assessor> assessors;
    private final Duration deadline;
    private final Action screenFloor;

    public GovernanceStage(List<Assessor> assessors) {
        this(assessors, DEFAULT_DEADLINE);
    }

    public GovernanceStage(List<Assessor> assessors, Duration deadline) {
        this(assessors, deadline, Action.REJECT);
    }

    /**
     * @param assessors the assessors, run in this order
     * @param deadline how long each assessor may take on one piece of content before it counts as unavailable
     * @param screenFloor the least severe action on a prompt when an input screen could not run: REJECT (the
     *     default) or NEEDS_REVIEW
     */
    public GovernanceStage(List<Assessor> assessors, Duration deadline, Action screenFloor) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("The check deadline must be positive, was " + deadline);
        }
        if (screenFloor != Action.REJECT && screenFloor != Action.NEEDS_REVIEW) {
            throw new IllegalArgumentException("A prompt whose screen could not run is rejected or reviewed, not "
                    + screenFloor + "; use REJECT or NEEDS_REVIEW");
        }
        this.assessors = List.copyOf(assessors);
        this.deadline = deadline;
        this.screenFloor = screenFloor;
    }

    /** The least severe action on a piece of content when a check could not run or a metric is unknown. */
    public static final Action CONTENT_FLOOR = Action.NEEDS_REVIEW;

    /** The least severe action on a prompt when an input screen could not run (REJECT or NEEDS_REVIEW). */
    public Action screenFloor() {
        return screenFloor;
    }

    public List<Assessor> assessors() {
        return assessors;
    }

    public Duration deadline() {
        return deadline;
    }

    /** Every metric some assessor of this stage declares ({@link Assessor#metrics()}). */
    public Set<String> providedMetrics() {
        Set<String> all = new LinkedHashSet<>();
        assessors.forEach(a -> all.addAll(a.metrics()));
        return all;
    }

    /**
     * The assessors that screen the prompt alone ({@link Assessor#screensPrompt()}), as a stage of their own: run
     * on an input without text, before the generator is called.
     */
    public GovernanceStage promptScreens() {
        return new GovernanceStage(assessors.stream().filter(Assessor::screensPrompt).toList(), deadline, screenFloor);
    }

    public Assessment assess(AssessmentInput input) {
        Assessment assessment = new Assessment();
        for (Assessor assessor : assessors) {
            Assessment own = new Assessment();
            String failure = run(assessor, input, own);
            if (failure == null) {
                assessment.merge(own);
                // a declared metric the assessor left out did not apply to this content
                assessor.metrics().forEach(assessment::notApplicable);
            } else {
                log.warn("Check {} is unavailable: {}", assessor.name(), failure);
                assessment.unavailable(assessor.name(), failure);
                assessment.findings(assessor.name(), Map.of("unavailable", failure));
                assessment.unknown(assessor.metrics());
            }
        }
        // as before, a check that could not run also counts as failed, so existing rules on checks.failed still fire
        Double fromPlugins = assessment.scores().get("checks.failed");
        int unavailable = assessment.unavailable().size();
        assessment.score("checks.failed", unavailable + (fromPlugins == null ? 0 : fromPlugins));
        assessment.score("checks.unavailable", unavailable);
        return assessment;
    }

    /** Runs one assessor within the deadline; returns why it could not judge, or {@code null} when it did. */
    private String run(Assessor assessor, AssessmentInput input, Assessment own) {
        Future<?> future = RUNNER.submit(() -> assessor.assess(input, own));
        try {
            future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            future.cancel(true);
            return "did not finish within " + deadline.toMillis() / 1000.0 + " s (the per-check deadline, "
                    + "governance-check-timeout-seconds)";
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ModelUnavailableException mu) {
                return mu.getMessage();
            }
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }
}
