package io.hallmark.textgen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads GGUF files of the llama (Llama 2/3.x, Mistral), qwen2, qwen3, gemma2, gemma3 and phi3 architectures with
 * their SentencePiece or byte-level BPE vocabulary. Fails closed: every metadata key that could change the computation is either read
 * here or refused by name, so no file runs with a setting silently ignored.
 */
public final class GgufLoader {

    /** Keys under the architecture's prefix that this loader reads (or checks to be harmless). */
    private static final Set<String> ARCHITECTURE_KEYS = Set.of("context_length", "embedding_length", "block_count",
            "feed_forward_length", "attention.head_count", "attention.head_count_kv", "attention.layer_norm_rms_epsilon",
            "rope.freq_base", "rope.dimension_count", "attention.key_length", "attention.value_length",
            "rope.scaling.type", "rope.scaling.factor", "rope.scale_linear", "rope.scaling.original_context_length",
            "rope.scaling.attn_factor", "rope.scaling.finetuned", "vocab_size", "attention.sliding_window");

    /**
     * YaRN settings llama.cpp reads only for other architectures (grok, mistral3, deepseek2): for these it always
     * uses the values here, so a file that sets them otherwise is refused rather than run one way or the other.
     */
    private static final Map<String, Double> YARN_KEYS_AT_LLAMA_CPP_VALUES = Map.of(
            "rope.scaling.yarn_beta_fast", (double) RopeFrequencies.YARN_BETA_FAST,
            "rope.scaling.yarn_beta_slow", (double) RopeFrequencies.YARN_BETA_SLOW,
            "rope.scaling.yarn_attn_factor", 1.0, "rope.scaling.yarn_log_multiplier", 0.0);

    /** Keys read only for the architecture that has them (elsewhere llama.cpp ignores them, so they are refused). */
    private static final Map<String, Set<String>> ARCHITECTURE_ONLY_KEYS = Map.of(
            "gemma2", Set.of("attn_logit_softcapping", "final_logit_softcapping", "rope.freq_base_swa"),
            "gemma3", Set.of("final_logit_softcapping", "rope.freq_base_swa"));

    /** Tokenizer keys that are read, or name tokens nothing here uses (padding, mask, ...). */
    private static final Set<String> TOKENIZER_KEYS = Set.of("model", "pre", "tokens", "scores", "token_type", "merges",
            "bos_token_id", "eos_token_id", "eot_token_id", "eom_token_id", "unknown_token_id", "padding_token_id",
            "seperator_token_id", "separator_token_id", "mask_token_id", "cls_token_id", "add_bos_token",
            "add_eos_token", "add_space_prefix", "fim_pre_token_id", "fim_suf_token_id", "fim_mid_token_id",
            "fim_pad_token_id", "fim_rep_token_id", "fim_sep_token_id", "prefix_token_id", "suffix_token_id",
            "middle_token_id", "token_type_count");

    private GgufLoader() {}

    /**
     * Reads the file; every refusal names the file, the architecture and the key or tensor: "GGUF file F (gemma3) sets
     * 'gemma3.attn_logit_softcapping' = ..., which Hallmark does not implement; refusing rather than ignoring it".
     */
    public static LlamaCheckpoint load(Path file) {
        GgufFile gguf = GgufFile.read(file);
        Object archName = gguf.require("general.architecture");
        Architecture arch;
        try {
            arch = Architecture.of(String.valueOf(archName));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("GGUF file " + file + ": " + e.getMessage());
        }
        try {
            return load(gguf, arch);
        } catch (ModelFormatException e) {
            String prefix = "GGUF file " + file;
            String named = prefix + " (" + arch.name() + ")";
            if (e.getMessage() != null && e.getMessage().startsWith(prefix) && !e.getMessage().startsWith(named)) {
                throw new ModelFormatException(named + e.getMessage().substring(prefix.length()), e);
            }
            throw e;
        }
    }

    private static LlamaCheckpoint load(GgufFile gguf, Architecture arch) {
        Path file = gguf.path();
        checkKeys(gguf, arch.name());
        GgufVocabulary vocabulary = GgufVocabulary.fromGguf(gguf);
        LlamaConfig config = config(gguf, arch, vocabulary.vocabSize());
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        for (String name : LlamaCheckpoint.expectedNames(config)) {
            if (!gguf.tensors().containsKey(name)) {
                throw new ModelFormatException("GGUF file " + file + " (" + arch.name() + ") lacks tensor '" + name + "'");
            }
            tensors.put(name, gguf.tensor(name));
        }
        for (String name : ropeFactorTensors(config.architecture())) {
            if (gguf.tensors().containsKey(name)) {
                tensors.put(name, gguf.tensor(name));
            }
        }
        for (String name : gguf.tensors().keySet()) {
            if (!tensors.containsKey(name)) {
                throw new ModelFormatException("GGUF file " + file + " (" + arch.name() + ") has tensor '" + name
                        + "', which Hallmark's " + arch.name() + " decoder does not use; refusing rather than ignoring it");
            }
        }
        return new LlamaCheckpoint(config, tensors, vocabulary, "gguf", file);
    }

    private static LlamaConfig config(GgufFile gguf, Architecture arch, int vocabSize) {
        String a = arch.name() + ".";
        Path file = gguf.path();
        int dim = gguf.requireInt(a + "embedding_length");
        int heads = gguf.requireInt(a + "attention.head_count");
        int kvHeads = (int) GgufMetadata.number(gguf, a + "attention.head_count_kv", heads);
        int keyLength = (int) GgufMetadata.number(gguf, a + "attention.key_length", dim / Math.max(heads, 1));
        int valueLength = (int) GgufMetadata.number(gguf, a + "attention.value_length", keyLength);
        if (valueLength != keyLength) {
            throw new ModelFormatException("GGUF file " + file + ": '" + a + "attention.value_length' " + valueLength
                    + " differs from '" + a + "attention.key_length' " + keyLength + ", which Hallmark does not run");
        }
        int ropeDims = (int) GgufMetadata.number(gguf, a + "rope.dimension_count", keyLength);
        if (ropeDims != keyLength) {
            throw new ModelFormatException("GGUF file " + file + ": '" + a + "rope.dimension_count' " + ropeDims
                    + " rotates part of each " + keyLength + "-wide head (partial RoPE), which Hallmark does not run");
        }
        if (keyLength != dim / heads || dim % heads != 0) {
            arch = arch.withHeadDim(keyLength);
        }
        arch = arch.withRopeScaling(ropeScaling(gguf, a));
        int context = gguf.requireInt(a + "context_length");
        int layers = gguf.requireInt(a + "block_count");
        if (arch.slidingWindowPattern() > 0) {
            arch = slidingLayers(gguf, arch, dim, heads, layers);
        } else {
            double window = GgufMetadata.number(gguf, a + "attention.sliding_window", 0);
            if (window > 0 && window < context) {
                context = (int) window; // within the window sliding-window attention equals full attention
            }
        }
        long declaredVocab = (long) GgufMetadata.number(gguf, a + "vocab_size", vocabSize);
        if (declaredVocab != vocabSize) {
            throw new ModelFormatException("GGUF file " + file + ": " + a + "vocab_size is " + declaredVocab
                    + " but the vocabulary has " + vocabSize + " tokens");
        }
        try {
            return new LlamaConfig(dim, gguf.requireInt(a + "feed_forward_length"), layers,
                    heads, kvHeads, vocabSize, context,
                    (float) GgufMetadata.number(gguf, a + "attention.layer_norm_rms_epsilon", 1e-5),
                    (float) GgufMetadata.number(gguf, a + "rope.freq_base", 10000),
                    !gguf.tensors().containsKey("output.weight"), arch);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("GGUF file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Gemma's settings, as llama.cpp v0.5.0 reads them: the sliding window (gemma2: 4096 when absent; gemma3: none when
     * absent or 0, every layer then global and at the file's RoPE base and scaling), the sliding layers' RoPE base
     * {@code rope.freq_base_swa} (gemma2: the model's base when absent, scaled as the model; gemma3: 10000 when absent,
     * unscaled, and not read without a window), the soft-caps (gemma2: 50 and 30 when absent; gemma3: a final one only
     * where the file sets it, 0 meaning none), and the query scale {@code 1/sqrt(dim/heads)} of the 27B models (which
     * llama.cpp tells by their layer count: 46 for gemma2, 62 for gemma3) instead of {@code 1/sqrt(headSize)}.
     */
    private static Architecture slidingLayers(GgufFile gguf, Architecture arch, int dim, int heads, int layers) {
        String a = arch.name() + ".";
        boolean gemma2 = arch.name().equals("gemma2");
        Architecture.Builder b = arch.toBuilder();
        double window = GgufMetadata.number(gguf, a + "attention.sliding_window", arch.slidingWindow());
        if (!(window >= (gemma2 ? 1 : 0) && window == Math.rint(window) && window <= Integer.MAX_VALUE)) {
            throw new ModelFormatException("GGUF file " + gguf.path() + " (" + arch.name() + "): '" + a
                    + "attention.sliding_window' must be a " + (gemma2 ? "positive" : "non-negative")
                    + " whole number, not " + window);
        }
        b.slidingWindow((int) window);
        // llama.cpp reads gemma3's base only for a model with sliding layers
        if (gguf.metadata().containsKey(a + "rope.freq_base_swa") && (window > 0 || gemma2)) {
            b.slidingRopeBase(positive(gguf, a + "rope.freq_base_swa", 0));
        }
        if (gemma2) {
            b.attentionSoftcap(positive(gguf, a + "attn_logit_softcapping", arch.attentionSoftcap()));
            b.finalSoftcap(positive(gguf, a + "final_logit_softcapping", arch.finalSoftcap()));
        } else {
            double cap = GgufMetadata.number(gguf, a + "final_logit_softcapping", 0);
            if (!(cap >= 0 && cap <= Float.MAX_VALUE)) {
                throw new ModelFormatException("GGUF file " + gguf.path() + " (" + arch.name() + "): '" + a
                        + "final_logit_softcapping' must be positive (or 0: none), not " + cap);
            }
            b.finalSoftcap((float) cap);
        }
        int largest = gemma2 ? 46 : 62;
        if (layers == largest) {
            b.queryScale((float) (1.0 / Math.sqrt((float) (dim / heads))));
        }
        return b.build();
    }

    private static float positive(GgufFile gguf, String key, float fallback) {
        double v = GgufMetadata.number(gguf, key, fallback);
        if (!(v > 0)) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + key + "' must be positive, not " + v);
        }
        return (float) v;
    }

    /**
     * The per-frequency RoPE factors the architecture's llama.cpp graph reads: {@code rope_freqs} (llama, unless its
     * scaling is longrope), LongRoPE's long and short factors (phi3; llama with longrope); none for qwen2, qwen3 and
     * gemma, whose graphs take no factors (llama.cpp refuses such a file for its unused tensor, as Hallmark does).
     */
    private static java.util.List<String> ropeFactorTensors(Architecture arch) {
        boolean longRope = arch.ropeScaling().type().equals("longrope");
        return switch (arch.name()) {
            case "llama" -> longRope ? java.util.List.of(LlamaCheckpoint.ROPE_FACTORS_LONG, LlamaCheckpoint.ROPE_FACTORS_SHORT)
                    : java.util.List.of(LlamaCheckpoint.ROPE_FREQS);
            case "phi3" -> java.util.List.of(LlamaCheckpoint.ROPE_FACTORS_LONG, LlamaCheckpoint.ROPE_FACTORS_SHORT);
            default -> java.util.List.of();
        };
    }

    /**
     * {@code rope.scaling.*} as llama.cpp reads it: the type (absent: linear, with the factor of
     * {@code rope.scaling.factor} or the older {@code rope.scale_linear}, none without one), the original context
     * (YaRN's ramp, LongRoPE's choice of factors) and the attention factor (any type). A type llama.cpp does not know
     * (e.g. {@code llama3}: llama.cpp's converter writes Llama 3.1's scaling as {@code rope_freqs}) is refused, as
     * llama.cpp refuses it; gemma's graphs scale only linearly here.
     */
    private static Architecture.RopeScaling ropeScaling(GgufFile gguf, String a) {
        String type = GgufMetadata.string(gguf, a + "rope.scaling.type", null);
        double factor = GgufMetadata.number(gguf, a + "rope.scaling.factor", 0);
        if (factor == 0) {
            factor = GgufMetadata.number(gguf, a + "rope.scale_linear", 0);
        }
        if (type == null) {
            type = factor > 0 && factor != 1 ? "linear" : "none";
        }
        if (factor == 0 || type.equals("none")) {
            factor = 1;
        }
        double original = GgufMetadata.number(gguf, a + "rope.scaling.original_context_length", 0);
        double attnFactor = GgufMetadata.number(gguf, a + "rope.scaling.attn_factor", 1);
        String arch = a.substring(0, a.length() - 1);
        if (arch.startsWith("gemma") && (type.equals("yarn") || type.equals("longrope") || attnFactor != 1)) {
            throw new ModelFormatException("GGUF file " + gguf.path() + " (" + arch + ") sets RoPE scaling '" + type
                    + "' ('" + a + "rope.scaling.type') with attention factor " + attnFactor + " ('" + a
                    + "rope.scaling.attn_factor'); Hallmark scales gemma's RoPE only linearly");
        }
        for (Map.Entry<String, Double> e : YARN_KEYS_AT_LLAMA_CPP_VALUES.entrySet()) {
            double v = GgufMetadata.number(gguf, a + e.getKey(), e.getValue());
            if (v != e.getValue()) {
                throw new ModelFormatException("GGUF file " + gguf.path() + " sets '" + a + e.getKey() + "' = " + v
                        + ", which llama.cpp ignores for " + arch + " (it uses " + e.getValue() + "); refusing rather"
                        + " than running it either way");
            }
        }
        double extFactor = GgufMetadata.number(gguf, a + "rope.scaling.yarn_ext_factor", type.equals("yarn") ? 1 : 0);
        if (extFactor != (type.equals("yarn") ? 1 : 0)) {
            throw new ModelFormatException("GGUF file " + gguf.path() + " sets '" + a + "rope.scaling.yarn_ext_factor' = "
                    + extFactor + ", which llama.cpp ignores for " + arch + "; refusing rather than running it either way");
        }
        if (!(original >= 0 && original == Math.rint(original) && original <= Integer.MAX_VALUE)) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + a
                    + "rope.scaling.original_context_length' must be a whole number of positions, not " + original);
        }
        try {
            return new Architecture.RopeScaling(type, (float) factor, (int) original, (float) attnFactor);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("GGUF file " + gguf.path() + ": '" + a + "rope.scaling.type' = '" + type
                    + "': " + e.getMessage() + (type.equals("llama3") ? " (llama.cpp refuses it too: its converter writes Llama 3.1's scaling"
                            + " as the tensor rope_freqs.weight, which Hallmark runs)" : ""));
        }
    }

    /** Refuses metadata this loader would otherwise ignore: unknown architecture or tokenizer keys, split files. */
    private static void checkKeys(GgufFile gguf, String arch) {
        for (Map.Entry<String, Object> e : gguf.metadata().entrySet()) {
            String key = e.getKey();
            boolean known;
            if (key.startsWith(arch + ".")) {
                String k = key.substring(arch.length() + 1);
                known = ARCHITECTURE_KEYS.contains(k) || YARN_KEYS_AT_LLAMA_CPP_VALUES.containsKey(k)
                        || k.equals("rope.scaling.yarn_ext_factor") || ARCHITECTURE_ONLY_KEYS.getOrDefault(arch, Set.of()).contains(k) || ((k.equals("expert_count") || k.equals("expert_used_count"))
                        && e.getValue() instanceof Number n && n.intValue() == 0); // a dense model that says so
            } else if (key.startsWith("tokenizer.ggml.")) {
                known = TOKENIZER_KEYS.contains(key.substring("tokenizer.ggml.".length()));
            } else if (key.equals("split.count")) {
                known = e.getValue() instanceof Number n && n.intValue() <= 1;
            } else {
                known = key.startsWith("general.") || key.startsWith("tokenizer.chat_template")
                        || key.startsWith("quantize.") || key.startsWith("split.")
                        || key.startsWith("tokenizer.huggingface.");
            }
            if (!known) {
                throw new ModelFormatException("GGUF file " + gguf.path() + " sets '" + key + "' = " + preview(e.getValue())
                        + ", which Hallmark does not implement; refusing rather than ignoring it");
            }
        }
    }

    private static String preview(Object v) {
        String s = v instanceof java.util.List<?> l ? "[" + l.size() + " items]" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
