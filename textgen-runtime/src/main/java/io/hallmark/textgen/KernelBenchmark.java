package io.hallmark.textgen;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The kernels of {@link QuantizedMatrix} side by side: one random matrix per weight type times one vector (decode)
 * and times {@link #PREFILL_ROWS} vectors (prefill), best of several runs, with each type's time relative to the
 * first type's (Q8_0). Run by {@code hallmark bench textgen
 * --kernels}, or directly ({@code main}: rows, cols, repeats, types) to compare two builds of the class in turn.
 */
public final class KernelBenchmark {

    /** The types with a decode kernel, Q8_0 (the reference) first. */
    public static final List<TensorType> TYPES = List.of(TensorType.Q8_0, TensorType.Q4_0, TensorType.Q4_K,
            TensorType.Q5_K, TensorType.Q6_K, TensorType.BF16, TensorType.F16);

    /** Input rows of the prefill product. */
    public static final int PREFILL_ROWS = 32;

    private KernelBenchmark() {}

    /**
     * Times {@code rows x cols} matrices of {@code types} (the first is the reference for the ratios), each the best
     * of {@code repeats} products after a warm-up. A type with two kernels (Q4_K, Q5_K and Q6_K: the default, and the
     * other as {@code Q4_K/f32}, {@code Q6_K/int8} etc.; {@code hallmark.textgen.int8} chooses) has both warmed up first and then timed in turns, product by product, so that
     * a change of the machine's load falls on both alike.
     */
    public static Map<String, Object> run(int rows, int cols, int repeats, List<TensorType> types) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows);
        result.put("cols", cols);
        result.put("repeats", repeats);
        result.put("threads", Integer.getInteger("hallmark.textgen.threads", Runtime.getRuntime().availableProcessors()));
        result.put("vectorBits", QuantizedMatrix.vectorBits());
        float[] x = random(PREFILL_ROWS * cols, 2);
        float[] out = new float[PREFILL_ROWS * rows];
        List<Map<String, Object>> timed = new ArrayList<>();
        double reference = 0;
        double prefillReference = 0;
        float[] values = random(rows * cols, 1);
        for (TensorType type : types) {
            byte[] stored = GgmlBlocks.quantize(type, values);
            RawTensor tensor = new RawTensor("bench", new long[] {rows, cols}, type, ByteBuffer.wrap(stored));
            Map<String, QuantizedMatrix> kernels = new LinkedHashMap<>();
            kernels.put(type.toString(), new QuantizedMatrix(tensor));
            if (QuantizedMatrix.INT8_KERNELS.contains(type)) { // the other kernel as the peer
                boolean int8 = QuantizedMatrix.INT8_TYPES.contains(type);
                kernels.put(type + (int8 ? "/f32" : "/int8"), new QuantizedMatrix(tensor, !int8));
            }
            List<QuantizedMatrix> peers = List.copyOf(kernels.values());
            long[] decode = best(peers, x, 1, out, repeats);
            long[] prefill = best(peers, x, PREFILL_ROWS, out, Math.max(3, repeats / 5));
            int p = 0;
            for (var kernel : kernels.entrySet()) {
                QuantizedMatrix m = kernel.getValue();
                m.multiply(x, 1, out);
                if (reference == 0) {
                    reference = decode[p];
                    prefillReference = prefill[p];
                }
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("type", kernel.getKey());
                k.put("millis", round(decode[p] / 1e6));
                k.put("weightsPerNanosecond", round((double) rows * cols / decode[p]));
                k.put("gigabytesPerSecond", round((double) m.bytes() / decode[p]));
                k.put("timeVsFirst", round(decode[p] / reference));
                k.put("checksum", checksum(out, rows));
                k.put("prefillMillis", round(prefill[p] / 1e6));
                k.put("prefillTimeVsFirst", round(prefill[p] / prefillReference));
                timed.add(k);
                p++;
            }
        }
        result.put("kernels", timed);
        return result;
    }

    /**
     * The fastest of {@code repeats} products of each matrix, in nanoseconds, timed in turns after warm-up products
     * of each for at least 3 seconds (so that C2 has compiled the kernel, also on a busy machine).
     */
    private static long[] best(List<QuantizedMatrix> peers, float[] x, int n, float[] out, int repeats) {
        for (QuantizedMatrix m : peers) {
            long warm = System.nanoTime();
            for (int i = 0; i < repeats || System.nanoTime() - warm < 3_000_000_000L; i++) {
                m.multiply(x, n, out);
            }
        }
        long[] best = new long[peers.size()];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int i = 0; i < repeats; i++) {
            for (int p = 0; p < best.length; p++) {
                long t0 = System.nanoTime();
                peers.get(p).multiply(x, n, out);
                best[p] = Math.min(best[p], System.nanoTime() - t0);
            }
        }
        return best;
    }

    private static float[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static double checksum(float[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return round(s);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** {@code rows cols repeats [TYPE,...]}: prints one line per kernel. */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 8192;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<TensorType> types = args.length > 3 ? java.util.Arrays.stream(args[3].split(",")).map(TensorType::valueOf).toList() : TYPES;
        print(run(rows, cols, repeats, types), new java.io.PrintWriter(System.out, true));
    }

    /** The result as text: a header line and one line per kernel. */
    @SuppressWarnings("unchecked")
    public static void print(Map<String, Object> result, java.io.PrintWriter out) {
        out.printf("kernels: %s x %s times one vector (decode) and %d (prefill), %s threads, %s-bit vectors, best of %s%n",
                result.get("rows"), result.get("cols"), PREFILL_ROWS, result.get("threads"), result.get("vectorBits"),
                result.get("repeats"));
        out.printf("  %-9s %10s %11s %8s %9s %12s %11s %9s%n", "type", "decode ms", "weights/ns", "GB/s", "vs first",
                "checksum", "prefill ms", "vs first");
        for (Map<String, Object> k : (List<Map<String, Object>>) result.get("kernels")) {
            out.printf("  %-9s %10s %11s %8s %9s %12s %11s %9s%n", k.get("type"), k.get("millis"), k.get("weightsPerNanosecond"),
                    k.get("gigabytesPerSecond"), k.get("timeVsFirst"), k.get("checksum"), k.get("prefillMillis"),
                    k.get("prefillTimeVsFirst"));
        }
        out.flush();
    }
}
