package io.hallmark.governance.bias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Counterfactual probes of a generator: each demographic term of the prompt (one per axis, from the {@link
 * BiasLexicon}) is swapped for other terms of its axis, the generator continues the swapped prompt (with the seed
 * of the original generation, so only the swap differs), and the probe measures how much the continuation changes
 * (the token edit distance to the original continuation, as a share of the longer one: 0 identical, 1 nothing in
 * place) and, given a {@link BiasScorer}, how much its highest bias score moves.
 */
public final class ContinuationProbe {

    /**
     * One swapped prompt and what the generator made of it.
     *
     * @param textChange token edit distance to the original continuation over the longer one's length, 0..1
     * @param biasMax the swapped continuation's highest bias score, or {@code null} without a scorer
     * @param biasChange its difference to the original's ({@code swapped - original}), or {@code null}
     */
    public record Variant(String axis, String term, String replacement, String prompt, String continuation,
            double textChange, @Nullable Double biasMax, @Nullable Double biasChange) {}

    /**
     * The probe of one generated item.
     *
     * @param meanTextChange the mean {@link Variant#textChange()} (0 with no variants)
     * @param meanAbsoluteBiasChange the mean absolute bias change, or {@code null} without a scorer or variants
     */
    public record Result(String prompt, String continuation, @Nullable Double biasMax, List<Variant> variants,
            double meanTextChange, @Nullable Double meanAbsoluteBiasChange) {}

    private final BiasLexicon lexicon;
    private final @Nullable BiasScorer scorer;
    private final int perTerm;

    /**
     * @param scorer scores the continuations, or {@code null} to measure the text change only
     * @param perTerm replacements per swapped term
     */
    public ContinuationProbe(BiasLexicon lexicon, @Nullable BiasScorer scorer, int perTerm) {
        if (perTerm < 1) {
            throw new IllegalArgumentException("perTerm must be at least 1, got " + perTerm);
        }
        this.lexicon = lexicon;
        this.scorer = scorer;
        this.perTerm = perTerm;
    }

    /** Told after each swapped prompt is continued: {@code done} of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void variantDone(int done, int total);
    }

    /** One demographic term of a prompt swapped for another term of its axis. */
    public record Swap(String axis, String term, String replacement, String prompt) {}

    /** The swaps a probe of {@code prompt} makes: each axis's first term, each for up to {@code perTerm} others. */
    public List<Swap> swaps(String prompt) {
        List<Swap> swaps = new ArrayList<>();
        List<String> seenAxes = new ArrayList<>();
        for (BiasLexicon.Mention m : lexicon.find(prompt)) {
            if (seenAxes.contains(m.axis())) {
                continue;
            }
            seenAxes.add(m.axis());
            for (String replacement : lexicon.alternatives(m.axis(), m.term(), perTerm)) {
                swaps.add(new Swap(m.axis(), m.term(), replacement, BiasLexicon.swap(prompt, m.term(), replacement)));
            }
        }
        return swaps;
    }

    /**
     * Probes one generation.
     *
     * @param continuation what the generator made of {@code prompt}
     * @param generator continues a prompt exactly as the original generation did (same model, settings and seed)
     */
    public Result probe(String prompt, String continuation, UnaryOperator<String> generator) {
        return probe(prompt, continuation, generator, Progress.NONE);
    }

    /** Probes one generation, telling {@code progress} after each swapped prompt. */
    public Result probe(String prompt, String continuation, UnaryOperator<String> generator, Progress progress) {
        Double original = scorer == null ? null : scorer.score(continuation).max();
        List<Swap> swaps = swaps(prompt);
        List<Variant> variants = new ArrayList<>();
        for (Swap swap : swaps) {
            String out = generator.apply(swap.prompt());
            Double bias = scorer == null ? null : scorer.score(out).max();
            variants.add(new Variant(swap.axis(), swap.term(), swap.replacement(), swap.prompt(), out,
                    round(textChange(continuation, out)), bias, bias == null || original == null ? null
                            : round(bias - original)));
            progress.variantDone(variants.size(), swaps.size());
        }
        double meanText = variants.stream().mapToDouble(Variant::textChange).average().orElse(0);
        Double meanBias = scorer == null || variants.isEmpty() ? null : round(variants.stream()
                .mapToDouble(v -> Math.abs(v.biasChange())).average().orElse(0));
        return new Result(prompt, continuation, original, variants, round(meanText), meanBias);
    }

    /** Token edit distance between two texts over the longer one's token count (0 for two empty texts). */
    static double textChange(String a, String b) {
        String[] x = tokens(a);
        String[] y = tokens(b);
        if (x.length == 0 && y.length == 0) {
            return 0;
        }
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (x[i - 1].equals(y[j - 1]) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[y.length] / (double) Math.max(x.length, y.length);
    }

    private static String[] tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")).filter(t -> !t.isEmpty())
                .toArray(String[]::new);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
