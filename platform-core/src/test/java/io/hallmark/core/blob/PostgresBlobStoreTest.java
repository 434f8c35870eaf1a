package io.hallmark.core.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class PostgresBlobStoreTest {

    private static final int CHUNK = 1024;

    private final Database db;

    @TempDir
    Path tmp;

    PostgresBlobStoreTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from blobs");
        }
    }

    @Test
    void storesBytesInChunksUnderTheirSha256AndAnotherNodeReadsThemBack() throws Exception {
        byte[] bytes = random(10 * CHUNK + 17, 1);
        BlobRef ref = PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK).put(bytes);

        assertThat(ref.sha256()).isEqualTo(sha256(bytes));
        assertThat(ref.size()).isEqualTo(bytes.length);
        assertThat(count("select count(*) from blob_chunks")).isEqualTo(11);
        // a second node: its own store on the same database, with another chunk size
        BlobStore other = PostgresBlobStore.open(db.dataSource(), 1 << 20);
        assertThat(other.contains(ref.sha256())).isTrue();
        try (InputStream in = other.open(ref.sha256()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(other.verify(ref.sha256())).isTrue();
        assertThat(other.open(sha256(new byte[] {9}))).isEmpty();
    }

    @Test
    void readsByteByByteAndInOddSizesAcrossChunkBoundaries() throws Exception {
        byte[] bytes = random(3 * CHUNK + 5, 2);
        BlobStore store = PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK);
        String sha = store.put(bytes).sha256();
        try (InputStream in = store.open(sha).orElseThrow()) {
            assertThat(in.read()).isEqualTo(bytes[0] & 0xff);
            byte[] rest = new byte[bytes.length - 1];
            int off = 0;
            for (int n; (n = in.read(rest, off, Math.min(333, rest.length - off))) > 0; ) {
                off += n;
            }
            assertThat(off).isEqualTo(rest.length);
            assertThat(rest).isEqualTo(java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void anEmptyBlobIsStoredToo() throws Exception {
        BlobStore store = PostgresBlobStore.open(db.dataSource(), 10, CHUNK);
        BlobRef ref = store.put(new byte[0]);
        assertThat(ref.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        try (InputStream in = store.open(ref.sha256()).orElseThrow()) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void theSameBytesAreKeptOnceEvenWhenWrittenAtOnce() throws Exception {
        byte[] bytes = random(5 * CHUNK, 3);
        BlobStore store = PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BlobRef>> refs = pool.invokeAll(java.util.Collections.nCopies(4,
                    (Callable<BlobRef>) () -> store.put(bytes)));
            for (Future<BlobRef> ref : refs) {
                assertThat(ref.get().sha256()).isEqualTo(sha256(bytes));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from blobs")).isEqualTo(1);
        assertThat(count("select count(*) from blob_chunks")).isEqualTo(5);
    }

    @Test
    void aBlobOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        BlobStore store = PostgresBlobStore.open(db.dataSource(), 3 * CHUNK, CHUNK);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[3 * CHUNK + 1])))
                .isInstanceOf(BlobTooLargeException.class)
                .hasMessageContaining(3 * CHUNK + " bytes");
        assertThat(count("select count(*) from blob_chunks")).isZero();
        assertThat(count("select count(*) from blobs")).isZero();
    }

    @Test
    void aWriteWhoseInputFailsHalfwayLeavesNothing() throws Exception {
        BlobStore store = PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK);
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(random(4 * CHUNK, 4)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset by the uploader");
            }
        });

        assertThatThrownBy(() -> store.put(failing)).isInstanceOf(HallmarkException.class)
                .hasMessageContaining("connection reset by the uploader");
        assertThat(count("select count(*) from blob_chunks")).isZero();
        assertThat(count("select count(*) from blobs")).isZero();
    }

    @Test
    void chunksNoBlobOwnsAreRefusedByTheSchema() {
        assertThatThrownBy(() -> {
            try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "insert into blob_chunks (upload_id, seq, data) values (gen_random_uuid(), 0, '\\x00')")) {
                s.executeUpdate();
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
    }

    @Test
    void aBlobMissingAChunkFailsToReadAndToVerify() throws Exception {
        byte[] bytes = random(3 * CHUNK, 5);
        BlobStore store = PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK);
        String sha = store.put(bytes).sha256();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from blob_chunks where seq = 1");
        }

        assertThat(store.verify(sha)).isFalse();
        try (InputStream in = store.open(sha).orElseThrow()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("chunk 1");
        }
    }

    @Test
    void aTamperedChunkFailsVerification() throws Exception {
        BlobStore store = PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK);
        String sha = store.put(random(2 * CHUNK, 6)).sha256();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("update blob_chunks set data = '\\x0102' where seq = 0");
        }
        assertThat(store.verify(sha)).isFalse();
    }

    @Test
    void refusesANameThatIsNotASha256() {
        BlobStore store = PostgresBlobStore.open(db.dataSource(), 1 << 20);
        assertThatThrownBy(() -> store.open("' or 1=1 --")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlobOfTheFormerLocalStoreIsServedAndCopiedIntoTheSharedStore() throws Exception {
        LocalBlobStore local = LocalBlobStore.open(tmp.resolve("blobs"), 1 << 20);
        byte[] bytes = random(2 * CHUNK + 3, 7);
        String sha = local.put(bytes).sha256();
        PostgresBlobStore shared = PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK);
        BlobStore store = new LegacyFallbackBlobStore(shared, local);

        assertThat(shared.contains(sha)).isFalse();
        assertThat(store.contains(sha)).isTrue();
        try (InputStream in = store.open(sha).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(shared.contains(sha)).isTrue(); // every other node finds it now
        assertThat(shared.verify(sha)).isTrue();
        // new blobs go to the shared store only
        String fresh = store.put(random(10, 8)).sha256();
        assertThat(shared.contains(fresh)).isTrue();
        assertThat(local.contains(fresh)).isFalse();
    }

    @Test
    void allBlobsOfTheFormerLocalStoreAreCopiedAtOnceSkippingDamagedOnes() throws Exception {
        LocalBlobStore local = LocalBlobStore.open(tmp.resolve("blobs"), 1 << 20);
        byte[] first = random(3 * CHUNK, 10);
        String a = local.put(first).sha256();
        String b = local.put(random(10, 11)).sha256();
        String damaged = local.put(random(20, 12)).sha256();
        java.nio.file.Files.write(local.path(damaged), new byte[] {1});
        PostgresBlobStore shared = PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK);
        LegacyFallbackBlobStore store = new LegacyFallbackBlobStore(shared, local);

        assertThat(store.copyLocalBlobs()).isEqualTo(2);
        assertThat(shared.contains(a)).isTrue();
        assertThat(shared.contains(b)).isTrue();
        assertThat(shared.contains(damaged)).isFalse();
        try (InputStream in = shared.open(a).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(first);
        }
        assertThat(store.copyLocalBlobs()).as("nothing left to copy").isZero();
    }

    @Test
    void aDamagedFileOfTheFormerLocalStoreIsNotServed() throws Exception {
        LocalBlobStore local = LocalBlobStore.open(tmp.resolve("blobs"), 1 << 20);
        String sha = local.put(random(100, 9)).sha256();
        java.nio.file.Files.write(local.path(sha), new byte[] {1, 2, 3});
        BlobStore store = new LegacyFallbackBlobStore(PostgresBlobStore.open(db.dataSource(), 1 << 20, CHUNK), local);

        assertThat(store.open(sha)).isEmpty();
    }

    @Test
    void describesItselfForTheHealthEndpoint() {
        assertThat(PostgresBlobStore.open(db.dataSource(), 1 << 20).describe())
                .containsEntry("kind", "postgres").containsKey("storedBytes");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
