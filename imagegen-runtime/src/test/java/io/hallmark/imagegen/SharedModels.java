package io.hallmark.imagegen;

import java.nio.file.Path;

/** The shared model folder and a persistent DJL cache for this module's tests. */
public final class SharedModels {

    static {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("hallmark.test.cache.dir", "target/test-cache"),
                    "djl").toAbsolutePath().toString());
        }
        System.setProperty("ai.djl.offline", "true");
    }

    private SharedModels() {}

    public static Path models() {
        return Path.of(System.getProperty("hallmark.shared.dir", "../../shared")).resolve("models").toAbsolutePath()
                .normalize();
    }

    public static Path gan() {
        return models().resolve("mnist-gan");
    }

    public static Path vae() {
        return models().resolve("mnist-vae");
    }
}
