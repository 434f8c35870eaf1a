package io.hallmark.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.core.Version;
import io.hallmark.core.audit.CanonicalJson;
import io.hallmark.core.audit.Signer;
import io.hallmark.core.audit.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs provenance manifests with the platform key (the {@link Signer} that signs the audit checkpoints: the key
 * file, or the key in an HSM). The signed form is the manifest's JSON plus a
 * {@code signature} member {@code {"alg":"Ed25519","publicKey":<C2SP vkey>,"value":<base64>}}, where the
 * signature covers the canonical JSON ({@link CanonicalJson}) of the manifest without that member.
 */
public final class ProvenanceSigner {

    private final Signer key;

    public ProvenanceSigner(Signer key) {
        this.key = key;
    }

    /** The signed manifest as canonical JSON text. */
    public String sign(ProvenanceManifest manifest) {
        Map<String, Object> json = manifest.toJson("Hallmark/" + Version.current(), key.name());
        byte[] signed = CanonicalJson.bytes(json);
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("alg", "Ed25519");
        signature.put("publicKey", key.verifierKey().encoded());
        signature.put("value", Base64.getEncoder().encodeToString(key.sign(signed)));
        Map<String, Object> out = new LinkedHashMap<>(json);
        out.put("signature", signature);
        return CanonicalJson.string(out);
    }

    /** The outcome of checking a signed manifest's signature. */
    public enum SignatureCheck { VALID_TRUSTED, VALID_OTHER_KEY, INVALID, MALFORMED }

    /**
     * Checks the signature of a signed manifest; {@code trusted} are the keys that mean "made here": the platform's
     * key and the keys it had before a rotation.
     */
    public static SignatureCheck check(JsonNode signedManifest, Collection<VerifierKey> trusted) {
        try {
            JsonNode sig = signedManifest.path("signature");
            if (!"Ed25519".equals(sig.path("alg").asText())) {
                return SignatureCheck.MALFORMED;
            }
            VerifierKey signer = VerifierKey.parse(sig.path("publicKey").asText());
            ObjectNode body = signedManifest.deepCopy();
            body.remove("signature");
            byte[] bytes = CanonicalJson.string(body).getBytes(StandardCharsets.UTF_8);
            if (!signer.verify(bytes, Base64.getDecoder().decode(sig.path("value").asText()))) {
                return SignatureCheck.INVALID;
            }
            return trusted.contains(signer) ? SignatureCheck.VALID_TRUSTED : SignatureCheck.VALID_OTHER_KEY;
        } catch (RuntimeException e) {
            return SignatureCheck.MALFORMED;
        }
    }
}
