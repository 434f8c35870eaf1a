package io.hallmark.core.blob;

import io.hallmark.core.s3.S3Location;
import io.hallmark.core.testing.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

    @Override
    int spanningSize() {
        return 2 * S3BlobStore.MIN_PART_BYTES + 17;
    }
}
