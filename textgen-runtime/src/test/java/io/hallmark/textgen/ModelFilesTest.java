package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @TempDir
    Path temp;

    @Test
    void aTruncatedLlama2cFileIsReportedWithItsExpectedSize() throws Exception {
        Path bin = temp.resolve("stories260K.bin");
        byte[] all = Files.readAllBytes(TestModels.stories().resolve("stories260K.bin"));
        Files.write(bin, java.util.Arrays.copyOf(all, all.length - 1000));
        assertThatThrownBy(() -> Llama2cLoader.load(bin, TestModels.stories().resolve("tok512.bin")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(bin.toString())
                .hasMessageContaining("needs exactly 1056540")
                .hasMessageContaining("truncated");
    }

    @Test
    void aCorruptLlama2cHeaderIsReported() throws Exception {
        Path bin = temp.resolve("corrupt.bin");
        byte[] all = Files.readAllBytes(TestModels.stories().resolve("stories260K.bin"));
        all[12] = 7; // heads 8 -> 7 does not divide dim 64
        Files.write(bin, all);
        assertThatThrownBy(() -> Llama2cLoader.load(bin, TestModels.stories().resolve("tok512.bin")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("corrupt header")
                .hasMessageContaining(bin.toString());
    }

    @Test
    void aTruncatedGgufFileNamesTheTensorThatRunsPastTheEnd() throws Exception {
        Path gguf = temp.resolve("cut.gguf");
        byte[] all = Files.readAllBytes(TestModels.stories().resolve("stories260K-f32.gguf"));
        Files.write(gguf, java.util.Arrays.copyOf(all, all.length - 4096));
        assertThatThrownBy(() -> GgufLoader.load(gguf))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is truncated: tensor")
                .hasMessageContaining(gguf.toString());
    }

    /**
     * A tensor larger than one read ({@link GgufFile#READ_CHUNK}, so that no read leaves a cached direct buffer the
     * size of the tensor) comes back whole: every weight as written, the last partial chunk included.
     */
    @Test
    void aTensorLargerThanOneReadComesBackWhole() {
        LlamaConfig wide = new LlamaConfig(1280, 256, 1, 4, 2, 512, 64, 1e-5f, 10000f, false);
        Path file = RandomModels.write(temp.resolve("wide-f16.gguf"), wide, TensorType.F16, 11);
        RawTensor embedding = GgufFile.read(file).tensor("token_embd.weight");
        assertThat(embedding.data().remaining()).isGreaterThan(GgufFile.READ_CHUNK)
                .isNotEqualTo(2 * GgufFile.READ_CHUNK);
        float[] written = RandomModels.values("token_embd.weight", wide, 11);
        float[] read = embedding.toFloats();
        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < read.length; i++) {
            assertThat(read[i]).as("weight %d", i).isEqualTo(Float.float16ToFloat(Float.floatToFloat16(written[i])));
        }
    }

    @Test
    void aFileOfAnotherFormatIsNotTakenForGguf() throws Exception {
        Path other = temp.resolve("model.gguf");
        Files.writeString(other, "{\"not\": \"a model\"}");
        assertThatThrownBy(() -> GgufLoader.load(other))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is not a GGUF file")
                .hasMessageContaining("expected the magic 'GGUF'");
    }

    @Test
    void aTensorOfATypeHallmarkDoesNotRunIsRefusedByTheTypesName() throws Exception {
        Path gguf = RandomModels.write(temp.resolve("q4_1.gguf"), RandomModels.SHAPE, TensorType.Q8_0, 1);
        byte[] all = Files.readAllBytes(gguf);
        byte[] name = "blk.0.attn_q.weight".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(all, name) + name.length + 4 + 2 * 8; // rank, two dimensions, then the type
        java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at, 3);
        Files.write(gguf, all);
        assertThatThrownBy(() -> GgufLoader.load(gguf))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tensor 'blk.0.attn_q.weight' is Q4_1 (GGML type 3)")
                .hasMessageContaining("Q4_K");
    }

    @Test
    void gemmaSoftCapsWindowsAndSlidingRopeBasesAreReadAsLlamaCppReadsThem() {
        LlamaConfig gemma2 = RandomModels.SHAPE.withArchitecture(Architecture.GEMMA2.toBuilder().attentionSoftcap(40f)
                .finalSoftcap(20f).slidingWindow(32).slidingRopeBase(100000f).build());
        assertThat(GgufLoader.load(write("gemma2.gguf", gemma2, null)).config()).isEqualTo(gemma2);

        // what Gemma 3's converter writes: a window, the local layers' base 10000, a final soft-cap where the model has one
        LlamaConfig gemma3 = RandomModels.SHAPE.withArchitecture(Architecture.GEMMA3.toBuilder().slidingWindow(32)
                .slidingRopeBase(20000f).finalSoftcap(30f).build());
        Path three = write("gemma3.gguf", gemma3, null);
        assertThat(GgufLoader.load(three).config()).isEqualTo(gemma3);
        GgufSummary summary = GgufSummary.of(three); // what models list and models add show
        assertThat(summary.loads()).as(String.valueOf(summary.problem())).isTrue();

        // a Gemma 3 without sliding layers (its config's sliding_window_pattern 1: no window written): all global
        LlamaConfig global = RandomModels.SHAPE.withArchitecture(Architecture.GEMMA3);
        Path noWindow = write("gemma3-global.gguf", global, null);
        assertThat(GgufFile.read(noWindow).metadata()).doesNotContainKey("gemma3.attention.sliding_window");
        LlamaConfig read = GgufLoader.load(noWindow).config();
        assertThat(read).isEqualTo(global);
        assertThat(java.util.stream.IntStream.range(0, read.layers()).noneMatch(read.architecture()::slides)).isTrue();
        assertThat(GgufSummary.of(noWindow).loads()).isTrue();

        // llama.cpp does not read gemma3's attention soft-cap (its converter asserts there is none)
        Path capped = temp.resolve("gemma3-attn-softcap.gguf");
        GgufWriter.write(capped, gemma3, RandomModels.vocabulary(gemma3.vocabSize()), n -> RandomModels.values(n, gemma3, 1),
                TensorType.F32, "gemma3", null, java.util.Map.of("gemma3.attn_logit_softcapping", 50f));
        assertThatThrownBy(() -> GgufLoader.load(capped))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("sets 'gemma3.attn_logit_softcapping' = 50.0, which Hallmark does not implement");
        assertThat(GgufSummary.of(capped).problem()).contains("gemma3.attn_logit_softcapping");
    }

    @Test
    void ropeFactorTensorsAreTakenWhereLlamaCppsGraphReadsThemAndRefusedElsewhere() {
        long[] pairs = {RandomModels.SHAPE.headSize() / 2};
        java.util.Map<String, long[]> longRope = java.util.Map.of(LlamaCheckpoint.ROPE_FACTORS_LONG, pairs,
                LlamaCheckpoint.ROPE_FACTORS_SHORT, pairs);
        LlamaConfig phi3 = RandomModels.SHAPE.withArchitecture(Architecture.PHI3.withRopeScaling(
                new Architecture.RopeScaling("none", 1f, 64, 1.2f)));
        Path phi = write("phi3.gguf", phi3, longRope);
        LlamaCheckpoint checkpoint = GgufLoader.load(phi);
        assertThat(checkpoint.config()).isEqualTo(phi3);
        assertThat(checkpoint.tensors()).containsKeys(LlamaCheckpoint.ROPE_FACTORS_LONG, LlamaCheckpoint.ROPE_FACTORS_SHORT);

        Path onlyLong = write("phi3-long.gguf", phi3, java.util.Map.of(LlamaCheckpoint.ROPE_FACTORS_LONG, pairs));
        assertThatThrownBy(() -> GgufLoader.load(onlyLong)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("needs both of 'rope_factors_long.weight' and 'rope_factors_short.weight'");

        // qwen2's graph in llama.cpp takes no per-frequency factors (llama.cpp refuses the file for the unused tensor)
        LlamaConfig qwen2 = RandomModels.SHAPE.withArchitecture(Architecture.QWEN2);
        Path qwen = write("qwen2.gguf", qwen2, java.util.Map.of(LlamaCheckpoint.ROPE_FREQS, pairs));
        assertThatThrownBy(() -> GgufLoader.load(qwen)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("has tensor 'rope_freqs.weight', which Hallmark's qwen2 decoder does not use");

        // llama reads LongRoPE's factors only when its scaling type says longrope, and rope_freqs otherwise
        Path llama = write("llama.gguf", RandomModels.SHAPE, longRope);
        assertThatThrownBy(() -> GgufLoader.load(llama)).isInstanceOf(ModelFormatException.class) // the first in the file
                .hasMessageMatching("(?s).*has tensor 'rope_factors_(long|short)\\.weight', which Hallmark's llama decoder .*");
        LlamaConfig llamaLongRope = RandomModels.SHAPE.withArchitecture(Architecture.LLAMA.withRopeScaling(
                new Architecture.RopeScaling("longrope", 2f, 128, 1f)));
        assertThat(GgufLoader.load(write("llama-longrope.gguf", llamaLongRope, longRope)).config()).isEqualTo(llamaLongRope);
    }

    @Test
    void yarnAndItsSettingsAreReadBackAndGemmaRefusesThem() {
        LlamaConfig yarn = RandomModels.SHAPE.withArchitecture(Architecture.QWEN3.withRopeScaling(
                new Architecture.RopeScaling("yarn", 4f, 64, 1f)));
        assertThat(GgufLoader.load(write("qwen3-yarn.gguf", yarn, java.util.Map.of())).config()).isEqualTo(yarn);
        // the YaRN settings llama.cpp ignores for qwen3 are taken at the values it uses instead
        Path defaults = temp.resolve("qwen3-yarn-defaults.gguf");
        GgufWriter.write(defaults, yarn, RandomModels.vocabulary(yarn.vocabSize()), n -> RandomModels.values(n, yarn, 1),
                TensorType.F32, "yarn", null, java.util.Map.of("qwen3.rope.scaling.yarn_beta_fast", 32f,
                        "qwen3.rope.scaling.yarn_beta_slow", 1f, "qwen3.rope.scaling.yarn_ext_factor", 1f));
        assertThat(GgufLoader.load(defaults).config()).isEqualTo(yarn);

        LlamaConfig gemma = RandomModels.SHAPE.withArchitecture(Architecture.GEMMA3.toBuilder().slidingWindow(32)
                .ropeScaling(new Architecture.RopeScaling("yarn", 4f, 64, 1f)).build());
        Path refused = write("gemma3-yarn.gguf", gemma, java.util.Map.of());
        assertThatThrownBy(() -> GgufLoader.load(refused)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("(gemma3) sets RoPE scaling 'yarn'")
                .hasMessageContaining("scales gemma's RoPE only linearly");
    }

    private Path write(String name, LlamaConfig config, java.util.Map<String, long[]> extraTensors) {
        Path file = temp.resolve(name);
        GgufWriter.write(file, config, RandomModels.vocabulary(config.vocabSize()), n -> RandomModels.values(n, config, 1),
                TensorType.F32, name, extraTensors, java.util.Map.of());
        return file;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "general.architecture|rwkv6|the architecture 'rwkv6' is not supported",
        "general.architecture|mamba|the architecture 'mamba' is not supported",
        "llama.rope.scaling.type|llama3|RoPE scaling 'llama3' with factor 4.0, original context 0 and attention factor 1.0 is not supported",
        "llama.rope.scaling.yarn_beta_fast|16|sets 'llama.rope.scaling.yarn_beta_fast' = 16.0, which llama.cpp ignores for llama (it uses 32.0)",
        "llama.attn_logit_softcapping|50|sets 'llama.attn_logit_softcapping' = 50.0, which Hallmark does not implement",
        "llama.expert_count|8|sets 'llama.expert_count' = 8, which Hallmark does not implement",
        "tokenizer.ggml.pre|falcon|declares the pre-tokenizer 'falcon' (tokenizer.ggml.pre)",
        "tokenizer.ggml.model|bert|has the tokenizer 'bert' (tokenizer.ggml.model)",
        "tokenizer.ggml.remove_extra_whitespaces|true|sets 'tokenizer.ggml.remove_extra_whitespaces' = true"})
    void aSettingHallmarkDoesNotImplementIsRefusedByName(String key, String value, String message) {
        Object typed = value.equals("true") ? (Object) Boolean.TRUE : value.matches("\\d+") && !key.startsWith("llama.attn")
                ? (Object) Integer.valueOf(value) : value.matches("\\d+") ? (Object) Float.valueOf(value) : value;
        java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();
        extra.put(key, typed);
        if (value.equals("llama3")) {
            extra.put("llama.rope.scaling.factor", 4f);
        }
        if (key.equals("tokenizer.ggml.pre")) {
            extra.put("tokenizer.ggml.model", "gpt2");
            extra.put("tokenizer.ggml.merges", java.util.List.of("a b"));
        }
        Path gguf = temp.resolve("refused.gguf");
        GgufWriter.write(gguf, RandomModels.SHAPE, RandomModels.vocabulary(RandomModels.SHAPE.vocabSize()),
                n -> RandomModels.values(n, RandomModels.SHAPE, 1), TensorType.F32, "refused", null, extra);
        assertThatThrownBy(() -> GgufLoader.load(gguf))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(message);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    @Test
    void aMissingFileNamesItsPath() {
        Path missing = temp.resolve("nothing.gguf");
        assertThatThrownBy(() -> GgufLoader.load(missing))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("expected a file at " + missing);
    }
}
