package io.hallmark.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where tests find the shared models and data, and where they keep caches that outlive one test JVM. */
public final class TestPaths {

    private TestPaths() {}

    /** {@code ../shared} of the repository (set by the build as {@code hallmark.shared.dir}). */
    public static Path sharedDir() {
        return Path.of(System.getProperty("hallmark.shared.dir", "../shared")).toAbsolutePath().normalize();
    }

    /** A cache folder shared by every test JVM of a build (unpacked PostgreSQL binaries, DJL engines). */
    public static Path cacheDir() {
        return Path.of(System.getProperty("hallmark.test.cache.dir", "target/test-cache")).toAbsolutePath().normalize();
    }

    /** The module's build folder ({@code target}). */
    public static Path buildDir() {
        return Path.of("target").toAbsolutePath();
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
