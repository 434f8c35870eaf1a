package io.hallmark.app.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of measurements in nanoseconds, reported in microseconds or milliseconds. */
public record Stats(int count, double meanMicros, double p50Micros, double p95Micros, double p99Micros) {

    public static Stats ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1_000.0;
        return new Stats(sorted.length, mean, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
    }

    private static double at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000.0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("meanMicros", round(meanMicros));
        m.put("p50Micros", round(p50Micros));
        m.put("p95Micros", round(p95Micros));
        m.put("p99Micros", round(p99Micros));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
