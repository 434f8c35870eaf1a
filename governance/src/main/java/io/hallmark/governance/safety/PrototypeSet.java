package io.hallmark.governance.safety;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input heads as nearest prototypes (issue 18, design 15): the unit embeddings of labelled training prompts, one
 * matrix per class ({@link #SAFE}: ordinary and risky-looking safe prompts and their sentences; {@code injection},
 * {@code jailbreak}, {@code harmful}). A head's probability for a text is {@code (1 + top(head) - top(safe)) / 2},
 * where {@code top(c)} is the mean of the {@link #top()} highest cosine similarities of the text's embedding to class
 * {@code c}'s prototypes: a text nearer to known attacks than to known safe prompts scores above one half. No weights
 * are fitted, so the prototypes are the training data's embeddings and the scores are deterministic.
 *
 * <p>Stored as IEEE half floats, little-endian, base64, in chunks of rows ({@link #vectors()}); decoded once into
 * floats when built. Immutable and thread-safe. Scoring is a brute-force pass over the rows ({@link PrototypeDot}: the
 * Vector API where the JVM has it, the same bits either way); the safe class's part is computed once per text for
 * all heads that read it.
 */
public final class PrototypeSet {

    /** The class of safe prototypes every head is measured against. */
    public static final String SAFE = "safe";

    private final String embedder;
    private final int dimension;
    private final int top;
    private final Map<String, float[]> rows;

    /**
     * @param embedder the {@link io.hallmark.retrieval.embed.EmbeddingModel} id whose embeddings these are
     * @param dimension the embedding dimension
     * @param top how many nearest prototypes of a class are averaged
     * @param prototypes per class ({@link #SAFE} and each head's), its prototypes' embeddings; each is normalized to
     *     unit length and stored at half precision
     */
    public static PrototypeSet of(String embedder, int dimension, int top, Map<String, List<float[]>> prototypes) {
        Map<String, float[]> rows = new LinkedHashMap<>();
        prototypes.forEach((c, list) -> {
            float[] m = new float[list.size() * dimension];
            for (int r = 0; r < list.size(); r++) {
                float[] v = list.get(r);
                if (v.length < dimension) {
                    throw new IllegalArgumentException("A prototype of '" + c + "' has " + v.length
                            + " values, need at least " + dimension);
                }
                double norm = 0;
                for (int i = 0; i < dimension; i++) {
                    norm += (double) v[i] * v[i];
                }
                double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
                for (int i = 0; i < dimension; i++) {
                    m[r * dimension + i] = Float.float16ToFloat(Float.floatToFloat16((float) (v[i] * inv)));
                }
            }
            rows.put(c, m);
        });
        return new PrototypeSet(embedder, dimension, top, rows);
    }

    private PrototypeSet(String embedder, int dimension, int top, Map<String, float[]> rows) {
        if (dimension <= 0 || top <= 0) {
            throw new IllegalArgumentException("Need a positive dimension and top, got " + dimension + " and " + top);
        }
        if (!rows.containsKey(SAFE)) {
            throw new IllegalArgumentException("Need the '" + SAFE + "' prototypes; have " + rows.keySet());
        }
        rows.forEach((c, m) -> {
            if (m.length == 0 || m.length % dimension != 0) {
                throw new IllegalArgumentException("Class '" + c + "' has " + m.length + " values, not a positive "
                        + "multiple of the dimension " + dimension);
            }
        });
        this.embedder = embedder;
        this.dimension = dimension;
        this.top = top;
        this.rows = Map.copyOf(rows);
    }

    /**
     * The most prototypes one stored string holds: 2,048 rows of 384 half floats are 2.1 MB of base64, well under the
     * longest string a JSON reader accepts by default (Jackson's 20 MB), which one string per class of ~21,000 safe
     * prototypes exceeded.
     */
    static final int ROWS_PER_CHUNK = 2048;

    @JsonCreator
    static PrototypeSet read(@JsonProperty("embedder") String embedder, @JsonProperty("dimension") int dimension,
            @JsonProperty("top") int top, @JsonProperty("vectors") Map<String, List<String>> vectors) {
        if (vectors == null || dimension <= 0) {
            throw new IllegalArgumentException("A prototype set needs its vectors and a positive dimension");
        }
        Map<String, float[]> rows = new LinkedHashMap<>();
        vectors.forEach((c, chunks) -> {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (String chunk : chunks) {
                bytes.writeBytes(Base64.getDecoder().decode(chunk));
            }
            ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            float[] m = new float[b.remaining() / 2];
            for (int i = 0; i < m.length; i++) {
                m[i] = Float.float16ToFloat(b.getShort());
            }
            rows.put(c, m);
        });
        return new PrototypeSet(embedder, dimension, top, rows);
    }

    @JsonGetter
    public String embedder() {
        return embedder;
    }

    @JsonGetter
    public int dimension() {
        return dimension;
    }

    @JsonGetter
    public int top() {
        return top;
    }

    /**
     * Per class, its prototypes as half floats, little-endian, base64, in chunks of at most {@link #ROWS_PER_CHUNK}
     * rows (the stored form).
     */
    @JsonGetter
    public Map<String, List<String>> vectors() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        rows.forEach((c, m) -> {
            List<String> chunks = new java.util.ArrayList<>();
            int step = ROWS_PER_CHUNK * dimension;
            for (int from = 0; from < m.length; from += step) {
                int to = Math.min(m.length, from + step);
                ByteBuffer b = ByteBuffer.allocate((to - from) * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = from; i < to; i++) {
                    b.putShort(Float.floatToFloat16(m[i]));
                }
                chunks.add(Base64.getEncoder().encodeToString(b.array()));
            }
            out.put(c, List.copyOf(chunks));
        });
        return out;
    }

    /** How many prototypes each class has. */
    @JsonGetter
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        rows.forEach((c, m) -> out.put(c, m.length / dimension));
        return out;
    }

    /** The classes, {@link #SAFE} among them. */
    public java.util.Set<String> classes() {
        return rows.keySet();
    }

    /**
     * The head's probability for a text: {@code (1 + top(head) - top(safe)) / 2}, in [0, 1].
     *
     * @param head a class other than {@link #SAFE}
     * @param embedding the text's embedding (its first {@link #dimension()} values are read; need not be unit)
     */
    public double probability(String head, float[] embedding) {
        if (head.equals(SAFE) || !rows.containsKey(head)) {
            throw new IllegalArgumentException("No prototype head '" + head + "'; have " + rows.keySet());
        }
        float[] q = unit(embedding);
        return (1 + topMean(rows.get(head), q) - safeTop(q)) / 2;
    }

    /**
     * The last query of each thread and its {@code top(safe)}: the heads that read one text (injection, jailbreak,
     * harmful) share the safe prototypes' part of their scores, by far the largest class, so it is computed once per
     * text. Matched on the query's values, so a hit is exactly what computing it again would give.
     */
    private final ThreadLocal<SafeTop> lastSafe = new ThreadLocal<>();

    private record SafeTop(float[] query, double top) {}

    private double safeTop(float[] q) {
        SafeTop last = lastSafe.get();
        if (last != null && java.util.Arrays.equals(last.query(), q)) {
            return last.top();
        }
        double top = topMean(rows.get(SAFE), q);
        lastSafe.set(new SafeTop(q, top));
        return top;
    }

    /** The mean of the {@link #top()} highest cosine similarities of a unit query to a class's rows. */
    double topMean(float[] m, float[] q) {
        int n = m.length / dimension;
        int k = Math.min(top, n);
        double[] best = new double[k];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < n; r++) {
            double s = dot(m, r * dimension, q);
            if (s > best[k - 1]) {
                int j = k - 1;
                while (j > 0 && best[j - 1] < s) {
                    best[j] = best[j - 1];
                    j--;
                }
                best[j] = s;
            }
        }
        double sum = 0;
        for (double b : best) {
            sum += b;
        }
        return sum / k;
    }

    private float dot(float[] m, int off, float[] q) {
        return PrototypeDot.dot(m, off, q, dimension);
    }

    private float[] unit(float[] v) {
        if (v.length < dimension) {
            throw new IllegalArgumentException("An embedding of " + v.length + " values; the prototypes have "
                    + dimension);
        }
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            norm += (double) v[i] * v[i];
        }
        double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        float[] q = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            q[i] = (float) (v[i] * inv);
        }
        return q;
    }
}
