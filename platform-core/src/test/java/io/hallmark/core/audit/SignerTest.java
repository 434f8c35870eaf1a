package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.core.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform key behind {@link Signer}: a file readable by the owner only, or a key in SoftHSM2 over PKCS#11. */
class SignerTest {

    /** Where Debian's softhsm2 package puts the PKCS#11 module. */
    static final List<Path> SOFTHSM = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"));

    @Test
    void aFileKeyReadableByGroupOrOthersIsRefusedAtStart(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        PlatformKey.loadOrCreate(keys);
        Path priv = keys.resolve(PlatformKey.PRIVATE_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> PlatformKey.loadOrCreate(keys)).hasMessageContaining("accessible to group or others")
                .hasMessageContaining("rw-r--r--").hasMessageContaining("refusing");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)))
                .as("left as it was: the operator decides").isEqualTo("rw-r--r--");
    }

    @Test
    void anEd25519KeyInSoftHsmSignsCheckpointsAndRetentionEventsThatVerifyWithTheJdk() throws Exception {
        Path library = SOFTHSM.stream().filter(Files::exists).findFirst().orElseThrow(() -> new AssertionError(
                "softhsm2 is not installed (apt-get install softhsm2; .ci/run installs it)"));
        String token = token();

        VerifierKey generated = Pkcs11Signer.generate(library, token, "1234".toCharArray(), "signer-test");
        try (Pkcs11Signer hsm = Pkcs11Signer.open(library, token, "1234".toCharArray(), "signer-test")) {
            assertThat(hsm.verifierKey()).isEqualTo(generated);
            Checkpoint cp = Checkpoint.sign("hallmark.audit/" + UUID.randomUUID(), 42, new byte[32], Instant.now(), hsm);
            assertThat(Checkpoint.verify(cp.note(), generated).treeSize()).isEqualTo(42);
            Map<String, Object> payload = new RetentionEvent(Instant.parse("2020-01-01T00:00:00Z"), 183,
                    List.of(new long[] {1, 5}), 5).signedPayload(hsm, Map.of());
            assertThat(RetentionEvent.verify(CanonicalJson.string(payload), Instant.parse("2020-07-02T00:00:00Z"),
                    List.of(generated)).eventsRemoved()).isEqualTo(5);
        }
        assertThatThrownBy(() -> Pkcs11Signer.open(library, token, "0000".toCharArray(), "signer-test"))
                .hasMessageContaining("wrong PIN");
        assertThatThrownBy(() -> Pkcs11Signer.open(library, token, "1234".toCharArray(), "missing"))
                .hasMessageContaining("no Ed25519 key pair labelled 'missing'");
        assertThatThrownBy(() -> Pkcs11Signer.open(library, "no-such-token", "1234".toCharArray(), "signer-test"))
                .hasMessageContaining("No PKCS#11 token labelled 'no-such-token'");
    }

    private static String token;

    /**
     * One SoftHSM2 token for the test JVM, in a folder of the build (SOFTHSM2_CONF, set by the build, points at its
     * config). Made before any test loads the library: SoftHSM2 reads its tokens when initialized.
     */
    static synchronized String token() throws IOException, InterruptedException {
        if (token != null) {
            return token;
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        assertThat(conf).as("SOFTHSM2_CONF is set for the tests by platform-core's pom").isNotNull();
        Path tokens = Files.createDirectories(TestPaths.buildDir().resolve("softhsm-tokens"));
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n", StandardCharsets.UTF_8);
        String label = "hallmark-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> cmd = new ArrayList<>(List.of("softhsm2-util", "--init-token", "--free", "--label", label,
                "--so-pin", "12345678", "--pin", "1234"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        token = label;
        return token;
    }
}
