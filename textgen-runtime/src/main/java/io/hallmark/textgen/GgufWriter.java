package io.hallmark.textgen;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes Llama weights as a GGUF v3 file that llama.cpp can run: 2-D weights in the chosen {@link TensorType}
 * (quantized in Java; a matrix whose rows do not fill whole blocks stays F32), norms in F32, the vocabulary in the
 * metadata. Used by tests (cross-format and llama.cpp conformance checks) and by the benchmark (random-weight
 * models written on the fly).
 */
public final class GgufWriter {

    private static final int ALIGNMENT = 32;

    private GgufWriter() {}

    /** Writes a checkpoint read from another format. */
    public static void write(LlamaCheckpoint checkpoint, TensorType weightType, Path target) {
        if (!(checkpoint.tokenizer() instanceof GgufVocabulary vocab)) {
            throw new IllegalArgumentException("GGUF needs a SentencePiece or byte-level BPE vocabulary; " + checkpoint.source()
                    + " has a " + checkpoint.tokenizer().getClass().getSimpleName());
        }
        Map<String, long[]> ropeFactors = new LinkedHashMap<>(); // rope_freqs, LongRoPE's factors: F32 as they were
        for (String name : List.of(LlamaCheckpoint.ROPE_FREQS, LlamaCheckpoint.ROPE_FACTORS_LONG,
                LlamaCheckpoint.ROPE_FACTORS_SHORT)) {
            if (checkpoint.tensors().containsKey(name)) {
                ropeFactors.put(name, checkpoint.tensor(name).shape());
            }
        }
        write(target, checkpoint.config(), vocab, name -> checkpoint.tensor(name).toFloats(), weightType,
                checkpoint.source().getFileName().toString(), ropeFactors, Map.of());
    }

    /**
     * Writes a model whose tensor values come from {@code values} (by GGUF name, row-major float32), one tensor at a
     * time so a large model never sits in memory twice.
     */
    public static void write(Path target, LlamaConfig config, GgufVocabulary tokenizer,
            Function<String, float[]> values, TensorType weightType, String name) {
        write(target, config, tokenizer, values, weightType, name, null, Map.of());
    }

    /**
     * Writes a model as {@link #write(Path, LlamaConfig, GgufVocabulary, Function, TensorType, String)} does, with
     * further tensors (e.g. {@code rope_freqs.weight}, in F32) and metadata ({@code tokenizer.chat_template}, ...).
     */
    public static void write(Path target, LlamaConfig config, GgufVocabulary tokenizer,
            Function<String, float[]> values, TensorType weightType, String name, Map<String, long[]> extraTensors,
            Map<String, Object> extraMetadata) {
        write(target, config, tokenizer, values, n -> weightType, name, extraTensors, extraMetadata);
    }

    /**
     * Writes a model whose matrices take the type {@code weightType} gives each by name, as llama-quantize's mixes
     * do (Q4_K_M keeps the output head and some {@code ffn_down} and {@code attn_v} matrices in Q6_K); a matrix whose
     * rows do not fill whole blocks of its type stays F32, vectors are F32.
     */
    public static void write(Path target, LlamaConfig config, GgufVocabulary tokenizer,
            Function<String, float[]> values, Function<String, TensorType> weightType, String name,
            Map<String, long[]> extraTensors, Map<String, Object> extraMetadata) {
        Map<String, Object> meta = new LinkedHashMap<>();
        Architecture arch = config.architecture();
        String a = arch.name();
        meta.put("general.architecture", a);
        meta.put("general.name", name);
        meta.put("general.alignment", ALIGNMENT);
        meta.put(a + ".context_length", config.contextLength());
        meta.put(a + ".embedding_length", config.dim());
        meta.put(a + ".block_count", config.layers());
        meta.put(a + ".feed_forward_length", config.hiddenDim());
        meta.put(a + ".rope.dimension_count", config.headSize());
        meta.put(a + ".attention.head_count", config.heads());
        meta.put(a + ".attention.head_count_kv", config.kvHeads());
        if (arch.headDim() > 0) {
            meta.put(a + ".attention.key_length", config.headSize());
            meta.put(a + ".attention.value_length", config.headSize());
        }
        meta.put(a + ".attention.layer_norm_rms_epsilon", config.normEps());
        meta.put(a + ".rope.freq_base", config.ropeTheta());
        Architecture.RopeScaling rope = arch.ropeScaling();
        if (!rope.type().equals("none")) {
            meta.put(a + ".rope.scaling.type", rope.type());
            meta.put(a + ".rope.scaling.factor", rope.factor());
        }
        if (rope.originalContext() > 0) {
            meta.put(a + ".rope.scaling.original_context_length", rope.originalContext());
        }
        if (rope.attnFactor() != 1f) {
            meta.put(a + ".rope.scaling.attn_factor", rope.attnFactor());
        }
        if (arch.slidingWindowPattern() > 0 && arch.slidingWindow() > 0) {
            meta.put(a + ".attention.sliding_window", arch.slidingWindow());
            if (arch.slidingRopeBase() > 0) { // llama.cpp's converter writes gemma3's always (10000)
                meta.put(a + ".rope.freq_base_swa", arch.slidingRopeBase());
            }
        }
        if (arch.attentionSoftcap() > 0) {
            meta.put(a + ".attn_logit_softcapping", arch.attentionSoftcap());
        }
        if (arch.finalSoftcap() > 0) {
            meta.put(a + ".final_logit_softcapping", arch.finalSoftcap());
        }
        meta.putAll(tokenizer.ggufMetadata());
        meta.putAll(extraMetadata);
        Map<String, long[]> shapes = new LinkedHashMap<>(shapes(config));
        if (extraTensors != null) {
            shapes.putAll(extraTensors);
        }
        write(target, meta, shapes, values,
                n -> shapes.get(n).length == 2 && weightType.apply(n).fits(shapes.get(n)[1]) ? weightType.apply(n) : TensorType.F32);
    }

    /**
     * Writes any GGUF v3 file: the metadata (String, Integer as uint32, Long as uint64, Float as float32, Boolean,
     * List of String, float[] and int[] arrays) and the tensors, each in the type {@code typeOf} gives it.
     */
    public static void write(Path target, Map<String, Object> metadata, Map<String, long[]> shapes,
            Function<String, float[]> values, Function<String, TensorType> typeOf) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            Header h = new Header();
            h.i32(GgufFile.MAGIC);
            h.i32(3);
            h.i64(shapes.size());
            Map<String, Object> meta = new LinkedHashMap<>(metadata);
            meta.putIfAbsent("general.alignment", ALIGNMENT);
            h.i64(meta.size());
            meta.forEach((key, value) -> {
                h.string(key);
                h.value(key, value);
            });
            long offset = 0;
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                long[] shape = e.getValue();
                h.string(e.getKey());
                h.i32(shape.length);
                for (int d = shape.length - 1; d >= 0; d--) {
                    h.i64(shape[d]);
                }
                TensorType type = typeOf.apply(e.getKey());
                h.i32(type.ggmlId());
                h.i64(offset);
                offset = align(offset + type.bytes(RawTensor.elements(shape)));
            }
            byte[] header = h.bytes();
            out.write(header);
            out.write(new byte[(int) (align(header.length) - header.length)]);
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                float[] v = values.apply(e.getKey());
                TensorType type = typeOf.apply(e.getKey());
                if (v.length != RawTensor.elements(e.getValue())) {
                    throw new IllegalArgumentException("Tensor '" + e.getKey() + "' has " + v.length + " values; expected "
                            + RawTensor.elements(e.getValue()));
                }
                byte[] data = encode(v, type);
                out.write(data);
                out.write(new byte[(int) (align(data.length) - data.length)]);
            }
        } catch (IOException e) {
            throw new ModelFormatException("Cannot write GGUF file " + target + ": " + e, e);
        }
    }

    /**
     * llama-quantize's Q4_K_M mix for a Llama-shaped model of {@code config}: Q6_K for the output head (the embedding
     * when the head is tied to it) and for {@code attn_v} and {@code ffn_down} of the layers llama.cpp's
     * {@code use_more_bits} picks (the first and last eighth, every third between), Q4_K for every other matrix.
     */
    public static Function<String, TensorType> q4KMedium(LlamaConfig config) {
        int n = config.layers();
        return name -> {
            if (name.equals("output.weight") || (config.tiedOutput() && name.equals("token_embd.weight"))) {
                return TensorType.Q6_K;
            }
            if (name.endsWith(".attn_v.weight") || name.endsWith(".ffn_down.weight")) {
                int i = Integer.parseInt(name.split("\\.")[1]);
                if (i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2) {
                    return TensorType.Q6_K;
                }
            }
            return TensorType.Q4_K;
        };
    }

    /** The tensors of a model of {@code c} under their GGUF names, with row-major shapes. */
    public static Map<String, long[]> shapes(LlamaConfig c) {
        return LlamaCheckpoint.shapes(c);
    }

    static byte[] encode(float[] v, TensorType type) {
        return GgmlBlocks.quantize(type, v);
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** A growable little-endian buffer for the header. */
    private static final class Header {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        private void room(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        void i32(int v) {
            room(4);
            buf.putInt(v);
        }

        void i64(long v) {
            room(8);
            buf.putLong(v);
        }

        void rawF32(float v) {
            room(4);
            buf.putFloat(v);
        }

        void u32(long v) {
            i32(4);
            i32((int) v);
        }

        void f32(float v) {
            i32(6);
            room(4);
            buf.putFloat(v);
        }

        void string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            i64(bytes.length);
            room(bytes.length);
            buf.put(bytes);
        }

        void typedString(String s) {
            i32(8);
            string(s);
        }

        /** A typed metadata value. */
        void value(String key, Object v) {
            switch (v) {
                case String s -> typedString(s);
                case Integer n -> u32(n);
                case Long n -> {
                    i32(10);
                    i64(n);
                }
                case Float f -> f32(f);
                case Boolean b -> {
                    i32(7);
                    room(1);
                    buf.put((byte) (b ? 1 : 0));
                }
                case float[] fs -> {
                    i32(9);
                    i32(6);
                    i64(fs.length);
                    for (float f : fs) {
                        rawF32(f);
                    }
                }
                case int[] is -> {
                    i32(9);
                    i32(5);
                    i64(is.length);
                    for (int x : is) {
                        i32(x);
                    }
                }
                case List<?> list -> {
                    i32(9);
                    i32(8);
                    i64(list.size());
                    list.forEach(item -> string((String) item));
                }
                default -> throw new IllegalArgumentException("Metadata '" + key + "' has a value of type "
                        + v.getClass().getSimpleName() + ", which GgufWriter does not write");
            }
        }

        byte[] bytes() {
            byte[] out = new byte[buf.position()];
            buf.duplicate().flip().get(out);
            return out;
        }
    }
}
