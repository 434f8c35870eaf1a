package io.hallmark.core.provenance;

import io.hallmark.core.Version;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * C2PA Content Credentials (C2PA technical specification 2.x): a manifest store in JUMBF with one manifest whose
 * claim ({@code c2pa.claim.v2}) lists three assertions it created: {@code c2pa.actions.v2} (a {@code c2pa.created}
 * action with the digital source type {@value ProvenanceManifest#TRAINED_ALGORITHMIC_MEDIA} and the generator
 * plugin as software agent), the hard binding to the file's bytes ({@code c2pa.hash.data} or
 * {@code c2pa.hash.bmff.v2}) and {@value #HALLMARK_ASSERTION} (generator, model and its SHA-256, seed,
 * parameters, governance decision and policy version, content item). The claim is signed as a COSE_Sign1
 * (RFC 9052, detached payload, EdDSA) with the {@link SigningCredential}'s certificate chain in the protected
 * {@code x5chain} header.
 */
public final class ContentCredentials {

    /** The label of Hallmark's own assertion. */
    public static final String HALLMARK_ASSERTION = "io.hallmark.provenance";
    private static final int COSE_ALG = 1;
    private static final int COSE_X5CHAIN = 33;
    private static final int COSE_EDDSA = -8;
    private static final int COSE_SIGN1_TAG = 18;

    /** The labels that tie a store, its claim and the file's XMP together. */
    public record Identity(String manifestLabel, String instanceId) {
        public static Identity random() {
            return new Identity("urn:c2pa:" + UUID.randomUUID(), "xmp:iid:" + UUID.randomUUID());
        }
    }

    private final SigningCredential credential;

    public ContentCredentials(SigningCredential credential) {
        this.credential = credential;
    }

    /**
     * Embeds signed Content Credentials into the file (which already carries everything else it will carry: the
     * store is bound to all of it).
     */
    byte[] embed(byte[] asset, ManifestContainer container, ProvenanceManifest statement, Identity id) {
        int length = 4096;
        for (int attempt = 0; attempt < 6; attempt++) {
            byte[] placed = container.place(asset, placeholder(length)); // the binding excludes the store's bytes
            byte[] store = store(statement, id, container.bind(placed));
            if (store.length == length) {
                return container.place(asset, store);
            }
            length = store.length;
        }
        throw new IllegalStateException("The C2PA manifest store's length did not settle");
    }

    /**
     * The label of the first manifest in the C2PA manifest store a PNG, JPEG or MP4 carries (as Hallmark writes
     * it: {@code caBX}, APP11, C2PA {@code uuid} box), or empty when there is none. It says the credentials are
     * there; validating them is a C2PA validator's job ({@code scripts/c2pa/check-marks.sh}).
     */
    public static Optional<String> manifestLabel(byte[] file) {
        try {
            int at = -1;
            if (PngChunks.isPng(file)) {
                int pos = 8;
                while (pos + 12 <= file.length && at < 0) {
                    int length = ByteBuffer.wrap(file, pos, 4).getInt();
                    at = new String(file, pos + 4, 4, StandardCharsets.ISO_8859_1).equals(PngChunks.C2PA_CHUNK)
                            ? pos + 8 : -1;
                    pos += 12 + length;
                }
            } else if (JpegSegments.isJpeg(file)) {
                at = JpegSegments.firstC2paBox(file);
            } else if (Mp4Boxes.isMp4(file)) {
                for (Mp4Boxes.TopBox box : Mp4Boxes.topBoxes(file)) {
                    if (Mp4Boxes.C2PA_USER_TYPE.equals(box.userType())) {
                        at = box.offset() + 8 + 16 + 4 + "manifest\0".length() + 8;
                    }
                }
            }
            if (at < 0 || !label(file, at + 8).equals("c2pa")) {
                return Optional.empty();
            }
            int description = ByteBuffer.wrap(file, at + 8, 4).getInt();
            return Optional.of(label(file, at + 8 + description + 8));
        } catch (RuntimeException e) {
            return Optional.empty(); // truncated or foreign bytes: no readable store
        }
    }

    /** The label of the {@code jumd} description box at {@code at}, or "" when it is not one. */
    private static String label(byte[] file, int at) {
        if (!new String(file, at + 4, 4, StandardCharsets.ISO_8859_1).equals("jumd")) {
            return "";
        }
        int start = at + 8 + 16 + 1;
        int end = start;
        while (file[end] != 0) {
            end++;
        }
        return new String(file, start, end - start, StandardCharsets.UTF_8);
    }

    /** A JUMBF superbox header and zeros: stands in for the store while the binding is computed. */
    private static byte[] placeholder(int length) {
        return ByteBuffer.allocate(length).putInt(length).put("jumb".getBytes(StandardCharsets.US_ASCII))
                .array();
    }

    /** The signed manifest store (a JUMBF superbox labelled {@code c2pa}). */
    byte[] store(ProvenanceManifest m, Identity id, ManifestContainer.HardBinding binding) {
        List<byte[]> boxes = new ArrayList<>();
        List<Object> created = new ArrayList<>();
        addAssertion(boxes, created, "c2pa.actions.v2", actions(m));
        addAssertion(boxes, created, binding.label(), binding.assertion());
        addAssertion(boxes, created, HALLMARK_ASSERTION, hallmark(m));

        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("name", "Hallmark");
        generator.put("version", Version.current());
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("instanceID", id.instanceId());
        claim.put("claim_generator_info", generator);
        claim.put("signature", "self#jumbf=/c2pa/" + id.manifestLabel() + "/c2pa.signature");
        claim.put("created_assertions", created);
        claim.put("alg", "sha256");
        byte[] claimCbor = Cbor.encode(claim);

        byte[] manifest = Jumbf.superbox(Jumbf.MANIFEST, id.manifestLabel(),
                Jumbf.superbox(Jumbf.ASSERTION_STORE, "c2pa.assertions", boxes.toArray(byte[][]::new)),
                Jumbf.cborBox(Jumbf.CLAIM, "c2pa.claim.v2", claimCbor),
                Jumbf.cborBox(Jumbf.SIGNATURE, "c2pa.signature", coseSign1(claimCbor)));
        return Jumbf.superbox(Jumbf.MANIFEST_STORE, "c2pa", manifest);
    }

    private static void addAssertion(List<byte[]> boxes, List<Object> refs, String label, Map<String, Object> content) {
        byte[] box = Jumbf.cborBox(Jumbf.CBOR, label, Cbor.encode(content));
        boxes.add(box);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("url", "self#jumbf=c2pa.assertions/" + label);
        ref.put("hash", sha256(Jumbf.withoutHeader(box)));
        refs.add(ref);
    }

    /** COSE_Sign1 over the claim (detached): protected {alg: EdDSA, x5chain}, Sig_structure "Signature1". */
    private byte[] coseSign1(byte[] claim) {
        Map<Object, Object> headers = new LinkedHashMap<>();
        headers.put(COSE_ALG, COSE_EDDSA);
        headers.put(COSE_X5CHAIN, new ArrayList<Object>(credential.chain()));
        byte[] protectedHeader = Cbor.encode(headers);
        byte[] toSign = Cbor.encode(List.of("Signature1", protectedHeader, new byte[0], claim));
        byte[] signature = credential.sign(toSign);
        List<Object> sign1 = new ArrayList<>();
        sign1.add(protectedHeader);
        sign1.add(Map.of());
        sign1.add(null);
        sign1.add(signature);
        return Cbor.encode(new Cbor.Tagged(COSE_SIGN1_TAG, sign1));
    }

    private static Map<String, Object> actions(ProvenanceManifest m) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("name", m.pluginId());
        agent.put("version", m.pluginVersion());
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "c2pa.created");
        action.put("when", m.createdAt().toString());
        action.put("softwareAgent", agent);
        action.put("digitalSourceType", ProvenanceManifest.TRAINED_ALGORITHMIC_MEDIA);
        return Map.of("actions", List.of(action));
    }

    private static Map<String, Object> hallmark(ProvenanceManifest m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", ProvenanceManifest.FORMAT);
        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("pluginId", m.pluginId());
        generator.put("pluginVersion", m.pluginVersion());
        putIfPresent(generator, "pluginSigner", m.pluginSigner());
        out.put("generator", generator);
        Map<String, Object> model = new LinkedHashMap<>();
        putIfPresent(model, "id", m.modelId());
        putIfPresent(model, "sha256", m.modelSha256());
        out.put("model", model);
        Map<String, Object> governance = new LinkedHashMap<>();
        putIfPresent(governance, "decision", m.decision());
        putIfPresent(governance, "policyVersion", m.policyVersion());
        out.put("governance", governance);
        putIfPresent(out, "seed", m.seed());
        putIfPresent(out, "contentItemId", m.contentItemId());
        out.put("parameters", withoutNulls(m.parameters()));
        out.put("createdAt", m.createdAt().toString());
        return out;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        new TreeMap<>(map).forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                Map<String, Object> copy = new LinkedHashMap<>();
                nested.forEach((nk, nv) -> copy.put(String.valueOf(nk), nv));
                out.put(k, withoutNulls(copy));
            } else if (v instanceof Number || v instanceof Boolean || v instanceof String || v instanceof List<?>) {
                out.put(k, v);
            } else if (v != null) {
                out.put(k, v.toString());
            }
        });
        return out;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * The {@code c2pa.hash.data} binding of a file whose store occupies {@code length} bytes from {@code start}
     * (the whole chunk or segments that hold it): the SHA-256 of every other byte.
     */
    static ManifestContainer.HardBinding dataHash(byte[] file, int start, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(file, 0, start);
            d.update(file, start + length, file.length - start - length);
            Map<String, Object> exclusion = new LinkedHashMap<>();
            exclusion.put("start", start);
            exclusion.put("length", length);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("exclusions", List.of(exclusion));
            a.put("name", "jumbf manifest");
            a.put("alg", "sha256");
            a.put("hash", d.digest());
            a.put("pad", new byte[0]);
            return new ManifestContainer.HardBinding("c2pa.hash.data", a);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
