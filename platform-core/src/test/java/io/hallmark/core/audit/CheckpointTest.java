package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class CheckpointTest {

    private final Database db;

    CheckpointTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void emptyLog() throws SQLException {
        AuditTestSupport.reset(db.dataSource());
    }

    @Test
    void aCheckpointIsASignedNoteInTheC2spFormat() {
        PlatformKey key = TestKeys.key();
        byte[] root = Merkle.leafHash(new byte[] {1});
        Checkpoint cp = Checkpoint.sign("hallmark.audit/test", 42, root, Instant.parse("2026-11-28T10:00:00.5Z"), key);

        String[] lines = cp.note().split("\n", -1);
        assertThat(lines[0]).isEqualTo("hallmark.audit/test");
        assertThat(lines[1]).isEqualTo("42");
        assertThat(Base64.getDecoder().decode(lines[2])).isEqualTo(root);
        assertThat(lines[3]).isEqualTo("time 2026-11-28T10:00:00Z");
        assertThat(lines[4]).isEmpty();
        assertThat(lines[5]).startsWith("\u2014 " + key.name() + " ");
        byte[] blob = Base64.getDecoder().decode(lines[5].substring(lines[5].lastIndexOf(' ') + 1));
        assertThat(blob).hasSize(4 + 64);
        assertThat(java.util.Arrays.copyOf(blob, 4)).isEqualTo(key.verifierKey().keyHash());

        Checkpoint parsed = Checkpoint.verify(cp.note(), key.verifierKey());
        assertThat(parsed.treeSize()).isEqualTo(42);
        assertThat(parsed.rootHash()).isEqualTo(root);
    }

    @Test
    void aChangedOrForeignCheckpointDoesNotVerify(@TempDir Path other) {
        PlatformKey key = TestKeys.key();
        Checkpoint cp = Checkpoint.sign("o", 7, Merkle.emptyRoot(), Instant.now(), key);

        assertThatThrownBy(() -> Checkpoint.verify(cp.note().replace("\n7\n", "\n8\n"), key.verifierKey()))
                .hasMessageContaining("not valid");
        PlatformKey stranger = PlatformKey.loadOrCreate(other.resolve("keys"));
        assertThatThrownBy(() -> Checkpoint.verify(cp.note(), stranger.verifierKey()))
                .hasMessageContaining("not signed by the trusted key");
    }

    @Test
    void thePlatformKeyIsMadeOnceAndReadableByItsOwnerOnly(@TempDir Path dataDir) throws Exception {
        Path keys = dataDir.resolve("keys");
        PlatformKey first = PlatformKey.loadOrCreate(keys);
        PlatformKey again = PlatformKey.loadOrCreate(keys);

        assertThat(again.verifierKey()).isEqualTo(first.verifierKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(PlatformKey.PRIVATE_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(first.toString()).doesNotContain(Base64.getEncoder().encodeToString(
                Files.readAllBytes(keys.resolve(PlatformKey.PRIVATE_FILE))));
        assertThat(PlatformKey.readVerifierKey(keys)).isEqualTo(first.verifierKey());
    }

    @Test
    void checkpointsOnDemandCoverTheLogAndAreConsistentWithEachOther() throws Exception {
        try (AuditTrail trail = AuditTrail.open(db.dataSource(), TestKeys.key(), AuditSettings.defaults(), Clock.systemUTC())) {
            // the first checkpoint registers the node's signing key: that event is the log's first
            Checkpoints.Stored first = trail.checkpoints().create();
            assertThat(first.checkpoint().treeSize()).isEqualTo(1);
            assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from audit_events where seq = 1 "
                    + "and event_type = '" + AuditKeyRegistry.EVENT + "'")).isEqualTo(1);
            for (int i = 0; i < 6; i++) {
                trail.log().append("a", "x.y", null, Map.of("i", i));
            }
            Checkpoints.Stored seven = trail.checkpoints().create();
            for (int i = 0; i < 6; i++) {
                trail.log().append("a", "x.y", null, Map.of("i", i));
            }
            Checkpoints.Stored thirteen = trail.checkpoints().createIfGrown().orElseThrow();
            assertThat(trail.checkpoints().createIfGrown()).isEmpty();

            assertThat(seven.checkpoint().origin()).startsWith("hallmark.audit/");
            assertThat(trail.checkpoints().latest().orElseThrow().number()).isEqualTo(thirteen.number());
            assertThat(trail.verifier().verify(null).ok()).isTrue();
            // the roots were computed from the head row's tree edge: they must equal a full recomputation
            try (var c = db.dataSource().getConnection()) {
                MerkleTree tree = MerkleTree.ofFlatLeafHashes(AuditExporter.leafHashes(c, 13));
                assertThat(tree.root(7)).isEqualTo(seven.checkpoint().rootHash());
                assertThat(Merkle.verifyConsistency(7, 13, seven.checkpoint().rootHash(),
                        thirteen.checkpoint().rootHash(), tree.consistencyProof(7, 13))).isTrue();
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theSchedulerSignsCheckpointsWhileRunningAndStopsWhenAsked() throws Exception {
        try (AuditTrail trail = AuditTrail.open(db.dataSource(), TestKeys.key(),
                new AuditSettings(183, Duration.ofMillis(100), true), Clock.systemUTC())) {
            trail.log().append("a", "x.y", null, Map.of());
            trail.scheduler().start(Duration.ofMillis(100));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (trail.checkpoints().latest().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(trail.checkpoints().latest()).isPresent();
            trail.scheduler().stop();
            assertThat(trail.scheduler().running()).isFalse();
            long count = AuditTestSupport.count(db.dataSource(), "select count(*) from audit_checkpoints");
            trail.log().append("a", "x.y", null, Map.of());
            Thread.sleep(300);
            assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from audit_checkpoints")).isEqualTo(count);
        }
    }
}
