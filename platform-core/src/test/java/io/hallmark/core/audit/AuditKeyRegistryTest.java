package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes sharing one database sign checkpoints with their own keys; either verifies the whole log. */
@ExtendWith(PostgresExtension.class)
class AuditKeyRegistryTest {

    private final Database db;

    @TempDir
    Path tmp;

    AuditKeyRegistryTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void emptyLog() throws SQLException {
        AuditTestSupport.reset(db.dataSource());
    }

    @Test
    void checkpointsOfEveryRegisteredNodeVerifyAndAKeySlippedIntoTheRegistryIsReported() throws Exception {
        PlatformKey keyB = PlatformKey.loadOrCreate(tmp.resolve("node-b-keys"));
        try (AuditTrail nodeA = AuditTrail.open(db.dataSource(), TestKeys.key(), AuditSettings.defaults(), Clock.systemUTC());
                AuditTrail nodeB = AuditTrail.open(db.dataSource(), keyB, AuditSettings.defaults(), Clock.systemUTC())) {
            nodeA.log().append("alice", "content.approved", "item-1", Map.of("i", 1));
            nodeA.checkpoints().create();
            nodeB.log().append("bob", "content.approved", "item-2", Map.of("i", 2));
            Checkpoints.Stored byB = nodeB.checkpoints().create();
            nodeA.log().append("alice", "content.approved", "item-3", Map.of("i", 3));

            // node A reads node B's checkpoint, and signs the next one only when the log grew
            assertThat(nodeA.checkpoints().latest().orElseThrow().number()).isEqualTo(byB.number());
            assertThat(nodeA.checkpoints().createIfGrown()).isPresent();
            assertThat(nodeA.keys().registered()).extracting(r -> r.key().name())
                    .containsExactly(TestKeys.key().name(), keyB.name());
            for (AuditTrail node : new AuditTrail[] {nodeA, nodeB}) {
                AuditVerifier.Report report = node.verifier().verify(null);
                assertThat(report.divergences()).isEmpty();
                assertThat(report.checkpointsChecked()).isEqualTo(3);
            }

            // a checkpoint signed by a key nobody registered does not verify
            PlatformKey stranger = PlatformKey.loadOrCreate(tmp.resolve("stranger-keys"));
            Checkpoint forged = Checkpoint.sign(nodeA.checkpoints().origin(), 1, Merkle.leafHash(new byte[0]),
                    Instant.now(), stranger);
            AuditTestSupport.tamper(db.dataSource(), "insert into audit_checkpoints (tree_size, root_hash, origin, "
                    + "key_name, signed_note, created_at) values (1, '" + forged.rootHashHex() + "', 'o', '"
                    + stranger.name() + "', '" + forged.note() + "', now())");
            assertThat(nodeA.verifier().verify(null).divergences()).extracting(AuditVerifier.Divergence::kind)
                    .contains(AuditVerifier.Kind.CHECKPOINT_SIGNATURE);

            // registering that key behind the log's back does not make it trusted: the registry is audited too
            AuditTestSupport.tamper(db.dataSource(), "insert into audit_signing_keys (vkey, key_name, registered_at, "
                    + "audit_seq) values ('" + stranger.verifierKey().encoded() + "', '" + stranger.name()
                    + "', now(), 2)");
            AuditVerifier.Report report = nodeA.verifier().verify(null);
            assertThat(report.divergences()).extracting(AuditVerifier.Divergence::kind)
                    .contains(AuditVerifier.Kind.SIGNING_KEY_NOT_AUDITED, AuditVerifier.Kind.CHECKPOINT_SIGNATURE);
            assertThat(report.divergences()).filteredOn(d -> d.kind() == AuditVerifier.Kind.SIGNING_KEY_NOT_AUDITED)
                    .singleElement().satisfies(d -> assertThat(d.message()).contains(stranger.name())
                            .contains("the key registry was edited"));
        }
    }
}
