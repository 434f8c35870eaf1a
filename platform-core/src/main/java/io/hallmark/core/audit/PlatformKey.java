package io.hallmark.core.audit;

import io.hallmark.api.HallmarkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's Ed25519 signing key (the JDK's own Ed25519), made on first use under
 * {@code <data-dir>/keys/}: {@code platform-ed25519.key} (PKCS#8, readable by the owner only) and
 * {@code platform.vkey} (the public key in the C2SP signed-note verifier-key form
 * {@code <name>+<hex key hash>+<base64(0x01 || public key)>}). It signs audit checkpoints, export bundles and
 * provenance manifests. The private key never leaves this class and is never logged.
 */
public final class PlatformKey implements Signer {

    public static final String PRIVATE_FILE = "platform-ed25519.key";
    public static final String PUBLIC_FILE = "platform.vkey";
    /** Public keys of the HSM keys this data directory's node has signed with ({@link #recordSigner}). */
    public static final String SIGNERS_DIR = "signers";
    /** Public keys of file keys replaced by a rotation ({@link #promoteNext}). */
    public static final String RETIRED_DIR = "retired";

    private static final Logger log = LoggerFactory.getLogger(PlatformKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    private PlatformKey(PrivateKey privateKey, VerifierKey verifierKey) {
        this.privateKey = privateKey;
        this.verifierKey = verifierKey;
    }

    /** Loads the key from {@code keysDir}, making a new key pair there first when there is none. */
    public static PlatformKey loadOrCreate(Path keysDir) {
        Path priv = keysDir.resolve(PRIVATE_FILE);
        Path pub = keysDir.resolve(PUBLIC_FILE);
        try {
            if (!Files.exists(priv)) {
                create(keysDir, priv, pub);
            }
            checkPermissions(priv);
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
            VerifierKey vkey = VerifierKey.parse(Files.readString(pub, StandardCharsets.UTF_8).trim());
            PlatformKey key = new PlatformKey(privateKey, vkey);
            if (!vkey.verify("probe".getBytes(StandardCharsets.UTF_8), key.sign("probe".getBytes(StandardCharsets.UTF_8)))) {
                throw new HallmarkException("The platform key files in " + keysDir + " do not belong together ("
                        + PUBLIC_FILE + " is not the public half of " + PRIVATE_FILE + "); restore them from backup");
            }
            return key;
        } catch (IOException | GeneralSecurityException e) {
            throw new HallmarkException("Cannot load the platform signing key from " + keysDir + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path dir, Path priv, Path pub) throws IOException, GeneralSecurityException {
        createOwnerOnlyDirectory(dir);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = VerifierKey.rawPublicKey(pair.getPublic());
        String name = "hallmark-" + Hashes.hex(Hashes.sha256(raw)).substring(0, 12);
        VerifierKey vkey = VerifierKey.of(name, raw);
        writeOwnerOnly(dir, pub, (vkey.encoded() + "\n").getBytes(StandardCharsets.UTF_8));
        writeOwnerOnly(dir, priv, pair.getPrivate().getEncoded());
        log.info("Created the platform signing key {} in {}", vkey.encoded(), dir);
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    private static void writeOwnerOnly(Path dir, Path target, byte[] content) throws IOException {
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, ".key", ".tmp");
        }
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Refuses a private key that group or others may read or write: a key that was exposed must be treated as
     * compromised (rotate it), not silently tightened.
     */
    private static void checkPermissions(Path priv) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(priv);
            if (!OWNER_ONLY_FILE.containsAll(perms)) {
                throw new HallmarkException("The platform private key " + priv + " is accessible to group or others ("
                        + PosixFilePermissions.toString(perms) + "); refusing to use it. If nobody else could have "
                        + "read it, restrict it with 'chmod 600 " + priv + "'; otherwise treat it as compromised and "
                        + "rotate it (docs/audit.md, key rotation)");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }

    /**
     * Makes a new key pair in {@code keysDir/next/} for a rotation (the current key stays in place until
     * {@link #promoteNext} once the rotation is recorded).
     */
    public static PlatformKey createNext(Path keysDir) {
        Path next = keysDir.resolve("next");
        try {
            if (Files.exists(next.resolve(PRIVATE_FILE))) {
                throw new HallmarkException("A key rotation is already prepared in " + next + "; finish it "
                        + "(hallmark audit rotate-key) or remove that folder");
            }
            createOwnerOnlyDirectory(next);
            return loadOrCreate(next);
        } catch (IOException e) {
            throw new HallmarkException("Cannot make the next platform key in " + next + ": " + e.getMessage(), e);
        }
    }

    /**
     * Retires the current key (its public half to {@code keysDir/retired/<name>.vkey}; its private half is deleted)
     * and moves the prepared one from
     * {@code keysDir/next/} into its place.
     */
    public static void promoteNext(Path keysDir, VerifierKey current) {
        Path next = keysDir.resolve("next");
        Path retired = keysDir.resolve(RETIRED_DIR);
        try {
            createOwnerOnlyDirectory(retired);
            // the public half stays on record; the private half is no longer used by anything
            Files.move(keysDir.resolve(PUBLIC_FILE), retired.resolve(current.name() + ".vkey"));
            Files.delete(keysDir.resolve(PRIVATE_FILE));
            Files.move(next.resolve(PRIVATE_FILE), keysDir.resolve(PRIVATE_FILE), StandardCopyOption.ATOMIC_MOVE);
            Files.move(next.resolve(PUBLIC_FILE), keysDir.resolve(PUBLIC_FILE), StandardCopyOption.ATOMIC_MOVE);
            Files.delete(next);
        } catch (IOException e) {
            throw new HallmarkException("The rotation is recorded but the key files could not be swapped (" + e.getMessage()
                    + "): move " + next + "/* into " + keysDir + " by hand", e);
        }
    }

    /**
     * Records the public half of a signing key that is not this folder's key file (a key in an HSM) as {@code
     * keysDir/signers/<name>.vkey}, so that offline checks ({@code hallmark verify}) trust what it signed without
     * reaching the HSM; nothing when it is recorded already.
     */
    public static void recordSigner(Path keysDir, VerifierKey key) {
        Path signers = keysDir.resolve(SIGNERS_DIR);
        Path file = signers.resolve(key.name() + ".vkey");
        try {
            if (Files.isRegularFile(file)) {
                return;
            }
            createOwnerOnlyDirectory(signers);
            Files.writeString(file, key.encoded() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HallmarkException("Cannot record the signing key " + key.name() + " in " + signers + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Every public key this data directory's node has signed with: the key file's ({@code platform.vkey}), the HSM
     * keys ({@code signers/}) and the file keys retired by a rotation ({@code retired/}); for offline checks of what it
     * signed (provenance manifests), which stay valid after a rotation.
     */
    public static List<VerifierKey> knownKeys(Path keysDir) {
        List<VerifierKey> keys = new ArrayList<>();
        if (Files.isRegularFile(keysDir.resolve(PUBLIC_FILE))) {
            keys.add(readVerifierKey(keysDir));
        }
        for (String dir : List.of(SIGNERS_DIR, RETIRED_DIR)) {
            Path folder = keysDir.resolve(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".vkey")).sorted().toList()) {
                    VerifierKey k = VerifierKey.parse(Files.readString(f, StandardCharsets.UTF_8).trim());
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new HallmarkException("Cannot read the public keys in " + folder + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** Reads only the public key from a keys folder (no private key needed, no lock). */
    public static VerifierKey readVerifierKey(Path keysDir) {
        Path pub = keysDir.resolve(PUBLIC_FILE);
        try {
            return VerifierKey.parse(Files.readString(pub, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new HallmarkException("Cannot read the platform public key " + pub + ": " + e.getMessage()
                    + "; is this the right --data-dir, and has the platform run on it?", e);
        }
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    @Override
    public String name() {
        return verifierKey.name();
    }

    public PublicKey publicKey() {
        return verifierKey.publicKey();
    }

    @Override
    public String toString() {
        return "PlatformKey[" + verifierKey.encoded() + "]"; // never the private half
    }
}
