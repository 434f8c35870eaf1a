package io.hallmark.core.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.HallmarkException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} backend must do, run against each real backend by a subclass
 * ({@code PostgresBlobStoreContractTest}, {@code LocalBlobStoreContractTest}, {@code S3BlobStoreContractTest}):
 * content addressing, streaming reads across the backend's chunk or part boundaries, one copy of the same bytes,
 * and all-or-nothing writes.
 */
abstract class BlobStoreContract {

    /** A store on an empty backend, refusing blobs over {@code maxBlobBytes}. */
    abstract BlobStore emptyStore(long maxBlobBytes) throws Exception;

    /** Another store instance on the same backend as the last {@link #emptyStore} (another node). */
    abstract BlobStore sameBackend() throws Exception;

    /** Everything the backend keeps: rows, files, objects and unfinished uploads. */
    abstract long storedUnits() throws Exception;

    /** A size that spans several of the backend's chunks or parts. */
    abstract int spanningSize();

    @Test
    void storesBytesUnderTheirSha256AndAnotherInstanceReadsThemBack() throws Exception {
        byte[] bytes = random(spanningSize(), 1);
        BlobRef ref = emptyStore(64L << 20).put(new ByteArrayInputStream(bytes));

        assertThat(ref.sha256()).isEqualTo(sha256(bytes));
        assertThat(ref.size()).isEqualTo(bytes.length);
        BlobStore other = sameBackend();
        assertThat(other.contains(ref.sha256())).isTrue();
        try (InputStream in = other.open(ref.sha256()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(other.verify(ref.sha256())).isTrue();
        assertThat(other.describe()).containsKey("kind");
    }

    @Test
    void readsByteByByteAndInOddSizes() throws Exception {
        byte[] bytes = random(spanningSize(), 2);
        BlobStore store = emptyStore(64L << 20);
        String sha = store.put(bytes).sha256();
        try (InputStream in = store.open(sha).orElseThrow()) {
            assertThat(in.read()).isEqualTo(bytes[0] & 0xff);
            byte[] rest = new byte[bytes.length - 1];
            int off = 0;
            for (int n; (n = in.read(rest, off, Math.min(333_333, rest.length - off))) > 0; ) {
                off += n;
            }
            assertThat(off).isEqualTo(rest.length);
            assertThat(rest).isEqualTo(Arrays.copyOfRange(bytes, 1, bytes.length));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void anEmptyBlobIsStoredToo() throws Exception {
        BlobStore store = emptyStore(10);
        BlobRef ref = store.put(new byte[0]);
        assertThat(ref.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        try (InputStream in = store.open(ref.sha256()).orElseThrow()) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void theSameBytesAreKeptOnceEvenWhenWrittenAtOnce() throws Exception {
        byte[] bytes = random(spanningSize(), 3);
        BlobStore store = emptyStore(64L << 20);
        store.put(bytes);
        long once = storedUnits();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<BlobRef>> refs = pool.invokeAll(Collections.nCopies(3, (Callable<BlobRef>) () -> store.put(bytes)));
            for (Future<BlobRef> ref : refs) {
                assertThat(ref.get().sha256()).isEqualTo(sha256(bytes));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(storedUnits()).isEqualTo(once);
    }

    @Test
    void aBlobOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        long limit = spanningSize() - 1;
        BlobStore store = emptyStore(limit);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(random(spanningSize(), 4))))
                .isInstanceOf(BlobTooLargeException.class)
                .hasMessageContaining(limit + " bytes");
        assertThat(storedUnits()).isZero();
    }

    @Test
    void aWriteWhoseInputFailsHalfwayLeavesNothing() throws Exception {
        BlobStore store = emptyStore(64L << 20);
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(random(spanningSize(), 5)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset by the uploader");
            }
        });

        assertThatThrownBy(() -> store.put(failing)).isInstanceOf(HallmarkException.class)
                .hasMessageContaining("connection reset by the uploader");
        assertThat(storedUnits()).isZero();
    }

    @Test
    void aMissingBlobIsEmptyAndAMalformedNameIsRefused() throws Exception {
        BlobStore store = emptyStore(1 << 20);
        String absent = sha256(new byte[] {9});
        assertThat(store.open(absent)).isEmpty();
        assertThat(store.contains(absent)).isFalse();
        assertThat(store.verify(absent)).isFalse();
        assertThatThrownBy(() -> store.open("' or 1=1 --")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.contains("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(BlobStore.newSha256().digest(bytes));
    }
}
