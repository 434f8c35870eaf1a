package io.hallmark.textgen;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks next tokens from logits by one request's {@link SamplingSettings}; reproducible for a seed. */
final class Sampler {

    private final SamplingSettings settings;
    private final SplittableRandom random;
    private final boolean[] seen;

    Sampler(SamplingSettings settings, int vocabSize, int[] prompt) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.seen = new boolean[vocabSize];
        for (int t : prompt) {
            seen[t] = true;
        }
    }

    int next(float[] logits) {
        float[] l = logits.clone();
        double penalty = settings.repetitionPenalty();
        if (penalty != 1) {
            for (int t = 0; t < l.length; t++) {
                if (seen[t]) {
                    l[t] = (float) (l[t] > 0 ? l[t] / penalty : l[t] * penalty);
                }
            }
        }
        int token = settings.temperature() <= 0 ? argmax(l) : sample(l);
        seen[token] = true;
        return token;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private int sample(float[] l) {
        Integer[] order = new Integer[l.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(l[b], l[a]));
        int keep = settings.topK() > 0 ? Math.min(settings.topK(), l.length) : l.length;
        double max = l[order[0]];
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            p[i] = Math.exp((l[order[i]] - max) / settings.temperature());
            sum += p[i];
        }
        double cumulative = 0;
        int cut = keep;
        for (int i = 0; i < keep; i++) {
            cumulative += p[i] / sum;
            if (cumulative >= settings.topP()) {
                cut = i + 1;
                break;
            }
        }
        double total = 0;
        for (int i = 0; i < cut; i++) {
            total += p[i];
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < cut; i++) {
            r -= p[i];
            if (r <= 0) {
                return order[i];
            }
        }
        return order[cut - 1];
    }
}
