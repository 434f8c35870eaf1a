package io.hallmark.governance.safety;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Leave-source-out nearest-prototype similarities for training (design 15): for many unit queries at once, per class,
 * the mean of the {@code top} highest cosine similarities to the class's prototypes, leaving out the prototypes of
 * the query's own source ({@link #topMeans}). The prototypes are stored in blocks of {@value #BLOCK} rows, dimension
 * first, so that a query's similarities to a block are one vectorisable multiply-add loop per dimension and a block
 * stays in cache across a chunk of queries. The runtime's {@link PrototypeSet} scores one text at a time instead.
 */
final class NearestPrototypes {

    static final int BLOCK = 256;
    private static final int QUERY_CHUNK = 32;

    /** The owner of a prototype that no query leaves out (an authored prompt). */
    static final int NO_OWNER = -1;

    private final int dimension;
    private final int classes;
    private final int top;
    private final int rows;
    private final float[][] blocks;
    private final int[] cls;
    private final int[] owner;

    /**
     * @param vectors the prototypes' unit vectors (at least {@code dimension} values each)
     * @param cls each prototype's class, 0 to {@code classes - 1}
     * @param owner each prototype's source, or {@link #NO_OWNER}
     */
    NearestPrototypes(float[][] vectors, int[] cls, int[] owner, int classes, int dimension, int top) {
        this.dimension = dimension;
        this.classes = classes;
        this.top = top;
        this.rows = vectors.length;
        this.cls = cls.clone();
        this.owner = owner.clone();
        int nb = (rows + BLOCK - 1) / BLOCK;
        blocks = new float[nb][dimension * BLOCK];
        for (int r = 0; r < rows; r++) {
            float[] b = blocks[r / BLOCK];
            int j = r % BLOCK;
            for (int d = 0; d < dimension; d++) {
                b[d * BLOCK + j] = vectors[r][d];
            }
        }
    }

    /**
     * Per query, per class, the mean of the {@code top} highest similarities among the class's prototypes whose
     * owner is not the query's {@code exclude} (fewer when fewer are left; {@code NaN} when none is).
     */
    double[][] topMeans(float[][] queries, int[] exclude, int threads) {
        double[][] out = new double[queries.length][];
        int chunks = (queries.length + QUERY_CHUNK - 1) / QUERY_CHUNK;
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> chunk(queries, exclude, c
                    * QUERY_CHUNK, Math.min(queries.length, (c + 1) * QUERY_CHUNK), out))).join();
        } finally {
            pool.shutdown();
        }
        return out;
    }

    private void chunk(float[][] queries, int[] exclude, int from, int to, double[][] out) {
        int n = to - from;
        float[][] best = new float[n][classes * top];
        int[][] count = new int[n][classes];
        for (float[] b : best) {
            Arrays.fill(b, Float.NEGATIVE_INFINITY);
        }
        float[] s = new float[BLOCK];
        for (int blk = 0; blk < blocks.length; blk++) {
            float[] m = blocks[blk];
            int base = blk * BLOCK;
            int len = Math.min(BLOCK, rows - base);
            for (int k = 0; k < n; k++) {
                float[] q = queries[from + k];
                Arrays.fill(s, 0f);
                for (int d = 0; d < dimension; d++) {
                    float qd = q[d];
                    int off = d * BLOCK;
                    for (int j = 0; j < BLOCK; j++) {
                        s[j] += qd * m[off + j];
                    }
                }
                float[] bk = best[k];
                int ex = exclude[from + k];
                for (int j = 0; j < len; j++) {
                    int r = base + j;
                    if (owner[r] == ex && ex != NO_OWNER) {
                        continue;
                    }
                    int c = cls[r];
                    count[k][c]++;
                    int at = c * top;
                    float v = s[j];
                    if (v > bk[at + top - 1]) {
                        int p = top - 1;
                        while (p > 0 && bk[at + p - 1] < v) {
                            bk[at + p] = bk[at + p - 1];
                            p--;
                        }
                        bk[at + p] = v;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            double[] o = new double[classes];
            for (int c = 0; c < classes; c++) {
                int m = Math.min(top, count[k][c]);
                double sum = 0;
                for (int p = 0; p < m; p++) {
                    sum += best[k][c * top + p];
                }
                o[c] = m == 0 ? Double.NaN : sum / m;
            }
            out[from + k] = o;
        }
    }
}
