package io.hallmark.core.audit;

import io.hallmark.core.testing.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One platform key per test JVM, in a temporary folder. */
final class TestKeys {

    private static PlatformKey key;

    private TestKeys() {}

    static synchronized PlatformKey key() {
        if (key == null) {
            try {
                Path dir = Files.createTempDirectory(Files.createDirectories(TestPaths.buildDir()), "test-keys-");
                key = PlatformKey.loadOrCreate(dir.resolve("keys"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key;
    }
}
