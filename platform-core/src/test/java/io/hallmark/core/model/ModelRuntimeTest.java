package io.hallmark.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.core.testing.TestPaths;
import io.hallmark.imagegen.OnnxLoader;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import io.hallmark.textgen.LlamaGenerator;
import io.hallmark.textgen.SamplingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRuntimeTest {

    private static final ModelRequirement STORIES = ModelRequirement.of("stories260k", "llama2c");
    private static final String BIN_SHA = "b0a507e7ad0f626624f17112325e66691f9076d622e1d3274d103d00299f2696";

    @TempDir
    Path temp;

    @BeforeAll
    static void sharedDjlCache() {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", TestPaths.cacheDir().resolve("djl").toString());
        }
    }

    static Path models() {
        return TestPaths.sharedDir().resolve("models");
    }

    @Test
    void aModelIsLoadedOnceAndSharedByEveryLeaseUntilItsLastHolderIsReleased() {
        try (ModelRuntime runtime = ModelRuntime.onCpu(models()).start()) {
            ModelLease first = runtime.lease(STORIES, "plugin 'a'");
            ModelLease second = runtime.lease(STORIES, "plugin 'b'");
            LlamaGenerator a = first.loaded(LlamaGenerator.class).orElseThrow();
            LlamaGenerator b = second.loaded(LlamaGenerator.class).orElseThrow();
            assertThat(a).isSameAs(b);
            assertThat(first.info().sha256()).isEqualTo(BIN_SHA);
            String text = a.generate("Once upon a time", true, SamplingSettings.greedy(20), p -> { }, () -> false).text();
            assertThat(text).startsWith(", there was a little girl named Lily.");

            List<Map<String, Object>> loaded = loadedModels(runtime);
            assertThat(loaded).singleElement().satisfies(m -> {
                assertThat(m).containsEntry("name", "stories260k").containsEntry("leases", 2)
                        .containsEntry("holders", List.of("plugin 'a'", "plugin 'b'"));
                assertThat((Long) m.get("weightBytes")).isGreaterThan(900_000L);
            });
            first.close();
            second.close();
            assertThat(loadedModels(runtime)).hasSize(1); // kept warm while its plugins are installed
            runtime.release("plugin 'a'");
            assertThat(loadedModels(runtime)).hasSize(1);
            runtime.release("plugin 'b'");
            assertThat(loadedModels(runtime)).isEmpty();
            assertThat(runtime.status()).containsEntry("device", "cpu()").containsEntry("servingProfile", "low-latency");
        }
    }

    @Test
    void aModelOnTheCpuReportsCpuItsKvCachesAndNoGpuMemory() {
        try (ModelRuntime runtime = ModelRuntime.onCpu(models());
                ModelLease lease = runtime.lease(ModelRequirement.of("stories260k", "gguf"), "plugin 'a'")) {
            assertThat(runtime.deviceDescription()).isEqualTo("cpu");
            LlamaGenerator generator = lease.loaded(LlamaGenerator.class).orElseThrow();
            assertThat(generator.model().placement()).isEqualTo(io.hallmark.textgen.WeightPlacement.BLOCKS);
            try (io.hallmark.textgen.Sequence open = generator.model().newSequence(64)) {
                assertThat(loadedModels(runtime)).singleElement().satisfies(m -> {
                    assertThat(m).containsEntry("device", "cpu()").containsEntry("weightPlacement", "blocks")
                            .containsEntry("kvCacheBytes", open.cacheBytes()).doesNotContainKey("gpuMemoryBytes");
                });
            }
            assertThat(loadedModels(runtime).getFirst()).containsEntry("kvCacheBytes", 0L);
            assertThat(runtime.status()).doesNotContainKey("gpuMemoryUsedBytes");
        }
    }

    @Test
    void aGpuAskedForWhereTheEngineSeesNoneFailsNamingTheReason() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() == 0,
                "PyTorch sees a GPU here: the refusal is for machines without one");
        for (String setting : List.of("gpu", "gpu:3")) {
            try (ModelRuntime runtime = new ModelRuntime(new ModelDirectory(models()), setting,
                    ServingProfile.LOW_LATENCY, 0)) {
                assertThat(runtime.deviceDescription()).startsWith("unavailable: Device '" + setting + "' was asked for");
                assertThatThrownBy(() -> {
                    try (ModelLease lease = runtime.lease(STORIES, "plugin 'a'")) {
                        lease.loaded(LlamaGenerator.class);
                    }
                }).isInstanceOf(GenerationFailedException.class)
                        .hasMessageContaining("Device '" + setting + "' was asked for but PyTorch 2.")
                        .hasMessageContaining("sees 0 GPU(s)")
                        .hasMessageMatching("(?s).*(no CUDA GPU is visible|libtorch loaded is not a CUDA build).*")
                        .hasMessageContaining("-Pcuda");
                assertThat(loadedModels(runtime)).as("nothing loaded, nothing on the CPU instead").isEmpty();
            }
        }
        try (ModelRuntime auto = new ModelRuntime(new ModelDirectory(models()), "auto", ServingProfile.LOW_LATENCY, 0)) {
            assertThat(auto.deviceDescription()).as("auto falls back to the CPU").isEqualTo("cpu");
            // and a model it loads runs there, the status saying so, with no GPU memory reported
            try (ModelLease lease = auto.lease(STORIES, "plugin 'a'")) {
                LlamaGenerator generator = lease.loaded(LlamaGenerator.class).orElseThrow();
                assertThat(generator.model().device().isGpu()).isFalse();
                assertThat(generator.generate("Once upon a time", true, SamplingSettings.greedy(4), p -> { }, () -> false)
                        .text()).isNotBlank();
                assertThat(auto.status()).containsEntry("device", "cpu()").doesNotContainKey("gpuMemoryUsedBytes");
                assertThat(loadedModels(auto)).singleElement().satisfies(m -> assertThat(m).containsEntry("device", "cpu()")
                        .doesNotContainKey("gpuMemoryBytes"));
            }
        }
    }

    @Test
    void theLowMemoryProfileUnloadsAModelWhenItsLastLeaseCloses() {
        try (ModelRuntime runtime = new ModelRuntime(new ModelDirectory(models()), "cpu", ServingProfile.LOW_MEMORY, 0)) {
            try (ModelLease lease = runtime.lease(ModelRequirement.of("stories260k", "gguf"), "plugin 'a'")) {
                LlamaGenerator generator = lease.loaded(LlamaGenerator.class).orElseThrow();
                assertThat(generator.model().precision()).isEqualTo(io.hallmark.textgen.Precision.FLOAT16);
                String text = generator.generate("Once upon a time", true, SamplingSettings.greedy(8), p -> { }, () -> false).text();
                assertThat(text).isNotBlank();
                assertThat(loadedModels(runtime)).hasSize(1);
            }
            assertThat(loadedModels(runtime)).isEmpty();
        }
    }

    @Test
    void aTruncatedWeightsFileIsRefusedNamingTheFileAndTheExpectedChecksum() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("stories260k"));
        Path shared = models().resolve("stories260k");
        byte[] bin = Files.readAllBytes(shared.resolve("stories260K.bin"));
        Files.write(folder.resolve("stories260K.bin"), java.util.Arrays.copyOf(bin, bin.length / 2));
        Files.copy(shared.resolve("tok512.bin"), folder.resolve("tok512.bin"));
        Files.copy(shared.resolve("SOURCE.md"), folder.resolve("SOURCE.md"));
        try (ModelRuntime runtime = ModelRuntime.onCpu(temp)) {
            assertThatThrownBy(() -> runtime.lease(STORIES, "plugin 'a'"))
                    .isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining(folder.resolve("stories260K.bin").toString())
                    .hasMessageContaining("its folder lists " + BIN_SHA)
                    .hasMessageContaining("truncated or corrupt");
            assertThat(runtime.verify()).filteredOn(c -> c.file().endsWith("stories260K.bin")).singleElement()
                    .satisfies(c -> assertThat(c.ok()).isFalse());
            Files.delete(folder.resolve("SOURCE.md"));
            assertThatThrownBy(() -> runtime.lease(STORIES, "plugin 'a'").loaded(LlamaGenerator.class))
                    .isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining("needs exactly 1056540")
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void aFormatTheRuntimeCannotLoadIsLeasedAsFilesOnlyAndSaysSoWhenAskedToLoad() {
        try (ModelRuntime runtime = ModelRuntime.onCpu(models())) {
            ModelLease lease = runtime.lease(ModelRequirement.of("mnist-gan", "files"), "plugin 'a'");
            assertThat(lease.path()).isDirectory();
            assertThatThrownBy(() -> lease.loaded(LlamaGenerator.class))
                    .isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining("format 'files', which the model runtime does not load");
            assertThat(lease.loaded(String.class)).isEmpty();
            assertThat(lease.loaded(OnnxLoader.class)).as("only format onnx is loaded as ONNX").isEmpty();
        }
    }

    @Test
    void anOnnxModelIsLoadedOnceOnOnnxRuntimeSharedByItsLeasesAndUnloadedWhenUnused() throws Exception {
        ModelRequirement gan = ModelRequirement.of("mnist-gan", "onnx");
        Path file = models().resolve("mnist-gan/mnist_gan_mlp_generator.onnx");
        try (ModelRuntime runtime = ModelRuntime.onCpu(models()).start()) {
            ModelLease first = runtime.lease(gan, "plugin 'a'");
            ModelLease second = runtime.lease(gan, "plugin 'b'");
            OnnxLoader a = first.loaded(OnnxLoader.class).orElseThrow();
            OnnxLoader b = second.loaded(OnnxLoader.class).orElseThrow();
            assertThat(a).isSameAs(b);
            ZooModel<NDList, NDList> model = a.load(file);
            assertThat(b.load(file)).as("each file is loaded once").isSameAs(model);
            assertThat(model.getNDManager().getEngine().getEngineName()).isEqualTo("OnnxRuntime");
            try (NDManager manager = NDManager.newBaseManager("OnnxRuntime");
                    Predictor<NDList, NDList> predictor = model.newPredictor()) {
                NDArray z = manager.zeros(new Shape(2, 64));
                z.setName("z");
                assertThat(predictor.predict(new NDList(z)).head().getShape()).isEqualTo(new Shape(2, 28, 28));
            }
            assertThat(loadedModels(runtime)).singleElement().satisfies(m -> {
                assertThat(m).containsEntry("name", "mnist-gan").containsEntry("format", "onnx").containsEntry("leases", 2)
                        .containsEntry("onnxFiles", Map.of("mnist_gan_mlp_generator.onnx", Files.size(file)));
                assertThat((Long) m.get("weightBytes")).isEqualTo(Files.size(file));
            });
            assertThatThrownBy(() -> a.load(models().resolve("mnist-vae/mnist_vae_decoder.onnx")))
                    .hasMessageContaining("is not part of model 'mnist-gan'");
            first.close();
            second.close();
            assertThat(loadedModels(runtime)).hasSize(1); // kept warm while its plugins are installed
            runtime.release("plugin 'a'");
            runtime.release("plugin 'b'");
            assertThat(loadedModels(runtime)).isEmpty();
            assertThatThrownBy(() -> a.load(file)).hasMessageContaining("was unloaded");
        }
    }

    @Test
    void aCorruptOnnxFileIsRefusedNamingTheFileAndWhatWasExpected() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("mnist-gan"));
        Path shared = models().resolve("mnist-gan");
        byte[] onnx = Files.readAllBytes(shared.resolve("mnist_gan_mlp_generator.onnx"));
        Path file = Files.write(folder.resolve("mnist_gan_mlp_generator.onnx"), java.util.Arrays.copyOf(onnx, onnx.length / 3));
        Files.copy(shared.resolve("SOURCE.md"), folder.resolve("SOURCE.md"));
        try (ModelRuntime runtime = ModelRuntime.onCpu(temp).start()) {
            ModelLease lease = runtime.lease(ModelRequirement.of("mnist-gan", "onnx"), "plugin 'a'");
            assertThatThrownBy(() -> lease.loaded(OnnxLoader.class).orElseThrow().load(file))
                    .isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("its folder lists 82b478adf1bd6b7f74985573ae652d7f4fb9f3dc56d99eb136a74fa73d359a3d")
                    .hasMessageContaining("truncated or corrupt");
            lease.close();
            Files.delete(folder.resolve("SOURCE.md"));
            try (ModelLease again = runtime.lease(ModelRequirement.of("mnist-gan", "onnx"), "plugin 'a'")) {
                assertThatThrownBy(() -> again.loaded(OnnxLoader.class).orElseThrow().load(file))
                        .isInstanceOf(GenerationFailedException.class)
                        .hasMessageContaining(file.toString())
                        .hasMessageContaining("is not a loadable ONNX model");
            }
            assertThatThrownBy(() -> runtime.lease(ModelRequirement.of("stories260k", "onnx"), "plugin 'a'"))
                    .isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining("not found");
        }
        try (ModelRuntime runtime = ModelRuntime.onCpu(models())) {
            assertThatThrownBy(() -> runtime.lease(ModelRequirement.of("stories260k", "onnx"), "plugin 'a'"))
                    .isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining("expected an .onnx file, or a folder with .onnx files");
        }
    }

    @Test
    void verifyChecksEveryFileOfTheSharedModelsAgainstTheirListedChecksums() {
        try (ModelRuntime runtime = ModelRuntime.onCpu(models())) {
            List<ModelCheck> checks = runtime.verify();
            assertThat(checks).extracting(ModelCheck::file).contains("stories260k/stories260K.bin",
                    "stories260k/stories260K-f32.gguf", "stories260k/tok512.bin");
            assertThat(checks).allSatisfy(c -> assertThat(c.ok()).as(c.file() + ": " + c.problem()).isTrue());
            assertThat(checks).filteredOn(c -> c.file().equals("stories260k/stories260K.bin")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.expectedSha256()).isEqualTo(BIN_SHA);
                        assertThat(c.details()).contains("dim=64");
                    });
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> loadedModels(ModelRuntime runtime) {
        return (List<Map<String, Object>>) runtime.status().get("loaded");
    }

    @Test
    void hostEmbeddingAndImageOperationsSayWhatIsWrongBeforeLoadingAnything() {
        try (ModelRuntime runtime = ModelRuntime.onCpu(models()).start()) {
            assertThatThrownBy(() -> runtime.lease(ModelRequirement.of("word2vec", "embedding"), "test"))
                    .isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining("Unknown embedding model 'word2vec'; choose one of all-minilm-l6-v2");
            assertThatThrownBy(() -> runtime.lease(new ModelRequirement("all-minilm-l6-v2", "embedding",
                    "0".repeat(64), false), "test"))
                    .isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining("not " + "0".repeat(64) + " as asked");
            try (ModelLease lease = runtime.lease(ModelRequirement.of("all-minilm-l6-v2", "embedding"), "test")) {
                assertThat(lease.info().sha256()).matches("[0-9a-f]{64}");
                assertThatThrownBy(() -> lease.embed(List.of(), false))
                        .isInstanceOf(io.hallmark.api.InvalidRequestException.class)
                        .hasMessageContaining("embed takes 1 to 256 texts, not 0");
                assertThatThrownBy(() -> lease.embed(List.of("x".repeat(20_001)), true))
                        .hasMessageContaining("text 0 is 20001 characters long");
                assertThatThrownBy(lease::path).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("use embed()");
                assertThatThrownBy(() -> lease.generateImage("a cat", Map.of()))
                        .isInstanceOf(UnsupportedOperationException.class);
            }
            try (ModelLease lease = runtime.lease(ModelRequirement.of("stories260k", "llama2c"), "test")) {
                assertThatThrownBy(() -> lease.generateImage("a cat", Map.of()))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("is not an ONNX image model");
                assertThatThrownBy(() -> lease.embed(List.of("a"), false))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("lease an embedding model with format 'embedding'");
            }
            try (ModelLease lease = runtime.lease(ModelRequirement.of("tiny-sd-onnx", "onnx"), "test")) {
                assertThatThrownBy(() -> lease.generateImage("a cat", Map.of("steps", 501)))
                        .hasMessageContaining("steps must be 1 to 500, not 501");
                assertThatThrownBy(() -> lease.generateImage("a cat", Map.of("seed", "seven")))
                        .hasMessageContaining("'seed' must be a number, not 'seven'");
            }
        }
    }
}
