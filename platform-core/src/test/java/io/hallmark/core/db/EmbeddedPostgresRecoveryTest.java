package io.hallmark.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.testing.ChildJvm;
import io.hallmark.core.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded cluster keeps committed rows across a clean restart and across a SIGKILL of its owner, with
 * or without its PostgreSQL dying too.
 */
class EmbeddedPostgresRecoveryTest {

    private Path cluster;

    @BeforeEach
    void createCluster() throws Exception {
        Files.createDirectories(TestPaths.buildDir().resolve("test-postgres"));
        cluster = Files.createTempDirectory(TestPaths.buildDir().resolve("test-postgres"), "recovery-");
    }

    @AfterEach
    void removeCluster() {
        TestPaths.deleteRecursively(cluster);
    }

    @Test
    void aRowWrittenBeforeARestartIsThereAfterIt() {
        UUID id;
        try (EmbeddedPostgresServer server = start(); Database db = connect(server)) {
            ContentItem item = new ContentItem(io.hallmark.api.Modality.TEXT, "kept across restarts");
            db.useTransaction(s -> s.persist(item));
            id = item.id();
        }

        try (EmbeddedPostgresServer again = start(); Database db = connect(again)) {
            assertThat(db.inTransaction(s -> s.find(ContentItem.class, id)).prompt()).isEqualTo("kept across restarts");
        }
    }

    @Test
    void whenTheOwnerIsKilledItsWatchdogStopsPostgresAndTheDataIsKept() throws Exception {
        Committed committed = commitInChildAndKillIt("owner killed, watchdog stops postgres", Kill.OWNER);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(committed.postmasterPid()).filter(EmbeddedPostgresServer::alive).isPresent()
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(committed.postmasterPid()).filter(EmbeddedPostgresServer::alive))
                .as("PostgreSQL does not outlive its killed owner").isEmpty();
        assertThat(cluster.resolve("postmaster.pid")).as("it shut down cleanly").doesNotExist();

        try (EmbeddedPostgresServer recovered = start(); Database db = connect(recovered)) {
            assertThat(db.inTransaction(s -> s.find(ContentItem.class, committed.id())).prompt())
                    .isEqualTo("owner killed, watchdog stops postgres");
        }
    }

    @Test
    void ifTheWatchdogDiedTooTheOrphanedPostgresIsStoppedAtTheNextStartAndTheDataKept() throws Exception {
        Committed committed = commitInChildAndKillIt("owner killed, postgres orphaned", Kill.OWNER_AND_WATCHDOG);
        assertThat(ProcessHandle.of(committed.postmasterPid()).map(ProcessHandle::isAlive))
                .as("PostgreSQL outlives its killed owner and watchdog").contains(true);

        try (EmbeddedPostgresServer recovered = start(); Database db = connect(recovered)) {
            assertThat(ProcessHandle.of(committed.postmasterPid()).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(db.inTransaction(s -> s.find(ContentItem.class, committed.id())).prompt())
                    .isEqualTo("owner killed, postgres orphaned");
        }
    }

    @Test
    void afterOwnerAndPostgresAreBothKilledCrashRecoveryKeepsCommittedRows() throws Exception {
        Committed committed = commitInChildAndKillIt("owner and postgres killed", Kill.OWNER_AND_POSTGRES);

        try (EmbeddedPostgresServer recovered = start(); Database db = connect(recovered)) {
            assertThat(db.inTransaction(s -> s.find(ContentItem.class, committed.id())).prompt())
                    .isEqualTo("owner and postgres killed");
        }
    }

    private record Committed(UUID id, long postmasterPid) {}

    private enum Kill { OWNER, OWNER_AND_WATCHDOG, OWNER_AND_POSTGRES }

    private Committed commitInChildAndKillIt(String prompt, Kill kill) throws Exception {
        try (ChildJvm child = ChildJvm.start(CommitThenHang.class, List.of(), cluster.toString(),
                TestPaths.cacheDir().resolve("postgres-binaries").toString(), prompt)) {
            String[] line = child.awaitLine(l -> l.startsWith("COMMITTED "), Duration.ofSeconds(90)).split(" ");
            Committed committed = new Committed(UUID.fromString(line[1]), Long.parseLong(line[2]));
            List<ProcessHandle> watchdogs = child.process().toHandle().children()
                    .filter(p -> p.info().commandLine().orElse("").contains("hallmark-postgres-watchdog")).toList();
            assertThat(watchdogs).as("the owner runs a watchdog").hasSize(1);
            if (kill == Kill.OWNER_AND_WATCHDOG) {
                watchdogs.forEach(ProcessHandle::destroyForcibly);
                watchdogs.forEach(w -> w.onExit().join());
            }
            child.kill();
            if (kill == Kill.OWNER_AND_POSTGRES) {
                ProcessHandle postmaster = ProcessHandle.of(committed.postmasterPid()).orElseThrow();
                List<ProcessHandle> backends = postmaster.children().toList();
                postmaster.destroyForcibly();
                postmaster.onExit().join();
                backends.forEach(ProcessHandle::destroyForcibly);
                backends.forEach(b -> b.onExit().join());
            }
            return committed;
        }
    }

    private EmbeddedPostgresServer start() {
        return EmbeddedPostgresServer.start(cluster, TestPaths.cacheDir().resolve("postgres-binaries"));
    }

    private static Database connect(EmbeddedPostgresServer server) {
        return Database.connect(new DatabaseSettings(server.jdbcUrl(), server.user(), null, 2));
    }
}
