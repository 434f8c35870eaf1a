package io.hallmark.textgen;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Llama-family decoder on DJL NDArrays: RMSNorm, rotary position embeddings (interleaved pairs, the llama2.c and
 * GGUF layout of llama; halves for qwen, gemma and phi3; scaled linearly, by YaRN, or per frequency by
 * {@code rope_freqs} or LongRoPE's factors: {@link RopeFrequencies}),
 * grouped-query attention with a per-sequence KV cache (q/k/v biases for qwen2, per-head q/k RMSNorm for qwen3 and
 * gemma3, fused q/k/v for phi3), a SwiGLU (GELU-tanh for gemma) feed-forward and a tied or separate output head.
 * Gemma's differences follow llama.cpp's graph: embeddings scaled by {@code sqrt(dim)}, norms after attention and
 * feed-forward, attention and final soft-capping (gemma2), sliding-window layers in a pattern, with their own RoPE
 * base (gemma3). F32 weights are NDArrays; every other stored type stays in its
 * blocks and multiplies through {@link QuantizedMatrix} on the CPU, or is dequantized to float16 NDArrays on the
 * device ({@link WeightPlacement}, the default on a GPU). KV caches live on the model's device.
 *
 * <p>{@link #forward(List)} runs one step over several sequences at once: each {@link Chunk} brings one or more
 * tokens of one sequence (a prompt to prefill, or the last sampled token). Projections and the feed-forward run
 * as single matrix products over all rows, so concurrent sequences share the cost of reading the weights; only
 * attention runs per sequence, against its own cache. Not thread-safe: one thread steps a model at a time.
 */
public final class LlamaModel implements AutoCloseable {

    /** Some tokens of one sequence for one step. */
    public record Chunk(Sequence sequence, int[] tokens) {
        public Chunk {
            Objects.requireNonNull(sequence, "sequence");
            if (tokens.length == 0) {
                throw new IllegalArgumentException("A chunk needs at least one token");
            }
        }
    }

    private final LlamaConfig config;
    private final Tokenizer tokenizer;
    private final NDManager manager;
    private final Device device;
    private final Precision precision;
    private final WeightPlacement placement;
    /** Bytes of the KV caches of the sequences open now. */
    private final java.util.concurrent.atomic.AtomicLong cacheBytes = new java.util.concurrent.atomic.AtomicLong();
    private final Weight embedding;
    private final Weight output;
    private final NDArray finalNorm;
    private final NDArray invFreq;
    /** What rotated queries and keys are multiplied by (YaRN's and LongRoPE's attention factor; 1: none). */
    private final float ropeMagnitude;
    /** RoPE frequencies of the sliding-window layers where they have their own base (gemma3), else null. */
    private final NDArray slidingInvFreq;
    private final Layer[] layers;
    /**
     * The norms' weights as Java arrays, per layer, when every matrix is kept in blocks ({@link #forwardOnHost});
     * null otherwise.
     */
    private final HostNorms[] hostNorms;
    private final float[] hostFinalNorm;
    private final float[] hostInvFreq;
    private final float[] hostSlidingInvFreq;
    /** Whether the steps run on Java arrays; such a model holds no NDArray (and no engine on the CPU). */
    private final boolean onHost;
    private final long weightBytes;
    private final long deviceWeightBytes;
    private final DataType computeType;

    /**
     * Every forward pass runs on this one thread. Measured on DJL 0.36 / PyTorch 2.7.1 CPU: the same decode loop
     * took 50-150 ms a token on the thread that started the engine and 2.5-5 ms on a fresh thread; one compute
     * thread also keeps a model's steps strictly one at a time.
     */
    private final java.util.concurrent.ExecutorService compute = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("llama-compute").unstarted(r));
    private volatile Thread computeThread;

    /**
     * One block's weights; biases (qwen2), q/k norms (qwen3, gemma3), post-norms (gemma) are null where the
     * architecture has none. With fused projections (phi3) {@code wqkv} holds q, k and v and {@code w3} gate and up,
     * and {@code wq}, {@code wk}, {@code wv}, {@code w1} are null.
     */
    private record Layer(NDArray attnNorm, Weight wq, Weight wk, Weight wv, Weight wqkv, Weight wo,
            NDArray postAttnNorm, NDArray ffnNorm, Weight w1, Weight w3, Weight w2, NDArray postFfnNorm,
            NDArray qBias, NDArray kBias, NDArray vBias, NDArray qNorm, NDArray kNorm) {}

    /**
     * A weight matrix stored {@code [out, in]}: an NDArray with a transposed view (F32 in the compute precision; other
     * types dequantized to float16 under {@link WeightPlacement#DEVICE_FLOAT16}), or kept in its stored blocks and
     * multiplied by {@link QuantizedMatrix}.
     */
    private sealed interface Weight {
        long bytes();
    }

    /** A layer's norm weights and biases in Java arrays; null where the architecture has none. */
    private record HostNorms(float[] attn, float[] postAttn, float[] ffn, float[] postFfn, float[] qBias, float[] kBias,
            float[] vBias, float[] qNorm, float[] kNorm) {}

    private record Dense(NDArray stored, NDArray transposed) implements Weight {
        @Override
        public long bytes() {
            return stored.size() * stored.getDataType().getNumOfBytes();
        }
    }

    private record Blocks(QuantizedMatrix matrix) implements Weight {
        @Override
        public long bytes() {
            return matrix.bytes();
        }
    }

    /**
     * {@code manager} is null for a model on Java arrays on the CPU, which loads no engine; {@code host} says whether
     * the model runs on Java arrays ({@link #runsOnHost}).
     */
    private LlamaModel(LlamaCheckpoint checkpoint, NDManager manager, Device device, Precision precision,
            WeightPlacement placement, boolean host) {
        this.config = checkpoint.config();
        this.tokenizer = checkpoint.tokenizer();
        this.manager = manager;
        this.device = device;
        this.onHost = host;
        this.precision = precision;
        this.placement = placement;
        this.computeType = precision == Precision.FLOAT16 ? DataType.FLOAT16 : DataType.FLOAT32;
        LlamaConfig c = config;
        this.embedding = weight(checkpoint, "token_embd.weight", DataType.FLOAT32);
        this.output = c.tiedOutput() ? (embedding instanceof Dense d && computeType != DataType.FLOAT32
                && d.stored().getDataType() != computeType ? new Dense(d.stored(), d.stored().toType(computeType, false).transpose()) : embedding)
                : weight(checkpoint, "output.weight", computeType);
        this.finalNorm = load(checkpoint, "output_norm.weight", DataType.FLOAT32);
        float[] inverseFrequencies = RopeFrequencies.inverseFrequencies(c, RopeFrequencies.factors(checkpoint));
        this.ropeMagnitude = RopeFrequencies.magnitude(c);
        Architecture arch = c.architecture();
        float[] slidingFrequencies = RopeFrequencies.sliding(c);
        this.invFreq = host ? null : manager.create(inverseFrequencies);
        this.slidingInvFreq = host || slidingFrequencies == null ? null : manager.create(slidingFrequencies);
        this.layers = new Layer[c.layers()];
        for (int l = 0; l < c.layers(); l++) {
            String p = "blk." + l + ".";
            boolean fused = arch.fusedProjections();
            layers[l] = new Layer(load(checkpoint, p + "attn_norm.weight", DataType.FLOAT32),
                    fused ? null : weight(checkpoint, p + "attn_q.weight", computeType),
                    fused ? null : weight(checkpoint, p + "attn_k.weight", computeType),
                    fused ? null : weight(checkpoint, p + "attn_v.weight", computeType),
                    fused ? weight(checkpoint, p + "attn_qkv.weight", computeType) : null,
                    weight(checkpoint, p + "attn_output.weight", computeType),
                    arch.sandwichNorms() ? load(checkpoint, p + "post_attention_norm.weight", DataType.FLOAT32) : null,
                    load(checkpoint, p + "ffn_norm.weight", DataType.FLOAT32),
                    fused ? null : weight(checkpoint, p + "ffn_gate.weight", computeType),
                    weight(checkpoint, p + "ffn_up.weight", computeType),
                    weight(checkpoint, p + "ffn_down.weight", computeType),
                    arch.sandwichNorms() ? load(checkpoint, p + "post_ffw_norm.weight", DataType.FLOAT32) : null,
                    c.architecture().attentionBias() ? load(checkpoint, p + "attn_q.bias", DataType.FLOAT32) : null,
                    c.architecture().attentionBias() ? load(checkpoint, p + "attn_k.bias", DataType.FLOAT32) : null,
                    c.architecture().attentionBias() ? load(checkpoint, p + "attn_v.bias", DataType.FLOAT32) : null,
                    c.architecture().qkNorm() ? load(checkpoint, p + "attn_q_norm.weight", DataType.FLOAT32) : null,
                    c.architecture().qkNorm() ? load(checkpoint, p + "attn_k_norm.weight", DataType.FLOAT32) : null);
        }
        if (host && !weights.stream().allMatch(w -> w instanceof Blocks)) {
            throw new IllegalStateException("runsOnHost chose Java arrays for a model with a matrix outside blocks");
        }
        this.hostNorms = host ? new HostNorms[layers.length] : null;
        this.hostFinalNorm = host ? hostVector(checkpoint, "output_norm.weight") : null;
        this.hostInvFreq = host ? inverseFrequencies : null;
        this.hostSlidingInvFreq = host ? slidingFrequencies : null;
        long bytes = host ? 4L * hostFinalNorm.length : 0;
        for (int l = 0; host && l < layers.length; l++) {
            String p = "blk." + l + ".";
            boolean bias = arch.attentionBias();
            boolean qk = arch.qkNorm();
            boolean sandwich = arch.sandwichNorms();
            HostNorms norms = new HostNorms(hostVector(checkpoint, p + "attn_norm.weight"),
                    sandwich ? hostVector(checkpoint, p + "post_attention_norm.weight") : null,
                    hostVector(checkpoint, p + "ffn_norm.weight"),
                    sandwich ? hostVector(checkpoint, p + "post_ffw_norm.weight") : null,
                    bias ? hostVector(checkpoint, p + "attn_q.bias") : null,
                    bias ? hostVector(checkpoint, p + "attn_k.bias") : null,
                    bias ? hostVector(checkpoint, p + "attn_v.bias") : null,
                    qk ? hostVector(checkpoint, p + "attn_q_norm.weight") : null,
                    qk ? hostVector(checkpoint, p + "attn_k_norm.weight") : null);
            hostNorms[l] = norms;
            for (float[] v : new float[][] {norms.attn(), norms.postAttn(), norms.ffn(), norms.postFfn(), norms.qBias(),
                    norms.kBias(), norms.vBias(), norms.qNorm(), norms.kNorm()}) {
                bytes += v == null ? 0 : 4L * v.length;
            }
        }
        for (NDArray a : loaded) {
            bytes += a.size() * a.getDataType().getNumOfBytes();
        }
        long onDevice = host ? 0 : bytes;
        for (Weight w : weights) {
            bytes += w.bytes();
            onDevice += w instanceof Dense ? w.bytes() : 0;
        }
        this.weightBytes = bytes;
        this.deviceWeightBytes = onDevice;
    }

    /** A norm's weights or a bias as float32 (F16 and BF16 widened), as {@link #convert} reads them. */
    private static float[] hostVector(LlamaCheckpoint checkpoint, String name) {
        return checkpoint.tensor(name).toFloats();
    }

    /**
     * Whether a model runs its steps on Java arrays ({@link #forwardOnHost}): every matrix stays in blocks (none is
     * F32, and the placement keeps blocks), unless {@code hostRows} is false. Such a model holds no NDArray at all;
     * on the CPU it does not even load the engine (the PyTorch native library, ~120 MiB resident:
     * docs/performance.md).
     */
    static boolean runsOnHost(LlamaCheckpoint checkpoint, WeightPlacement placement, boolean hostRows) {
        if (!hostRows || placement != WeightPlacement.BLOCKS) {
            return false;
        }
        for (String name : LlamaCheckpoint.shapes(checkpoint.config()).keySet()) {
            RawTensor t = checkpoint.tensor(name);
            if (t.shape().length == 2 && t.type() == TensorType.F32) {
                return false;
            }
        }
        return true;
    }

    /**
     * Turns a checkpoint into NDArrays on {@code device} of {@code engine} (e.g. {@code PyTorch}), with the
     * {@linkplain WeightPlacement#defaultFor default weight placement} of the device. The checkpoint's buffers are
     * copied; the model owns its memory until {@link #close()}. A model whose matrices all stay in blocks on the CPU
     * runs on Java arrays and never starts the engine.
     */
    public static LlamaModel load(LlamaCheckpoint checkpoint, String engine, Device device, Precision precision) {
        return load(checkpoint, engine, device, precision, WeightPlacement.defaultFor(device));
    }

    /** As {@link #load(LlamaCheckpoint, String, Device, Precision)}, with the weights placed as {@code placement} says. */
    public static LlamaModel load(LlamaCheckpoint checkpoint, String engine, Device device, Precision precision,
            WeightPlacement placement) {
        return load(checkpoint, engine, device, precision, placement, true);
    }

    /**
     * As {@link #load(LlamaCheckpoint, String, Device, Precision, WeightPlacement)}; {@code hostRows} false keeps
     * the activations in NDArrays even when every matrix is in blocks (to compare the two ways in tests).
     */
    static LlamaModel load(LlamaCheckpoint checkpoint, String engine, Device device, Precision precision,
            WeightPlacement placement, boolean hostRows) {
        boolean host = runsOnHost(checkpoint, placement, hostRows);
        if (host && !device.isGpu()) {
            return new LlamaModel(checkpoint, null, device, precision, placement, true);
        }
        Engine e = Engine.getEngine(engine);
        NDManager manager = e.newBaseManager(device);
        try {
            return new LlamaModel(checkpoint, manager, manager.getDevice(), precision, placement, host);
        } catch (RuntimeException ex) {
            manager.close();
            throw ex;
        }
    }

    private final List<NDArray> loaded = new ArrayList<>();

    /** A vector (norm, bias) as an NDArray on the device; null for a model on Java arrays, which reads them there. */
    private NDArray load(LlamaCheckpoint checkpoint, String name, DataType type) {
        if (onHost) {
            return null;
        }
        NDArray result = convert(checkpoint, name, type);
        loaded.add(result);
        return result;
    }

    private final List<Weight> weights = new ArrayList<>();

    /**
     * A matrix: F32 becomes an NDArray in {@code type}; every other stored type stays in its blocks, or becomes a
     * float16 NDArray on the device under {@link WeightPlacement#DEVICE_FLOAT16}.
     */
    private Weight weight(LlamaCheckpoint checkpoint, String name, DataType type) {
        RawTensor t = checkpoint.tensor(name);
        Weight w;
        if (t.type() == TensorType.F32) {
            NDArray stored = convert(checkpoint, name, type);
            w = new Dense(stored, stored.transpose());
        } else if (placement == WeightPlacement.DEVICE_FLOAT16) {
            NDArray stored = DeviceWeights.float16(t, manager);
            w = new Dense(stored, stored.transpose());
        } else {
            w = new Blocks(new QuantizedMatrix(t));
        }
        weights.add(w);
        return w;
    }

    /** {@code x [n, in]} times the transposed weight: {@code [n, out]} in float32. */
    private NDArray project(NDArray x, Weight w) {
        return switch (w) {
            case Dense d -> uncast(castTo(x, d.transposed().getDataType()).matMul(d.transposed()));
            case Blocks b -> {
                int n = Math.toIntExact(x.getShape().get(0));
                float[] in = x.getDataType() == DataType.FLOAT32 ? x.toFloatArray() : x.toType(DataType.FLOAT32, false).toFloatArray();
                float[] out = new float[n * b.matrix().rows()];
                b.matrix().multiply(in, n, out);
                yield manager.create(out, new Shape(n, b.matrix().rows()));
            }
        };
    }

    /** The embedding rows of {@code tokens}. */
    private NDArray embed(int[] tokens) {
        return switch (embedding) {
            case Dense d -> uncast(d.stored().get(manager.create(java.util.Arrays.stream(tokens).asLongStream().toArray())));
            case Blocks b -> {
                int dim = b.matrix().cols();
                float[] rows = new float[tokens.length * dim];
                for (int i = 0; i < tokens.length; i++) {
                    b.matrix().dequantizeRow(tokens[i], rows, i * dim);
                }
                yield manager.create(rows, new Shape(tokens.length, dim));
            }
        };
    }

    private NDArray convert(LlamaCheckpoint checkpoint, String name, DataType type) {
        RawTensor t = checkpoint.tensor(name);
        Shape shape = new Shape(t.shape());
        // a direct (memory-mapped) F32 buffer becomes the tensor's storage without a copy, as llama.cpp does
        NDArray a = t.type() == TensorType.F32 && t.data().isDirect() ? manager.create(t.data(), shape, DataType.FLOAT32)
                : manager.create(t.floatBuffer(), shape);
        if (type != DataType.FLOAT32) {
            NDArray converted = a.toType(type, true);
            a.close();
            return converted;
        }
        return a;
    }

    public LlamaConfig config() {
        return config;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public Device device() {
        return device;
    }

    public Precision precision() {
        return precision;
    }

    public WeightPlacement placement() {
        return placement;
    }

    /** Whether steps run on Java arrays between the products ({@link #forwardOnHost}): every matrix is in blocks. */
    boolean hostRows() {
        return hostNorms != null;
    }

    /** Bytes the weights take: NDArrays on the model's device, plus stored blocks on the Java heap ({@link WeightPlacement#BLOCKS}). */
    public long weightBytes() {
        return weightBytes;
    }

    /**
     * Bytes of the weights that live on the model's device as NDArrays: on a GPU, the model's GPU memory for weights
     * (all of them under {@link WeightPlacement#DEVICE_FLOAT16}); stored blocks on the heap are not counted.
     */
    public long deviceWeightBytes() {
        return deviceWeightBytes;
    }

    /** Bytes of the KV caches of this model's open sequences (on the model's device). */
    public long cacheBytes() {
        return cacheBytes.get();
    }

    void cacheAllocated(long bytes) {
        cacheBytes.addAndGet(bytes);
    }

    /** A new, empty sequence with room for {@code capacity} tokens (prompt and output). */
    public Sequence newSequence(int capacity) {
        if (capacity < 1 || capacity > config.contextLength()) {
            throw new IllegalArgumentException("A sequence holds 1 to " + config.contextLength()
                    + " tokens (the model's context length), not " + capacity);
        }
        return new Sequence(this, capacity);
    }

    NDManager manager() {
        return manager;
    }

    /**
     * Runs the chunks through the model, appending their keys and values to each sequence's cache, and returns the
     * logits after the last token of each chunk, in order.
     */
    public float[][] forward(List<Chunk> chunks) {
        if (Thread.currentThread() == computeThread) {
            return forwardHere(chunks);
        }
        java.util.concurrent.Future<float[][]> result = compute.submit(() -> {
            computeThread = Thread.currentThread();
            return forwardHere(chunks);
        });
        try {
            return result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the model computed", e);
        }
    }

    private float[][] forwardHere(List<Chunk> chunks) {
        int rows = 0;
        for (Chunk chunk : chunks) {
            Sequence s = chunk.sequence();
            if (s.model() != this) {
                throw new IllegalArgumentException("The sequence belongs to another model");
            }
            if (s.length() + chunk.tokens().length > s.capacity()) {
                throw new IllegalStateException("The sequence is full: " + s.length() + " + " + chunk.tokens().length
                        + " tokens exceed its capacity of " + s.capacity());
            }
            rows += chunk.tokens().length;
        }
        int[] tokens = new int[rows];
        float[] positions = new float[rows];
        int r = 0;
        for (Chunk chunk : chunks) {
            for (int i = 0; i < chunk.tokens().length; i++) {
                int token = chunk.tokens()[i];
                if (token < 0 || token >= config.vocabSize()) {
                    throw new IllegalArgumentException("Token " + token + " is outside the vocabulary of " + config.vocabSize());
                }
                tokens[r] = token;
                positions[r++] = chunk.sequence().length() + i;
            }
        }
        float[][] result;
        if (hostNorms != null) {
            result = forwardOnHost(chunks, tokens, positions);
        } else {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                result = forwardOnDevice(step(chunks, rows, positions), tokens);
            }
        }
        for (Chunk chunk : chunks) {
            chunk.sequence().advance(chunk.tokens().length);
        }
        return result;
    }

    /**
     * What every layer of one step shares: the chunks, their rows, the RoPE angles' cosines and sines at the rows'
     * positions (of the sliding-window layers too, the same arrays where those have no base of their own), and each
     * chunk's attention masks (null for a single row, which sees its whole cache).
     */
    private record Step(List<Chunk> chunks, int rows, NDArray cos, NDArray sin, NDArray slidingCos, NDArray slidingSin,
            List<NDArray> masks, List<NDArray> slidingMasks) {}

    private Step step(List<Chunk> chunks, int rows, float[] positions) {
        Architecture arch = config.architecture();
        NDArray pos = manager.create(positions, new Shape(rows, 1, 1));
        NDArray angles = pos.mul(invFreq.reshape(1, 1, -1));
        NDArray cos = angles.cos();
        NDArray sin = angles.sin();
        if (ropeMagnitude != 1f) {
            cos = cos.mul(ropeMagnitude);
            sin = sin.mul(ropeMagnitude);
        }
        NDArray slidingAngles = slidingInvFreq == null ? null : pos.mul(slidingInvFreq.reshape(1, 1, -1));
        NDArray slidingCos = slidingAngles == null ? cos : slidingAngles.cos();
        NDArray slidingSin = slidingAngles == null ? sin : slidingAngles.sin();
        List<NDArray> masks = new ArrayList<>(chunks.size());
        List<NDArray> slidingMasks = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            int t = chunk.tokens().length;
            int past = chunk.sequence().length();
            masks.add(t == 1 ? null : causalMask(t, past, 0));
            slidingMasks.add(arch.slidingWindow() > 0 && past + t > arch.slidingWindow()
                    ? causalMask(t, past, arch.slidingWindow()) : masks.getLast());
        }
        return new Step(chunks, rows, cos, sin, slidingCos, slidingSin, masks, slidingMasks);
    }

    /** The step with every activation an NDArray on the model's device (F32 or float16 matrices among the weights). */
    private float[][] forwardOnDevice(Step step, int[] tokens) {
        Architecture arch = config.architecture();
        int rows = step.rows();
        int hd = config.headSize();
        List<Chunk> chunks = step.chunks();
        NDArray x = embed(tokens);
        if (arch.scaledEmbedding()) {
            x = x.mul((float) Math.sqrt(config.dim()));
        }
        for (int l = 0; l < layers.length; l++) {
            Layer layer = layers[l];
            NDArray h = rmsNorm(x, layer.attnNorm());
            NDArray qRaw;
            NDArray kRaw;
            NDArray v;
            if (layer.wqkv() != null) {
                NDList qkv = project(h, layer.wqkv()).split(new long[] {config.qDim(), config.qDim() + config.kvDim()}, 1);
                qRaw = qkv.get(0).reshape(rows, config.heads(), hd);
                kRaw = qkv.get(1).reshape(rows, config.kvHeads(), hd);
                v = qkv.get(2).reshape(rows, config.kvHeads(), hd);
            } else {
                qRaw = bias(project(h, layer.wq()), layer.qBias()).reshape(rows, config.heads(), hd);
                kRaw = bias(project(h, layer.wk()), layer.kBias()).reshape(rows, config.kvHeads(), hd);
                v = bias(project(h, layer.wv()), layer.vBias()).reshape(rows, config.kvHeads(), hd);
            }
            NDArray attnOut = project(attend(step, l, qRaw, kRaw, v), layer.wo());
            x = x.add(layer.postAttnNorm() == null ? attnOut : rmsNorm(attnOut, layer.postAttnNorm()));
            NDArray h2 = rmsNorm(x, layer.ffnNorm());
            NDArray g;
            NDArray u;
            if (layer.w1() == null) { // gate and up in one matrix, gate first (phi3)
                NDList gateUp = project(h2, layer.w3()).split(2, 1);
                g = gateUp.get(0);
                u = gateUp.get(1);
            } else {
                g = project(h2, layer.w1());
                u = project(h2, layer.w3());
            }
            NDArray ffn = project((arch.geluFeedForward() ? geluTanh(g) : Activation.sigmoid(g).mul(g)).mul(u), layer.w2());
            x = x.add(layer.postFfnNorm() == null ? ffn : rmsNorm(ffn, layer.postFfnNorm()));
        }
        NDArray last;
        if (chunks.size() == rows) {
            last = x;
        } else {
            NDList lasts = new NDList(chunks.size());
            int end = 0;
            for (Chunk chunk : chunks) {
                end += chunk.tokens().length;
                lasts.add(x.get("{}:{}", end - 1, end));
            }
            last = NDArrays.concat(lasts, 0);
        }
        NDArray logits = softcap(project(rmsNorm(last, finalNorm), output), arch.finalSoftcap());
        return perChunk(logits.toFloatArray(), chunks.size());
    }

    /**
     * The step with the activations in Java arrays, where every matrix is kept in blocks: the products take and give
     * arrays, a layer's products on the same input (q, k and v; gate and up) go to the threads in one hand-off, and
     * the norms, RoPE, attention against the sequences' caches ({@link HostAttention}), the feed-forward's activation
     * and the residual sums run here ({@link HostRows}), with no engine call: the NDArray version of a decode step
     * makes about sixty a layer, each a JNI crossing and an NDArray (docs/performance.md).
     */
    private float[][] forwardOnHost(List<Chunk> chunks, int[] tokens, float[] positions) {
        Architecture arch = config.architecture();
        int rows = tokens.length;
        int dim = config.dim();
        int hd = config.headSize();
        int heads = config.heads();
        int kvHeads = config.kvHeads();
        int qDim = config.qDim();
        int kvDim = config.kvDim();
        float eps = config.normEps();
        float scale = arch.queryScale() > 0 ? arch.queryScale() : 1f / (float) Math.sqrt(hd);
        QuantizedMatrix table = ((Blocks) embedding).matrix();
        float[] x = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            table.dequantizeRow(tokens[i], x, i * dim);
        }
        if (arch.scaledEmbedding()) {
            HostRows.scaleInPlace(x, (float) Math.sqrt(dim));
        }
        float[][] rope = HostAttention.ropeTables(positions, hostInvFreq, ropeMagnitude);
        float[][] slidingRope = hostSlidingInvFreq == null ? rope
                : HostAttention.ropeTables(positions, hostSlidingInvFreq, 1f);
        for (int l = 0; l < layers.length; l++) {
            Layer layer = layers[l];
            HostNorms norms = hostNorms[l];
            float[] h = HostRows.rmsNorm(x, dim, norms.attn(), eps);
            float[] q;
            float[] k;
            float[] v;
            if (layer.wqkv() != null) {
                float[] qkv = products(h, rows, layer.wqkv())[0];
                q = new float[rows * qDim];
                k = new float[rows * kvDim];
                v = new float[rows * kvDim];
                for (int r = 0; r < rows; r++) {
                    int base = r * (qDim + 2 * kvDim);
                    System.arraycopy(qkv, base, q, r * qDim, qDim);
                    System.arraycopy(qkv, base + qDim, k, r * kvDim, kvDim);
                    System.arraycopy(qkv, base + qDim + kvDim, v, r * kvDim, kvDim);
                }
            } else {
                float[][] qkv = products(h, rows, layer.wq(), layer.wk(), layer.wv());
                q = qkv[0];
                k = qkv[1];
                v = qkv[2];
            }
            HostRows.addRowsInPlace(q, norms.qBias());
            HostRows.addRowsInPlace(k, norms.kBias());
            HostRows.addRowsInPlace(v, norms.vBias());
            if (norms.qNorm() != null) {
                q = HostRows.rmsNorm(q, hd, norms.qNorm(), eps);
                k = HostRows.rmsNorm(k, hd, norms.kNorm(), eps);
            }
            boolean slides = arch.slides(l);
            HostAttention.rope(q, heads, hd, slides ? slidingRope : rope, arch.neoxRope());
            HostAttention.rope(k, kvHeads, hd, slides ? slidingRope : rope, arch.neoxRope());
            float[] attn = new float[rows * qDim];
            RowParallel.Job[] jobs = new RowParallel.Job[chunks.size()];
            int start = 0;
            for (int c = 0; c < chunks.size(); c++) {
                Sequence seq = chunks.get(c).sequence();
                int t = chunks.get(c).tokens().length;
                seq.appendHost(l, k, v, start, t);
                HostAttention.Chunk chunk = new HostAttention.Chunk(q, attn, seq.hostKeys(l), seq.hostValues(l), start, t,
                        seq.length(), heads, kvHeads, hd, scale, arch.attentionSoftcap(), slides ? arch.slidingWindow() : 0);
                jobs[c] = new RowParallel.Job(t * heads, 2L * (seq.length() + t) * hd,
                        (from, to) -> HostAttention.heads(chunk, from, to));
                start += t;
            }
            RowParallel.shared().run(jobs);
            float[] attnOut = products(attn, rows, layer.wo())[0];
            HostRows.addInPlace(x, norms.postAttn() == null ? attnOut : HostRows.rmsNorm(attnOut, dim, norms.postAttn(), eps));
            float[] h2 = HostRows.rmsNorm(x, dim, norms.ffn(), eps);
            float[] gated;
            if (layer.w1() == null) { // gate and up in one matrix, gate first (phi3)
                gated = HostRows.gatedFused(products(h2, rows, layer.w3())[0], config.hiddenDim(), arch.geluFeedForward());
            } else {
                float[][] gateUp = products(h2, rows, layer.w1(), layer.w3());
                gated = HostRows.gated(gateUp[0], gateUp[1], arch.geluFeedForward());
            }
            float[] ffn = products(gated, rows, layer.w2())[0];
            HostRows.addInPlace(x, norms.postFfn() == null ? ffn : HostRows.rmsNorm(ffn, dim, norms.postFfn(), eps));
        }
        float[] last = x;
        if (chunks.size() != rows) {
            last = new float[chunks.size() * dim];
            int end = 0;
            for (int c = 0; c < chunks.size(); c++) {
                end += chunks.get(c).tokens().length;
                System.arraycopy(x, (end - 1) * dim, last, c * dim, dim);
            }
        }
        float[] logits = products(HostRows.rmsNorm(last, dim, hostFinalNorm, eps), chunks.size(), output)[0];
        HostRows.softcapInPlace(logits, arch.finalSoftcap());
        return perChunk(logits, chunks.size());
    }

    /** {@code x [n, in]} times each of {@code weights} (all in blocks), in one hand-off to the threads. */
    private static float[][] products(float[] x, int n, Weight... weights) {
        float[][] outs = new float[weights.length][];
        RowParallel.Job[] jobs = new RowParallel.Job[weights.length];
        for (int i = 0; i < weights.length; i++) {
            QuantizedMatrix m = ((Blocks) weights[i]).matrix();
            outs[i] = new float[n * m.rows()];
            jobs[i] = m.product(x, n, outs[i]);
        }
        RowParallel.shared().run(jobs);
        return outs;
    }

    /** Splits {@code [chunks, vocab]} logits into one array per chunk (the array itself for one chunk). */
    private float[][] perChunk(float[] flat, int chunks) {
        if (chunks == 1) {
            return new float[][] {flat};
        }
        int vocab = config.vocabSize();
        float[][] result = new float[chunks][];
        for (int c = 0; c < chunks; c++) {
            result[c] = java.util.Arrays.copyOfRange(flat, c * vocab, (c + 1) * vocab);
        }
        return result;
    }

    /**
     * Attention of layer {@code l} from the rows' projections {@code qRaw [rows, heads, hd]} and
     * {@code kRaw}, {@code v [rows, kvHeads, hd]}: the q/k norms where the architecture has them, RoPE, and each
     * chunk's rows against its own sequence's cache; {@code [rows, heads * hd]}.
     */
    private NDArray attend(Step step, int l, NDArray qRaw, NDArray kRaw, NDArray v) {
        Layer layer = layers[l];
        boolean slides = config.architecture().slides(l);
        if (layer.qNorm() != null) {
            qRaw = rmsNorm(qRaw, layer.qNorm());
            kRaw = rmsNorm(kRaw, layer.kNorm());
        }
        // queries and keys rotate together: [rows, heads + kvHeads, hd]
        NDArray qk = slides ? rope(qRaw.concat(kRaw, 1), step.slidingCos(), step.slidingSin())
                : rope(qRaw.concat(kRaw, 1), step.cos(), step.sin());
        NDList qAndK = qk.split(new long[] {config.heads()}, 1);
        NDArray q = qAndK.get(0);
        NDArray k = qAndK.get(1);
        List<NDArray> layerMasks = slides ? step.slidingMasks() : step.masks();
        List<Chunk> chunks = step.chunks();
        if (chunks.size() == 1) {
            return attention(chunks.get(0).sequence(), l, q, k, v, layerMasks.get(0));
        }
        NDList outs = new NDList(chunks.size());
        int start = 0;
        for (int c = 0; c < chunks.size(); c++) {
            Chunk chunk = chunks.get(c);
            int t = chunk.tokens().length;
            outs.add(attention(chunk.sequence(), l, q.get("{}:{}", start, start + t),
                    k.get("{}:{}", start, start + t), v.get("{}:{}", start, start + t), layerMasks.get(c)));
            start += t;
        }
        return NDArrays.concat(outs, 0);
    }

    private static NDArray castTo(NDArray a, DataType type) {
        return a.getDataType() == type ? a : a.toType(type, false);
    }

    private NDArray uncast(NDArray a) {
        return a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
    }

    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray scale = x.square().mean(new int[] {-1}, true).add(config.normEps()).pow(-0.5f);
        return x.mul(scale).mul(weight);
    }

    /** GELU in its tanh approximation, as Gemma and llama.cpp's {@code ggml_gelu} compute it. */
    private static NDArray geluTanh(NDArray x) {
        NDArray inner = x.pow(3).mul(0.044715f).add(x).mul((float) Math.sqrt(2 / Math.PI));
        return x.mul(0.5f).mul(inner.tanh().add(1f));
    }

    /** {@code cap * tanh(x / cap)}, or {@code x} when {@code cap} is 0. */
    private static NDArray softcap(NDArray x, float cap) {
        return cap > 0 ? x.div(cap).tanh().mul(cap) : x;
    }

    private static NDArray bias(NDArray x, NDArray bias) {
        return bias == null ? x : x.add(bias);
    }

    /**
     * Rotates each pair of every head by its position's angle: adjacent pairs (2i, 2i+1) for llama, pairs across
     * the halves (i, i + headSize/2) for the GPT-NeoX order of qwen.
     */
    private NDArray rope(NDArray x, NDArray cos, NDArray sin) {
        Shape shape = x.getShape();
        if (config.architecture().neoxRope()) {
            NDList halves = x.split(2, 2);
            NDArray first = halves.get(0);
            NDArray second = halves.get(1);
            return first.mul(cos).sub(second.mul(sin)).concat(second.mul(cos).add(first.mul(sin)), 2);
        }
        NDArray pairs = x.reshape(shape.get(0), shape.get(1), shape.get(2) / 2, 2);
        NDArray even = pairs.get(":, :, :, 0");
        NDArray odd = pairs.get(":, :, :, 1");
        NDArray rotatedEven = even.mul(cos).sub(odd.mul(sin));
        NDArray rotatedOdd = even.mul(sin).add(odd.mul(cos));
        return rotatedEven.stack(rotatedOdd, -1).reshape(shape);
    }

    /**
     * The mask of {@code t} new rows after {@code past} cached ones: later positions hidden, and with a sliding
     * {@code window} (0: none) every position {@code window} or more before the row's own (llama.cpp's standard
     * sliding window: a row sees itself and the {@code window - 1} positions before it).
     */
    private NDArray causalMask(int t, int past, int window) {
        int total = past + t;
        float[] mask = new float[t * total];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < total; j++) {
                if (j > past + i || (window > 0 && past + i - j >= window)) {
                    mask[i * total + j] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        return manager.create(mask, new Shape(t, total));
    }

    /** Attention of {@code t} new rows of one sequence over its cache; returns {@code [t, heads * headSize]}. */
    private NDArray attention(Sequence seq, int layer, NDArray q, NDArray k, NDArray v, NDArray mask) {
        int t = (int) q.getShape().get(0);
        int past = seq.length();
        int total = past + t;
        int kvHeads = config.kvHeads();
        int group = config.heads() / kvHeads;
        int hd = config.headSize();
        NDArray keys = seq.appendKeys(layer, t == 1 ? k.reshape(kvHeads, 1, hd) : k.transpose(1, 0, 2), past, total);
        NDArray values = seq.appendValues(layer, t == 1 ? v.reshape(kvHeads, 1, hd) : v.transpose(1, 0, 2), past, total);
        // [t, kvHeads, group, hd] -> [kvHeads, group * t, hd]: query heads of a group share one key/value head
        NDArray qg = t == 1 ? q.reshape(kvHeads, group, hd)
                : q.reshape(t, kvHeads, group, hd).transpose(1, 2, 0, 3).reshape(kvHeads, group * t, hd);
        Architecture arch = config.architecture();
        float scale = arch.queryScale() > 0 ? arch.queryScale() : 1f / (float) Math.sqrt(hd);
        NDArray scores = softcap(qg.matMul(keys.transpose(0, 2, 1)).mul(scale), arch.attentionSoftcap());
        if (mask != null) {
            scores = scores.reshape(kvHeads, group, t, total).add(mask).reshape(kvHeads, group * t, total);
        }
        NDArray out = scores.softmax(-1).matMul(values);
        if (t == 1) {
            return out.reshape(1, config.qDim());
        }
        return out.reshape(kvHeads, group, t, hd).transpose(2, 0, 1, 3).reshape(t, config.qDim());
    }

    @Override
    public void close() {
        compute.shutdown();
        try {
            compute.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (manager != null) {
            manager.close();
        }
    }
}
