package io.hallmark.core.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesBytesUnderTheirSha256AndReadsThemBack() throws Exception {
        LocalBlobStore store = LocalBlobStore.open(root, 1 << 20);

        BlobRef ref = store.put("hello".getBytes(StandardCharsets.UTF_8));

        assertThat(ref.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(ref.size()).isEqualTo(5);
        assertThat(store.path(ref.sha256())).isEqualTo(root.resolve("2c").resolve(ref.sha256()));
        try (InputStream in = store.open(ref.sha256()).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        assertThat(store.verify(ref.sha256())).isTrue();
    }

    @Test
    void theSameBytesAreKeptOnce() throws Exception {
        LocalBlobStore store = LocalBlobStore.open(root, 1 << 20);
        BlobRef a = store.put(new byte[] {1, 2, 3});
        BlobRef b = store.put(new byte[] {1, 2, 3});

        assertThat(a).isEqualTo(b);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void aBlobOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        LocalBlobStore store = LocalBlobStore.open(root, 10);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[11])))
                .isInstanceOf(BlobTooLargeException.class)
                .hasMessageContaining("10 bytes");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aWriteInterruptedByACrashLeavesNoBlobAndIsCleanedOnOpen() throws Exception {
        LocalBlobStore.open(root, 1 << 20);
        // what a crash between write and rename leaves behind
        Path partial = Files.writeString(root.resolve("tmp").resolve("crashed.part"), "half");

        LocalBlobStore reopened = LocalBlobStore.open(root, 1 << 20);

        assertThat(partial).doesNotExist();
        assertThat(reopened.open("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")).isEmpty();
    }

    @Test
    void aCorruptedBlobFailsVerification() throws Exception {
        LocalBlobStore store = LocalBlobStore.open(root, 1 << 20);
        BlobRef ref = store.put("original".getBytes(StandardCharsets.UTF_8));

        Files.writeString(store.path(ref.sha256()), "tampered");

        assertThat(store.verify(ref.sha256())).isFalse();
    }

    @Test
    void malformedHashesAreRejected() {
        LocalBlobStore store = LocalBlobStore.open(root, 1 << 20);

        assertThatThrownBy(() -> store.open("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a SHA-256");
    }
}
