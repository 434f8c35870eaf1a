package io.hallmark.core.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.s3.S3Location;
import io.hallmark.core.testing.S3TestServer;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob store contract on an S3 bucket of a real S3 API server in the test JVM ({@link S3TestServer}), written
 * by the AWS SDK: blobs of more than one 5 MiB part go through a multipart upload and a server-side copy.
 */
class S3BlobStoreContractTest extends BlobStoreContract {

    private static S3TestServer server;
    private static S3Client client;
    private S3Location bucket;

    @BeforeAll
    static void start() throws Exception {
        server = S3TestServer.start();
        client = server.client();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @Override
    BlobStore emptyStore(long maxBlobBytes) {
        bucket = server.newBucket("hallmark/", "");
        return S3BlobStore.open(bucket, client, maxBlobBytes, S3BlobStore.MIN_PART_BYTES);
    }

    @Override
    BlobStore sameBackend() {
        return S3BlobStore.open(bucket, server.client(), 64L << 20, S3BlobStore.DEFAULT_PART_BYTES);
    }

    @Override
    long storedUnits() {
        long objects = client.listObjectsV2Paginator(r -> r.bucket(bucket.bucket())).contents().stream().count();
        long uploads = client.listMultipartUploads(r -> r.bucket(bucket.bucket())).uploads().size();
        return objects + uploads;
    }

    @Test
    void aBlobOfExactlyOnePartIsOnePutAndOneOfOnePartAndAByteIsAMultipartUpload() throws Exception {
        BlobStore store = emptyStore(64L << 20);
        byte[] onePart = random(S3BlobStore.MIN_PART_BYTES, 7);
        byte[] onePartAndAByte = random(S3BlobStore.MIN_PART_BYTES + 1, 8);

        assertThat(store.put(onePart).sha256()).isEqualTo(sha256(onePart));
        assertThat(store.put(onePartAndAByte).sha256()).isEqualTo(sha256(onePartAndAByte));
        assertThat(storedUnits()).as("two blobs, no upload left").isEqualTo(2);
        for (byte[] bytes : List.of(onePart, onePartAndAByte)) {
            try (InputStream in = store.open(sha256(bytes)).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }
    }

    @Override
    int spanningSize() {
        return 2 * S3BlobStore.MIN_PART_BYTES + 17;
    }
}
