package io.hallmark.core.blob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on a node's local folder. */
class LocalBlobStoreContractTest extends BlobStoreContract {

    @TempDir
    Path tmp;

    private Path root;
    private int stores;

    @Override
    BlobStore emptyStore(long maxBlobBytes) {
        root = tmp.resolve("blobs-" + stores++);
        return LocalBlobStore.open(root, maxBlobBytes);
    }

    @Override
    BlobStore sameBackend() {
        return LocalBlobStore.open(root, 64L << 20);
    }

    @Override
    long storedUnits() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Override
    int spanningSize() {
        return 3 * 64 * 1024 + 17;
    }
}
