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
            assertThat(blocks.deviceWeightBytes()).as("only the float32 norms are NDArrays").isEqualTo(float32Rest);
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
