package io.hallmark.api.signing;

import io.hallmark.api.HallmarkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Signs a plugin archive in place: adds (or replaces) {@code META-INF/HALLMARK.DIGESTS} and
 * {@code META-INF/HALLMARK.SIG}. The archive is rewritten to a temporary file and moved over the original, so a
 * failure leaves the original untouched.
 */
public final class PluginArchiveSigner {

    private PluginArchiveSigner() {}

    /**
     * Signs {@code archive} with {@code privateKey}; {@code publicKey} names the key in the signature.
     *
     * @return the key id written into the signature
     */
    public static String sign(Path archive, PrivateKey privateKey, PublicKey publicKey) {
        try {
            Map<String, String> digests = ArchiveDigests.of(archive);
            byte[] canonical = ArchiveDigests.canonical(digests);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(canonical);
            byte[] signature = signer.sign();
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(publicKey);
            check.update(canonical);
            if (!check.verify(signature)) {
                throw new HallmarkException("The public key does not belong to the private key; pass the matching pair");
            }
            String keyId = SigningKeys.keyId(publicKey);
            String sigFile = "format: hallmark-plugin-signature-v1\nalgorithm: Ed25519\nkey-id: " + keyId
                    + "\nsignature: " + Base64.getEncoder().encodeToString(signature) + "\n";
            rewrite(archive, canonical, sigFile.getBytes(StandardCharsets.UTF_8));
            return keyId;
        } catch (IOException e) {
            throw new HallmarkException("Cannot sign " + archive + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new HallmarkException("Cannot sign " + archive + " with this key: " + e.getMessage(), e);
        }
    }

    private static void rewrite(Path archive, byte[] digests, byte[] signature) throws IOException {
        Path tmp = Files.createTempFile(archive.toAbsolutePath().getParent(), ".signing-", ".tmp");
        try {
            try (InputStream file = Files.newInputStream(archive);
                    ZipInputStream in = new ZipInputStream(file);
                    OutputStream outFile = Files.newOutputStream(tmp);
                    ZipOutputStream out = new ZipOutputStream(outFile)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (name.equals(ArchiveDigests.DIGESTS_ENTRY) || name.equals(ArchiveDigests.SIGNATURE_ENTRY)) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(name);
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(ArchiveDigests.DIGESTS_ENTRY));
                out.write(digests);
                out.closeEntry();
                out.putNextEntry(new ZipEntry(ArchiveDigests.SIGNATURE_ENTRY));
                out.write(signature);
                out.closeEntry();
            }
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
