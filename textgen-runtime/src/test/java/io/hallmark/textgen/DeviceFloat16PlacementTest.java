package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The GPU's weight layout ({@link WeightPlacement#DEVICE_FLOAT16}: every non-F32 matrix dequantized to float16
 * NDArrays and multiplied by the engine) run on the CPU, where this machine can run it: greedy generation still
 * matches llama.cpp up to near-ties, the memory accounting counts float16 matrices on the device, KV caches are
 * counted while their sequences are open, and a weight float16 cannot hold is refused by name. The float16 models
 * load on the {@linkplain TestModels#device() test device}: the CPU here, the GPU under scripts/gpu-suite.sh, which
 * is the only way to show the CUDA build of libtorch loading and the same results on the device.
 */
class DeviceFloat16PlacementTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = TensorType.class, names = "F32", mode = EnumSource.Mode.EXCLUDE)
    void float16WeightsOnTheDeviceGenerateAsLlamaCppDoesUpToNearTies(TensorType type) throws Exception {
        Path file = RandomModels.write(temp.resolve("random-" + type + ".gguf"), RandomModels.SHAPE, type, 5);
        LlamaCheckpoint checkpoint = GgufLoader.load(file);
        try (LlamaModel model = LlamaModel.load(checkpoint, "PyTorch", TestModels.device(), Precision.FLOAT32,
                WeightPlacement.DEVICE_FLOAT16); de.kherud.llama.LlamaModel cpp = LlamaCppConformanceTest.llamaCpp(file)) {
            assertThat(model.placement()).isEqualTo(WeightPlacement.DEVICE_FLOAT16);
            for (String prompt : LlamaCppConformanceTest.PROMPTS) {
                LlamaCppConformanceTest.compare(type + " float16 '" + prompt + "'", model, checkpoint.tokenizer(), cpp,
                        prompt, 0.1);
            }
        }
    }

    /**
     * The two ways the same file runs: the GPU's layout (float16 NDArrays multiplied by PyTorch, here on its CPU
     * device) and the CPU's Java block kernels ({@link WeightPlacement#BLOCKS}). Greedy for 64 tokens on each prompt:
     * identical ids, or a first difference only at a near-tie of the block kernels' logits (at most 0.1 standard
     * deviations, the conformance bound), which the test prints.
     */
    @ParameterizedTest
    @EnumSource(value = TensorType.class, names = {"F16", "BF16", "Q8_0", "Q4_K", "Q6_K"})
    void float16OnTheDeviceAndTheJavaBlockKernelsGiveTheSameTokensUpToNearTies(TensorType type) {
        Path file = RandomModels.write(temp.resolve("random-" + type + ".gguf"), RandomModels.SHAPE, type, 5);
        LlamaCheckpoint checkpoint = GgufLoader.load(file);
        Tokenizer tokenizer = checkpoint.tokenizer();
        try (LlamaModel device = LlamaModel.load(checkpoint, "PyTorch", TestModels.device(), Precision.FLOAT32,
                WeightPlacement.DEVICE_FLOAT16);
                LlamaModel blocks = LlamaModel.load(checkpoint, "PyTorch", Device.cpu(), Precision.FLOAT32)) {
            assertThat(blocks.placement()).isEqualTo(WeightPlacement.BLOCKS);
            for (String text : LlamaCppConformanceTest.PROMPTS) {
                int[] prompt = tokenizer.encode(text, true, true);
                try (Sequence a = device.newSequence(prompt.length + 64); Sequence b = blocks.newSequence(prompt.length + 64)) {
                    float[] fromDevice = device.forward(List.of(new LlamaModel.Chunk(a, prompt)))[0];
                    float[] fromBlocks = blocks.forward(List.of(new LlamaModel.Chunk(b, prompt)))[0];
                    String outcome = "identical for 64 tokens";
                    for (int i = 0; i < 64; i++) {
                        int ours = LlamaCppConformanceTest.argmax(fromDevice);
                        int theirs = LlamaCppConformanceTest.argmax(fromBlocks);
                        if (ours != theirs) {
                            double gap = (fromBlocks[theirs] - fromBlocks[ours]) / LlamaCppConformanceTest.std(fromBlocks);
                            assertThat(gap).as("%s '%s': token %d is %d on the device and %d in the block kernels, a gap"
                                    + " of %.5f standard deviations", type, text, i, ours, theirs, gap).isLessThanOrEqualTo(0.1);
                            outcome = String.format("parting at token %d, a near-tie of %.5f", i, gap);
                            break;
                        }
                        fromDevice = device.forward(List.of(new LlamaModel.Chunk(a, new int[] {ours})))[0];
                        fromBlocks = blocks.forward(List.of(new LlamaModel.Chunk(b, new int[] {ours})))[0];
                    }
                    System.out.printf("%s '%s': float16 on %s vs block kernels: %s%n", type, text, device.device(), outcome);
                }
            }
        }
    }

    @Test
    void float16MatricesAreCountedAsDeviceMemoryAndBlocksAreNot() {
        Path file = RandomModels.write(temp.resolve("random-q4k.gguf"), RandomModels.SHAPE, TensorType.Q4_K, 5);
        LlamaCheckpoint checkpoint = GgufLoader.load(file);
        long float16Matrices = 0;
        long float32Rest = 0;
        for (RawTensor t : checkpoint.tensors().values()) {
            if (t.name().equals(LlamaCheckpoint.ROPE_FREQS)) {
                continue;
            }
            if (t.shape().length == 2 && t.type() != TensorType.F32) {
                float16Matrices += 2 * t.elements();
            } else {
                float32Rest += 4 * t.elements();
            }
        }
        try (LlamaModel dense = LlamaModel.load(checkpoint, "PyTorch", TestModels.device(), Precision.FLOAT32,
                WeightPlacement.DEVICE_FLOAT16)) {
            assertThat(dense.deviceWeightBytes()).isEqualTo(float16Matrices + float32Rest)
                    .isEqualTo(dense.weightBytes());
        }
        try (LlamaModel blocks = LlamaModel.load(checkpoint, "PyTorch", Device.cpu(), Precision.FLOAT32)) {
            assertThat(blocks.placement()).as("the CPU's default").isEqualTo(WeightPlacement.BLOCKS);
            assertThat(blocks.hostRows()).isTrue();
            assertThat(blocks.deviceWeightBytes()).as("on Java arrays, the norms too: no NDArray").isZero();
            assertThat(blocks.weightBytes()).isGreaterThan(float32Rest).isLessThan(float16Matrices + float32Rest);
        }
    }

    @Test
    void kvCachesAreCountedWhileTheirSequencesAreOpen() {
        Path file = RandomModels.write(temp.resolve("random-q8.gguf"), RandomModels.SHAPE, TensorType.Q8_0, 5);
        try (LlamaModel model = LlamaModel.load(GgufLoader.load(file), "PyTorch", TestModels.device(), Precision.FLOAT32,
                WeightPlacement.DEVICE_FLOAT16)) {
            assertThat(model.cacheBytes()).isZero();
            LlamaConfig c = model.config();
            Sequence a = model.newSequence(100);
            Sequence b = model.newSequence(20);
            assertThat(a.cacheBytes()).isEqualTo(2L * c.layers() * c.kvHeads() * 100 * c.headSize() * 4);
            assertThat(model.cacheBytes()).isEqualTo(a.cacheBytes() + b.cacheBytes());
            model.forward(List.of(new LlamaModel.Chunk(a, new int[] {1, 5, 9})));
            a.close();
            a.close(); // closing twice frees once
            assertThat(model.cacheBytes()).isEqualTo(b.cacheBytes());
            b.close();
            assertThat(model.cacheBytes()).isZero();
        }
    }

    @Test
    void aWeightBeyondFloat16IsRefusedByNameNotTurnedIntoInfinity() {
        LlamaConfig shape = RandomModels.SHAPE;
        Path file = temp.resolve("huge-bf16.gguf");
        GgufWriter.write(file, shape, RandomModels.vocabulary(shape.vocabSize()), name -> {
            float[] v = RandomModels.values(name, shape, 5);
            if (name.equals("blk.1.ffn_down.weight")) {
                v[7] = 1e6f;
            }
            return v;
        }, TensorType.BF16, "huge");
        LlamaCheckpoint checkpoint = GgufLoader.load(file);
        assertThatThrownBy(() -> LlamaModel.load(checkpoint, "PyTorch", TestModels.device(), Precision.FLOAT32,
                WeightPlacement.DEVICE_FLOAT16).close())
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("blk.1.ffn_down.weight").hasMessageContaining("BF16")
                .hasMessageContaining("float16").hasMessageContaining("device=cpu");
        try (LlamaModel blocks = LlamaModel.load(checkpoint, "PyTorch", Device.cpu(), Precision.FLOAT32)) {
            assertThat(blocks.placement()).as("the CPU keeps BF16 blocks, which hold it").isEqualTo(WeightPlacement.BLOCKS);
        }
    }
}
