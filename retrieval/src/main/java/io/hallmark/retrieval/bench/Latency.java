package io.hallmark.retrieval.bench;

import java.util.Arrays;

/**
 * Latency percentiles of a set of timed operations, in milliseconds.
 *
 * @param samples how many operations were timed
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param mean the mean
 */
public record Latency(int samples, double p50, double p95, double mean) {

    /** Summarises durations given in nanoseconds. */
    public static Latency ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new Latency(sorted.length, round(percentile(sorted, 0.50) / 1e6), round(percentile(sorted, 0.95) / 1e6),
                round(mean));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
