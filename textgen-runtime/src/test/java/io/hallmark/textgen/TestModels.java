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

    static LlamaModel load(LlamaCheckpoint checkpoint) {
        return LlamaModel.load(checkpoint, "PyTorch", Device.cpu(), Precision.FLOAT32);
    }
}
