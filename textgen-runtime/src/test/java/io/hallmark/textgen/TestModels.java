package io.hallmark.textgen;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test models lie, and a DJL set up once per test JVM with the shared native cache. */
final class TestModels {

    static {
        String cache = System.getProperty("hallmark.test.cache.dir", "target/test-cache");
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(cache, "djl").toAbsolutePath().toString());
        }
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

    private TestModels() {}

    static Path shared() {
        return Path.of(System.getProperty("hallmark.shared.dir", "../../shared")).toAbsolutePath().normalize();
    }

    static Path stories() {
        Path dir = shared().resolve("models/stories260k");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The shared models are missing: expected " + dir);
        }
        return dir;
    }

    static LlamaCheckpoint storiesBin() {
        return Llama2cLoader.load(stories().resolve("stories260K.bin"), stories().resolve("tok512.bin"));
    }

    /** Loads on the {@linkplain #device() test device}, with that device's default weight placement. */
    static LlamaModel load(LlamaCheckpoint checkpoint) {
        return LlamaModel.load(checkpoint, "PyTorch", device(), Precision.FLOAT32);
    }

    /**
     * The device the tests run models on: {@code cpu} unless the system property {@code hallmark.test.device} says
     * {@code gpu} or {@code gpu:N} (scripts/gpu-suite.sh). A GPU asked for and not seen by PyTorch fails the test
     * rather than quietly running on the CPU.
     */
    static Device device() {
        String name = System.getProperty("hallmark.test.device", "cpu").strip().toLowerCase(java.util.Locale.ROOT);
        if (name.isEmpty() || name.equals("cpu")) {
            return Device.cpu();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("gpu(?::(\\d+))?").matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("hallmark.test.device=" + name + " is not one of cpu, gpu, gpu:N");
        }
        int index = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int gpus = ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount();
        if (index >= gpus) {
            throw new IllegalStateException("hallmark.test.device=" + name + " but PyTorch "
                    + ai.djl.engine.Engine.getEngine("PyTorch").getVersion() + " sees " + gpus
                    + " GPU(s): build and test with -Pcuda on a machine with a CUDA GPU (scripts/gpu-suite.sh)");
        }
        return Device.gpu(index);
    }

    /** Whether the tests run models on a GPU. */
    static boolean onGpu() {
        return device().isGpu();
    }
}
