package io.hallmark.imagegen.diffusion;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.ZooModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.imagegen.OnnxLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The two tiny Stable Diffusion fixtures in {@code ../shared/models} and their {@code reference.json}. */
final class Fixtures {

    static final List<String> NAMES = List.of("tiny-sd-onnx", "tiny-sd-onnx-legacy");

    static {
        String cache = System.getProperty("hallmark.test.cache.dir", "target/test-cache");
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(cache, "djl").toAbsolutePath().toString());
        }
        System.setProperty("ai.djl.offline", "true");
    }

    private Fixtures() {}

    static Path dir(String name) {
        Path shared = Path.of(System.getProperty("hallmark.shared.dir", "../../shared")).toAbsolutePath().normalize();
        Path dir = shared.resolve("models").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The shared models are missing: expected " + dir);
        }
        return dir;
    }

    static JsonNode reference(String name) {
        try {
            return new ObjectMapper().readTree(dir(name).resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** {@link OnnxLoader#direct()} that remembers what it loaded, so a test class can close it all. */
    static final class ClosingLoader implements OnnxLoader, AutoCloseable {
        private final List<ZooModel<NDList, NDList>> loaded = new CopyOnWriteArrayList<>();

        @Override
        public ZooModel<NDList, NDList> load(Path onnxFile) throws IOException {
            ZooModel<NDList, NDList> model = OnnxLoader.direct().load(onnxFile);
            loaded.add(model);
            return model;
        }

        @Override
        public void close() {
            loaded.forEach(ZooModel::close);
            loaded.clear();
        }
    }
}
