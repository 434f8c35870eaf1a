package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GGUF metadata key the current llama.cpp (release v0.5.0, the source node-llama-cpp 3.22.1 ships) reads for
 * the supported architectures is either implemented or refused by name, never ignored: the common hyper-parameters
 * of {@code llama_model_base::load_hparams} (llama-model.cpp), each architecture's own ({@code models/llama.cpp},
 * {@code qwen2}, {@code qwen3}, {@code gemma2}, {@code gemma3}, {@code phi3}: RMS epsilon, gemma's window, soft-caps
 * and sliding layers' RoPE base {@code rope.freq_base_swa}, phi3's window), the tokenizer keys of llama-vocab.cpp, and keys other architectures use that a
 * converted file might carry. Each case writes a small file with the key set and expects the effect, or a refusal
 * naming the key and the architecture.
 */
class GgufKeysTest {

    static final List<String> ARCHITECTURES = List.of("llama", "qwen2", "qwen3", "gemma2", "gemma3", "phi3");

    @TempDir
    Path temp;

    /** A small model of {@code arch}: dim 64, 4 heads of 16 (2 for keys and values), 2 layers, context 256. */
    static LlamaConfig shape(String arch) {
        Architecture a = switch (arch) {
            case "gemma2" -> Architecture.GEMMA2.toBuilder().slidingWindow(32).build();
            case "gemma3" -> Architecture.GEMMA3.toBuilder().slidingWindow(32).build();
            default -> Architecture.of(arch);
        };
        return new LlamaConfig(64, 128, 2, 4, 2, 512, 256, 1e-5f, 10000f, a.scaledEmbedding(), a);
    }

    private Path write(String arch, Map<String, Object> metadata) {
        LlamaConfig base = shape(arch);
        // heads wider than dim / heads: the tensors take the key length the metadata declares
        LlamaConfig shape = metadata.get(arch + ".attention.key_length") instanceof Integer width
                && metadata.containsKey(arch + ".rope.dimension_count")
                ? base.withArchitecture(base.architecture().withHeadDim(width)) : base;
        Path file = temp.resolve(arch + "-" + Math.abs(metadata.hashCode()) + ".gguf");
        GgufWriter.write(file, shape, RandomModels.vocabulary(shape.vocabSize()), n -> RandomModels.values(n, shape, 1),
                TensorType.F32, "keys", null, metadata);
        return file;
    }

    /** Keys (after the architecture's prefix) a file may set that Hallmark refuses, with a value that would matter. */
    static final Map<String, Object> REFUSED_ARCHITECTURE_KEYS = refusedArchitectureKeys();

    private static Map<String, Object> refusedArchitectureKeys() {
        Map<String, Object> m = new LinkedHashMap<>();
        // read by llama.cpp for every architecture (llama_model_base::load_hparams)
        m.put("embedding_length_out", 32);
        m.put("attention.causal", false);
        m.put("pooling_type", 1);
        m.put("nextn_predict_layers", 1);
        m.put("expert_count", 8); // Mixtral is a llama file with experts
        m.put("expert_used_count", 2);
        m.put("expert_group_count", 2);
        m.put("expert_group_used_count", 1);
        m.put("rope.scaling.alpha", 2f);
        m.put("attention.key_length_swa", 32);
        m.put("attention.value_length_swa", 32);
        m.put("rope.dimension_count_swa", 8);
        m.put("classifier.output_labels", List.of("yes", "no"));
        m.put("attention.value_length", 32); // differs from the key length of 16
        m.put("rope.dimension_count", 8); // partial RoPE
        m.put("feed_forward_length", new int[] {128, 96}); // one per layer, as pruned models have
        m.put("attention.head_count", new int[] {4, 4});
        m.put("attention.head_count_kv", new int[] {2, 1});
        m.put("rope.scaling.type", "llama3");
        m.put("rope.scaling.yarn_beta_fast", 16f);
        m.put("rope.scaling.yarn_beta_slow", 2f);
        m.put("rope.scaling.yarn_ext_factor", 0.5f);
        m.put("rope.scaling.yarn_attn_factor", 0.9f);
        m.put("rope.scaling.yarn_log_multiplier", 0.1f);
        // gemma's, read by llama.cpp for gemma2/gemma3 only (refused there too: Hallmark does not implement it)
        m.put("attention.sliding_window_pattern", 2);
        // other architectures' settings a converted file might carry
        m.put("attention.layer_norm_epsilon", 1e-5f);
        m.put("logit_scale", 0.5f);
        m.put("embedding_scale", 12f);
        m.put("residual_scale", 0.2f);
        m.put("attention.scale", 0.1f);
        m.put("attention.clamp_kqv", 8f);
        m.put("attention.max_alibi_bias", 8f);
        m.put("use_parallel_residual", true);
        m.put("leading_dense_block_count", 1);
        return m;
    }

    static Stream<Arguments> refusedKeys() {
        List<Arguments> cases = new ArrayList<>();
        for (String arch : ARCHITECTURES) {
            REFUSED_ARCHITECTURE_KEYS.forEach((k, v) -> cases.add(Arguments.of(arch, arch + "." + k, v)));
            if (!arch.equals("gemma2")) { // gemma2 reads its soft-caps, gemma3 its final one (below)
                cases.add(Arguments.of(arch, arch + ".attn_logit_softcapping", 50f));
            }
            if (!arch.startsWith("gemma")) { // llama.cpp reads these for gemma2 and gemma3 only
                cases.add(Arguments.of(arch, arch + ".final_logit_softcapping", 30f));
                cases.add(Arguments.of(arch, arch + ".rope.freq_base_swa", 100000f));
            }
            if (arch.startsWith("gemma")) { // YaRN and attention factors are not reproduced on gemma's layer mix
                cases.add(Arguments.of(arch, arch + ".rope.scaling.attn_factor", 1.2f));
            }
            // llama-vocab.cpp's keys that change tokenization and are not implemented
            cases.add(Arguments.of(arch, "tokenizer.ggml.add_sep_token", true));
            cases.add(Arguments.of(arch, "tokenizer.ggml.remove_extra_whitespaces", true));
            cases.add(Arguments.of(arch, "tokenizer.ggml.precompiled_charsmap", new int[] {1, 2, 3}));
            cases.add(Arguments.of(arch, "tokenizer.ggml.suppress_tokens", new int[] {5}));
            cases.add(Arguments.of(arch, "tokenizer.ggml.normalizer.lowercase", true));
            cases.add(Arguments.of(arch, "tokenizer.ggml.normalizer.strip_accents", true));
            cases.add(Arguments.of(arch, "tokenizer.ggml.model", "t5"));
            cases.add(Arguments.of(arch, "tokenizer.rwkv.world", "x"));
            cases.add(Arguments.of(arch, "split.count", 2));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("refusedKeys")
    void aKeyHallmarkDoesNotImplementIsRefusedNamingItAndTheArchitecture(String arch, String key, Object value) {
        Path file = write(arch, Map.of(key, value));
        assertThatThrownBy(() -> GgufLoader.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("(" + arch + ")")
                .hasMessageContaining(key);
    }

    @ParameterizedTest(name = "{0}: tokenizer.ggml.pre = falcon")
    @MethodSource("architectures")
    void aPreTokenizerHallmarkDoesNotRunIsRefusedNamingItAndTheArchitecture(String arch) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tokenizer.ggml.model", "gpt2");
        metadata.put("tokenizer.ggml.pre", "falcon");
        metadata.put("tokenizer.ggml.merges", List.of("a b"));
        Path file = write(arch, metadata);
        assertThatThrownBy(() -> GgufLoader.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("(" + arch + ")")
                .hasMessageContaining("declares the pre-tokenizer 'falcon' (tokenizer.ggml.pre)");
    }

    static Stream<String> architectures() {
        return ARCHITECTURES.stream();
    }

    /** A key llama.cpp reads and Hallmark implements, with what it does. */
    record Implemented(String key, Object value, Consumer<LlamaCheckpoint> effect) {}

    static Stream<Arguments> implementedKeys() {
        List<Arguments> cases = new ArrayList<>();
        for (String arch : ARCHITECTURES) {
            String a = arch + ".";
            LlamaConfig base = shape(arch);
            List<Implemented> keys = new ArrayList<>(List.of(
                    new Implemented(a + "context_length", 200, c -> assertThat(c.config().contextLength()).isEqualTo(200)),
                    new Implemented(a + "attention.layer_norm_rms_epsilon", 1e-6f,
                            c -> assertThat(c.config().normEps()).isEqualTo(1e-6f)),
                    new Implemented(a + "rope.freq_base", 500000f, c -> assertThat(c.config().ropeTheta()).isEqualTo(500000f)),
                    new Implemented(a + "attention.key_length", 32, c -> assertThat(c.config().headSize()).isEqualTo(32)),
                    new Implemented(a + "rope.scaling.factor", 4f, c -> assertThat(c.config().architecture().ropeScaling())
                            .isEqualTo(new Architecture.RopeScaling("linear", 4f))),
                    new Implemented(a + "rope.scale_linear", 2f, c -> assertThat(c.config().architecture().ropeScaling())
                            .isEqualTo(new Architecture.RopeScaling("linear", 2f))),
                    new Implemented(a + "rope.scaling.original_context_length", 64,
                            c -> assertThat(c.config().architecture().ropeScaling().originalContext()).isEqualTo(64)),
                    // llama.cpp stores it and computes nothing with it
                    new Implemented(a + "rope.scaling.finetuned", true, c -> assertThat(c.config()).isEqualTo(base)),
                    // a dense model that says so
                    new Implemented(a + "expert_count", 0, c -> assertThat(c.config()).isEqualTo(base)),
                    new Implemented(a + "vocab_size", 512, c -> assertThat(c.config().vocabSize()).isEqualTo(512)),
                    new Implemented("tokenizer.ggml.add_bos_token", false,
                            c -> assertThat(c.tokenizer().encode("ea", true)).doesNotContain(c.tokenizer().bos())),
                    new Implemented("tokenizer.ggml.add_eos_token", true,
                            c -> assertThat(c.tokenizer().encode("ea", true)).endsWith(c.tokenizer().eos())),
                    new Implemented("tokenizer.ggml.add_space_prefix", false, c -> assertThat(c.tokenizer()
                            .encode("ea", false)).containsExactly(c.tokenizer().tokenId("ea"))),
                    new Implemented("tokenizer.ggml.eot_token_id", 7,
                            c -> assertThat(c.tokenizer().endsGeneration(7)).isTrue())));
            if (!arch.startsWith("gemma")) {
                keys.add(new Implemented(a + "rope.scaling.attn_factor", 1.2f,
                        c -> assertThat(c.config().architecture().ropeScaling().attnFactor()).isEqualTo(1.2f)));
                keys.add(new Implemented(a + "rope.scaling.type", "yarn", c -> assertThat(
                        c.config().architecture().ropeScaling().type()).isEqualTo("yarn")));
                // within the window sliding and full attention are the same: the usable context is capped at it
                keys.add(new Implemented(a + "attention.sliding_window", 128,
                        c -> assertThat(c.config().contextLength()).isEqualTo(128)));
            } else {
                keys.add(new Implemented(a + "attention.sliding_window", 8,
                        c -> assertThat(c.config().architecture().slidingWindow()).isEqualTo(8)));
                // the sliding layers rotate at their own base (layer 0 slides, layer 1 of 2 is global)
                keys.add(new Implemented(a + "rope.freq_base_swa", 100000f, c -> {
                    assertThat(c.config().architecture().slidingRopeBase()).isEqualTo(100000f);
                    assertThat(c.config().architecture().slides(0)).isTrue();
                    assertThat(RopeFrequencies.sliding(c.config())[1]).as("pair 1 of a 16-wide head")
                            .isEqualTo((float) (1.0 / Math.pow(100000, 2.0 / 16)));
                    assertThat(RopeFrequencies.inverseFrequencies(c.config(), null)[1]).as("the global layers'")
                            .isEqualTo((float) (1.0 / Math.pow(10000, 2.0 / 16)));
                }));
            }
            if (arch.equals("gemma3")) {
                // llama.cpp v0.5.0 reads gemma3's final soft-cap (Gemma 3's converter writes it where the model has one)
                keys.add(new Implemented(a + "final_logit_softcapping", 30f,
                        c -> assertThat(c.config().architecture().finalSoftcap()).isEqualTo(30f)));
                // a window of 0 (or none): llama.cpp runs every layer globally, at the file's base and scaling
                keys.add(new Implemented(a + "attention.sliding_window", 0, c -> {
                    assertThat(c.config().architecture().slidingWindow()).isZero();
                    assertThat(c.config().architecture().slides(0)).isFalse();
                    assertThat(RopeFrequencies.sliding(c.config())).isNull();
                }));
            }
            if (arch.equals("gemma2")) {
                keys.add(new Implemented(a + "attn_logit_softcapping", 40f,
                        c -> assertThat(c.config().architecture().attentionSoftcap()).isEqualTo(40f)));
                keys.add(new Implemented(a + "final_logit_softcapping", 20f,
                        c -> assertThat(c.config().architecture().finalSoftcap()).isEqualTo(20f)));
            }
            keys.forEach(k -> cases.add(Arguments.of(arch, k)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("implementedKeys")
    void aKeyHallmarkImplementsHasItsEffect(String arch, Implemented key) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(key.key(), key.value());
        if (key.key().endsWith("rope.scaling.type")) {
            metadata.put(arch + ".rope.scaling.factor", 4f);
            metadata.put(arch + ".rope.scaling.original_context_length", 64);
        }
        if (key.key().endsWith("attention.key_length")) {
            metadata.put(arch + ".attention.value_length", 32);
            metadata.put(arch + ".rope.dimension_count", 32);
        }
        LlamaCheckpoint checkpoint;
        try {
            checkpoint = GgufLoader.load(write(arch, metadata));
        } catch (ModelFormatException e) {
            throw new AssertionError(arch + ": " + key.key() + " = " + key.value() + " was refused: " + e.getMessage(), e);
        }
        key.effect().accept(checkpoint);
    }
}
