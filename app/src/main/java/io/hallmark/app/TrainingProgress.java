package io.hallmark.app;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.artifact.ModelStore;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The bar {@code hallmark train KIND} shows on stderr while a governance model trains: the kind, the trainer's latest
 * step ({@code embedding 2,400 dev texts}, {@code searching 12 settings for injection ...}), and the percent and time
 * left estimated from how long the last training of that kind took (the {@code trainingSeconds} of its newest stored
 * artifact, marked {@code est.}); without an earlier training it shows the percent and time left of the step that counts its work (the
 * embedding of the dev texts, most of a training: {@code embedding 1,024 of 4,858 dev texts}), else the step and the
 * time spent. Never writes to
 * stdout, so {@code --json} stays clean.
 */
final class TrainingProgress implements AutoCloseable {

    private final ProgressBar bar;
    private final GovernanceModels models;
    private final String kind;
    private final OptionalDouble previousSeconds;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("training-progress").daemon().factory());

    TrainingProgress(ProgressBar bar, GovernanceModels models, String kind) {
        this.bar = bar;
        this.models = models;
        this.kind = kind;
        this.previousSeconds = previousSeconds(models.store(), kind);
        ticker.scheduleAtFixedRate(this::tick, 0, 250, TimeUnit.MILLISECONDS);
    }

    /** How long the newest stored training of {@code kind} took, when one is stored and says so. */
    static OptionalDouble previousSeconds(ModelStore store, String kind) {
        return store.list().stream().filter(s -> s.kind().equals(kind))
                .max(Comparator.comparing(ModelStore.Summary::createdAt))
                .map(s -> s.manifest().get("trainingSeconds"))
                .filter(Number.class::isInstance)
                .map(n -> OptionalDouble.of(((Number) n).doubleValue()))
                .filter(d -> d.getAsDouble() > 0)
                .orElse(OptionalDouble.empty());
    }

    /**
     * The fraction done by the clock against the previous training (held below 1 until it ends), or -1 without one.
     */
    static double estimatedFraction(double spentSeconds, OptionalDouble previousSeconds) {
        if (previousSeconds.isEmpty()) {
            return -1;
        }
        return Math.min(0.99, spentSeconds / previousSeconds.getAsDouble());
    }

    /** "embedding 1,024 of 4,858 dev texts": the step's own count, read when no earlier training gives an estimate. */
    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile(
            "^(.*?)(\\d[\\d,]*) of (\\d[\\d,]*)\\b");

    /** The fraction a counted step reports ({@code 1,024 of 4,858}), or -1 when the step has no count. */
    static double countedFraction(String step) {
        java.util.regex.Matcher m = COUNTED.matcher(step);
        if (!m.find()) {
            return -1;
        }
        double total = Double.parseDouble(m.group(3).replace(",", ""));
        return total <= 0 ? -1 : Math.min(1, Double.parseDouble(m.group(2).replace(",", "")) / total);
    }

    private String countedPhase = "";
    private long countedPhaseStart = System.nanoTime();

    private void tick() {
        try {
            GovernanceModels.Status status = models.status().get(kind);
            String step = status == null ? "starting" : status.detail();
            double spent = (System.nanoTime() - start) / 1e9;
            double fraction = estimatedFraction(spent, previousSeconds);
            if (fraction < 0 && countedFraction(step) >= 0) {
                // a first training: the percent and time left of the step that counts its work (the embedding,
                // most of the time), measured from when that step began
                java.util.regex.Matcher m = COUNTED.matcher(step);
                String phase = m.find() ? m.group(1) : step;
                if (!phase.equals(countedPhase)) {
                    countedPhase = phase;
                    countedPhaseStart = System.nanoTime();
                }
                bar.phase("training " + kind, countedFraction(step), step, countedPhaseStart);
                return;
            }
            bar.phase("training " + kind, fraction, (fraction >= 0 ? "est. " : "") + step, start);
        } catch (RuntimeException e) {
            // a status read that fails (the store closing) only skips one redraw
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bar.clear();
    }
}
