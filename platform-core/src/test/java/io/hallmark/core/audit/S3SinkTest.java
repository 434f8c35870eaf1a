package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.core.s3.S3Location;
import io.hallmark.core.testing.S3TestServer;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 checkpoint sink against a real S3 API server in the test JVM ({@link S3TestServer}, S3Proxy) through the AWS
 * SDK. S3Proxy has no Object Lock: it cannot say whether a bucket has it (so the sink, asking first, refuses the
 * bucket), and it lets whoever holds the keys overwrite and delete an object the sink wrote with a retention, which
 * {@link #theTestServerDoesNotEnforceObjectLock} records; on AWS S3, MinIO or Ceph with Object Lock the same requests
 * fail with {@code AccessDenied}.
 */
class S3SinkTest {

    private static final String ORIGIN = "hallmark.audit/00000000-0000-4000-8000-000000000001";
    private static S3TestServer server;
    private static S3Client client;

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

    private static Checkpoint cp(long size, int rootByte) {
        byte[] root = new byte[32];
        root[0] = (byte) rootByte;
        return Checkpoint.sign(ORIGIN, size, root, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(size),
                TestKeys.key());
    }

    private static S3Sink sinkWithoutLockCheck() {
        return new S3Sink(server.newBucket("audit/log-a/", "lock-check=off&lock-mode=GOVERNANCE&lock-days=400"), client,
                Clock.systemUTC());
    }

    @Test
    void keepsEveryCheckpointAndTheLatestAndRefusesARollbackOrAFork() throws Exception {
        S3Sink sink = sinkWithoutLockCheck();
        assertThat(sink.latest()).isEmpty();
        sink.publish(cp(10, 1));
        sink.publish(cp(20, 2));
        sink.publish(cp(20, 2)); // the same checkpoint again: kept once

        assertThat(sink.latest()).contains(cp(20, 2).note());
        assertThat(sink.all()).containsExactly(cp(10, 1).note(), cp(20, 2).note());
        assertThatThrownBy(() -> sink.publish(cp(15, 3))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("size 20").hasMessageContaining("rolled back");
        assertThatThrownBy(() -> sink.publish(cp(20, 9))).hasMessageContaining("forked");
        assertThat(sink.latest()).contains(cp(20, 2).note());
        assertThat(sink.describe()).startsWith("s3://hm-").endsWith("/audit/log-a/");
    }

    @Test
    void refusesABucketWhoseObjectLockItCannotConfirm() throws Exception {
        S3Location bucket = server.newBucket("audit/", "");
        S3Sink sink = new S3Sink(bucket, client, Clock.systemUTC());

        assertThatThrownBy(() -> sink.publish(cp(10, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Object Lock").hasMessageContaining("refusing");
        assertThat(client.listObjectsV2(b -> b.bucket(bucket.bucket())).contents()).as("nothing was written")
                .isEmpty();
        CheckpointPublisher publisher = new CheckpointPublisher(java.util.List.of(sink));
        assertThat(publisher.publish(cp(10, 1))).isZero();
        assertThat(publisher.failures().get(sink.describe())).contains("Object Lock");
    }

    @Test
    void anAuditorReadsTheLatestCheckpointFromTheBucket() throws Exception {
        S3Sink sink = sinkWithoutLockCheck();
        sink.publish(cp(10, 1));
        CheckpointPublisher publisher = new CheckpointPublisher(java.util.List.of(sink));

        assertThat(publisher.latestFromSinks()).containsExactly(cp(10, 1).note());
    }

    /** Not a property of Hallmark: documents what the in-test server lacks (see the class comment). */
    @Test
    void theTestServerDoesNotEnforceObjectLock() throws Exception {
        S3Sink sink = sinkWithoutLockCheck();
        sink.publish(cp(10, 1));
        String bucket = sink.describe().substring(5, sink.describe().indexOf('/', 5));

        client.putObject(b -> b.bucket(bucket).key("audit/log-a/latest.txt"), RequestBody.fromString("rewritten"));
        assertThat(sink.latest()).contains("rewritten");
        client.deleteObject(b -> b.bucket(bucket).key("audit/log-a/latest.txt"));
        assertThat(sink.latest()).isEmpty();
    }
}
