package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model whose matrices all stay in blocks runs its steps on Java arrays ({@link HostRows}, one hand-off per
 * layer's q/k/v and gate/up); the same model with its activations in NDArrays gives the same logits, for every
 * architecture and setting the conformance tests write (biases, q/k norms, post-norms, soft-caps, GELU, sliding
 * windows, fused projections, YaRN, LongRoPE), for prompts and decode steps of two sequences in one batch.
 */
class HostRowsTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(LlamaCppConformanceTest.Variant.class)
    void hostRowsGiveTheLogitsOfNDArrays(LlamaCppConformanceTest.Variant variant) {
        GgufVocabulary vocab = variant.model.vocabulary();
        TensorType type = floatActivations(variant.model.quantized());
        Path file = variant.model.write(temp.resolve(variant + ".gguf"), vocab, type, "host-rows");
        compare(variant + " " + type, GgufLoader.load(file));
    }

    /** What only the current llama.cpp checks: qwen3's q/k norms on wide heads, YaRN, LongRoPE's factors. */
    @ParameterizedTest
    @EnumSource(CurrentLlamaCppConformanceTest.Setting.class)
    void andForTheSettingsOfTheCurrentLlamaCpp(CurrentLlamaCppConformanceTest.Setting setting) {
        GgufVocabulary vocab = setting.model.vocabulary();
        TensorType type = floatActivations(setting.model.quantized());
        Path file = setting.model.write(temp.resolve(setting + ".gguf"), vocab, type, "host-rows");
        compare(setting + " " + type, GgufLoader.load(file));
    }

    /**
     * Q4_K's products round their input to 8 bits ({@link Int8Activations}), a step function: the two paths' float
     * noise (2e-7..2e-6) moves a value across a rounding boundary now and then, and a random-weight model amplifies
     * that jump over its layers (up to 0.4 of a logit of 8 measured), so a comparison to float noise must run on a
     * type whose products read float activations. Q8_0 keeps every shape these files have (rows of 256). The Q4_K
     * kernel itself is checked by Int8KernelTest, and Q4_K models on this path against llama.cpp by the conformance
     * tests.
     */
    private static TensorType floatActivations(TensorType type) {
        return type == TensorType.Q4_K ? TensorType.Q8_0 : type;
    }

    @Test
    void q8ModelsToo() {
        Path file = RandomModels.write(temp.resolve("q8.gguf"), RandomModels.SHAPE, TensorType.Q8_0, 3);
        compare("llama Q8_0", GgufLoader.load(file));
    }

    @Test
    void aFloat32MatrixKeepsTheNDArrays() {
        Path file = RandomModels.write(temp.resolve("f32.gguf"), RandomModels.SHAPE, TensorType.F32, 3);
        try (LlamaModel model = LlamaModel.load(GgufLoader.load(file), "PyTorch", Device.cpu(), Precision.FLOAT32)) {
            assertThat(model.hostRows()).isFalse();
            assertThat(model.manager()).isNotNull();
        }
    }

    private static void compare(String what, LlamaCheckpoint checkpoint) {
        try (LlamaModel host = LlamaModel.load(checkpoint, "PyTorch", Device.cpu(), Precision.FLOAT32,
                WeightPlacement.BLOCKS, true);
                LlamaModel device = LlamaModel.load(checkpoint, "PyTorch", Device.cpu(), Precision.FLOAT32,
                        WeightPlacement.BLOCKS, false);
                Sequence a = host.newSequence(64); Sequence b = host.newSequence(64);
                Sequence da = device.newSequence(64); Sequence db = device.newSequence(64)) {
            assertThat(host.hostRows()).as(what).isTrue();
            assertThat(host.manager()).as("%s: a model on Java arrays starts no engine", what).isNull();
            assertThat(host.deviceWeightBytes()).as(what).isZero();
            double bound = checkpoint.config().architecture().name().equals("gemma2") ? 1e-3 : 1e-5;
            assertThat(device.hostRows()).as(what).isFalse();
            int[] first = checkpoint.tokenizer().encode("the rain in spain", true);
            int[] second = checkpoint.tokenizer().encode("x", true);
            float[][] ours = host.forward(List.of(new LlamaModel.Chunk(a, first), new LlamaModel.Chunk(b, second)));
            float[][] theirs = device.forward(List.of(new LlamaModel.Chunk(da, first), new LlamaModel.Chunk(db, second)));
            for (int step = 0; step < 20; step++) {
                assertClose(what + " step " + step, ours, theirs, bound);
                int nextA = Sampler.argmax(ours[0]);
                int nextB = Sampler.argmax(ours[1]);
                List<LlamaModel.Chunk> both = List.of(new LlamaModel.Chunk(a, new int[] {nextA}),
                        new LlamaModel.Chunk(b, new int[] {nextB}));
                // the first sequence alone every other step: one chunk of one row, the decode case
                ours = step % 2 == 0 ? host.forward(both)
                        : new float[][] {host.forward(both.subList(0, 1))[0], null};
                theirs = step % 2 == 0 ? device.forward(List.of(new LlamaModel.Chunk(da, new int[] {nextA}),
                        new LlamaModel.Chunk(db, new int[] {nextB})))
                        : new float[][] {device.forward(List.of(new LlamaModel.Chunk(da, new int[] {nextA})))[0], null};
                if (ours[1] == null) { // keep the second sequence in step on both sides
                    float[] hostB = host.forward(List.of(new LlamaModel.Chunk(b, new int[] {nextB})))[0];
                    float[] deviceB = device.forward(List.of(new LlamaModel.Chunk(db, new int[] {nextB})))[0];
                    ours[1] = hostB;
                    theirs[1] = deviceB;
                }
            }
            assertClose(what + " last step", ours, theirs, bound);
            assertThat(a.length()).isEqualTo(da.length()).isEqualTo(first.length + 20);
        }
    }

    /**
     * Every logit within {@code bound} times the largest logit's size: the two ways round the last bit differently
     * (RMSNorm's mean, the activation's exp and tanh), measured 2e-7..2e-6 of the largest logit; gemma2's 26 layers
     * with logits and attention scores scaled up to bend its soft-caps amplify that to 2e-5..1.1e-4 after 20 steps.
     */
    private static void assertClose(String what, float[][] ours, float[][] theirs, double bound) {
        assertThat(ours.length).isEqualTo(theirs.length);
        for (int c = 0; c < ours.length; c++) {
            float scale = 0;
            for (float v : theirs[c]) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertThat(scale).as("%s: logits not all zero", what).isGreaterThan(0f);
            for (int i = 0; i < ours[c].length; i++) {
                assertThat((double) Math.abs(ours[c][i] - theirs[c][i])).as("%s, sequence %d, logit %d (%s vs %s)", what, c,
                        i, ours[c][i], theirs[c][i]).isLessThanOrEqualTo(bound * scale);
            }
        }
    }
}
