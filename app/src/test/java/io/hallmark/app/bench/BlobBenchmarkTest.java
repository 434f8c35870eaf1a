package io.hallmark.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hallmark.core.Platform;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.blob.S3BlobStore;
import io.hallmark.core.db.DatabaseSettings;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.core.testing.S3TestServer;
import io.hallmark.core.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bench blobs} on a short run against the test PostgreSQL and the in-test S3 server ({@link S3TestServer}): the
 * three stores measured on the same blobs, ratios
 * from the measured figures (printed; nothing about speed is asserted). {@code -Dhallmark.bench.blobs=N} and
 * {@code -Dhallmark.bench.blobMiB=M} make the run longer.
 */
@ExtendWith(PostgresExtension.class)
class BlobBenchmarkTest {

    @TempDir
    Path work;

    @Test
    @SuppressWarnings("unchecked")
    void measuresWriteAndReadOfBothStoresOnTheSameBlobs(TestPostgres postgres) throws Exception {
        DatabaseSettings db = postgres.freshDatabase("blob_bench");
        List<String> steps = new ArrayList<>();
        int blobs = Integer.getInteger("hallmark.bench.blobs", 4);
        int blobMiB = Integer.getInteger("hallmark.bench.blobMiB", 2);
        Map<String, Object> r;
        try (S3TestServer s3 = S3TestServer.start(); S3Client client = s3.client()) {
            BlobStore s3Store = S3BlobStore.open(s3.newBucket("blobs/", ""), client, Platform.MAX_BLOB_BYTES,
                    S3BlobStore.DEFAULT_PART_BYTES);
            r = new BlobBenchmark(new BlobBenchmark.Settings(work, blobs, blobMiB, db, s3Store), steps::add).run();
        }
        System.out.println("bench blobs: " + r);

        Map<String, Object> local = (Map<String, Object>) r.get("local");
        Map<String, Object> pg = (Map<String, Object>) r.get("postgres");
        Map<String, Object> s3 = (Map<String, Object>) r.get("s3");
        for (Map<String, Object> store : List.of(local, pg, s3)) {
            assertThat((Double) store.get("writeMBps")).isPositive();
            assertThat((Double) store.get("readMBps")).isPositive();
        }
        assertThat((Double) r.get("postgresOverLocalWrite"))
                .isCloseTo((Double) pg.get("writeMBps") / (Double) local.get("writeMBps"), within(0.01));
        assertThat((Double) r.get("postgresOverLocalRead"))
                .isCloseTo((Double) pg.get("readMBps") / (Double) local.get("readMBps"), within(0.01));
        assertThat((Double) r.get("s3OverLocalWrite"))
                .isCloseTo((Double) s3.get("writeMBps") / (Double) local.get("writeMBps"), within(0.01));
        assertThat(steps).hasSize(3);
    }
}
