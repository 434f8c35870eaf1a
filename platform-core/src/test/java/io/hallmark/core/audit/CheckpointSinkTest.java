package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each sink keeps every checkpoint it gets and the latest, refuses a smaller or forked one, and reads back. */
class CheckpointSinkTest {

    private static final String ORIGIN = "hallmark.audit/00000000-0000-4000-8000-000000000001";

    private static Checkpoint cp(long size, int rootByte) {
        byte[] root = new byte[32];
        root[0] = (byte) rootByte;
        return Checkpoint.sign(ORIGIN, size, root, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(size),
                TestKeys.key());
    }

    @Test
    void aDirectorySinkKeepsEveryCheckpointAndRefusesARollbackOrAFork(@TempDir Path dir) throws Exception {
        DirectorySink sink = new DirectorySink(dir);
        sink.publish(cp(10, 1));
        sink.publish(cp(20, 2));

        assertThat(sink.latest()).contains(cp(20, 2).note());
        assertThat(HeldCheckpoints.read(dir)).containsExactly(cp(10, 1).note(), cp(20, 2).note());
        assertThatThrownBy(() -> sink.publish(cp(15, 3))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("size 20").hasMessageContaining("rolled back");
        assertThatThrownBy(() -> sink.publish(cp(20, 9))).hasMessageContaining("forked");
        assertThat(sink.latest()).contains(cp(20, 2).note());
        try (var files = Files.list(dir.resolve(DirectorySink.CHECKPOINTS))) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void aGitSinkCommitsEachCheckpointAndPushesToARemoteThatRefusesRewrites(@TempDir Path dir) throws Exception {
        Path remote = dir.resolve("remote.git");
        git(dir, "init", "--quiet", "--bare", remote.toString());
        git(remote, "config", "receive.denyNonFastForwards", "true");
        Path work = dir.resolve("work");
        git(dir, "clone", "--quiet", remote.toString(), work.toString());
        GitSink sink = new GitSink(work);

        sink.publish(cp(10, 1));
        sink.publish(cp(20, 2));

        assertThat(git(remote, "log", "--format=%s")).contains("size 20 root 02", "size 10 root 01");
        assertThat(git(remote, "show", "HEAD:" + DirectorySink.LATEST)).isEqualTo(cp(20, 2).note());
        // the remote keeps the history: an attempt to push a rewritten one is refused
        git(work, "reset", "--quiet", "--hard", "HEAD~1");
        git(work, "-c", "user.name=m", "-c", "user.email=m@x", "commit", "--quiet", "--allow-empty", "-m", "rewrite");
        assertThatThrownBy(() -> git(work, "push", "--force", "--quiet", "origin", "HEAD"))
                .hasMessageContaining("non-fast-forward");
        // a second clone (the auditor's) reads every checkpoint the sink pushed
        Path auditor = dir.resolve("auditor");
        git(dir, "clone", "--quiet", remote.toString(), auditor.toString());
        assertThat(HeldCheckpoints.read(auditor)).containsExactly(cp(10, 1).note(), cp(20, 2).note());
    }

    @Test
    void anHttpSinkPostsEachCheckpointAndReadsTheLatestBack() throws Exception {
        List<String> received = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/audit/checkpoints", ex -> {
            byte[] body;
            int status;
            if ("POST".equals(ex.getRequestMethod())) {
                synchronized (received) {
                    received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                }
                status = 204;
                body = new byte[0];
            } else if (received.isEmpty()) {
                status = 404;
                body = new byte[0];
            } else {
                status = 200;
                body = received.getLast().getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            HttpSink sink = new HttpSink(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/audit/checkpoints"));
            assertThat(sink.latest()).isEmpty();
            sink.publish(cp(10, 1));
            sink.publish(cp(20, 2));

            assertThat(received).containsExactly(cp(10, 1).note(), cp(20, 2).note());
            assertThat(sink.latest()).contains(cp(20, 2).note());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPublisherReportsAFailingSinkAndStillServesTheOthers(@TempDir Path dir) throws Exception {
        CheckpointPublisher publisher = new CheckpointPublisher(CheckpointPublisher.parse(
                "dir:" + dir.resolve("a") + ", git:" + dir.resolve("not-a-repo")));

        assertThat(publisher.publish(cp(10, 1))).isEqualTo(1);
        assertThat(publisher.failures()).containsOnlyKeys("git:" + dir.resolve("not-a-repo"));
        assertThat(publisher.failures().values().iterator().next()).contains("not a git work tree");
        assertThatThrownBy(() -> CheckpointPublisher.parse("ftp://host/x")).hasMessageContaining("Unknown audit checkpoint sink");
        assertThatThrownBy(() -> CheckpointPublisher.parse("s3://bucket?lock-days=30"))
                .hasMessageContaining("lock-days must be a whole number of at least 183");
        assertThatThrownBy(() -> CheckpointPublisher.parse("s3://bucket?lock-mode=LEGAL"))
                .hasMessageContaining("lock-mode must be COMPLIANCE or GOVERNANCE");
        assertThatThrownBy(() -> CheckpointPublisher.parse("s3://bucket?lockmode=GOVERNANCE"))
                .hasMessageContaining("unknown option 'lockmode'");
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
