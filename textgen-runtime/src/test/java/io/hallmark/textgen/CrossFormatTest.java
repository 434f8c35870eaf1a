package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossFormatTest {

    private static final int[] TOKENS = {1, 403, 407, 261, 378, 14, 20, 78};

    @TempDir
    Path temp;

    @Test
    void theLlama2cFileAndTheShippedGgufGiveTheSameLogits() {
        float[][] bin = logits(TestModels.storiesBin());
        float[][] gguf = logits(GgufLoader.load(TestModels.stories().resolve("stories260K-f32.gguf")));
        assertSame(bin, gguf, 1e-4f);
    }

    @Test
    void ggufWrittenFromTheLlama2cWeightsGivesTheSameLogitsInF32AndCloseOnesInF16AndQ8() {
        LlamaCheckpoint bin = TestModels.storiesBin();
        float[][] reference = logits(bin);
        for (TensorType type : List.of(TensorType.F32, TensorType.F16, TensorType.BF16, TensorType.Q8_0)) {
            Path file = temp.resolve("stories-" + type + ".gguf");
            GgufWriter.write(bin, type, file);
            LlamaCheckpoint written = GgufLoader.load(file);
            assertThat(written.config()).isEqualTo(bin.config());
            assertThat(written.tokenizer().encode("Once upon a time", true))
                    .containsExactly(bin.tokenizer().encode("Once upon a time", true));
            float tolerance = switch (type) {
                case F32 -> 1e-4f;
                case F16 -> 0.05f;
                case BF16 -> 0.3f;
                case Q8_0 -> 0.25f;
                default -> throw new IllegalStateException(type + " does not fit the 64-wide stories rows");
            };
            assertSame(reference, logits(written), tolerance);
        }
    }

    @Test
    void huggingFaceSafetensorsWithPermutedQueryAndKeyRowsGiveTheSameLogitsAndTheGoldenText() throws Exception {
        LlamaCheckpoint bin = TestModels.storiesBin();
        Path folder = temp.resolve("stories-hf");
        HfWriter.write(bin, folder);
        LlamaCheckpoint hf = SafetensorsLoader.load(folder);
        assertThat(hf.format()).isEqualTo("safetensors");
        assertThat(hf.config()).isEqualTo(bin.config());
        assertSame(logits(bin), logits(hf), 1e-4f);
        assertThat(hf.tokenizer().encode("Once upon a time", true))
                .containsExactly(bin.tokenizer().encode("Once upon a time", true));
        try (LlamaModel model = TestModels.load(hf); LlamaGenerator generator = new LlamaGenerator(model, 1)) {
            assertThat(generator.generate("Once upon a time", true, SamplingSettings.greedy(20), p -> { }, () -> false).text())
                    .startsWith(", there was a little girl named Lily.");
        }
    }

    @Test
    void batchedPrefillGivesTheSameLogitsAsTokenByTokenDecoding() {
        LlamaCheckpoint bin = TestModels.storiesBin();
        try (LlamaModel model = TestModels.load(bin); Sequence a = model.newSequence(16); Sequence b = model.newSequence(16)) {
            float[] prefilled = model.forward(List.of(new LlamaModel.Chunk(a, TOKENS)))[0];
            float[] stepped = null;
            for (int t : TOKENS) {
                stepped = model.forward(List.of(new LlamaModel.Chunk(b, new int[] {t})))[0];
            }
            assertSame(new float[][] {prefilled}, new float[][] {stepped}, 1e-4f);
        }
    }

    /** Logits after every prefix of TOKENS, decoded one token at a time. */
    private static float[][] logits(LlamaCheckpoint checkpoint) {
        try (LlamaModel model = TestModels.load(checkpoint); Sequence seq = model.newSequence(TOKENS.length)) {
            float[][] out = new float[TOKENS.length][];
            for (int i = 0; i < TOKENS.length; i++) {
                out[i] = model.forward(List.of(new LlamaModel.Chunk(seq, new int[] {TOKENS[i]})))[0];
            }
            return out;
        }
    }

    private static void assertSame(float[][] expected, float[][] actual, float tolerance) {
        assertThat(actual).hasSameDimensionsAs(expected);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("logit %d at position %d", j, i).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }
}
