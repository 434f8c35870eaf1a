package io.hallmark.imagegen;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loader for one piece of work when no host model runtime hands one out (plugin unit tests, tools): loads each
 * file once through {@link OnnxLoader#direct()} and closes every model it loaded when it is closed.
 */
public final class ScopedOnnxLoader implements OnnxLoader, AutoCloseable {

    private final Map<Path, ZooModel<NDList, NDList>> models = new LinkedHashMap<>();

    @Override
    public synchronized ZooModel<NDList, NDList> load(Path onnxFile) throws IOException {
        Path key = onnxFile.toAbsolutePath().normalize();
        ZooModel<NDList, NDList> model = models.get(key);
        if (model == null) {
            model = OnnxLoader.direct().load(key);
            models.put(key, model);
        }
        return model;
    }

    @Override
    public synchronized void close() {
        models.values().forEach(ZooModel::close);
        models.clear();
    }
}
