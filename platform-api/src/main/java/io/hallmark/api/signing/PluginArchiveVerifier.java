package io.hallmark.api.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipFile;

/**
 * Checks a plugin archive's signature against a set of trusted keys and that no entry changed since signing.
 */
public final class PluginArchiveVerifier {

    private PluginArchiveVerifier() {}

    /**
     * Verifies {@code archive}.
     *
     * @param trustedKeys looks up a trusted public key by key id
     * @throws PluginSignatureException saying exactly what is wrong: unsigned, unknown key, bad signature, or
     *     which entry was modified, added or removed after signing
     */
    public static VerifiedArchive verify(Path archive, Function<String, Optional<PublicKey>> trustedKeys) {
        String name = archive.getFileName().toString();
        try {
            Map<String, String> actual = ArchiveDigests.of(archive);
            byte[] signedDigests;
            Map<String, String> signature;
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                var digestsEntry = zip.getEntry(ArchiveDigests.DIGESTS_ENTRY);
                var signatureEntry = zip.getEntry(ArchiveDigests.SIGNATURE_ENTRY);
                if (digestsEntry == null || signatureEntry == null) {
                    throw new PluginSignatureException("Plugin archive " + name + " is not signed; sign it with "
                            + "'hallmark plugins sign " + name + " --key KEY' using a key an administrator trusts, or "
                            + "enable development mode (plugins-dev-mode=true) to load unsigned plugins");
                }
                try (InputStream in = zip.getInputStream(digestsEntry)) {
                    signedDigests = in.readAllBytes();
                }
                try (InputStream in = zip.getInputStream(signatureEntry)) {
                    signature = parseSignatureFile(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
                }
            }
            String keyId = signature.get("key-id");
            PublicKey key = trustedKeys.apply(keyId).orElseThrow(() -> new PluginSignatureException(
                    "Plugin archive " + name + " is signed by key " + keyId + ", which is not trusted here; an "
                            + "administrator can trust it with 'hallmark plugins trust PUBLIC_KEY_FILE'"));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedDigests);
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(signature.get("signature"));
            } catch (IllegalArgumentException e) {
                throw new PluginSignatureException("Plugin archive " + name + " has a corrupt signature value");
            }
            if (!verifier.verify(sig)) {
                throw new PluginSignatureException("Plugin archive " + name + ": the signature of its digest list "
                        + "does not verify with key " + keyId + "; the archive was tampered with after signing");
            }
            compare(ArchiveDigests.parse(signedDigests), actual, name);
            return new VerifiedArchive(keyId, sha256(archive), actual.size());
        } catch (IOException e) {
            throw new PluginSignatureException("Cannot read plugin archive " + name + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new PluginSignatureException("Cannot verify plugin archive " + name + ": " + e.getMessage());
        }
    }

    private static void compare(Map<String, String> signed, Map<String, String> actual, String name) {
        TreeSet<String> all = new TreeSet<>(signed.keySet());
        all.addAll(actual.keySet());
        for (String entry : all) {
            String expected = signed.get(entry);
            String found = actual.get(entry);
            if (expected == null) {
                throw new PluginSignatureException("Plugin archive " + name + ": entry '" + entry
                        + "' was added after signing");
            }
            if (found == null) {
                throw new PluginSignatureException("Plugin archive " + name + ": entry '" + entry
                        + "' was removed after signing");
            }
            if (!expected.equals(found)) {
                throw new PluginSignatureException("Plugin archive " + name + ": entry '" + entry
                        + "' was modified after signing (SHA-256 " + found + ", signed " + expected + ")");
            }
        }
    }

    private static Map<String, String> parseSignatureFile(String text, String name) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 2).trim());
            }
        }
        if (!"hallmark-plugin-signature-v1".equals(fields.get("format")) || !"Ed25519".equals(fields.get("algorithm"))
                || fields.get("key-id") == null || fields.get("signature") == null) {
            throw new PluginSignatureException("Plugin archive " + name + " has a malformed " + ArchiveDigests.SIGNATURE_ENTRY);
        }
        return fields;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = ArchiveDigests.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
