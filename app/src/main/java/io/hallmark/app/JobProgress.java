package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a job's progress on stderr whenever nothing else has been printed for two seconds: the phase it is in (waiting
 * for a worker, a pipeline step, the governance checks, the decision), the percent and time left when the job reports
 * a fraction. It never writes to stdout, so {@code --json} output stays clean, and it stays out of the way of streamed
 * text: it draws only while no line of text is half-printed.
 */
final class JobProgress implements AutoCloseable {

    /** How long a silence lasts before the bar appears. */
    static final long QUIET_NANOS = 2_000_000_000L;

    private final ProgressBar bar;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-progress").daemon().factory());
    private volatile long lastActivity = System.nanoTime();
    private volatile long phaseStart = System.nanoTime();
    private volatile String phase = "submitting";
    private volatile String message = "";
    private volatile double fraction = -1;
    private volatile boolean midLine;

    JobProgress(ProgressBar bar) {
        this.bar = bar;
        ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Takes one job event: it moves the phase along; streamed text counts as activity. */
    void on(String type, JsonNode data) {
        switch (type) {
            case "queued" -> phase("queued", "waiting for a worker");
            case "started" -> phase("running", "a worker took the job");
            case "step" -> phase(data.path("step").asText("step"), data.path("status").asText(""));
            case "plan" -> phase("planning", "outline ready");
            case "generated" -> phase("governance", "checking the output");
            case "governance" -> phase("deciding", "applying the policy");
            case "decision" -> phase("saving", data.path("action").asText(""));
            case "revise" -> phase("revising", "round " + data.path("round").asText());
            case "retry" -> phase("retrying", data.path("reason").asText(""));
            case "progress" -> {
                fraction = data.path("fraction").asDouble(-1);
                message = data.path("message").asText(message);
                if (!midLine) {
                    bar.phase(phase, fraction, message, phaseStart);
                }
            }
            default -> { }
        }
    }

    /** Before text goes to stdout: the bar leaves the line. */
    void beforeText() {
        bar.clear();
        lastActivity = System.nanoTime();
    }

    /** Whether a line of streamed text is unfinished (the bar then waits). */
    void midLine(boolean unfinished) {
        midLine = unfinished;
        lastActivity = System.nanoTime();
    }

    private void phase(String name, String detail) {
        phase = name;
        message = detail;
        fraction = -1;
        phaseStart = System.nanoTime();
    }

    private void tick() {
        if (!midLine && System.nanoTime() - lastActivity > QUIET_NANOS) {
            bar.phase(phase, fraction, message, phaseStart);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        bar.clear();
    }
}
