package io.hallmark.governance.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Cost of design 15's nearest-prototype heads alone, without embedding: a pass of one query over {@value #ROWS}
 * prototype rows of 384 values, by the committed interface's plain loop (four running sums), {@link
 * PrototypeDot#scalar} and the Vector API ({@link VectorPrototypeDot}), and the three input heads' scores of one text
 * through {@link PrototypeSet#probability} (the safe class's part computed once per text). Random unit vectors from a
 * fixed seed (20,000 safe, 4,000 injection, 3,000 jailbreak, 3,000 harmful, top 3), the shape {@link InputScreenBench}
 * uses. A benchmark, not a test: surefire runs it only when named ({@code -Dtest=PrototypeScoringBench}); it prints
 * figures and asserts nothing about time.
 */
class PrototypeScoringBench {

    static final int ROWS = 30_000;
    private static final int DIM = 384;

    @Test
    void printPrototypeScoringCost() {
        SplittableRandom random = new SplittableRandom(15);
        float[] m = new float[ROWS * DIM];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) random.nextGaussian();
        }
        List<float[]> queries = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            float[] q = new float[DIM];
            for (int i = 0; i < DIM; i++) {
                q[i] = (float) random.nextGaussian();
            }
            queries.add(q);
        }
        Map<String, List<float[]>> classes = new LinkedHashMap<>();
        int[] sizes = {20_000, 4_000, 3_000, 3_000};
        String[] names = {PrototypeSet.SAFE, "injection", "jailbreak", "harmful"};
        for (int c = 0, row = 0; c < names.length; c++) {
            List<float[]> list = new ArrayList<>();
            for (int r = 0; r < sizes[c]; r++, row++) {
                list.add(java.util.Arrays.copyOfRange(m, row * DIM, (row + 1) * DIM));
            }
            classes.put(names[c], list);
        }
        PrototypeSet set = PrototypeSet.of("bench", DIM, 3, classes);
        double sink = 0;
        for (int round = 0; round < 3; round++) {
            boolean report = round == 2;
            sink += pass("committed plain loop (4 sums), the peer", m, queries, 0, report);
            sink += pass("PrototypeDot.scalar (16 sums, fma)", m, queries, 1, report);
            sink += pass("VectorPrototypeDot (256-bit)", m, queries, 2, report);
            long t0 = System.nanoTime();
            for (float[] q : queries) {
                for (String head : List.of("injection", "jailbreak", "harmful")) {
                    sink += set.probability(head, q);
                }
            }
            if (report) {
                System.out.printf("  %-48s %7.2f ms a text (vector: %s)%n", "3 heads by PrototypeSet.probability",
                        (System.nanoTime() - t0) / 1e6 / queries.size(), PrototypeDot.VECTOR);
            }
        }
        System.out.printf("prototype-scoring bench: %d rows x %d, %d queries, %d cores, load average %.1f (sink %.1f)%n",
                ROWS, DIM, queries.size(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink);
    }

    /** One pass per query with dot product {@code kind} (0 the peer, 1 plain, 2 vector), each a direct call. */
    private static double pass(String name, float[] m, List<float[]> queries, int kind, boolean report) {
        double sink = 0;
        long t0 = System.nanoTime();
        for (float[] q : queries) {
            for (int r = 0; r < ROWS; r++) {
                sink += switch (kind) {
                    case 0 -> fourSums(m, r * DIM, q, DIM);
                    case 1 -> PrototypeDot.scalar(m, r * DIM, q, DIM);
                    default -> VectorPrototypeDot.dot(m, r * DIM, q, DIM);
                };
            }
        }
        if (report) {
            System.out.printf("  %-48s %7.2f ms a pass over %d rows%n", name, (System.nanoTime() - t0) / 1e6
                    / queries.size(), ROWS);
        }
        return sink;
    }

    /** The dot product of the committed interface (4b4788c), the peer. */
    private static float fourSums(float[] m, int off, float[] q, int n) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a0 += m[off + i] * q[i];
            a1 += m[off + i + 1] * q[i + 1];
            a2 += m[off + i + 2] * q[i + 2];
            a3 += m[off + i + 3] * q[i + 3];
        }
        for (; i < n; i++) {
            a0 += m[off + i] * q[i];
        }
        return (a0 + a1) + (a2 + a3);
    }
}
