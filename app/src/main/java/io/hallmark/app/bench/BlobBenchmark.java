package io.hallmark.app.bench;

import io.hallmark.core.Platform;
import io.hallmark.core.blob.BlobRef;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.blob.LocalBlobStore;
import io.hallmark.core.blob.PostgresBlobStore;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code hallmark bench blobs}: write and read MB/s of the shared blob store in PostgreSQL (an embedded server
 * on a scratch folder, or {@code --db-url}) side by side with the local-file store on the same disk, on the same
 * pseudo-random (incompressible) blobs streamed from a generator, so neither store is handed a byte array; the
 * heap is reported after each phase (heap in use, garbage included) and, after a GC, the heap still live. Given an
 * S3 blob store ({@code --s3}), it measures that store on the same blobs in the same run.
 */
public final class BlobBenchmark {

    /** What to measure: {@code blobs} blobs of {@code blobMiB} MiB each, per store; {@code s3} when not null. */
    public record Settings(Path work, int blobs, int blobMiB, DatabaseSettings database, @Nullable BlobStore s3) {

        /** Without S3. */
        public Settings(Path work, int blobs, int blobMiB, DatabaseSettings database) {
            this(work, blobs, blobMiB, database, null);
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;

    public BlobBenchmark(Settings settings, Consumer<String> progress) {
        if (settings.blobs() < 1 || settings.blobMiB() < 1) {
            throw new IllegalArgumentException("--blobs and --blob-mib must be at least 1");
        }
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs against an embedded PostgreSQL started in {@code work} (stopped afterwards). */
    public static Map<String, Object> runEmbedded(Path work, int blobs, int blobMiB, @Nullable BlobStore s3,
            Consumer<String> progress) {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgres"),
                work.resolve("postgres-binaries"))) {
            return new BlobBenchmark(new Settings(work, blobs, blobMiB, new DatabaseSettings(postgres.jdbcUrl(),
                    postgres.user(), null, 4), s3), progress).run();
        }
    }

    public Map<String, Object> run() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("blobs", settings.blobs());
        result.put("blobMiB", settings.blobMiB());
        result.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try (Database db = Database.connect(settings.database())) {
            Map<String, Object> local = measure("local", LocalBlobStore.open(settings.work().resolve("local-blobs"),
                    Platform.MAX_BLOB_BYTES), 1);
            Map<String, Object> postgres = measure("postgres", PostgresBlobStore.open(db.dataSource(),
                    Platform.MAX_BLOB_BYTES), 2);
            result.put("local", local);
            result.put("postgres", postgres);
            result.put("postgresOverLocalWrite", ratio((Double) postgres.get("writeMBps"), (Double) local.get("writeMBps")));
            result.put("postgresOverLocalRead", ratio((Double) postgres.get("readMBps"), (Double) local.get("readMBps")));
            if (settings.s3() != null) {
                Map<String, Object> s3 = measure("s3", settings.s3(), 3);
                result.put("s3", s3);
                result.put("s3OverLocalWrite", ratio((Double) s3.get("writeMBps"), (Double) local.get("writeMBps")));
                result.put("s3OverLocalRead", ratio((Double) s3.get("readMBps"), (Double) local.get("readMBps")));
            }
        }
        return result;
    }

    private Map<String, Object> measure(String name, BlobStore store, long seedBase) {
        long bytes = (long) settings.blobMiB() << 20;
        List<BlobRef> refs = new ArrayList<>();
        System.gc();
        long start = System.nanoTime();
        for (int i = 0; i < settings.blobs(); i++) {
            refs.add(store.put(new GeneratedStream(bytes, seedBase * 1_000_003L + i)));
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> afterWrite = Memory.snapshot();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        start = System.nanoTime();
        for (BlobRef ref : refs) {
            try (InputStream in = store.open(ref.sha256()).orElseThrow()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read += n;
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read back blob " + ref.sha256() + ": " + e.getMessage(), e);
            }
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        if (read != bytes * settings.blobs()) {
            throw new IllegalStateException(name + " returned " + read + " bytes, not " + bytes * settings.blobs());
        }
        double mb = bytes * settings.blobs() / 1e6;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("writeMBps", round(mb / writeSeconds));
        figures.put("readMBps", round(mb / readSeconds));
        figures.put("memoryAfterWrite", afterWrite);
        figures.put("memoryAfterRead", Memory.snapshot());
        System.gc();
        Runtime rt = Runtime.getRuntime();
        figures.put("liveHeapAfterGcMiB", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        progress.accept(name + ": write " + figures.get("writeMBps") + " MB/s, read " + figures.get("readMBps") + " MB/s");
        return figures;
    }

    /**
     * A peer's speed over the local store's, to three significant digits: the local store reads from the page cache
     * hundreds of times faster than a database, so two decimals would print a ratio of 0.
     */
    static double ratio(double peer, double local) {
        double v = peer / local;
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** {@code size} pseudo-random bytes from a seed, made as they are read (never held whole). */
    static final class GeneratedStream extends InputStream {

        private final SplittableRandom random;
        private long left;

        GeneratedStream(long size, long seed) {
            this.random = new SplittableRandom(seed);
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i += 8) {
                long word = random.nextLong();
                for (int j = 0; j < 8 && i + j < n; j++) {
                    b[off + i + j] = (byte) (word >>> (8 * j));
                }
            }
            left -= n;
            return n;
        }
    }
}
