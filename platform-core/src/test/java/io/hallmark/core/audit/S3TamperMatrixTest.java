package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.S3TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@link TamperMatrixTest}, with the checkpoints the auditor holds read back from an S3 bucket (an
 * {@link S3Sink} on the in-test S3 server, fed by the trail beside the directory sink) instead of the directory.
 */
class S3TamperMatrixTest extends TamperMatrixTest {

    private static S3TestServer server;
    private S3Sink s3;

    S3TamperMatrixTest(Database db) {
        super(db);
    }

    @BeforeAll
    static void start() throws Exception {
        server = S3TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    List<CheckpointSink> sinks(Path directorySink) {
        // lock-check=off: the in-test server has no Object Lock to confirm (S3SinkTest)
        s3 = new S3Sink(server.newBucket("audit/", "lock-check=off"), server.client(), Clock.systemUTC());
        return List.of(new DirectorySink(directorySink), s3);
    }

    @Override
    List<String> held() throws Exception {
        return s3.all();
    }

    @Test
    void theHeldCheckpointsComeFromTheBucket() throws Exception {
        assertThat(held()).hasSize(3);
        assertThat(s3.latest().orElseThrow()).contains("\n61\n");
    }
}
