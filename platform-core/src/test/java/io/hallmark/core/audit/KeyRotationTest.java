package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A key rotation is an audited event endorsed by the old key; checkpoints of both keys verify afterwards. */
@ExtendWith(PostgresExtension.class)
class KeyRotationTest {

    private final Database db;

    KeyRotationTest(Database db) {
        this.db = db;
    }

    @Test
    void afterARotationOldAndNewCheckpointsVerifyAndAForgedRotationIsReported(@TempDir Path dir) throws Exception {
        AuditTestSupport.reset(db.dataSource());
        Path keys = dir.resolve("keys");
        PlatformKey first = PlatformKey.loadOrCreate(keys);
        try (AuditTrail before = AuditTrail.open(db.dataSource(), first, AuditSettings.defaults(), Clock.systemUTC())) {
            before.log().append("alice", "policy.activated", "p1", Map.of("version", 1));
            before.checkpoints().create();
            PlatformKey next = PlatformKey.createNext(keys);
            long seq = before.keys().rotate(first, next, "cli:admin", "annual rotation");
            PlatformKey.promoteNext(keys, first.verifierKey());
            assertThat(seq).isEqualTo(3);
        }
        PlatformKey second = PlatformKey.loadOrCreate(keys);
        assertThat(second.verifierKey()).isNotEqualTo(first.verifierKey());
        assertThat(keys.resolve("retired").resolve(first.name() + ".vkey")).exists();
        assertThat(Files.exists(keys.resolve("next"))).isFalse();

        // the node restarts with the new key
        try (AuditTrail after = AuditTrail.open(db.dataSource(), second, AuditSettings.defaults(), Clock.systemUTC())) {
            after.log().append("alice", "policy.activated", "p2", Map.of("version", 2));
            after.checkpoints().create();

            AuditVerifier.Report report = after.verifier().verify(null);
            assertThat(report.divergences()).isEmpty();
            assertThat(report.checkpointsChecked()).isEqualTo(2);
            assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from audit_events where event_type = "
                    + "'audit.key.rotated' and payload->>'reason' = 'annual rotation'")).isEqualTo(1);

            // a key slipped in with a rotation event its predecessor did not endorse
            PlatformKey stranger = PlatformKey.loadOrCreate(dir.resolve("stranger"));
            long forged = after.log().append("mallory", AuditKeyRegistry.ROTATED_EVENT, stranger.name(), Map.of(
                    "vkey", stranger.verifierKey().encoded(), "previous", second.verifierKey().encoded(),
                    "endorsement", "AAAA")).seq();
            AuditTestSupport.tamper(db.dataSource(), "insert into audit_signing_keys (vkey, key_name, registered_at, "
                    + "audit_seq) values ('" + stranger.verifierKey().encoded() + "', '" + stranger.name() + "', now(), "
                    + forged + ")");
            assertThat(after.verifier().verify(null).divergences()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(AuditVerifier.Kind.SIGNING_KEY_NOT_AUDITED);
                assertThat(d.seq()).isEqualTo(forged);
                assertThat(d.message()).contains("did not endorse it");
            });
        }
    }
}
