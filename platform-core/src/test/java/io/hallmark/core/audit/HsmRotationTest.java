package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.db.Database;
import io.hallmark.core.provenance.ProvenanceManifest;
import io.hallmark.core.provenance.ProvenanceMarker;
import io.hallmark.core.provenance.ProvenanceVerifier;
import io.hallmark.core.provenance.SigningCredential;
import io.hallmark.core.testing.PostgresExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provenance manifests and Content Credentials signed by the audit key in SoftHSM2, and a rotation from one HSM key
 * to another ({@code hallmark audit rotate-key --pkcs11-key NEW --generate}): an audited event endorsed by the old
 * key, after which the checkpoints and manifests of both keys verify and a node still configured with the old key
 * refuses to sign.
 */
@ExtendWith(PostgresExtension.class)
class HsmRotationTest {

    private static final String PIN = "1234";
    private final Database db;

    HsmRotationTest(Database db) {
        this.db = db;
    }

    private static HallmarkConfig config(Path dir, Path library, String token, String keyLabel) {
        return new ConfigLoader(Map.of()).load(Map.of(ConfigKey.DATA_DIR, dir.toString(),
                ConfigKey.AUDIT_PKCS11_LIBRARY, library.toString(), ConfigKey.AUDIT_PKCS11_TOKEN, token,
                ConfigKey.AUDIT_PKCS11_PIN, PIN, ConfigKey.AUDIT_PKCS11_KEY, keyLabel));
    }

    private AuditTrail open(PlatformKey fileKey, Signer signer) {
        return AuditTrail.open(db.dataSource(), fileKey, signer, AuditSettings.defaults(), Clock.systemUTC(),
                new CheckpointPublisher(List.of()), Witnessing.none(db.dataSource()));
    }

    private static Path markedPng(Path dir, String name, Signer signer) throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Path file = dir.resolve(name);
        Files.write(file, png.toByteArray());
        new ProvenanceMarker(signer).mark(file, new ProvenanceManifest("0".repeat(64), "image/png", "image-generator",
                "1.0.0", "acme+1234abcd", "tiny-vae", "a".repeat(64), Map.of("steps", 20), 42L, "APPROVE", "default@3",
                Instant.parse("2026-12-07T06:00:00Z"), UUID.randomUUID().toString()), "image/png", false);
        return file;
    }

    @Test
    void manifestsAreSignedInTheHsmAndARotationToANewHsmKeyKeepsEverythingVerifiable(@TempDir Path dir)
            throws Exception {
        Path library = SignerTest.SOFTHSM.stream().filter(Files::exists).findFirst().orElseThrow(
                () -> new AssertionError("softhsm2 is not installed (apt-get install softhsm2; .ci/run installs it)"));
        String token = SignerTest.token();
        String labelA = "rot-a-" + UUID.randomUUID().toString().substring(0, 8);
        String labelB = "rot-b-" + UUID.randomUUID().toString().substring(0, 8);
        VerifierKey keyA = Pkcs11Signer.generate(library, token, PIN.toCharArray(), labelA);
        Path keys = dir.resolve("keys");
        PlatformKey fileKey = PlatformKey.loadOrCreate(keys);
        AuditTestSupport.reset(db.dataSource());

        Path beforeRotation;
        VerifierKey keyB;
        long rotation;
        try (AuditTrail trail = open(fileKey, AuditSettings.signer(config(dir, library, token, labelA), fileKey))) {
            assertThat(trail.signer().verifierKey()).isEqualTo(keyA);
            trail.log().append("alice", "policy.activated", "p1", Map.of("version", 1));
            trail.checkpoints().create();

            // provenance goes through the same signer: the manifest and the C2PA root certificate are the HSM key's
            beforeRotation = markedPng(dir, "before.png", trail.signer());
            assertThat(ProvenanceVerifier.verify(beforeRotation, keyA).status())
                    .isEqualTo(ProvenanceVerifier.Status.VERIFIED);
            assertThat(ProvenanceVerifier.verify(beforeRotation, fileKey.verifierKey()).status())
                    .as("not the key file").isEqualTo(ProvenanceVerifier.Status.OTHER_SIGNER);
            SigningCredential credential = SigningCredential.issuedBy(trail.signer());
            X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(credential.chain().get(1)));
            root.verify(keyA.publicKey()); // self-signed inside the HSM
            assertThat(SigningCredential.issuedBy(trail.signer()).chain().get(0))
                    .as("the same HSM key issues the same credential").isEqualTo(credential.chain().get(0));

            // the rotation: a new key pair made in the HSM, endorsed by the old one in an audited event
            HsmKeyRotation.Result rotated = HsmKeyRotation.rotate(config(dir, library, token, labelA), trail, keys,
                    labelB, true, "cli:admin", "HSM key rotation");
            assertThat(rotated.previous()).isEqualTo(keyA);
            keyB = rotated.key();
            rotation = rotated.auditSeq();
            PlatformKey.recordSigner(keys, keyA); // what Platform.start records for a node started with keyA
        }
        assertThatThrownBy(() -> AuditSettings.hsmKey(config(dir, library, token, labelA), labelB, true))
                .hasMessageContaining("already holds a key labelled '" + labelB + "'");

        // the node restarts configured with the new key
        try (AuditTrail trail = open(fileKey, AuditSettings.signer(config(dir, library, token, labelB), fileKey))) {
            assertThat(trail.signer().verifierKey()).isEqualTo(keyB);
            trail.log().append("alice", "policy.activated", "p2", Map.of("version", 2));
            Checkpoints.Stored after = trail.checkpoints().create();
            Path afterRotation = markedPng(dir, "after.png", trail.signer());

            AuditVerifier.Report report = trail.verifier().verify(null);
            assertThat(report.divergences()).isEmpty();
            assertThat(report.checkpointsChecked()).isEqualTo(2);
            assertThat(Checkpoint.verify(trail.checkpoints().all().getFirst().checkpoint().note(), keyA).treeSize())
                    .isEqualTo(2);
            assertThat(Checkpoint.verify(after.checkpoint().note(), keyB).treeSize()).isEqualTo(after.checkpoint()
                    .treeSize());
            assertThat(AuditTestSupport.count(db.dataSource(), "select count(*) from audit_events where seq = "
                    + rotation + " and event_type = 'audit.key.rotated' and payload->>'previous' = '" + keyA.encoded()
                    + "' and payload->>'vkey' = '" + keyB.encoded() + "'")).isEqualTo(1);

            // offline (hallmark verify): the data directory's keys trust what both HSM keys signed
            List<VerifierKey> known = PlatformKey.knownKeys(keys);
            assertThat(known).contains(fileKey.verifierKey(), keyA, keyB);
            assertThat(ProvenanceVerifier.verify(beforeRotation, known).status())
                    .isEqualTo(ProvenanceVerifier.Status.VERIFIED);
            assertThat(ProvenanceVerifier.verify(afterRotation, known).status())
                    .isEqualTo(ProvenanceVerifier.Status.VERIFIED);
            assertThat(ProvenanceVerifier.verify(beforeRotation, List.of(keyB)).status())
                    .as("only because the old key is kept").isEqualTo(ProvenanceVerifier.Status.OTHER_SIGNER);
        }

        // a node still configured with the old key refuses to sign (fail closed)
        try (AuditTrail stale = open(fileKey, AuditSettings.signer(config(dir, library, token, labelA), fileKey))) {
            stale.log().append("alice", "policy.activated", "p3", Map.of("version", 3));
            assertThatThrownBy(() -> stale.checkpoints().create()).hasMessageContaining("was rotated to")
                    .hasMessageContaining(keyB.encoded()).hasMessageContaining("refusing to sign");
        }

        // a rotation away from B that B did not endorse (rows inserted by whoever can write the tables) stops nothing
        try (AuditTrail trail = open(fileKey, AuditSettings.signer(config(dir, library, token, labelB), fileKey))) {
            PlatformKey stranger = PlatformKey.loadOrCreate(dir.resolve("stranger"));
            long forged = trail.log().append("mallory", AuditKeyRegistry.ROTATED_EVENT, stranger.name(), Map.of(
                    "vkey", stranger.verifierKey().encoded(), "previous", keyB.encoded(), "endorsement", "AAAA")).seq();
            AuditTestSupport.tamper(db.dataSource(), "insert into audit_signing_keys (vkey, key_name, registered_at, "
                    + "audit_seq) values ('" + stranger.verifierKey().encoded() + "', '" + stranger.name() + "', now(), "
                    + forged + ")");
        }
        try (AuditTrail trail = open(fileKey, AuditSettings.signer(config(dir, library, token, labelB), fileKey))) {
            Checkpoint signed = trail.checkpoints().create().checkpoint();
            assertThat(Checkpoint.verify(signed.note(), keyB).treeSize()).isEqualTo(signed.treeSize()).isPositive();
        }
    }
}
