package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.db.Database;
import io.hallmark.core.testing.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail signing with a key in SoftHSM2, selected by configuration. */
@ExtendWith(PostgresExtension.class)
class HsmTrailTest {

    private final Database db;

    HsmTrailTest(Database db) {
        this.db = db;
    }

    @Test
    void checkpointsAndExportsAreSignedInTheHsmAndVerifyWithItsKey(@TempDir Path dir) throws Exception {
        Path library = SignerTest.SOFTHSM.stream().filter(Files::exists).findFirst().orElseThrow();
        String token = SignerTest.token();
        VerifierKey hsmKey = Pkcs11Signer.generate(library, token, "1234".toCharArray(), "platform");
        HallmarkConfig config = new ConfigLoader(Map.of()).load(Map.of(ConfigKey.DATA_DIR, dir.toString(),
                ConfigKey.AUDIT_PKCS11_LIBRARY, library.toString(), ConfigKey.AUDIT_PKCS11_TOKEN, token,
                ConfigKey.AUDIT_PKCS11_PIN, "1234"));
        PlatformKey fileKey = PlatformKey.loadOrCreate(dir.resolve("keys"));
        AuditTestSupport.reset(db.dataSource());

        Signer signer = AuditSettings.signer(config, fileKey);
        try (AuditTrail trail = AuditTrail.open(db.dataSource(), fileKey, signer, AuditSettings.defaults(),
                Clock.systemUTC(), new CheckpointPublisher(List.of()), Witnessing.none(db.dataSource()))) {
            assertThat(trail.signer().verifierKey()).isEqualTo(hsmKey).isNotEqualTo(fileKey.verifierKey());
            trail.log().append("alice", "policy.activated", "p1", Map.of("version", 1));
            Checkpoints.Stored cp = trail.checkpoints().create();
            assertThat(Checkpoint.verify(cp.checkpoint().note(), hsmKey).treeSize()).isEqualTo(2);
            Instant now = Instant.now();
            Path bundle = trail.exporter().export(new AuditExporter.Request(now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(1)), null, null, dir.resolve("bundle"), "auditor")).dir();

            assertThat(trail.verifier().verify(null).divergences()).isEmpty();
            assertThat(ExportVerifier.verify(bundle, hsmKey).problems()).isEmpty();
            assertThat(ExportVerifier.verify(bundle, fileKey.verifierKey()).ok()).isFalse();
        }
    }
}
